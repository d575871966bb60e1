#include "temp_dir.hpp"
#include "app/imports.hpp"
#include "domain/stats.hpp"
#include "error.hpp"
#include "store/stats_query.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store/schema.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <fmt/format.h>
#include <fstream>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace guazhi;
using guazhi::util::Date;
namespace fs = std::filesystem;

namespace {

using guazhi::test::TempDir;

// A file as guazhi 1 wrote it: schema version 1 and one assignment, written with plain SQL.
void write_version_1(const fs::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    apply_migration(db, 0);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = 1");
    db.exec("INSERT INTO units (id, name, kind, county) VALUES (1, '隆昌县国土资源局', 'county_dept', '隆昌县'), "
            "(2, '市国土资源局', 'city_organ', '')");
    db.exec("INSERT INTO cadres (id, id_number, name, gender, ethnicity, birth_date, political_status, education) "
            "VALUES (1, '511028197003141730', '罗鸿灵', 'male', 'han', '1970-03-14', 'cpc_member', 'bachelor')");
    db.exec("INSERT INTO cadre_categories (cadre_id, category) VALUES (1, 'county_reserve')");
    db.exec("INSERT INTO assignments (id, cadre_id, direction, batch_year, home_unit_id, home_post, host_unit_id, "
            "host_post, start_date, end_date) VALUES (7, 1, 'up', 2005, 1, '地籍股股长', 2, '地籍管理科科长助理', "
            "'2005-08-01', '2006-07-31')");
    ::chmod(path.c_str(), 0600); // as guazhi creates its files: it opens no other
}

bool has_column(SQLite::Database& db, const std::string& table, const std::string& column) {
    SQLite::Statement s(db, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    s.bind(1, table);
    s.bind(2, column);
    s.executeStep();
    return s.getColumn(0).getInt() == 1;
}

} // namespace

TEST_CASE("migration: a schema version 1 file is upgraded when opened for writing") {
    REQUIRE(current_schema_version() >= 2);
    TempDir dir;
    fs::path p = dir.path / "v1.db";
    write_version_1(p);
    {
        SQLite::Database raw(p.string(), SQLite::OPEN_READONLY);
        REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == 1);
        REQUIRE_FALSE(raw.tableExists("events"));
        REQUIRE_FALSE(has_column(raw, "assignments", "extended_until"));
    }

    {
        Database db = Database::open(p, OpenMode::write);
        CHECK(db.opened_at_version() == 1);
        CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == current_schema_version());
        CHECK(db.sql().execAndGet("PRAGMA application_id").getInt() == kApplicationId);
        for (const char* table : {"events", "appointments", "applications"}) {
            CAPTURE(table);
            CHECK(db.sql().tableExists(table));
            CHECK(db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt() == 0);
        }
        for (const char* column : {"extended_until", "recalled_on", "recall_reason"}) {
            CAPTURE(column);
            CHECK(has_column(db.sql(), "assignments", column));
        }

        // The old row reads back whole, with the new columns empty.
        AssignmentStore store(db.sql());
        auto a = store.get(7);
        REQUIRE(a);
        CHECK(a->cadre.name == "罗鸿灵");
        CHECK(a->cadre.categories == std::vector<std::string>{"county_reserve"});
        CHECK(a->direction == "up");
        CHECK(a->batch_year == 2005);
        CHECK(a->home_unit == Unit{"隆昌县国土资源局", "county_dept", "隆昌县"});
        CHECK(a->host_unit == Unit{"市国土资源局", "city_organ", ""});
        CHECK(a->home_post == "地籍股股长");
        CHECK(a->start == Date{2005, 8, 1});
        CHECK(a->end == Date{2006, 7, 31});
        CHECK_FALSE(a->extended_until);
        CHECK_FALSE(a->recalled_on);
        CHECK(a->recall_reason.empty());
        CHECK(a->effective_end() == Date{2006, 7, 31});
        CHECK(db.sql().execAndGet("SELECT count(*) FROM assignments").getInt() == 1);
        // Version 9: the 花名册's other fields, "not recorded" on the old rows.
        for (const char* column : {"education_fulltime", "education_inservice", "native_place", "started_work",
                                   "joined_party", "rank", "phone"}) {
            CAPTURE(column);
            CHECK(has_column(db.sql(), "cadres", column));
        }
        CHECK(has_column(db.sql(), "assignments", "remark"));
        CHECK(has_column(db.sql(), "assignments", "programme"));
        CHECK(a->cadre.phone.empty());
        CHECK(a->cadre.education == "bachelor");
        CHECK(a->cadre.education_fulltime.empty());
        CHECK(a->remark.empty());

