#include "temp_dir.hpp"
#include "fixture.hpp"
#include "error.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "store/recorder.hpp"
#include "store/schema.hpp"
#include "store_sample.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Transaction.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace guazhi;
using guazhi::util::Date;
namespace fs = std::filesystem;
using namespace guazhi::test::sample;

using guazhi::test::contains;
using guazhi::test::check_same;
using guazhi::test::count;

namespace {

using guazhi::test::TempDir;

std::string store_error(const fs::path& p, OpenMode mode) {
    try {
        Database::open(p, mode);
    } catch (const Error& e) { // StoreError, or ProblemError for a missing file
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("store: Database::in_memory is at the current schema version") {
    Database db = Database::in_memory();
    CHECK(current_schema_version() == static_cast<int>(migrations().size()));
    CHECK(current_schema_version() >= 1);
    CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == current_schema_version());
    CHECK(db.sql().execAndGet("PRAGMA application_id").getInt() == kApplicationId);
    CHECK(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.opened_at_version() == 0);
    for (const char* table : {"units", "cadres", "cadre_categories", "assignments"}) {
        CAPTURE(table);
        CHECK(db.sql().tableExists(table));
        CHECK(count(db, table) == 0);
    }
}

TEST_CASE("store: the schema refuses what the domain forbids") {
    Database db = Database::in_memory();
    auto& sql = db.sql();
    CHECK_THROWS(sql.exec("INSERT INTO units (name, kind) VALUES ('x', 'province')"));
    CHECK_THROWS(sql.exec("INSERT INTO units (name, kind) VALUES ('', 'township')"));
    sql.exec("INSERT INTO units (name, kind) VALUES ('越溪镇', 'township')");
    CHECK_THROWS(sql.exec("INSERT INTO units (name, kind) VALUES ('越溪镇', 'township')"));
    CHECK_THROWS(sql.exec("INSERT INTO cadres (id_number, name, gender, birth_date, political_status) "
                          "VALUES ('123', 'x', 'male', '1970-01-01', 'masses')"));
    // Foreign keys are enforced.
    CHECK_THROWS(sql.exec("INSERT INTO assignments (cadre_id, direction, batch_year, home_unit_id, host_unit_id, "
                          "start_date, end_date) VALUES (99, 'up', 2006, 1, 1, '2006-08-01', '2007-07-31')"));
}

TEST_CASE("store: insert and find cadres") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    CHECK_FALSE(store.find_cadre("511028197003141730").has_value());
    Cadre c = luo().cadre;
    c.ethnicity = "han";
    c.education = "bachelor";
    std::int64_t id = store.insert_cadre(c);
    CHECK(id > 0);
    auto found = store.find_cadre("511028197003141730");
    REQUIRE(found);
    CHECK(found->id == id);
    CHECK(found->cadre == c);
    CHECK(count(db, "cadres") == 1);
    // The ID number is unique.
    CHECK_THROWS(store.insert_cadre(c));
    CHECK_FALSE(store.find_cadre("51102819700314173").has_value());
}

TEST_CASE("store: categories round trip in vocabulary order") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Cadre c = he().cadre;
    c.categories = {"female_cadre", "selected_graduate", "county_reserve"};
    std::int64_t id = store.insert_cadre(c);
    CHECK(count(db, "cadre_categories") == 3);
    auto found = store.find_cadre(c.id_number);
    REQUIRE(found);
    CHECK(found->cadre.categories == std::vector<std::string>{"selected_graduate", "county_reserve", "female_cadre"});
    CHECK(db.sql().execAndGet("SELECT count(*) FROM cadre_categories WHERE cadre_id = " + std::to_string(id) +
                              " AND category = 'county_reserve'").getInt() == 1);
    Cadre none = luo().cadre;
    store.insert_cadre(none);
    CHECK(store.find_cadre(none.id_number)->cadre.categories.empty());
}

TEST_CASE("store: insert and find units") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    CHECK_FALSE(store.find_unit("越溪镇").has_value());
    std::int64_t id = store.insert_unit({"越溪镇", "township", "威远县"});
    auto found = store.find_unit("越溪镇");
    REQUIRE(found);
    CHECK(found->id == id);
    CHECK(found->unit == Unit{"越溪镇", "township", "威远县"});
    std::int64_t city = store.insert_unit({"市委农办", "city_organ", ""});
    CHECK(city != id);
    CHECK(store.find_unit("市委农办")->unit.county.empty());
    CHECK_THROWS(store.insert_unit({"越溪镇", "township", ""}));
}

