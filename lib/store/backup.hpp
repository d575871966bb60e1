// Copies of a guazhi database made with SQLite's online backup API: `guazhi backup FILE`, and
// the copy taken automatically before a schema migration changes an existing file.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>

namespace guazhi {

struct BackupResult {
    std::int64_t pages = 0;
    std::int64_t bytes = 0;
};

// Copies the open database `source` (the file `source_path`) to `target`: one consistent
// snapshot taken under a single read lock, so other processes go on writing meanwhile (WAL
// readers do not block writers). The copy is written to `<target>.tmp-<pid>` with mode 0600
// (it holds ID numbers), synced, and only then renamed to `target`, so `target` never holds
// half a backup. It is a self-contained file (rollback journal mode, no -wal beside it).
// Refuses the database itself, and an existing `target` unless `overwrite`. Throws StoreError.
BackupResult backup_database(SQLite::Database& source, const std::filesystem::path& source_path,
                             const std::filesystem::path& target, bool overwrite);

// Where the copy taken before migrating `db` to schema `version` goes: `<db>.pre-v<version>.bak`,
// or `<db>.pre-v<version>.2.bak`, `.3.bak` … when that exists — an earlier copy is never replaced.
std::filesystem::path pre_migration_backup_path(const std::filesystem::path& db, int version);

} // namespace guazhi
