#include "store/database.hpp"

#include "util/temp_files.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "store/backup.hpp"
#include "store/schema.hpp"

#include <SQLiteCpp/Transaction.h>
#include <array>
#include <cctype>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sqlite3.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace guazhi {

namespace fs = std::filesystem;

int current_schema_version() { return static_cast<int>(migrations().size()); }

namespace {

// Creates the file with mode 0600 (whatever the umask) before SQLite does, because SQLite
// would use 0644 and the file holds ID numbers. SQLite gives its -wal and -shm files the
// same mode.
void create_database_file(const fs::path& path) {
    int fd = util::create_private_file(path);
    if (fd < 0) throw StoreError(msg("{}: cannot create the database: {}", path.string(), std::strerror(errno)));
    ::close(fd);
}

bool has_write_permission_bits(const fs::path& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return false;
    // Root may write anything; honour the file's own read-only marking all the same.
    return (st.st_mode & 0222) != 0 && ::access(path.c_str(), W_OK) == 0;
}

// A database file, or its -wal or -shm, must be a regular file that this user owns and no one
// else may read or write: a file planted by another user (an empty 0666 guazhi.db in a shared
// directory) would otherwise be adopted, filled with ID numbers and left readable to its
// planter; a device or a FIFO given as --db would be written beside (/dev/null-journal) or
// hang. Checked before SQLite opens anything.
void check_regular_file(const fs::path& path, const Message& what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        throw StoreError(msg("{}: {} is not a regular file (a device, a FIFO or a socket); give the path of a "
                                     "database file. Nothing was written.",
                                     path.string(), what));
}

void check_private_file(const fs::path& path, const Message& what, bool companion = false) {
    struct stat st {};
    // A -wal, -shm or -journal is SQLite's own file beside the database, never a link: one
    // planted as a link to a private file of ours would pass the owner and mode checks and
    // have SQLite write its pages into that file.
    if (companion && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
        throw StoreError(msg("{}: {} is a symbolic link, which SQLite never makes; guazhi will not write "
                                     "through it. Remove it if it was planted. Nothing was written.",
                                     path.string(), what));
    check_regular_file(path, what);
    if (::stat(path.c_str(), &st) != 0) return; // absent: SQLite creates it with the database's mode
    if (st.st_uid != ::geteuid())
        throw StoreError(msg("{}: {} belongs to another user (uid {}); guazhi opens only files you own, since "
                                     "the database holds ID numbers. Ask its owner for a backup (guazhi backup), or "
                                     "remove it if it was planted. Nothing was written.",
                                     path.string(), what, st.st_uid));
    if ((st.st_mode & 077) != 0)
        throw StoreError(msg("{}: {} may be read or written by others (mode {}); it holds ID numbers. Make "
                                     "it private with: chmod 600 '{}'. Nothing was written.",
                                     path.string(), what, fmt::format("{:04o}", st.st_mode & 07777), path.string()));
}

// Reads the 100-byte SQLite header before SQLite does, to name two kinds of broken file
// plainly: one that is not SQLite at all (a text file given as --db), and one cut short (a
// copy that stopped, a full disk) — SQLite itself reads a truncated file until it reaches a
// missing page, and would let a command write into what is left.
void check_header(const fs::path& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec || size == 0) return; // an empty file is an empty database; SQLite reports the rest
    std::array<unsigned char, 100> h{};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    auto got = static_cast<std::size_t>(in.gcount());
    static constexpr char kMagic[] = "SQLite format 3"; // and a NUL: 16 bytes
    if (got < 16 || std::memcmp(h.data(), kMagic, 16) != 0)
        throw StoreError(msg("{}: not a guazhi database: it is not a SQLite file at all; nothing was written",
                                     path.string()));
    if (got < h.size())
        throw StoreError(msg("{}: the database file is truncated ({} bytes, shorter than its own header); "
                                     "nothing was written. Restore the latest backup.",
                                     path.string(), size));
    auto be32 = [&](std::size_t at) {
        return std::uint32_t{h[at]} << 24 | std::uint32_t{h[at + 1]} << 16 | std::uint32_t{h[at + 2]} << 8 | h[at + 3];
    };
    // Another program's SQLite file (its application id, or tables without ours): named before
    // anything else is said of it, from the header (application id at 68, user version at 60,
    // schema cookie at 40).
    std::uint32_t app = be32(68);
    if (app != static_cast<std::uint32_t>(kApplicationId) && (app != 0 || be32(60) != 0 || be32(40) != 0))
        throw StoreError(msg("{}: is a SQLite database, but not a guazhi one", path.string()));
    std::uint32_t page_size = h[16] << 8 | h[17];
    if (page_size == 1) page_size = 65536;
    if (page_size < 512 || (page_size & (page_size - 1)) != 0)
        throw StoreError(msg("{}: the database file is damaged (its header gives a page size of {}); nothing "
                                     "was written. Restore the latest backup.",
                                     path.string(), page_size));
    // The page count in the header is trusted only when it was written by the same change
    // as the change counter (bytes 92..95 = 24..27). A non-empty -wal file may hold pages a
    // checkpoint cut short by a crash had not yet written back: SQLite recovers those itself.
    std::uint64_t pages = be32(28);
    fs::path wal(path.string() + "-wal");
    bool wal_pending = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
    if (!wal_pending && pages > 0 && be32(92) == be32(24) && pages * page_size > size)
        throw StoreError(msg("{}: the database file is truncated: its header says {} pages of {} bytes ({} "
                                     "bytes) but the file has {} bytes; nothing was written. Restore the latest backup.",
                                     path.string(), pages, page_size, pages * page_size, size));
}

// Whether this process may create files beside the database (its -wal, -shm or -journal): not
// on a read-only mount (a CD, a write-protected stick, an archive share) or in a directory
// made read-only, where SQLite cannot even read a WAL database the usual way.
bool directory_writable(const fs::path& path) {
    fs::path dir = path.parent_path();
    if (dir.empty()) dir = ".";
    return ::access(dir.c_str(), W_OK) == 0;
}

std::uintmax_t size_or_zero(const fs::path& path) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

// A URI naming the file, every byte but the unreserved ones percent-encoded, so that a path
// holding '?', '#' or '%' stays a path.
std::string file_uri(const fs::path& path, std::string_view query) {
    std::string uri = "file:";
    for (unsigned char c : path.string()) {
        if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~')
            uri += static_cast<char>(c);
        else
            uri += fmt::format("%{:02X}", c);
    }
    uri += '?';
    uri += query;
    return uri;
}

// How a command that only reads opens a database in a directory it cannot write. With no
// pending -wal or -journal the file is all there is, and SQLite may treat it as immutable (no
// locks, no -shm); a pending -wal with its -shm is read through them read-only; a pending
// journal (a write cut short) needs a writable directory to be rolled back, so it is refused
// rather than read half-written.
std::string read_only_media_uri(const fs::path& path) {
    fs::path wal(path.string() + "-wal"), shm(path.string() + "-shm"), journal(path.string() + "-journal");
    if (size_or_zero(journal) > 0)
        throw StoreError(msg("{}: a write to the database was cut short and its directory cannot be written, so "
                                     "it cannot be rolled back here; copy the database with its -journal file to a "
                                     "writable place and open it there. Nothing was written.",
                                     path.string()));
    if (size_or_zero(wal) == 0) return file_uri(path, "immutable=1");
    std::error_code ec;
    if (!fs::exists(shm, ec))
        throw StoreError(msg("{}: the database has changes in its -wal file but no -shm file, and its directory "
                                     "cannot be written; copy the database with its -wal file to a writable place and "
                                     "open it there. Nothing was written.",
                                     path.string()));
    return file_uri(path, "mode=ro");
}

// The message for a SQLite failure while opening or preparing the file.
[[noreturn]] void fail_open(const fs::path& path, const SQLite::Exception& e, const Message& doing, int busy_timeout_ms) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_NOTADB)
        throw StoreError(msg("{}: not a guazhi database: it is not a SQLite file ({}); nothing was written",
                                     path.string(), e.what()));
    Message why = sqlite_failure(code, busy_timeout_ms);
    if (why.empty()) throw StoreError(msg("{}: {}: {}", path.string(), doing, e.what()));
    throw StoreError(msg("{}: {} ({})", path.string(), why, e.what()));
}

