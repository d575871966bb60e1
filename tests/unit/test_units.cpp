#include "app/record.hpp"
#include "error.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "store/recorder.hpp"
#include "store/units.hpp"

#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace guazhi;

namespace {

Assignment secondment(std::string id_number, std::string direction, Unit home, Unit host) {
    return guazhi::test::secondment(std::move(id_number), "张明", std::move(direction), 2006, std::move(home),
                                    std::move(host), {2006, 8, 1}, {2007, 7, 31});
}

Database with_two_secondments() {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"test", false, ""});
    REQUIRE(recorder.record(secondment("511025198003150018", "up", {"档案馆", "county_dept", ""},
                                       {"市外事办", "city_organ", ""}),
                            false)
                .kind == RecordOutcome::Kind::inserted);
    REQUIRE(recorder.record(secondment("511028197003141730", "down", {"市外事办", "city_organ", ""},
                                       {"白马镇", "township", ""}),
                            false)
                .kind == RecordOutcome::Kind::inserted);
    return db;
}

} // namespace

TEST_CASE("units: list_units counts sent and received, filters by kind and county") {
    Database db = with_two_secondments();
    auto all = list_units(db.sql(), std::nullopt, std::nullopt);
    REQUIRE(all.size() == 3);
    CHECK(all[0].unit.name == "市外事办"); // city organs first
    CHECK(all[0].sent == 1);
    CHECK(all[0].received == 1);
    CHECK(all[2].unit.kind == "township");
    auto townships = list_units(db.sql(), std::string("township"), std::nullopt);
    REQUIRE(townships.size() == 1);
    CHECK(townships[0].unit.name == "白马镇");
    CHECK(list_units(db.sql(), std::nullopt, std::string("东兴区")).empty());
}

TEST_CASE("units: correct_unit changes kind and county, and returns the old unit") {
    Database db = with_two_secondments();
    Unit before = app::correct_unit(db, "档案馆", std::string("city_organ"), std::string("市直"));
    CHECK(before.kind == "county_dept");
    CHECK(before.county.empty());
    AssignmentStore store(db.sql());
    auto after = store.find_unit("档案馆");
    REQUIRE(after);
    CHECK(after->unit.kind == "city_organ");
    CHECK(after->unit.county == "市直");
    app::correct_unit(db, "档案馆", std::nullopt, std::string("东兴区"));
    CHECK(store.find_unit("档案馆")->unit.kind == "city_organ"); // kind untouched
}

TEST_CASE("units: correct_unit refuses a kind that contradicts what the unit hosts") {
    Database db = with_two_secondments();
    CHECK_THROWS_WITH_AS(app::correct_unit(db, "市外事办", std::string("township"), std::nullopt),
                         doctest::Contains("must stay 市级机关 (city_organ)"), Error);
    CHECK_THROWS_WITH_AS(app::correct_unit(db, "白马镇", std::string("county_dept"), std::nullopt),
                         doctest::Contains("must stay 乡镇 (township)"), Error);
    CHECK_THROWS_WITH_AS(app::correct_unit(db, "无此单位", std::nullopt, std::string("x")),
                         doctest::Contains("no unit named '无此单位'"), Error);
    AssignmentStore store(db.sql());
    CHECK(store.find_unit("市外事办")->unit.kind == "city_organ");
}