TEST_CASE("store: assignments read back as written") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    std::int64_t a = insert(store, luo());
    std::int64_t b = insert(store, he());
    CHECK(a != b);
    auto got = store.get(b);
    REQUIRE(got);
    CHECK(got->id == b);
    check_same(*got, he());
    CHECK_FALSE(store.get(9999).has_value());

    // A second term of the same cadre, listed oldest first.
    Assignment later = luo();
    later.batch_year = 2007;
    later.start = {2007, 8, 1};
    later.end = {2008, 7, 31};
    std::int64_t c = insert(store, later);
    auto cadre = store.find_cadre(luo().cadre.id_number);
    REQUIRE(cadre);
    auto terms = store.assignments_of(cadre->id);
    REQUIRE(terms.size() == 2);
    CHECK(terms[0].id == a);
    CHECK(terms[1].id == c);
    check_same(terms[1], later);
    CHECK(count(db, "cadres") == 2);
    CHECK(count(db, "units") == 4);
}

TEST_CASE("store: for_each with each filter field") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    // Inserted out of order, to see the ordering by batch year, direction (up first) and id.
    insert(store, fu());
    insert(store, jiang());
    insert(store, he());
    insert(store, luo());
    AssignmentFilter f;
    f.as_of = {2007, 1, 1};

    CHECK(names(store, f) == Names{"罗鸿灵", "何俊杰", "付强", "蒋涛"});

    SUBCASE("year") {
        f.year = 2006;
        CHECK(names(store, f) == Names{"何俊杰", "付强"});
        f.year = 2005;
        CHECK(names(store, f) == Names{"罗鸿灵"});
        f.year = 2010;
        CHECK(names(store, f).empty());
    }
    SUBCASE("direction") {
        f.direction = "down";
        CHECK(names(store, f) == Names{"付强"});
        f.direction = "up";
        CHECK(names(store, f) == Names{"罗鸿灵", "何俊杰", "蒋涛"});
    }
    SUBCASE("status on as_of") {
        f.status = "active";
        CHECK(names(store, f) == Names{"何俊杰", "付强"});
        f.status = "completed";
        CHECK(names(store, f) == Names{"罗鸿灵"});
        f.status = "planned";
        CHECK(names(store, f) == Names{"蒋涛"});
        // The first and last days of a term are active.
        f.status = "active";
        f.as_of = {2006, 8, 1};
        CHECK(names(store, f) == Names{"何俊杰", "付强"});
        f.as_of = {2006, 7, 31};
        CHECK(names(store, f) == Names{"罗鸿灵"});
        f.status = "planned";
        CHECK(names(store, f) == Names{"何俊杰", "付强", "蒋涛"});
        f.status = "completed";
        f.as_of = {2008, 8, 1};
        CHECK(names(store, f) == Names{"罗鸿灵", "何俊杰", "付强", "蒋涛"});
    }
    SUBCASE("home unit") {
        f.home = "史家镇";
        CHECK(names(store, f) == Names{"何俊杰"});
        f.home = "市国土资源局"; // a host, not a home
        CHECK(names(store, f).empty());
        f.home = "no such unit";
        CHECK(names(store, f).empty());
    }
    SUBCASE("host unit") {
        f.host = "市统计局";
        CHECK(names(store, f) == Names{"蒋涛"});
        f.host = "白马镇";
        CHECK(names(store, f) == Names{"付强"});
    }
    SUBCASE("county of the home unit") {
        f.county = "隆昌县";
        CHECK(names(store, f) == Names{"罗鸿灵"});
        f.county = "市中区";
        CHECK(names(store, f) == Names{"何俊杰"});
    }
    SUBCASE("category") {
        f.category = "selected_graduate";
        CHECK(names(store, f) == Names{"何俊杰"});
        f.category = "county_reserve";
        CHECK(names(store, f) == Names{"蒋涛"});
        f.category = "female_cadre";
        CHECK(names(store, f).empty());
    }
    SUBCASE("non_party, with and without non_party_exclude") {
        f.non_party = true;
        CHECK(names(store, f) == Names{"付强", "蒋涛"});
        Config cfg;
        cfg.policy.non_party_exclude = {"masses"};
        CHECK(names(store, f, cfg) == Names{"付强"});
    }
    SUBCASE("filters combine") {
        f.year = 2006;
        f.non_party = true;
        CHECK(names(store, f) == Names{"付强"});
        f.direction = "up";
        CHECK(names(store, f).empty());
    }
}