// Takes the database from its version to the current one in one transaction. With `path`
// (a file, not an in-memory database) an existing database is first copied, under the write
// lock this transaction holds, so the copy is exactly what the migration starts from and only
// the process that migrates takes it.
std::optional<fs::path> migrate(SQLite::Database& db, int from, const fs::path* path = nullptr,
                                int busy_timeout_ms = kDefaultBusyTimeoutMs) {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated between our check and our lock.
    int version = db.execAndGet("PRAGMA user_version").getInt();
    std::optional<fs::path> copy;
    if (path && version > 0 && version < current_schema_version()) {
        // A second, read-only connection: the backup API cannot read through a connection in
        // a write transaction, and this one holds the lock that keeps others from writing.
        SQLite::Database reader(path->string(), SQLite::OPEN_READONLY);
        reader.setBusyTimeout(busy_timeout_ms);
        copy = pre_migration_backup_path(*path, current_schema_version());
        try {
            backup_database(reader, *path, *copy, false);
        } catch (const StoreError& e) {
            throw StoreError(msg("{}: the copy before the upgrade to schema version {} failed, so the database "
                                         "was not upgraded: {}",
                                         path->string(), current_schema_version(), e.message()));
        }
    }
    for (int v = std::max(from, version); v < current_schema_version(); ++v)
        apply_migration(db, static_cast<std::size_t>(v));
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    db.exec(fmt::format("PRAGMA user_version = {}", current_schema_version()));
    tx.commit();
    return copy;
}

} // namespace

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path, int opened_at_version)
    : db_(std::move(db)), path_(std::move(path)), opened_at_version_(opened_at_version) {}

