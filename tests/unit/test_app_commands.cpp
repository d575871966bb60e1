// lib/app in process, for what only the binary reached before: the audit scope a command opens
// with, the one transaction of each lifecycle command and import, and the guard that keeps the
// store's writers inside a caller's transaction.
#include "app/imports.hpp"
#include "app/lifecycle.hpp"
#include "app/record.hpp"
#include "app/session.hpp"
#include "store/assignment_store.hpp"
#include "store/audit.hpp"
#include "store/lifecycle.hpp"
#include "store/units.hpp"

#include "fixture.hpp"
#include "store_sample.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

using namespace guazhi;
using namespace guazhi::test;
using guazhi::util::Date;

namespace {

// The file's bytes, to show that a refused command leaves it byte-identical.
std::string bytes_of(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST_CASE("app: open_records logs a writing command's changes as its actor's, a reading one logs nothing") {
    TempDir dir;
    auto path = dir.path / "g.db";
    app::open_records(path, OpenMode::create, kDefaultBusyTimeoutMs, {"王干事", "guazhi init"});
    {
        Database db = app::open_records(path, OpenMode::write, kDefaultBusyTimeoutMs,
                                        {"李科员", "guazhi assign import t.csv"});
        REQUIRE(import_text(db, std::string(kRosterHeader) + kRosterRowLuo).committed);
    }
    Database db = app::open_records(path, OpenMode::read, kDefaultBusyTimeoutMs, {"张三", "guazhi assign list"});
    auto changes = list_changes(db.sql(), std::nullopt, std::nullopt);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].by == "李科员");
    CHECK(changes[0].command == "guazhi assign import t.csv");
    CHECK(changes[0].rows == 4); // two units, the cadre, the assignment
    // A read-only command's connection has no triggers: what it would write is not its change.
    db.sql().exec("UPDATE units SET county = '资中县' WHERE name = '隆昌县国土资源局'");
    CHECK(list_changes(db.sql(), std::nullopt, std::nullopt).size() == 1);
}

TEST_CASE("app: a store writer outside a transaction is a programming error, and writes nothing") {
    StoreFixture fx;
    std::int64_t id = fx.add(luo());
    LifecycleStore life(fx.db.sql(), fx.config, "王干事");
    CHECK_THROWS_AS(life.note(id, "talk", {2006, 9, 5}, "谈心"), std::logic_error);
    CHECK_THROWS_AS(life.extend(id, {2006, 10, 31}, "同意", ""), std::logic_error);
    CHECK_THROWS_AS(correct_unit(fx.db.sql(), "市国土资源局", std::nullopt, std::string("市直")), std::logic_error);
    CHECK_THROWS_AS(undo_change(fx.db, std::nullopt, false), std::logic_error);
    std::istringstream roster(std::string(kRosterHeader) + kRosterRowLuo);
    CHECK_THROWS_AS(import_roster(fx.db, {roster, "", "t.csv", {}}, fx.config, {}), std::logic_error);
    CHECK(count(fx.db, "events") == 0);
    CHECK(count(fx.db, "units WHERE county = '市直'") == 0);
    // Through lib/app the same calls commit.
    app::Lifecycle(fx.db, fx.config, "王干事").note(id, "talk", {2006, 9, 5}, "谈心");
    CHECK(count(fx.db, "events WHERE kind = 'talk'") == 1);
}