        // And the new tables work with it.
        Config config;
        app::Lifecycle(db, config, "王干事").extend(7, {2006, 9, 30}, "同意", "");
        CHECK(store.get(7)->extended_until == Date{2006, 9, 30});
        CHECK(db.sql().execAndGet("SELECT count(*) FROM events WHERE assignment_id = 7 AND cadre_id = 1").getInt() == 1);
    }

    // Opened again, it is already current.
    Database again = Database::open(p, OpenMode::write);
    CHECK(again.opened_at_version() == current_schema_version());
    CHECK(AssignmentStore(again.sql()).get(7)->extended_until == Date{2006, 9, 30});
}

TEST_CASE("migration: a read-only version 1 file is refused, not half upgraded") {
    TempDir dir;
    fs::path p = dir.path / "v1.db";
    write_version_1(p);
    REQUIRE(::chmod(p.c_str(), 0400) == 0);
    const std::string upgrade =
        "needs an upgrade to schema version " + std::to_string(current_schema_version()) + " but is read-only";
    CHECK_THROWS_WITH_AS(Database::open(p, OpenMode::read), doctest::Contains(upgrade.c_str()), StoreError);
    CHECK_THROWS_WITH_AS(Database::open(p, OpenMode::write), doctest::Contains("the database file is read-only"),
                         StoreError);
    REQUIRE(::chmod(p.c_str(), 0600) == 0);
    SQLite::Database raw(p.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK_FALSE(raw.tableExists("events"));
}

TEST_CASE("migration: opening in read mode upgrades a writable version 1 file") {
    TempDir dir;
    fs::path p = dir.path / "v1.db";
    write_version_1(p);
    Database db = Database::open(p, OpenMode::read);
    CHECK(db.opened_at_version() == 1);
    CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == current_schema_version());
    CHECK(db.sql().tableExists("appointments"));
    CHECK(AssignmentStore(db.sql()).get(7).has_value());
}

// A file at version 9 whose latest assignment (#8) was undone: the log holds its deletion.
void write_version_9_with_undone_insert(const fs::path& path) {
    write_version_1(path);
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    for (std::size_t i = 1; i < 9; ++i) apply_migration(db, i);
    db.exec("PRAGMA user_version = 9");
    db.exec("INSERT INTO changes (id, by, command) VALUES (1, '王干事', 'guazhi assign add'), "
            "(2, '王干事', 'guazhi undo')");
    db.exec("INSERT INTO changed_rows (change_id, table_name, op, before, after) VALUES "
            "(1, 'assignments', 'insert', NULL, '{\"id\":8}'), (2, 'assignments', 'delete', '{\"id\":8}', NULL)");
}