Database Database::open(const fs::path& path, OpenMode mode, int busy_timeout_ms) {
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (!exists && mode != OpenMode::create)
        throw ProblemError(problem(Parameter::db, ProblemCode::no_database, path.string()));
    if (exists && fs::is_directory(path, ec)) throw StoreError(msg("{}: is a directory, not a database", path.string()));
    if (exists) {
        check_regular_file(path, msg("the database"));
        check_header(path); // a wrong file (notes.txt) is named as such before its mode is
        check_private_file(path, msg("the database"));
        check_private_file(path.string() + "-wal", msg("its -wal file"), true);
        check_private_file(path.string() + "-shm", msg("its -shm file"), true);
        check_private_file(path.string() + "-journal", msg("its -journal file"), true);
        // An empty file is made a database only by `init`; any other command would turn a
        // stray or planted file into one.
        if (mode != OpenMode::create && fs::file_size(path, ec) == 0 && !ec)
            throw StoreError(msg("{}: not a guazhi database (the file is empty); create one with `guazhi init`",
                                         path.string()));
        return open_checked(path, mode, busy_timeout_ms);
    }
    create_database_file(path);
    try {
        return open_checked(path, mode, busy_timeout_ms);
    } catch (...) {
        // What this open created and could not finish (a full disk, a quota) goes: a file left
        // empty or half made would be refused by every command but init, and hold nothing.
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((path.string() + suffix).c_str());
        throw;
    }
}

