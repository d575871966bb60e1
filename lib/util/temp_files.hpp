// Files written through a temporary `<target>.tmp-<pid>` and renamed into place (exports,
// backups): what is left of one whose process was killed before the rename.
#pragma once

#include <filesystem>
#include <string>

namespace guazhi::util {

// Removes `<target>.tmp-<pid>` (and SQLite's `-journal`, `-wal`, `-shm` beside it) for every
// pid that is no longer running. A SIGKILL cannot be caught, so such a file can be left by a
// killed export or backup; `target` itself is never half-written because it only ever
// appears by rename. A file of a running process (even another user's) is left alone.
// Returns how many files were removed; errors are ignored (the caller writes its own file).
int remove_stale_temporaries(const std::filesystem::path& target);

// A temporary file of this process, created beside its target with O_CREAT|O_EXCL|O_NOFOLLOW
// and mode 0600 whatever the umask (it holds personal data until it is renamed into place),
// and removed on every way out: the destructor, and SIGINT, SIGTERM, SIGHUP and SIGQUIT (a
// handler unlinks every temporary still registered, with SQLite's -journal, -wal and -shm
// beside it, then dies of the signal as it would have). Only SIGKILL leaves one, for
// remove_stale_temporaries() to find.
class PrivateTemp {
  public:
    // Creates `<target>.tmp-<pid>`; throws Error naming `target` when it cannot.
    explicit PrivateTemp(const std::filesystem::path& target);
    ~PrivateTemp();
    PrivateTemp(const PrivateTemp&) = delete;
    PrivateTemp& operator=(const PrivateTemp&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // The open descriptor (write-only), or -1 once release_fd() handed it over.
    int release_fd();
    // After a successful rename: nothing to remove any more.
    void keep();

  private:
    std::filesystem::path path_;
    int fd_ = -1;
    int slot_ = -1; // its place among the files the signal handler removes
    bool kept_ = false;
};

// Creates `path` for writing, O_EXCL|O_NOFOLLOW, mode 0600 whatever the umask; -1 and errno set
// when it cannot (it exists, is a link, the directory is not writable).
int create_private_file(const std::filesystem::path& path);

// Writes a file's contents (by path), or the directory entry of `target` (its directory), to
// the disk, so that what was written and renamed survives a power cut. 0 on success, else the
// errno (EIO, ENOSPC). A file system that cannot sync a directory (EINVAL) counts as done.
int sync_file(const std::filesystem::path& path);
int sync_directory_of(const std::filesystem::path& target);

} // namespace guazhi::util