TEST_CASE("migration: from version 10 an id freed by undo is never handed out again") {
    TempDir dir;
    fs::path p = dir.path / "v9.db";
    write_version_9_with_undone_insert(p);
    std::string indexes_before;
    {
        SQLite::Database raw(p.string(), SQLite::OPEN_READONLY);
        REQUIRE(raw.execAndGet("SELECT max(id) FROM assignments").getInt() == 7);
        indexes_before = raw.execAndGet("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                                        "WHERE type IN ('index', 'trigger') ORDER BY name)")
                             .getString();
    }
    Database db = Database::open(p, OpenMode::write);
    CHECK(db.opened_at_version() == 9);
    // Migration 13 replaces reports_current by one index per recipient.
    REQUIRE(indexes_before.find("reports_current,") != std::string::npos);
    indexes_before.replace(indexes_before.find("reports_current,"), std::string("reports_current,").size(),
                           "reports_current_home,reports_current_orgdept,");
    auto& sql = db.sql();
    // The tables a clerk sees ids of are AUTOINCREMENT; the rows, indexes and triggers are kept.
    for (const char* table : {"assignments", "events", "reports", "annual_assessments", "final_appraisals", "changes"}) {
        CAPTURE(table);
        SQLite::Statement q(sql, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
        q.bind(1, table);
        REQUIRE(q.executeStep());
        CHECK(q.getColumn(0).getString().find("INTEGER PRIMARY KEY AUTOINCREMENT") != std::string::npos);
    }
    // (Less those later migrations add: 11 its tables' own, 14 the served end's.)
    CHECK(sql.execAndGet("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type IN ('index', "
                         "'trigger') AND name NOT LIKE 'cadre_values%' AND name NOT LIKE 'cadre_corrections%' "
                         "AND name <> 'assignments_served_end' ORDER BY name)")
              .getString() == indexes_before);
    CHECK(sql.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    AssignmentStore store(sql);
    REQUIRE(store.get(7));
    CHECK(store.get(7)->cadre.name == "罗鸿灵");
    CHECK(store.get(7)->cadre.categories == std::vector<std::string>{"county_reserve"});
    // The next assignment is #9: #8 was given out once, before the upgrade, and undone.
    sql.exec("INSERT INTO assignments (cadre_id, direction, batch_year, home_unit_id, host_unit_id, start_date, "
             "end_date) VALUES (1, 'up', 2007, 1, 2, '2007-08-01', '2008-07-31')");
    CHECK(sql.getLastInsertRowid() == 9);
    sql.exec("DELETE FROM assignments WHERE id = 9");
    sql.exec("INSERT INTO assignments (cadre_id, direction, batch_year, home_unit_id, host_unit_id, start_date, "
             "end_date) VALUES (1, 'up', 2007, 1, 2, '2007-08-01', '2008-07-31')");
    CHECK(sql.getLastInsertRowid() == 10);
    // The mask triggers on cadre_categories still update the rebuilt tables' neighbours.
    sql.exec("INSERT INTO cadre_categories (cadre_id, category) VALUES (1, 'selected_graduate')");
    CHECK(sql.execAndGet("SELECT category_mask FROM cadres WHERE id = 1").getInt() == 3);
}

namespace {

// Every figure of a batch, as `stats` prints them.
std::vector<std::int64_t> figures_of(Database& db, int year) {
    AssignmentFilter f;
    f.year = year;
    std::vector<std::int64_t> out;
    for (const Figure& x : figures(compute_stats(db.sql(), f, Config{}))) out.push_back(x.count);
    return out;
}

} // namespace

TEST_CASE("migration: a version 8 file with the example roster opens at the current version, every figure kept") {
    TempDir dir;
    // The example roster in a current database: its rows, written into a file of version 8
    // (migrations 1..8, the columns of version 8 only) with plain SQL.
    Database now = Database::in_memory();
    {
        std::ifstream in(std::string(GUAZHI_EXAMPLES) + "/roster-2005-2006.csv", std::ios::binary);
        REQUIRE(in);
        REQUIRE(app::import_roster(now, {in, "", "roster-2005-2006.csv", {}}, Config{}, ImportOptions{}).committed);
    }
    fs::path p = dir.path / "v8.db";
    {
        SQLite::Database v8(p.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (std::size_t i = 0; i < 8; ++i) apply_migration(v8, i);
        v8.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        v8.exec("PRAGMA user_version = 8");
    }
    ::chmod(p.c_str(), 0600);
    auto& sql = now.sql();
    sql.exec("ATTACH DATABASE '" + p.string() + "' AS v8");
    for (const char* table : {"units", "cadres", "cadre_categories", "assignments"}) {
        std::string columns;
        SQLite::Statement q(sql, "SELECT name FROM pragma_table_info(?, 'v8')");
        q.bind(1, table);
        while (q.executeStep())
            if (q.getColumn(0).getString() != "category_mask") // kept by its triggers
                columns += (columns.empty() ? "" : ", ") + q.getColumn(0).getString();
        sql.exec(fmt::format("INSERT INTO v8.{0} ({1}) SELECT {1} FROM main.{0}", table, columns));
    }
    sql.exec("DETACH DATABASE v8");
    auto before_2005 = figures_of(now, 2005), before_2006 = figures_of(now, 2006);
    REQUIRE(before_2006.at(0) == 27);

    Database db = Database::open(p, OpenMode::write);
    CHECK(db.opened_at_version() == 8);
    CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == current_schema_version());
    CHECK(figures_of(db, 2005) == before_2005);
    CHECK(figures_of(db, 2006) == before_2006);
    // The cadres have no dated values: each reads as first recorded.
    CHECK(db.sql().execAndGet("SELECT count(*) FROM cadres WHERE dated_values <> 0").getInt() == 0);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM cadre_values").getInt() == 0);
    CHECK(db.sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
}
