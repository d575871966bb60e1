// Opening a guazhi database: creation with private permissions, schema migrations, the
// pragmas every connection needs, and refusal of files that are not ours.
#pragma once

#include "util/message.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace guazhi {

// The schema version this build writes; see store/schema.cpp.
int current_schema_version();

enum class OpenMode {
    create,    // create the file (mode 0600) if missing, then migrate: `guazhi init`
    write,     // the file must exist; migrate if older; refuse a read-only file
    read,      // the file must exist; migrate if older and writable
    read_only, // the file must exist; opened read-only and never migrated, so it may be at an
               // older version (opened_at_version() says which): `guazhi check`, `guazhi backup`
};

// How long a connection waits for another process's write lock before giving up, unless the
// config says otherwise (`busy_timeout_ms`).
inline constexpr int kDefaultBusyTimeoutMs = 5000;

// An open database at the current schema version. Move-only.
class Database {
  public:
    // Throws StoreError naming the path: missing file (run `guazhi init`), not a SQLite or
    // guazhi database, newer schema than this build knows (the file is left untouched),
    // read-only file when writing, a truncated or damaged file, a lock held longer than
    // `busy_timeout_ms`. Before migrating an existing database it copies the file to
    // pre_migration_backup_path() (store/backup.hpp).
    static Database open(const std::filesystem::path& path, OpenMode mode, int busy_timeout_ms = kDefaultBusyTimeoutMs);

    // A private in-memory database at the current schema, for tests.
    static Database in_memory();

    SQLite::Database& sql() { return *db_; }
    // Reads through a memory map from now on, saving the copy of every page into the cache:
    // for scans such as a 26-year trend, which reads the whole batch index. Address space, not
    // memory — but the mapped pages count as resident, so streams (import, export) leave it off.
    void map_into_memory();
    const std::filesystem::path& path() const { return path_; }
    // The schema version the file had before this open migrated it (0 for a new file).
    int opened_at_version() const { return opened_at_version_; }
    // The copy this open took before migrating the file, if it migrated one.
    const std::optional<std::filesystem::path>& pre_migration_backup() const { return pre_migration_backup_; }

  private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, int opened_at_version);
    // open() once the file exists and has passed the checks of its kind, owner and header.
    static Database open_checked(const std::filesystem::path& path, OpenMode mode, int busy_timeout_ms);
    std::unique_ptr<SQLite::Database> db_;
    std::filesystem::path path_;
    int opened_at_version_ = 0;
    std::optional<std::filesystem::path> pre_migration_backup_;
};

// The store's writers run in their caller's transaction (lib/app opens it, one per command,
// so that a command's writes commit together or not at all). They call this first: outside a
// transaction each statement would commit on its own, and a refusal half-way would leave half
// a change. Throws std::logic_error (a programming error, never the clerk's).
void require_transaction(SQLite::Database& db, const char* writer);

// What a SQLite failure means for the person at the keyboard, by its result code: a damaged
// file, a lock held longer than `busy_timeout_ms`, a full disk. Empty when there is nothing
// useful to add to SQLite's own message.
Message sqlite_failure(int result_code, int busy_timeout_ms = kDefaultBusyTimeoutMs);
// The same in English, for a caller that wants a string.
std::string explain_sqlite_failure(int result_code, int busy_timeout_ms = kDefaultBusyTimeoutMs);

} // namespace guazhi
