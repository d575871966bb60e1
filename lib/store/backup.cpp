#include "store/backup.hpp"

#include "error.hpp"
#include "util/temp_files.hpp"

#include <SQLiteCpp/Backup.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <sqlite3.h>
#include <thread>
#include <unistd.h>

namespace guazhi {

namespace fs = std::filesystem;

namespace {

// Removes the temporary copy and anything SQLite left beside it, unless the copy was renamed
// into place.

// Renames without replacing an existing file, atomically where the file system can.
bool rename_no_replace(const fs::path& from, const fs::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
    if (errno != EINVAL && errno != ENOSYS) return false;
    // A file system without RENAME_NOREPLACE: a hard link fails on an existing name.
    if (::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return true;
    }
    return false;
}

} // namespace

BackupResult backup_database(SQLite::Database& source, const fs::path& source_path, const fs::path& target,
                             bool overwrite) {
    std::error_code ec;
    if (fs::equivalent(target, source_path, ec))
        throw StoreError(msg("{}: that is the database itself; choose another file", target.string()));
    if (fs::is_directory(target, ec))
        throw StoreError(msg("{}: is a directory; give a file name for the backup", target.string()));
    if (!overwrite && fs::exists(fs::symlink_status(target, ec)))
        throw StoreError(msg("{}: already exists; not overwritten", target.string()));

    // Created here with 0600 before SQLite opens it, as the database itself is: SQLite would
    // use 0644, and the copy holds every ID number. Removed, with its -journal, on any way out
    // but SIGKILL (whose leftovers the next backup removes).
    std::optional<util::PrivateTemp> temp;
    try {
        temp.emplace(target);
    } catch (const Error& e) {
        throw StoreError(e.message());
    }
    ::close(temp->release_fd());
    const fs::path& tmp_path = temp->path();

    BackupResult result;
    try {
        SQLite::Database copy(tmp_path.string(), SQLite::OPEN_READWRITE);
        {
            SQLite::Backup backup(copy, source);
            // All pages in one step: the copy is one snapshot read under one read lock. Copying
            // in slices would restart whenever another process commits, and never finish under
            // steady writing. A busy source (a WAL being recovered) is retried for a while.
            for (int attempt = 0;; ++attempt) {
                int rc = backup.executeStep(-1);
                if (rc == SQLITE_DONE) break;
                if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 100) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    continue;
                }
                throw StoreError(msg("{}: the backup did not finish: {}", target.string(), sqlite3_errstr(rc)));
            }
            result.pages = backup.getTotalPageCount();
        }
        // The source's header says WAL; a backup is one file to copy or hand on, so it keeps a
        // rollback journal. Opening it with guazhi turns WAL on again.
        copy.exec("PRAGMA journal_mode = DELETE");
        result.bytes = copy.execAndGet("PRAGMA page_count").getInt64() * copy.execAndGet("PRAGMA page_size").getInt64();
    } catch (const SQLite::Exception& e) {
        throw StoreError(msg("{}: the backup failed: {}; nothing was written", target.string(), e.what()));
    }
    if (int error = util::sync_file(tmp_path))
        throw StoreError(msg("{}: the backup could not be written to the disk: {}; nothing was written",
                                     target.string(), std::strerror(error)));

    bool renamed = overwrite ? std::rename(tmp_path.c_str(), target.c_str()) == 0 : rename_no_replace(tmp_path, target);
    if (!renamed) {
        if (errno == EEXIST) throw StoreError(msg("{}: already exists; not overwritten", target.string()));
        throw StoreError(msg("{}: cannot write the backup: {}", target.string(), std::strerror(errno)));
    }
    temp->keep();
    // The rename itself survives a power cut only once the directory is synced.
    if (int error = util::sync_directory_of(target))
        throw StoreError(msg("{}: the backup was written, but its directory could not be synced to the disk "
                                     "({}); a power cut could still lose it",
                                     target.string(), std::strerror(error)));
    return result;
}

fs::path pre_migration_backup_path(const fs::path& db, int version) {
    std::error_code ec;
    for (int n = 1;; ++n) {
        fs::path candidate(n == 1 ? fmt::format("{}.pre-v{}.bak", db.string(), version)
                                  : fmt::format("{}.pre-v{}.{}.bak", db.string(), version, n));
        if (!fs::exists(fs::symlink_status(candidate, ec))) return candidate;
    }
}

} // namespace guazhi