TEST_CASE("app: each lifecycle command is one transaction: refused, the file is byte-identical") {
    TempDir dir;
    auto path = dir.path / "g.db";
    std::int64_t id = 0;
    {
        Database db = Database::open(path, OpenMode::create);
        AssignmentStore store(db.sql());
        id = sample::insert(store, luo()); // 2006-08-01 .. 2007-07-31
    }
    Config config;
    std::string before = bytes_of(path);
    {
        Database db = app::open_records(path, OpenMode::write, kDefaultBusyTimeoutMs, {"王干事", "guazhi assign …"});
        app::Lifecycle life(db, config, "王干事");
        CHECK_THROWS_AS(life.extend(id, {2007, 10, 31}, "", ""), Error);            // no home consent
        CHECK_THROWS_AS(life.recall(id, {2007, 3, 31}, "special", "", ""), Error);  // no host consent
        CHECK_THROWS_AS(life.complete(id, Date{2006, 9, 1}, "", "", ""), Error);    // before the end
        CHECK_THROWS_AS(life.follow_up(std::string_view("511028197003141730"), {2006, 1, 1}, "x", true, ""), Error);
        CHECK_THROWS_AS(life.note(999, "talk", {2006, 1, 5}, "x"), Error);
        CHECK(list_changes(db.sql(), std::nullopt, std::nullopt).empty());
    }
    CHECK(bytes_of(path) == before);

    Database db = app::open_records(path, OpenMode::write, kDefaultBusyTimeoutMs, {"王干事", "guazhi assign complete 1"});
    app::Lifecycle life(db, config, "王干事");
    // complete without a day takes the last day of the term as it stands.
    CHECK(life.complete(id, std::nullopt, "已完成", "", "回原单位") == Date{2007, 7, 31});
    // follow-up names the cadre by ID number or by one of its assignments' ids.
    life.follow_up(std::string_view("511028197003141730"), {2007, 9, 1}, "副局长", true, "");
    life.follow_up(std::string_view(std::to_string(id)), {2008, 9, 1}, "局长", true, "");
    CHECK(count(db, "events WHERE kind = 'follow_up' AND assignment_id IS NULL") == 2);
    CHECK(list_changes(db.sql(), std::nullopt, std::nullopt).size() == 1); // one command, one change
}

TEST_CASE("app: an import is one transaction: a problem, or a dry run, and nothing is written") {
    StoreFixture fx;
    std::string good = std::string(kRosterHeader) + kRosterRowLuo;
    std::string bad = good + "511028197003141731,何俊杰,群众,资中县财政局,上挂,市财政局,2006-13-01\n";
    ImportReport refused = import_text(fx.db, bad);
    CHECK_FALSE(refused.committed);
    CHECK(refused.problem_count >= 1);
    CHECK(count(fx.db, "assignments") == 0);
    ImportOptions dry;
    dry.dry_run = true;
    ImportReport tried = import_text(fx.db, good, dry);
    CHECK_FALSE(tried.committed);
    CHECK(tried.rows == 1);
    CHECK(count(fx.db, "assignments") == 0);
    CHECK(import_text(fx.db, good).committed);
    CHECK(count(fx.db, "assignments") == 1);

    // The applications' import: a bad row anywhere, and none of the good ones stay.
    std::istringstream apps("接收单位,年度,申报人数\n市国土资源局,2005,2\n隆昌县国土资源局,2005,两\n");
    CHECK_THROWS_AS(app::import_applications(fx.db, apps, "apps.csv", util::Encoding::utf8, "王干事"), Error);
    CHECK(count(fx.db, "applications") == 0);
    std::istringstream ok("接收单位,年度,申报人数\n市国土资源局,2005,2\n");
    CHECK(app::import_applications(fx.db, ok, "apps.csv", util::Encoding::utf8, "王干事") == 1);
    CHECK(count(fx.db, "applications") == 1);
}

TEST_CASE("app: unit set and undo commit through lib/app, or leave the records as they were") {
    StoreFixture fx;
    fx.add(luo());
    start_audit(fx.db.sql(), "王干事", "guazhi unit set");
    CHECK_THROWS_AS(app::correct_unit(fx.db, "市国土资源局", std::string("township"), std::nullopt), Error);
    CHECK(count(fx.db, "units WHERE kind = 'township'") == 0);
    Unit before = app::correct_unit(fx.db, "隆昌县国土资源局", std::nullopt, std::string("资中县"));
    CHECK(before.county == "隆昌县");
    CHECK(count(fx.db, "units WHERE county = '资中县'") == 1);
    start_audit(fx.db.sql(), "王干事", "guazhi undo");
    UndoResult undone = app::undo(fx.db, false);
    CHECK(undone.committed);
    CHECK(count(fx.db, "units WHERE county = '资中县'") == 0);
}