TEST_CASE("store: build_filter binds values, never splices them") {
    AssignmentFilter f;
    f.home = "x' OR '1'='1";
    f.as_of = {2007, 1, 1};
    SqlFilter sql = build_filter(f, Config{});
    CHECK(sql.texts == std::vector<std::string>{"x' OR '1'='1"});
    CHECK_FALSE(contains(sql.where, "OR '1'"));
    CHECK(build_filter(AssignmentFilter{}, Config{}).where.empty());

    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    insert(store, luo());
    CHECK(names(store, f).empty());
}

TEST_CASE("store: the recorder inserts, then finds the identical assignment") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"test", false, ""});
    RecordOutcome first = recorder.record(luo(), true);
    CHECK(first.kind == RecordOutcome::Kind::inserted);
    CHECK(first.problems.empty());
    CHECK(first.id > 0);
    RecordOutcome again = recorder.record(luo(), true);
    CHECK(again.kind == RecordOutcome::Kind::identical);
    CHECK(again.id == first.id);
    CHECK(again.problems.empty());
    CHECK(count(db, "assignments") == 1);
    CHECK(count(db, "cadres") == 1);
    CHECK(count(db, "units") == 2);
    // A fresh recorder (a new command) sees the same.
    AssignmentRecorder other(store, config, {"test", false, ""});
    CHECK(other.record(luo(), false).kind == RecordOutcome::Kind::identical);
}

TEST_CASE("store: the recorder refuses an overlapping term") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"test", false, ""});
    RecordOutcome first = recorder.record(luo(), true);
    REQUIRE(first.kind == RecordOutcome::Kind::inserted);

    Assignment overlap = luo();
    overlap.host_unit.name = "市委办";
    overlap.start = {2006, 7, 31}; // the last day of the first term
    overlap.end = {2007, 7, 30};
    RecordOutcome r = recorder.record(overlap, true);
    CHECK(r.kind == RecordOutcome::Kind::refused);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].field == Field::start_date);
    CHECK(r.problems[0].message == "the term 2006-07-31..2007-07-30 overlaps assignment #" + std::to_string(first.id) +
                                       " (2005-08-01..2006-07-31 at 市国土资源局)");
    CHECK(count(db, "assignments") == 1);

    // The next year's term, starting the day after, is fine.
    Assignment next = overlap;
    next.start = {2006, 8, 1};
    next.end = {2007, 7, 31};
    next.batch_year = 2006;
    CHECK(recorder.record(next, true).kind == RecordOutcome::Kind::inserted);
    CHECK(count(db, "assignments") == 2);
}

TEST_CASE("store: the recorder refuses data that contradicts the recorded cadre") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"test", false, ""});
    REQUIRE(recorder.record(luo(), true).kind == RecordOutcome::Kind::inserted);

    Assignment renamed = luo();
    renamed.cadre.name = "罗宏灵";
    renamed.batch_year = 2007;
    renamed.start = {2007, 8, 1};
    renamed.end = {2008, 7, 31};
    RecordOutcome r = recorder.record(renamed, true);
    CHECK(r.kind == RecordOutcome::Kind::refused);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].field == Field::id_number);
    CHECK(describe(r.problems[0], by_domain_name) == "511***********1730 is recorded with other data — 罗鸿灵 姓名: 罗鸿灵 → 罗宏灵");

    // Even an otherwise identical row is refused when the cadre's data differ.
    Assignment same_term = luo();
    same_term.cadre.political_status = "masses";
    RecordOutcome s = recorder.record(same_term, true);
    CHECK(s.kind == RecordOutcome::Kind::refused);
    CHECK(s.problems.size() == 1);
    CHECK(count(db, "assignments") == 1);
    CHECK(store.find_cadre("511028197003141730")->cadre.name == "罗鸿灵");
}

