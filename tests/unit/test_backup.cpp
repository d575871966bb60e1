#include "temp_dir.hpp"
#include "error.hpp"
#include "fixture.hpp"
#include "store/backup.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"
#include "util/temp_files.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace guazhi;
using guazhi::test::contains;
namespace fs = std::filesystem;

namespace {

using guazhi::test::TempDir;

unsigned mode_of(const fs::path& p) {
    struct stat st{};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

int scalar(const fs::path& p, const std::string& sql) {
    SQLite::Database raw(p.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet(sql).getInt();
}

// A guazhi database file with one assignment.
fs::path current_file(const TempDir& dir) {
    fs::path p = dir.path / "g.db";
    Database db = Database::open(p, OpenMode::create);
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder(store, config, {"王干事", false, ""}).record(test::luo(), true);
    return p;
}

// A file as guazhi 1 left it: schema version 1, one unit.
fs::path version_1_file(const TempDir& dir) {
    fs::path p = dir.path / "v1.db";
    SQLite::Database db(p.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    apply_migration(db, 0);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO units (id, name, kind, county) VALUES (1, '市国土资源局', 'city_organ', '')");
    ::chmod(p.c_str(), 0600); // as guazhi creates its files: it opens no other
    return p;
}

// The pid of a process that has exited and been reaped: certainly not running.
pid_t dead_pid() {
    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

} // namespace

TEST_CASE("backup: a 0600 copy with the same content, in one self-contained file") {
    TempDir dir;
    fs::path p = current_file(dir);
    fs::path copy = dir.path / "copy.db";
    {
        Database db = Database::open(p, OpenMode::read_only);
        BackupResult r = backup_database(db.sql(), p, copy, false);
        CHECK(r.pages > 0);
        CHECK(r.bytes == static_cast<std::int64_t>(fs::file_size(copy)));
    }
    CHECK(mode_of(copy) == 0600);
    CHECK(scalar(copy, "SELECT count(*) FROM assignments") == 1);
    CHECK(scalar(copy, "PRAGMA application_id") == kApplicationId);
    CHECK(scalar(copy, "PRAGMA user_version") == current_schema_version());
    SQLite::Database raw(copy.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "delete");
    // Nothing but the database and the copy is left in the directory.
    for (const auto& entry : fs::directory_iterator(dir.path)) {
        CAPTURE(entry.path().string());
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }
}

TEST_CASE("backup: refuses an existing file unless overwriting, and the database itself") {
    TempDir dir;
    fs::path p = current_file(dir);
    fs::path copy = dir.path / "copy.db";
    { std::ofstream(copy) << "keep me"; }
    Database db = Database::open(p, OpenMode::read_only);
    CHECK_THROWS_WITH_AS(backup_database(db.sql(), p, copy, false), doctest::Contains("already exists; not overwritten"),
                         StoreError);
    std::ifstream in(copy);
    std::string kept;
    std::getline(in, kept);
    CHECK(kept == "keep me");
    backup_database(db.sql(), p, copy, true);
    CHECK(scalar(copy, "SELECT count(*) FROM assignments") == 1);
    CHECK_THROWS_WITH_AS(backup_database(db.sql(), p, p, true), doctest::Contains("that is the database itself"),
                         StoreError);
    CHECK_THROWS_WITH_AS(backup_database(db.sql(), p, dir.path, true), doctest::Contains("is a directory"), StoreError);
}

TEST_CASE("backup: a migration of an existing file first copies it to <db>.pre-v<N>.bak") {
    TempDir dir;
    fs::path p = version_1_file(dir);
    fs::path bak = dir.path / ("v1.db.pre-v" + std::to_string(current_schema_version()) + ".bak");
    CHECK(pre_migration_backup_path(p, current_schema_version()) == bak);
    {
        Database db = Database::open(p, OpenMode::write);
        REQUIRE(db.pre_migration_backup());
        CHECK(*db.pre_migration_backup() == bak);
    }
    CHECK(mode_of(bak) == 0600);
    CHECK(scalar(bak, "PRAGMA user_version") == 1);
    CHECK(scalar(bak, "SELECT count(*) FROM units") == 1);
    CHECK(scalar(p, "PRAGMA user_version") == current_schema_version());
    // Current now: no further copy.
    CHECK_FALSE(Database::open(p, OpenMode::write).pre_migration_backup());

    // A second old file of the same name never replaces the first copy.
    fs::remove(p);
    version_1_file(dir);
    Database again = Database::open(p, OpenMode::read);
    fs::path second = dir.path / ("v1.db.pre-v" + std::to_string(current_schema_version()) + ".2.bak");
    REQUIRE(again.pre_migration_backup());
    CHECK(*again.pre_migration_backup() == second);
    CHECK(scalar(bak, "PRAGMA user_version") == 1);

    // A new database has nothing to keep.
    CHECK_FALSE(Database::open(dir.path / "new.db", OpenMode::create).pre_migration_backup());
}

TEST_CASE("backup: read_only opens an older file as it is, without migrating or copying it") {
    TempDir dir;
    fs::path p = version_1_file(dir);
    Database db = Database::open(p, OpenMode::read_only);
    CHECK(db.opened_at_version() == 1);
    CHECK_FALSE(db.pre_migration_backup());
    CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK_THROWS_AS(db.sql().exec("INSERT INTO units (name, kind) VALUES ('x', 'township')"), SQLite::Exception);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("database: a file that is not SQLite, or is truncated, is refused by name") {
    TempDir dir;
    fs::path text = dir.path / "notes.txt";
    { std::ofstream(text) << "this is not a database\n"; }
    CHECK_THROWS_WITH_AS(Database::open(text, OpenMode::write), doctest::Contains("not a SQLite file at all"), StoreError);

    fs::path p = current_file(dir);
    auto size = fs::file_size(p);
    REQUIRE(size > 8192);
    fs::resize_file(p, size - 4096);
    CHECK_THROWS_WITH_AS(Database::open(p, OpenMode::read), doctest::Contains("the database file is truncated"), StoreError);
    fs::resize_file(p, 60);
    CHECK_THROWS_WITH_AS(Database::open(p, OpenMode::read), doctest::Contains("shorter than its own header"), StoreError);
    CHECK(fs::file_size(p) == 60);
}

TEST_CASE("database: a write lock held past the busy timeout fails clearly, and reads go on") {
    TempDir dir;
    fs::path p = current_file(dir);
    Database holder = Database::open(p, OpenMode::write);
    holder.sql().exec("BEGIN IMMEDIATE");
    Database other = Database::open(p, OpenMode::write, 100);
    CHECK(other.sql().execAndGet("SELECT count(*) FROM assignments").getInt() == 1); // WAL: readers are not blocked
    int code = 0;
    try {
        other.sql().exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
        code = e.getErrorCode();
    }
    CHECK(code == SQLITE_BUSY);
    CHECK(contains(explain_sqlite_failure(code, 100), "another process has been writing to it for longer than the busy "
                                                      "timeout (100 ms"));
    holder.sql().exec("ROLLBACK");
}

TEST_CASE("temp files: a killed writer's <target>.tmp-<pid> is removed, a running one's kept") {
    TempDir dir;
    fs::path target = dir.path / "out.csv";
    pid_t dead = dead_pid();
    auto touch = [&](const std::string& name) {
        std::ofstream(dir.path / name) << "half";
        return dir.path / name;
    };
    fs::path stale = touch("out.csv.tmp-" + std::to_string(dead));
    fs::path stale_journal = touch("out.csv.tmp-" + std::to_string(dead) + "-journal");
    fs::path running = touch("out.csv.tmp-" + std::to_string(::getppid()));
    fs::path other = touch("other.csv.tmp-" + std::to_string(dead));
    fs::path not_ours = touch("out.csv.tmp-notes");
    CHECK(util::remove_stale_temporaries(target) == 2);
    CHECK_FALSE(fs::exists(stale));
    CHECK_FALSE(fs::exists(stale_journal));
    CHECK(fs::exists(running));
    CHECK(fs::exists(other));
    CHECK(fs::exists(not_ours));
}
