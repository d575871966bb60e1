#include "domain/rules.hpp"
#include "error.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "store/lifecycle.hpp"
#include "store/recorder.hpp"
#include "store/schema.hpp"

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

namespace {

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

std::int64_t count(Database& db, const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

Assignment make(std::string id_number, std::string name, std::string status, std::string direction, int year,
                Unit home, Unit host, Date start, Date end, std::vector<std::string> categories = {}) {
    Assignment a;
    a.cadre.id_number = std::move(id_number);
    a.cadre.name = std::move(name);
    a.cadre.gender = "male";
    a.cadre.birth_date = "1970-01-01";
    a.cadre.political_status = std::move(status);
    a.cadre.categories = std::move(categories);
    a.direction = std::move(direction);
    a.batch_year = year;
    a.home_unit = std::move(home);
    a.host_unit = std::move(host);
    a.home_post = "post at home";
    a.host_post = "post at host";
    a.start = start;
    a.end = end;
    return a;
}

// Four assignments that differ in every filterable way.
Assignment luo() {
    return make("511028197003141730", "罗鸿灵", "cpc_member", "up", 2005, {"隆昌县国土资源局", "county_dept", "隆昌县"},
                {"市国土资源局", "city_organ", ""}, {2005, 8, 1}, {2006, 7, 31});
}
Assignment he() {
    return make("511002198104161811", "何俊杰", "cpc_member", "up", 2006, {"史家镇", "township", "市中区"},
                {"市财政局", "city_organ", ""}, {2006, 8, 1}, {2007, 7, 31}, {"selected_graduate"});
}
Assignment fu() {
    return make("511002197205055810", "付强", "cdl", "down", 2006, {"市规划局", "city_organ", ""},
                {"白马镇", "township", ""}, {2006, 8, 1}, {2007, 7, 31});
}
Assignment jiang() {
    return make("511024197103021757", "蒋涛", "masses", "up", 2007, {"威远县统计局", "county_dept", "威远县"},
                {"市统计局", "city_organ", ""}, {2007, 8, 1}, {2008, 7, 31}, {"county_reserve"});
}

// Inserts through the store alone, reusing cadres and units already there.
std::int64_t insert(AssignmentStore& store, const Assignment& a) {
    auto cadre = store.find_cadre(a.cadre.id_number);
    std::int64_t cadre_id = cadre ? cadre->id : store.insert_cadre(a.cadre);
    auto unit_id = [&](const Unit& u) {
        auto found = store.find_unit(u.name);
        return found ? found->id : store.insert_unit(u);
    };
    std::int64_t home = unit_id(a.home_unit);
    std::int64_t host = unit_id(a.host_unit);
    return store.insert_assignment(a, cadre_id, home, host);
}

std::vector<std::string> names(AssignmentStore& store, const AssignmentFilter& f, const Config& cfg = {}) {
    std::vector<std::string> out;
    store.for_each(f, cfg, [&](const Assignment& a) { out.push_back(a.cadre.name); });
    return out;
}

using Names = std::vector<std::string>;

void check_same(const Assignment& got, const Assignment& want) {
    CHECK(got.cadre == want.cadre);
    CHECK(got.direction == want.direction);
    CHECK(got.batch_year == want.batch_year);
    CHECK(got.home_unit == want.home_unit);
    CHECK(got.home_post == want.home_post);
    CHECK(got.host_unit == want.host_unit);
    CHECK(got.host_post == want.host_post);
    CHECK(got.start == want.start);
    CHECK(got.end == want.end);
}

struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("guazhi-unit-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string store_error(const fs::path& p, OpenMode mode) {
    try {
        Database::open(p, mode);
    } catch (const StoreError& e) {
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
        cfg.non_party_exclude = {"masses"};
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
    CHECK(r.problems[0].message ==
          "511***********1730 is recorded with other data — name: recorded '罗鸿灵', given '罗宏灵'");

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
        CHECK(contains(r.problems[0].message, "'市委农办' is recorded as 市级机关 (city_organ)"));
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

namespace {

// The four assignments, with their ids in listing order (罗鸿灵, 何俊杰, 付强, 蒋涛).
struct Four {
    Database db = Database::in_memory();
    AssignmentStore store{db.sql()};
    Config config;
    Lifecycle life{db.sql(), config, "test"};
    std::int64_t luo_id = 0, he_id = 0, fu_id = 0, jiang_id = 0;
    Four() {
        luo_id = insert(store, luo());
        he_id = insert(store, he());
        fu_id = insert(store, fu());
        jiang_id = insert(store, jiang());
    }
    Names list(const AssignmentFilter& f) { return names(store, f, config); }
};

AssignmentFilter on(Date day) {
    AssignmentFilter f;
    f.as_of = day;
    return f;
}

AssignmentFilter with_status(const std::string& status, Date day) {
    AssignmentFilter f = on(day);
    f.status = status;
    return f;
}

AssignmentFilter pending(const std::string& kind) {
    AssignmentFilter f;
    f.pending = kind;
    return f;
}

} // namespace

TEST_CASE("store: for_each by status through an extension and a recall") {
    Four fx;
    fx.life.extend(fx.he_id, {2007, 10, 31}, "同意", "");          // 何俊杰: to 2007-10-31
    fx.life.recall(fx.fu_id, {2007, 1, 31}, "promotion", "", ""); // 付强: last day 2007-01-31

    // The recall's last day is still active; the day after, recalled.
    CHECK(fx.list(with_status("active", {2007, 1, 31})) == Names{"何俊杰", "付强"});
    CHECK(fx.list(with_status("recalled", {2007, 1, 31})).empty());
    CHECK(fx.list(with_status("active", {2007, 2, 1})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("recalled", {2007, 2, 1})) == Names{"付强"});
    // The planned end is active; the day after, extended (and 蒋涛 starts).
    CHECK(fx.list(with_status("active", {2007, 7, 31})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("extended", {2007, 7, 31})).empty());
    CHECK(fx.list(with_status("extended", {2007, 8, 1})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("active", {2007, 8, 1})) == Names{"蒋涛"});
    CHECK(fx.list(with_status("completed", {2007, 8, 1})) == Names{"罗鸿灵"});
    CHECK(fx.list(with_status("extended", {2007, 10, 31})) == Names{"何俊杰"});
    // After the extension: completed. A recalled term is never completed.
    CHECK(fx.list(with_status("extended", {2007, 11, 1})).empty());
    CHECK(fx.list(with_status("completed", {2007, 11, 1})) == Names{"罗鸿灵", "何俊杰"});
    CHECK(fx.list(with_status("recalled", {2009, 1, 1})) == Names{"付强"});
    CHECK(fx.list(with_status("completed", {2009, 1, 1})) == Names{"罗鸿灵", "何俊杰", "蒋涛"});

    // The SQL and rules::status_on agree on every assignment and every boundary.
    auto agree = [&] {
        std::vector<Assignment> all;
        fx.store.for_each(AssignmentFilter{}, fx.config, [&](const Assignment& a) { all.push_back(a); });
        REQUIRE(all.size() == 4);
        for (Date day : {Date{2005, 7, 31}, Date{2005, 8, 1}, Date{2006, 7, 31}, Date{2006, 8, 1}, Date{2007, 1, 31},
                         Date{2007, 2, 1}, Date{2007, 7, 31}, Date{2007, 8, 1}, Date{2007, 9, 15}, Date{2007, 9, 16},
                         Date{2007, 10, 31}, Date{2007, 11, 1}, Date{2008, 7, 31}, Date{2008, 8, 1}}) {
            for (const char* status : {"planned", "active", "extended", "recalled", "completed"}) {
                CAPTURE(day.iso());
                CAPTURE(status);
                Names expected;
                for (const auto& a : all)
                    if (status_on(a, day) == status) expected.push_back(a.cadre.name);
                CHECK(fx.list(with_status(status, day)) == expected);
            }
        }
    };
    agree();

    // A recall during the extension ends the extension.
    fx.life.recall(fx.he_id, {2007, 9, 15}, "special", "市财政局同意", "");
    CHECK(fx.list(with_status("extended", {2007, 9, 15})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("extended", {2007, 9, 16})).empty());
    CHECK(fx.list(with_status("recalled", {2007, 9, 16})) == Names{"何俊杰", "付强"});
    CHECK(fx.list(with_status("completed", {2007, 11, 1})) == Names{"罗鸿灵"});
    agree();
}

TEST_CASE("store: for_each with pending appointment paperwork") {
    Four fx;
    // 付强 (民盟, down) is the only one to be elected; 付强 and 蒋涛 (群众) are non-Party;
    // 罗鸿灵 and 何俊杰 are Party members.
    CHECK(fx.list(pending("election")) == Names{"付强"});
    CHECK(fx.list(pending("united_front")) == Names{"付强", "蒋涛"});
    CHECK(fx.list(pending("party_transfer")) == Names{"罗鸿灵", "何俊杰"});
    for (const char* kind : {"document", "mentor", "division", "filing"}) {
        CAPTURE(kind);
        CHECK(fx.list(pending(kind)) == Names{"罗鸿灵", "何俊杰", "付强", "蒋涛"});
    }

    SUBCASE("election: only an elected result settles it") {
        AppointmentChange c;
        c.election_date = Date{2006, 9, 15};
        c.election_result = "not_elected";
        fx.life.appoint(fx.fu_id, c, {2006, 9, 15}, "");
        CHECK(fx.list(pending("election")) == Names{"付强"});
        c.election_result = "elected";
        fx.life.appoint(fx.fu_id, c, {2006, 9, 16}, "");
        CHECK(fx.list(pending("election")).empty());
    }
    SUBCASE("united_front") {
        AppointmentChange c;
        c.united_front_on = Date{2006, 8, 20};
        fx.life.appoint(fx.fu_id, c, {2006, 8, 20}, "");
        CHECK(fx.list(pending("united_front")) == Names{"蒋涛"});
        // 群众 left out of 党外干部 by the config: nothing is pending any more.
        fx.config.non_party_exclude = {"masses"};
        CHECK(fx.list(pending("united_front")).empty());
    }
    SUBCASE("party_transfer") {
        AppointmentChange c;
        c.party_transfer_on = Date{2006, 8, 10};
        fx.life.appoint(fx.he_id, c, {2006, 8, 10}, "");
        CHECK(fx.list(pending("party_transfer")) == Names{"罗鸿灵"});
    }
    SUBCASE("document, mentor, division and filing, each by its own field") {
        AppointmentChange doc;
        doc.doc_number = "内组干〔2006〕12号";
        fx.life.appoint(fx.he_id, doc, {2006, 8, 5}, "");
        AppointmentChange mentor;
        mentor.mentor = "李科长";
        fx.life.appoint(fx.fu_id, mentor, {2006, 8, 5}, "");
        AppointmentChange division;
        division.division_of_work = "分管统计";
        fx.life.appoint(fx.jiang_id, division, {2007, 8, 5}, "");
        AppointmentChange filing;
        filing.filed_on = Date{2005, 8, 10};
        fx.life.appoint(fx.luo_id, filing, {2005, 8, 10}, "");
        CHECK(fx.list(pending("document")) == Names{"罗鸿灵", "付强", "蒋涛"});
        CHECK(fx.list(pending("mentor")) == Names{"罗鸿灵", "何俊杰", "蒋涛"});
        CHECK(fx.list(pending("division")) == Names{"罗鸿灵", "何俊杰", "付强"});
        CHECK(fx.list(pending("filing")) == Names{"何俊杰", "付强", "蒋涛"});
        // An empty value is not a recorded one.
        AppointmentChange empty;
        empty.doc_number = "";
        fx.life.appoint(fx.luo_id, empty, {2005, 8, 11}, "");
        CHECK(fx.list(pending("document")) == Names{"罗鸿灵", "付强", "蒋涛"});
        // Pending combines with the other filters.
        AssignmentFilter f = pending("document");
        f.year = 2006;
        CHECK(fx.list(f) == Names{"付强"});
    }
    CHECK_THROWS_WITH_AS(build_filter(pending("stamp"), fx.config), "unknown pending item 'stamp'", Error);
}

TEST_CASE("store: for_each with no_inspection within the configured window") {
    Four fx;
    REQUIRE(fx.config.inspection_window_days == 60);
    AssignmentFilter f = on({2007, 6, 1}); // 2007-06-01 + 60 = 2007-07-31: 何俊杰 and 付强 end then
    f.no_inspection = true;
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    f.as_of = {2007, 5, 31}; // the window ends 2007-07-30
    CHECK(fx.list(f).empty());
    f.as_of = {2007, 7, 31}; // the last day itself
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    f.as_of = {2007, 8, 1}; // over: no longer due
    CHECK(fx.list(f).empty());

    fx.config.inspection_window_days = 10;
    f.as_of = {2007, 7, 21};
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    f.as_of = {2007, 7, 20};
    CHECK(fx.list(f).empty());
    fx.config.inspection_window_days = 60;

    // An inspection note settles it; another kind of note does not.
    f.as_of = {2007, 6, 1};
    fx.life.note(fx.fu_id, "talk", {2007, 6, 5}, "");
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    fx.life.note(fx.he_id, "inspection", {2007, 6, 10}, "考察");
    CHECK(fx.list(f) == Names{"付强"});

    // An extension moves the end out of the window, and into a later one.
    fx.life.extend(fx.fu_id, {2007, 10, 31}, "同意", "");
    CHECK(fx.list(f).empty());
    f.as_of = {2007, 9, 15};
    CHECK(fx.list(f) == Names{"付强"});
}

TEST_CASE("store: for_each with returned and not_promoted") {
    Four fx;
    AssignmentFilter f = on({2007, 7, 31});
    f.returned = true;
    CHECK(fx.list(f) == Names{"罗鸿灵"});
    f.as_of = {2007, 8, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "何俊杰", "付强"});

    // A recall returns early; an extension returns later.
    fx.life.recall(fx.fu_id, {2007, 1, 31}, "promotion", "", "");
    fx.life.extend(fx.he_id, {2007, 10, 31}, "同意", "");
    f.as_of = {2007, 2, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "付强"});
    f.as_of = {2007, 8, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "付强"});
    f.as_of = {2007, 11, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "何俊杰", "付强"});

    AssignmentFilter np = on({2007, 11, 1});
    np.not_promoted = true;
    CHECK(fx.list(np) == Names{"罗鸿灵", "何俊杰", "付强", "蒋涛"});
    auto cadre = [&](const Assignment& a) { return fx.store.find_cadre(a.cadre.id_number).value().id; };
    // A promotion after the end removes the secondee; a new post without promotion does not,
    // nor does a promotion before the (extended) end.
    fx.life.follow_up(cadre(luo()), {2006, 9, 1}, "隆昌县国土资源局副局长", true, "");
    fx.life.follow_up(cadre(he()), {2007, 9, 1}, "预算股股长", true, ""); // still seconded then
    fx.life.follow_up(cadre(fu()), {2007, 3, 1}, "市规划局科长", false, "");
    CHECK(fx.list(np) == Names{"何俊杰", "付强", "蒋涛"});
    np.returned = true;
    CHECK(fx.list(np) == Names{"何俊杰", "付强"});
    fx.life.follow_up(cadre(he()), {2007, 11, 1}, "市中区财政局副局长", true, "");
    CHECK(fx.list(np) == Names{"付强"});
    CHECK(count(fx.db, "events WHERE kind = 'follow_up' AND assignment_id IS NULL") == 4);
}