Database Database::open_checked(const fs::path& path, OpenMode mode, int busy_timeout_ms) {
    std::error_code ec;
    bool reading = mode == OpenMode::read || mode == OpenMode::read_only;
    bool on_read_only_media = !directory_writable(path);
    if (on_read_only_media && !reading)
        throw StoreError(msg("{}: the directory cannot be written (a read-only medium, or no permission), so the "
                                     "database cannot be changed there; nothing was written. Commands that only read "
                                     "work; to change it, copy it to a writable place.",
                                     path.string()));
    bool writable = mode != OpenMode::read_only && !on_read_only_media && has_write_permission_bits(path);
    if (!writable && !reading)
        throw StoreError(msg("{}: the database file is read-only; nothing was changed", path.string()));

    std::unique_ptr<SQLite::Database> db;
    int version = 0;
    try {
        // One thread per connection: SQLite's own mutexes would cost a lock per column read.
        if (on_read_only_media)
            db = std::make_unique<SQLite::Database>(read_only_media_uri(path),
                                                    SQLite::OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX);
        else
            db = std::make_unique<SQLite::Database>(
                path.string(), (writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLITE_OPEN_NOMUTEX);
        db->setBusyTimeout(busy_timeout_ms);
        int app = db->execAndGet("PRAGMA application_id").getInt();
        version = db->execAndGet("PRAGMA user_version").getInt();
        if (app != kApplicationId &&
            (app != 0 || version != 0 || db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() != 0))
            throw StoreError(msg("{}: is a SQLite database, but not a guazhi one", path.string()));
    } catch (const SQLite::Exception& e) {
        fail_open(path, e, msg("cannot read the database"), busy_timeout_ms);
    }
    if (version > current_schema_version())
        throw StoreError(msg("{}: the database has schema version {}, newer than this guazhi knows ({}); "
                                     "use a newer guazhi. The file was not touched.",
                                     path.string(), version, current_schema_version()));
    std::optional<fs::path> copy;
    try {
        if (version < current_schema_version() && mode != OpenMode::read_only) {
            if (!writable)
                throw StoreError(msg("{}: the database needs an upgrade to schema version {} but is read-only "
                                             "(the file, or its directory); copy it to a writable place to read it "
                                             "with this guazhi. Nothing was written.",
                                             path.string(), current_schema_version()));
            copy = migrate(*db, version, &path, busy_timeout_ms);
        }
        db->exec("PRAGMA foreign_keys = ON");
        // WAL is recorded in the file, so a command that only reads leaves it to the next write.
        if (writable && mode != OpenMode::read) db->exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception& e) {
        fail_open(path, e, msg("cannot prepare the database"), busy_timeout_ms);
    }
    Database opened(std::move(db), path, version);
    opened.pre_migration_backup_ = std::move(copy);
    return opened;
}

void Database::map_into_memory() { db_->exec("PRAGMA mmap_size = 1073741824"); }

Database Database::in_memory() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(*db, 0);
    db->exec("PRAGMA foreign_keys = ON");
    return Database(std::move(db), ":memory:", 0);
}

void require_transaction(SQLite::Database& db, const char* writer) {
    if (sqlite3_get_autocommit(db.getHandle()))
        throw std::logic_error(fmt::format("{} needs its caller's transaction (lib/app opens it)", writer));
}

std::string explain_sqlite_failure(int result_code, int busy_timeout_ms) {
    return english(sqlite_failure(result_code, busy_timeout_ms));
}

Message sqlite_failure(int result_code, int busy_timeout_ms) {
    switch (result_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return msg("the database is locked: another process has been writing to it for longer than the busy "
                           "timeout ({} ms, `busy_timeout_ms` in the config); nothing was written. Try again when it "
                           "has finished",
                           busy_timeout_ms);
    case SQLITE_CORRUPT:
        return msg("the database file is damaged; nothing was written. `guazhi check` lists what is wrong; restore the "
                   "latest backup (`guazhi backup` makes one)");
    case SQLITE_NOTADB: return msg("not a guazhi database: it is not a SQLite file, or its first page is damaged");
    case SQLITE_FULL: return msg("the disk is full; nothing was written");
    case SQLITE_IOERR: return msg("the database file cannot be read or written (a failing disk, or the file was removed)");
    case SQLITE_READONLY: return msg("the database cannot be written (a read-only file or directory); nothing was written");
    case SQLITE_CANTOPEN: return msg("the database cannot be opened (a missing directory, or no permission)");
    default: return {};
    }
}

} // namespace guazhi
