#include "store/allowance.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store/recorder.hpp"

#include "fixture.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace guazhi;
using guazhi::util::Date;

namespace {

Assignment secondment(std::string id_number, std::string name, int year, Unit home, Unit host) {
    return guazhi::test::secondment(std::move(id_number), std::move(name), "up", year, std::move(home), std::move(host),
                                    {year, 8, 1}, {year + 1, 7, 31});
}

const Unit kLongchang{"隆昌县国土资源局", "county_dept", "隆昌县"};
const Unit kWeiyuan{"威远县统计局", "county_dept", "威远县"};

// Four secondments with the terms the allowance must follow:
//   #1 罗鸿灵 2006-08-01..2007-07-31, as planned: 365 days, 隆昌县国土资源局
//   #2 何俊杰 extended to 2007-10-31: 365 + 92 = 457 days, 隆昌县国土资源局
//   #3 付强 recalled, last day 2007-01-31: 184 days, 威远县统计局
//   #4 蒋涛 2007-08-01..2008-07-31, across 2008-02-29: 366 days, 威远县统计局
struct Fixture {
    Database db = Database::in_memory();
    AssignmentStore store{db.sql()};
    Config config;
    std::vector<std::int64_t> ids;

    Fixture() {
        AssignmentRecorder recorder(store, config, {"王干事", false, ""});
        for (const Assignment& a :
             {secondment("511028197003141730", "罗鸿灵", 2006, kLongchang, {"市国土资源局", "city_organ", ""}),
              secondment("511002198104161811", "何俊杰", 2006, kLongchang, {"市财政局", "city_organ", ""}),
              secondment("511002197205055810", "付强", 2006, kWeiyuan, {"市统计局", "city_organ", ""}),
              secondment("511024197103021757", "蒋涛", 2007, kWeiyuan, {"市委办", "city_organ", ""})}) {
            RecordOutcome r = recorder.record(a, true);
            REQUIRE(r.kind == RecordOutcome::Kind::inserted);
            ids.push_back(r.id);
        }
        app::Lifecycle life(db, config, "王干事");
        life.extend(ids[1], {2007, 10, 31}, "同意", "");
        life.recall(ids[2], {2007, 1, 31}, "promotion", "", "");
    }
};

} // namespace

TEST_CASE("allowance: per assignment, from the days actually seconded") {
    Fixture fx;
    auto lines = allowance_by_assignment(fx.store, AssignmentFilter{}, fx.config);
    REQUIRE(lines.size() == 5);
    const std::vector<std::string> names{"罗鸿灵", "何俊杰", "付强", "蒋涛"};
    const std::vector<std::int64_t> days{365, 457, 184, 366};
    for (std::size_t i = 0; i < 4; ++i) {
        CAPTURE(i);
        CHECK(lines[i].assignment_id == fx.ids[i]);
        CHECK(lines[i].name == names[i]);
        CHECK(lines[i].people == 1);
        CHECK(lines[i].days == days[i]);
        CHECK(lines[i].amount_fen == days[i] * 200); // 2 元 a day
    }
    CHECK(lines[0].home_unit == "隆昌县国土资源局");
    CHECK(lines[2].home_unit == "威远县统计局");
    CHECK(lines[0].amount_fen == 73000);
    CHECK(yuan(lines[0].amount_fen) == "730.00");

    const AllowanceLine& total = lines.back();
    CHECK(total.assignment_id == 0);
    CHECK(total.name == "total");
    CHECK(total.home_unit.empty());
    CHECK(total.people == 4);
    CHECK(total.days == 365 + 457 + 184 + 366);
    CHECK(total.amount_fen == (365 + 457 + 184 + 366) * 200);
    CHECK(yuan(total.amount_fen) == "2744.00");
}

TEST_CASE("allowance: per home unit, who pays") {
    Fixture fx;
    auto lines = allowance_by_home_unit(fx.store, AssignmentFilter{}, fx.config);
    REQUIRE(lines.size() == 3);
    // By name: 威 (U+5A01) sorts before 隆 (U+9686).
    CHECK(lines[0].name == "威远县统计局");
    CHECK(lines[0].home_unit == "威远县统计局");
    CHECK(lines[0].assignment_id == 0);
    CHECK(lines[0].people == 2);
    CHECK(lines[0].days == 184 + 366);
    CHECK(lines[0].amount_fen == (184 + 366) * 200);
    CHECK(lines[1].name == "隆昌县国土资源局");
    CHECK(lines[1].people == 2);
    CHECK(lines[1].days == 365 + 457);
    CHECK(lines[1].amount_fen == (365 + 457) * 200);
    CHECK(lines[2].name == "total");
    CHECK(lines[2].people == 4);
    CHECK(lines[2].days == 1372);
    CHECK(lines[2].amount_fen == 274400);
}

TEST_CASE("allowance: the rate comes from the config, in fen") {
    Fixture fx;
    fx.config.policy.allowance_per_day = 2.5;
    auto lines = allowance_by_assignment(fx.store, AssignmentFilter{}, fx.config);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].amount_fen == 91250);
    CHECK(yuan(lines[0].amount_fen) == "912.50");
    CHECK(lines[3].amount_fen == 366 * 250);
    CHECK(lines.back().amount_fen == 1372 * 250);
    auto units = allowance_by_home_unit(fx.store, AssignmentFilter{}, fx.config);
    CHECK(units.back().amount_fen == 1372 * 250);
    CHECK(units[1].amount_fen == (365 + 457) * 250);

    // A rate that is not exact in binary still gives whole fen.
    fx.config.policy.allowance_per_day = 0.29;
    lines = allowance_by_assignment(fx.store, AssignmentFilter{}, fx.config);
    CHECK(lines[0].amount_fen == 365 * 29);
    CHECK(yuan(lines[0].amount_fen) == "105.85");
}

TEST_CASE("allowance: the filter selects the assignments") {
    Fixture fx;
    AssignmentFilter f;
    f.year = 2007;
    auto lines = allowance_by_assignment(fx.store, f, fx.config);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].name == "蒋涛");
    CHECK(lines[0].days == 366);
    CHECK(lines[1].people == 1);
    CHECK(lines[1].amount_fen == 73200);

    f = AssignmentFilter{};
    f.home = "隆昌县国土资源局";
    auto units = allowance_by_home_unit(fx.store, f, fx.config);
    REQUIRE(units.size() == 2);
    CHECK(units[0].name == "隆昌县国土资源局");
    CHECK(units[0].days == 822);

    f.year = 2010;
    lines = allowance_by_assignment(fx.store, f, fx.config);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].name == "total");
    CHECK(lines[0].people == 0);
    CHECK(lines[0].days == 0);
    CHECK(lines[0].amount_fen == 0);
    units = allowance_by_home_unit(fx.store, f, fx.config);
    REQUIRE(units.size() == 1);
    CHECK(units[0].name == "total");
}

TEST_CASE("allowance: yuan formats fen with two decimals") {
    CHECK(yuan(73000) == "730.00");
    CHECK(yuan(5) == "0.05");
    CHECK(yuan(0) == "0.00");
    CHECK(yuan(99) == "0.99");
    CHECK(yuan(100) == "1.00");
    CHECK(yuan(91250) == "912.50");
    CHECK(yuan(123456789) == "1234567.89");
}
