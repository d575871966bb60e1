// Opening a guazhi database: creation with private permissions, schema migrations, the
// pragmas every connection needs, and refusal of files that are not ours.
#pragma once

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <string>

namespace guazhi {

// The schema version this build writes; see store/schema.cpp.
int current_schema_version();

enum class OpenMode {
    create,    // create the file (mode 0600) if missing, then migrate: `guazhi init`
    write,     // the file must exist; migrate if older; refuse a read-only file
    read,      // the file must exist; migrate if older and writable
};

// An open database at the current schema version. Move-only.
class Database {
  public:
    // Throws StoreError naming the path: missing file (run `guazhi init`), not a SQLite or
    // guazhi database, newer schema than this build knows (the file is left untouched),
    // read-only file when writing.
    static Database open(const std::filesystem::path& path, OpenMode mode);

    // A private in-memory database at the current schema, for tests.
    static Database in_memory();

    SQLite::Database& sql() { return *db_; }
    const std::filesystem::path& path() const { return path_; }
    // The schema version the file had before this open migrated it (0 for a new file).
    int opened_at_version() const { return opened_at_version_; }

  private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path, int opened_at_version);
    std::unique_ptr<SQLite::Database> db_;
    std::filesystem::path path_;
    int opened_at_version_ = 0;
};

} // namespace guazhi
