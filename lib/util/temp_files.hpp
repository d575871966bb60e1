// Files written through a temporary `<target>.tmp-<pid>` and renamed into place (exports,
// backups): what is left of one whose process was killed before the rename.
#pragma once

#include <filesystem>

namespace guazhi::util {

// Removes `<target>.tmp-<pid>` (and SQLite's `-journal`, `-wal`, `-shm` beside it) for every
// pid that is no longer running. A SIGKILL cannot be caught, so such a file can be left by a
// killed export or backup; `target` itself is never half-written because it only ever
// appears by rename. A file of a running process (even another user's) is left alone.
// Returns how many files were removed; errors are ignored (the caller writes its own file).
int remove_stale_temporaries(const std::filesystem::path& target);

} // namespace guazhi::util
