#include "store/database.hpp"

#include "error.hpp"
#include "store/schema.hpp"

#include <SQLiteCpp/Transaction.h>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace guazhi {

namespace fs = std::filesystem;

int current_schema_version() { return static_cast<int>(migrations().size()); }

namespace {

// Creates the file with mode 0600 before SQLite does, because SQLite would use 0644 and
// the file holds ID numbers. SQLite gives its -wal and -shm files the same mode.
void create_private_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) throw StoreError(fmt::format("{}: cannot create the database: {}", path.string(), std::strerror(errno)));
    ::close(fd);
}

bool has_write_permission_bits(const fs::path& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return false;
    // Root may write anything; honour the file's own read-only marking all the same.
    return (st.st_mode & 0222) != 0 && ::access(path.c_str(), W_OK) == 0;
}

void migrate(SQLite::Database& db, int from) {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated between our check and our lock.
    int version = db.execAndGet("PRAGMA user_version").getInt();
    for (int v = std::max(from, version); v < current_schema_version(); ++v)
        db.exec(std::string(migrations()[static_cast<std::size_t>(v)]));
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    db.exec(fmt::format("PRAGMA user_version = {}", current_schema_version()));
    tx.commit();
}

} // namespace

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path, int opened_at_version)
    : db_(std::move(db)), path_(std::move(path)), opened_at_version_(opened_at_version) {}

Database Database::open(const fs::path& path, OpenMode mode) {
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (!exists && mode != OpenMode::create)
        throw StoreError(fmt::format("{}: no database here; create one with `guazhi init` (or pass --db)", path.string()));
    if (exists && fs::is_directory(path, ec)) throw StoreError(fmt::format("{}: is a directory, not a database", path.string()));
    if (!exists) create_private_file(path);

    bool writable = has_write_permission_bits(path);
    if (!writable && mode != OpenMode::read)
        throw StoreError(fmt::format("{}: the database file is read-only; nothing was changed", path.string()));

    std::unique_ptr<SQLite::Database> db;
    int version = 0;
    try {
        db = std::make_unique<SQLite::Database>(path.string(), writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY);
        db->setBusyTimeout(5000);
        int app = db->execAndGet("PRAGMA application_id").getInt();
        version = db->execAndGet("PRAGMA user_version").getInt();
        int tables = db->execAndGet("SELECT count(*) FROM sqlite_master").getInt();
        if (app != kApplicationId && (app != 0 || version != 0 || tables != 0))
            throw StoreError(fmt::format("{}: is a SQLite database, but not a guazhi one", path.string()));
    } catch (const SQLite::Exception& e) {
        throw StoreError(fmt::format("{}: not a guazhi database ({})", path.string(), e.what()));
    }
    if (version > current_schema_version())
        throw StoreError(fmt::format("{}: the database has schema version {}, newer than this guazhi knows ({}); "
                                     "use a newer guazhi. The file was not touched.",
                                     path.string(), version, current_schema_version()));
    try {
        if (version < current_schema_version()) {
            if (!writable)
                throw StoreError(fmt::format("{}: the database needs an upgrade to schema version {} but is read-only",
                                             path.string(), current_schema_version()));
            migrate(*db, version);
        }
        db->exec("PRAGMA foreign_keys = ON");
        if (writable) db->exec("PRAGMA journal_mode = WAL");
        // Reading through a memory map saves copying every page into the cache: a trend over a
        // million assignments reads the whole batch index. Address space, not memory.
        db->exec("PRAGMA mmap_size = 1073741824");
    } catch (const SQLite::Exception& e) {
        throw StoreError(fmt::format("{}: cannot prepare the database: {}", path.string(), e.what()));
    }
    return Database(std::move(db), path, version);
}

Database Database::in_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(*db, 0);
    db->exec("PRAGMA foreign_keys = ON");
    return Database(std::move(db), ":memory:", 0);
}

} // namespace guazhi
