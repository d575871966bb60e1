// A cadre's record over time (domain/cadre_history, store/cadre_values, app/cadres): the value
// in force on a day, the same rule in C++ and in SQL, and the edits that record it.
#include "app/cadres.hpp"
#include "app/transaction.hpp"
#include "fixture.hpp"
#include "store/cadre_values.hpp"
#include "store/stats_query.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace guazhi;
using guazhi::test::figure;
using guazhi::util::Date;

namespace {

constexpr const char* kHu = "511002196901140336"; // 胡振华, 无党派人士, assignment 21 (2006)

Database example_db() {
    Database db = Database::in_memory();
    std::ifstream in(std::string(GUAZHI_EXAMPLES) + "/roster-2005-2006.csv", std::ios::binary);
    REQUIRE(in);
    REQUIRE(app::import_roster(db, {in, "", "roster-2005-2006.csv", {}}, Config{}, ImportOptions{}).committed);
    return db;
}

DatedValue change(std::string attribute, Date since, std::string value) {
    DatedValue v;
    v.attribute = std::move(attribute);
    v.since = since;
    v.value = std::move(value);
    return v;
}

std::int64_t non_party(Database& db, int year) {
    AssignmentFilter f;
    f.year = year;
    return figure(figures(compute_stats(db.sql(), f, Config{})), "non_party").count;
}

app::CadreEdit edit_of(Field f, std::string text, std::optional<Date> since, std::string reason = "") {
    app::CadreEdit e;
    e.values.emplace_back(f, std::move(text));
    e.since = since;
    e.reason = std::move(reason);
    e.by = "测试员";
    return e;
}

} // namespace

TEST_CASE("cadre history: the value in force is the latest change on or before the day, else the first record") {
    Cadre c;
    c.political_status = "masses";
    c.categories = {"selected_graduate"};
    std::vector<DatedValue> values = {change("political_status", Date{2010, 1, 1}, "cpc_member"),
                                      change("political_status", Date{2008, 7, 1}, "cpc_probationary"),
                                      change("categories", Date{2009, 1, 1}, "county_reserve;selected_graduate")};
    CHECK(in_force(c, values, Date{2008, 6, 30}).political_status == "masses");
    CHECK(in_force(c, values, Date{2008, 7, 1}).political_status == "cpc_probationary");
    CHECK(in_force(c, values, Date{2009, 12, 31}).political_status == "cpc_probationary");
    CHECK(in_force(c, values, Date{2010, 1, 1}).political_status == "cpc_member");
    CHECK(in_force(c, values, Date{2008, 12, 31}).categories == std::vector<std::string>{"selected_graduate"});
    // Vocabulary order, whatever order the text had.
    CHECK(in_force(c, values, Date{2009, 1, 1}).categories ==
          std::vector<std::string>{"selected_graduate", "county_reserve"});
    CHECK(attribute_value(in_force(c, values, Date{2009, 1, 1}), "categories") == "selected_graduate;county_reserve");
}

TEST_CASE("cadre history: the writers refuse to run outside a transaction") {
    Database db = example_db();
    CHECK_THROWS_AS(record_dated_value(db.sql(), 1, "political_status", Date{2008, 7, 1}, "cpc_member", "", ""),
                    std::logic_error);
    CHECK_THROWS_AS(record_correction(db.sql(), 1, "name", "李芳", "录入错误", ""), std::logic_error);
}

TEST_CASE("cadre history: the SQL of a listing and of stats follows the same rule as in_force") {
    Database db = example_db();
    REQUIRE(non_party(db, 2006) == 13);
    app::CadreEdited e = app::edit_cadre(db, kHu, edit_of(Field::political_status, "中共党员", Date{2008, 7, 1}));
    REQUIRE(e.problems.empty());
    REQUIRE(e.committed);
    CHECK(e.changes.at(0).before == "non_partisan");
    CHECK(e.changes.at(0).after == "cpc_member");
    CHECK(non_party(db, 2006) == 13);
    AssignmentStore store(db.sql());
    CHECK(store.get(21)->cadre.political_status == "non_partisan");
    // A later assignment reads the cadre as on its own start.
    db.sql().exec("UPDATE assignments SET start_date = '2009-08-01', end_date = '2010-07-31', batch_year = 2009 "
                  "WHERE id = 21");
    CHECK(store.get(21)->cadre.political_status == "cpc_member");
    CHECK(non_party(db, 2009) == 0);
    db.sql().exec("UPDATE assignments SET start_date = '2008-07-01' WHERE id = 21"); // the day itself counts
    CHECK(store.get(21)->cadre.political_status == "cpc_member");
    db.sql().exec("UPDATE assignments SET start_date = '2008-06-30' WHERE id = 21");
    CHECK(store.get(21)->cadre.political_status == "non_partisan");
}

TEST_CASE("cadre history: cadre edit refuses, with nothing changed, what the rules say no to") {
    Database db = example_db();
    auto changes = [&] { return db.sql().execAndGet("SELECT count(*) FROM changes").getInt(); };
    auto before = changes();
    // A value that does not read is a problem of its field.
    app::CadreEdited e = app::edit_cadre(db, kHu, edit_of(Field::political_status, "党员吗", Date{2008, 7, 1}));
    REQUIRE(e.problems.size() == 1);
    CHECK(e.problems[0].field == Field::political_status);
    CHECK_FALSE(e.committed);
    CHECK(test::error_of([&] { app::edit_cadre(db, kHu, edit_of(Field::political_status, "中共党员", std::nullopt)); })
              .find("changes on a date") != std::string::npos);
    CHECK(test::error_of([&] { app::edit_cadre(db, kHu, edit_of(Field::name, "胡振化", std::nullopt)); })
              .find("--reason") != std::string::npos);
    CHECK(test::error_of([&] { app::edit_cadre(db, kHu, edit_of(Field::name, "胡振化", Date{2008, 1, 1}, "x")); })
              .find("does not change over time") != std::string::npos);
    CHECK(test::error_of([&] {
              app::edit_cadre(db, kHu, edit_of(Field::rank, "正科级", Date::today().plus_months(1)));
          }).find("after today") != std::string::npos);
    CHECK(changes() == before);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM cadre_values").getInt() == 0);
}

TEST_CASE("cadre history: a correction keeps the old value, categories are corrected as a set") {
    Database db = example_db();
    // A correction is a change "since the first record" (cadre edit … --since first).
    auto correction = [](std::string text) {
        auto e = edit_of(Field::categories, std::move(text), std::nullopt, "补录");
        e.since_first = true;
        return e;
    };
    app::CadreEdited e = app::edit_cadre(db, kHu, correction("选调生、县级后备干部"));
    REQUIRE(e.committed);
    CadreProfile p = app::cadre_profile(db, "21");
    CHECK(p.recorded.categories == std::vector<std::string>{"selected_graduate", "county_reserve"});
    REQUIRE(p.corrections.size() == 1);
    CHECK(p.corrections[0].before == "");
    CHECK(p.corrections[0].after == "selected_graduate;county_reserve");
    // The mask the figures count follows (the schema's triggers), and check agrees.
    CHECK(db.sql().execAndGet("SELECT category_mask FROM cadres WHERE id_number = '511002196901140336'").getInt() == 3);
    // The same value again changes nothing.
    CHECK_FALSE(app::edit_cadre(db, kHu, correction("选调生;县级后备干部")).committed);
}