TEST_CASE("store: the recorder checks units' kinds and counties") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"test", false, ""});
    Assignment wang = make("511024196607255675", "王国平", "cpc_member", "up", 2005, {"越溪镇", "township", "威远县"},
                           {"市委农办", "city_organ", ""}, {2005, 8, 1}, {2006, 7, 31});
    REQUIRE(recorder.record(wang, true).kind == RecordOutcome::Kind::inserted);

    Assignment other = make("511024197103021757", "蒋涛", "cpc_member", "up", 2006, {"越溪镇", "county_dept", "威远县"},
                            {"市经委", "city_organ", ""}, {2006, 8, 1}, {2007, 7, 31});
    SUBCASE("a kind given explicitly must match") {
        RecordOutcome r = recorder.record(other, true);
        CHECK(r.kind == RecordOutcome::Kind::refused);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].field == Field::home_unit);
        CHECK(r.problems[0].message == "'越溪镇' is recorded as 乡镇 (township), the row says 县区部门 (county_dept)");
        // Nothing of the refused row was written: neither the cadre nor its new host.
        CHECK(count(db, "assignments") == 1);
        CHECK_FALSE(store.find_cadre("511024197103021757").has_value());
        CHECK_FALSE(store.find_unit("市经委").has_value());
    }
    SUBCASE("a guessed kind yields to the recorded one") {
        RecordOutcome r = recorder.record(other, false);
        CHECK(r.kind == RecordOutcome::Kind::inserted);
        auto got = store.get(r.id);
        REQUIRE(got);
        CHECK(got->home_unit.kind == "township");
    }
    SUBCASE("the host's kind follows from the direction") {
        Assignment down = make("511002197205055810", "付强", "cdl", "down", 2006, {"市规划局", "city_organ", ""},
                               {"市委农办", "township", ""}, {2006, 8, 1}, {2007, 7, 31});
        RecordOutcome r = recorder.record(down, false);
        CHECK(r.kind == RecordOutcome::Kind::refused);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].field == Field::host_unit);
        CHECK(contains(english(r.problems[0].message), "'市委农办' is recorded as 市级机关 (city_organ)"));
    }
    SUBCASE("a different county is refused") {
        other.home_unit = {"越溪镇", "township", "资中县"};
        RecordOutcome r = recorder.record(other, true);
        CHECK(r.kind == RecordOutcome::Kind::refused);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].field == Field::home_county);
        CHECK(r.problems[0].message == "'越溪镇' is recorded in 威远县, the row says 资中县");
    }
    SUBCASE("an empty county says nothing") {
        other.home_unit = {"越溪镇", "township", ""};
        CHECK(recorder.record(other, true).kind == RecordOutcome::Kind::inserted);
    }
}

TEST_CASE("store: Database::open creates, reopens and refuses") {
    TempDir dir;
    fs::path p = dir.path / "g.db";
    CHECK(contains(store_error(p, OpenMode::write), "no database here; create one with `guazhi init`"));
    CHECK(contains(store_error(p, OpenMode::read), "no database here"));
    CHECK_FALSE(fs::exists(p));
    {
        Database db = Database::open(p, OpenMode::create);
        CHECK(db.opened_at_version() == 0);
        CHECK(db.path() == p);
        CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == current_schema_version());
        AssignmentStore store(db.sql());
        insert(store, luo());
    }
    struct stat st{};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    {
        Database db = Database::open(p, OpenMode::read);
        CHECK(db.opened_at_version() == current_schema_version());
        CHECK(count(db, "assignments") == 1);
    }
    CHECK(contains(store_error(dir.path, OpenMode::read), "is a directory"));

    fs::path other = dir.path / "other.db";
    {
        SQLite::Database foreign(other.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        foreign.exec("CREATE TABLE t (x)");
    }
    CHECK(contains(store_error(other, OpenMode::write), "is a SQLite database, but not a guazhi one"));

    fs::path text = dir.path / "notes.txt";
    std::ofstream(text) << "this is not a database at all, just some text that is long enough to be a header\n";
    CHECK(contains(store_error(text, OpenMode::write), "not a guazhi database"));

    fs::path newer = dir.path / "newer.db";
    {
        Database db = Database::open(newer, OpenMode::create);
        db.sql().exec("PRAGMA user_version = " + std::to_string(current_schema_version() + 1));
    }
    std::string msg = store_error(newer, OpenMode::write);
    CHECK(contains(msg, "newer than this guazhi knows"));
    CHECK(contains(msg, "The file was not touched"));
}
