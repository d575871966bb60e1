// Issue 19, units and terms: a host's kind against its name, the handover of a recalled term,
// the lrmx's current post, the allowance to a date, and terms ending soon (with the period a
// clerk writes).
#include "app/documents.hpp"
#include "app/lifecycle.hpp"
#include "app/record.hpp"
#include "domain/filter.hpp"
#include "domain/rules.hpp"
#include "render/lrmx.hpp"
#include "store/allowance.hpp"
#include "store/history.hpp"
#include "store/units.hpp"

#include "fixture.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace guazhi;
using namespace guazhi::test;
using guazhi::util::Date;

namespace {

// The period `text` reads as, "count unit" (day/week/month), or its error.
std::string period_of(std::string_view text) {
    ParsedPeriod p = parse_period(text);
    if (!p) return "error: " + english(p.error);
    const char* unit = p.period->unit == Period::Unit::day ? "day" : p.period->unit == Period::Unit::week ? "week" : "month";
    return fmt::format("{} {}", p.period->count, unit);
}

// A 下派 row of 付强 (市规划局) to `host`, 2006-08-01..2007-07-31.
Assignment down_to(const std::string& host) {
    return secondment("511002197205055810", "付强", "down", 2006, {"市规划局", "city_organ", ""},
                      {host, "township", ""}, {2006, 8, 1}, {2007, 7, 31});
}

// What recording `a` says: "inserted", or the problems' sentences as the cli words them.
std::string recorded(StoreFixture& fx, const Assignment& a) {
    AssignmentRecorder recorder(fx.store, fx.config, {"王干事", false, ""});
    RecordOutcome r = recorder.record(a, true);
    if (r.kind == RecordOutcome::Kind::inserted) return "inserted";
    std::string out;
    for (const auto& p : r.problems) out += english(describe(p, cli::flag_of)) + "\n";
    return out;
}

AssignmentFilter ending(std::string_view period, Date as_of) {
    AssignmentFilter f;
    f.as_of = as_of;
    f.ending_within = parse_period(period).period;
    return f;
}

std::vector<std::string> listed(StoreFixture& fx, const AssignmentFilter& f) {
    std::vector<std::string> out;
    fx.store.for_each(f, fx.config, [&](const Assignment& a) { out.push_back(a.cadre.name); });
    return out;
}

} // namespace

TEST_CASE("units_terms: a host's name that contradicts its direction") {
    // The rule alone: a 下派 to a city organ's name, an 上挂 to a township's name.
    CHECK(host_name_contradicts("市民政局", "down") == std::optional<std::string_view>("city_organ"));
    CHECK(host_name_contradicts("市委组织部", "down") == std::optional<std::string_view>("city_organ"));
    CHECK(host_name_contradicts("越溪镇", "up") == std::optional<std::string_view>("township"));
    CHECK(host_name_contradicts("伏龙乡", "up") == std::optional<std::string_view>("township"));
    CHECK(host_name_contradicts("东兴街道", "up") == std::optional<std::string_view>("township"));
    // Names that agree, or say neither, or name a county, are left to the direction.
    CHECK_FALSE(host_name_contradicts("白马镇", "down"));
    CHECK_FALSE(host_name_contradicts("市民政局", "up"));
    CHECK_FALSE(host_name_contradicts("档案馆", "down"));
    CHECK_FALSE(host_name_contradicts("档案馆", "up"));
    CHECK_FALSE(host_name_contradicts("市中区民政局", "down")); // 市中区 is a district
    CHECK_FALSE(host_name_contradicts("资中县民政局", "up"));

    StoreFixture fx;
    SUBCASE("a 下派 to 市民政局 is refused with the way on, and nothing is written") {
        std::string said = recorded(fx, down_to("市民政局"));
        CHECK(contains(said, "'市民政局' is named like a 市级机关 (city_organ), but a 下派 (down) secondment goes to a 乡镇 "
                             "(township); if '市民政局' really is a 乡镇, record it first with `guazhi unit set 市民政局 "
                             "--kind township`, else correct the direction or the host unit"));
        CHECK(count(fx.db, "units") == 0);
        CHECK(count(fx.db, "cadres") == 0);
    }
    SUBCASE("an 上挂 to 越溪镇 is refused") {
        Assignment a = luo();
        a.host_unit = {"越溪镇", "city_organ", ""};
        CHECK(contains(recorded(fx, a), "`guazhi unit set 越溪镇 --kind city_organ`"));
        CHECK(count(fx.db, "assignments") == 0);
    }
    SUBCASE("recorded with the direction's kind first (unit set), the host is taken") {
        app::correct_unit(fx.db, "市民政局", std::string("township"), std::nullopt);
        CHECK(recorded(fx, down_to("市民政局")) == "inserted");
    }
    SUBCASE("recorded with the kind its name says, the row is refused as before") {
        app::correct_unit(fx.db, "市民政局", std::string("city_organ"), std::nullopt);
        CHECK(contains(recorded(fx, down_to("市民政局")), "'市民政局' is recorded as 市级机关 (city_organ)"));
    }
    SUBCASE("a name that agrees is recorded as always") {
        CHECK(recorded(fx, down_to("白马镇")) == "inserted");
        CHECK(recorded(fx, luo()) == "inserted");
    }
}

TEST_CASE("units_terms: unit set records a unit not yet recorded when given its kind") {
    StoreFixture fx;
    Unit before = app::correct_unit(fx.db, "市民政局", std::string("township"), std::string("市直"));
    CHECK(before.kind.empty());
    CHECK(fx.store.find_unit("市民政局")->unit == Unit{"市民政局", "township", "市直"});
    // Without a kind an unknown unit stays unknown.
    CHECK(contains(error_of([&] { app::correct_unit(fx.db, "市无此局", std::nullopt, std::string("东兴区")); }),
                   "no unit named '市无此局' is recorded (give its kind to record it)"));
    CHECK(count(fx.db, "units") == 1);
    // Known: corrected as before, and the kind it had is returned.
    before = app::correct_unit(fx.db, "市民政局", std::nullopt, std::string("东兴区"));
    CHECK(before.kind == "township");
}

TEST_CASE("units_terms: the handover of a recalled term") {
    StoreFixture fx;
    app::Lifecycle life{fx.db, fx.config, "王干事"};
    std::int64_t id = fx.add(luo());
    life.recall(id, {2007, 3, 31}, "promotion", "", "");
    auto kinds = [&] { return count(fx.db, fmt::format("events WHERE assignment_id = {} AND kind = 'handover'", id)); };
    std::string no = fmt::format("assignment #{}: ", id);

    // Without a handover it is still no completion, and says how to record one.
    CHECK(error_of([&] { life.complete(id, std::nullopt, "", "", ""); }) ==
          no + "the assignment was recalled on 2007-03-31; it cannot be completed (record its handover with --handover)");
    // Before the recall's last day: refused.
    CHECK(error_of([&] { life.complete(id, Date{2007, 3, 30}, "已交接", "", ""); }) ==
          no + "--date 2007-03-30 is before the recall (2007-03-31): the handover of a recalled term is on or after its "
               "last day");
    CHECK(kinds() == 0);
    // By default on the recall's last day; not a completion.
    CHECK(life.complete(id, std::nullopt, "已交接", "调研报告交科长", "回原单位") == Date{2007, 3, 31});
    CHECK(kinds() == 1);
    CHECK(count(fx.db, "events WHERE kind = 'completed'") == 0);
    auto events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == "handover");
    CHECK(events[1].details == R"({"handover":"已交接","unfinished":"调研报告交科长","arrangement":"回原单位"})");
    // Once.
    CHECK(contains(error_of([&] { life.complete(id, Date{2007, 4, 2}, "再交接", "", ""); }),
                   "its handover was already recorded on 2007-03-31"));
    CHECK(kinds() == 1);

    // A later date is taken.
    std::int64_t other = fx.add(he());
    life.recall(other, {2007, 1, 31}, "promotion", "", "");
    CHECK(life.complete(other, Date{2007, 2, 5}, "已交接", "", "") == Date{2007, 2, 5});
    // A term not recalled completes as before, with its handover in the completion.
    StoreFixture fy;
    app::Lifecycle life_y{fy.db, fy.config, "王干事"};
    std::int64_t done = fy.add(luo());
    life_y.complete(done, std::nullopt, "已完成", "", "");
    CHECK(count(fy.db, "events WHERE kind = 'completed'") == 1);
    CHECK(count(fy.db, "events WHERE kind = 'handover'") == 0);
}

TEST_CASE("units_terms: XianRenZhiWu is the latest follow-up's post, else the home post") {
    StoreFixture fx;
    app::Lifecycle life{fx.db, fx.config, "王干事"};
    Assignment a = luo();
    a.home_post = "地籍股股长";
    std::int64_t id = fx.add(a);
    auto post = [&] { return app::gather_dossier(fx.db, std::to_string(id)).current_post; };
    CHECK(post() == "隆昌县国土资源局地籍股股长");
    life.follow_up(std::string_view(std::to_string(id)), {2008, 3, 1}, "隆昌县国土资源局副局长", true, "");
    CHECK(post() == "隆昌县国土资源局副局长");
    life.follow_up(std::string_view(std::to_string(id)), {2010, 5, 1}, "隆昌县国土资源局局长", false, "");
    life.follow_up(std::string_view(std::to_string(id)), {2009, 1, 1}, "隆昌县国土资源局调研员", false, "");
    CHECK(post() == "隆昌县国土资源局局长"); // the latest by date, not the last recorded
    app::CadreDossier d = app::gather_dossier(fx.db, std::to_string(id));
    CHECK(contains(lrmx_document(d.cadre, d.assignments, d.annual, false, d.current_post),
                   "<XianRenZhiWu>隆昌县国土资源局局长</XianRenZhiWu>"));
    // A follow-up is of what has happened: one dated after today, or with a blank post, is refused.
    Date later = Date::today().plus_days(30);
    CHECK(test::error_of([&] { life.follow_up(std::string_view(std::to_string(id)), later, "市国土资源局副局长", true, ""); })
              .find("is after today") != std::string::npos);
    CHECK(test::error_of([&] { life.follow_up(std::string_view(std::to_string(id)), {2010, 6, 1}, "　", true, ""); })
              .find("--post: is required") != std::string::npos);
    CHECK(post() == "隆昌县国土资源局局长");
    // A later secondment from another home post starts after the follow-ups: its home post.
    Assignment again = secondment("511028197003141730", "罗鸿灵", "up", 2011, {"隆昌县国土资源局", "county_dept", "隆昌县"},
                                  {"市国土资源局", "city_organ", ""}, {2011, 8, 1}, {2012, 7, 31});
    again.home_post = "局长";
    fx.add(again);
    CHECK(post() == "隆昌县国土资源局局长");
    CHECK(latest_follow_up_post(fx.db.sql(), fx.store.find_cadre("511028197003141730")->id, {2009, 6, 1})->post ==
          "隆昌县国土资源局调研员");
}

TEST_CASE("units_terms: the allowance up to a date beside the full term") {
    Assignment a = luo(); // 2006-08-01..2007-07-31: 365 days
    CHECK(allowance_days_to(a, {2006, 7, 31}) == 0);
    CHECK(allowance_days_to(a, {2006, 8, 1}) == 1);
    CHECK(allowance_days_to(a, {2007, 1, 31}) == 184);
    CHECK(allowance_days_to(a, {2007, 7, 31}) == 365);
    CHECK(allowance_days_to(a, {2009, 1, 1}) == 365);
    a.recalled_on = Date{2007, 1, 31};
    CHECK(allowance_days(a) == 184);
    CHECK(allowance_days_to(a, {2007, 6, 1}) == 184);

    StoreFixture fx;
    fx.add(luo());
    fx.add(he()); // 2006-09-01..2007-08-31: 365 days
    AssignmentFilter f;
    f.as_of = {2007, 1, 31};
    auto lines = allowance_by_assignment(fx.store, f, fx.config);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].days == 365);
    CHECK(lines[0].days_to_date == 184);
    CHECK(lines[0].amount_to_date_fen == 36800);
    CHECK(lines[1].days_to_date == 153);
    CHECK(lines[2].days_to_date == 337);
    CHECK(lines[2].amount_to_date_fen == 67400);
    CHECK(lines[2].amount_fen == 146000);
    auto units = allowance_by_home_unit(fx.store, f, fx.config);
    REQUIRE(units.size() == 3);
    CHECK(units.back().days_to_date == 337);
    CHECK(units.back().amount_to_date_fen == 67400);
}

TEST_CASE("units_terms: a period as clerks write it") {
    CHECK(period_of("30") == "30 day");
    CHECK(period_of("30d") == "30 day");
    CHECK(period_of("30D") == "30 day");
    CHECK(period_of("30 days") == "30 day");
    CHECK(period_of("60天") == "60 day");
    CHECK(period_of("60日") == "60 day");
    CHECK(period_of("３０天") == "30 day");
    CHECK(period_of(" 30d　") == "30 day");
    CHECK(period_of("三十天") == "30 day");
    CHECK(period_of("4w") == "4 week");
    CHECK(period_of("2周") == "2 week");
    CHECK(period_of("两个星期") == "2 week");
    CHECK(period_of("2m") == "2 month");
    CHECK(period_of("2个月") == "2 month");
    CHECK(period_of("1个月") == "1 month");
    CHECK(period_of("两个月") == "2 month");
    CHECK(period_of("一个月") == "1 month");
    CHECK(period_of("十二个月") == "12 month");
    CHECK(period_of("3月") == "3 month");
    CHECK(period_of("1y") == "12 month");
    CHECK(period_of("一年") == "12 month");
    for (std::string_view bad : {"", "x", "0", "0d", "-3", "30x", "2mm", "3.5m", "3661", "121m", "半年", "d30", "30 30"}) {
        CAPTURE(bad);
        CHECK(contains(period_of(bad), "is not a period: give days, weeks or months, e.g. 30, 30d, 60天, 4w, 2m"));
    }
    // The last day: days and weeks counted, months by the calendar (the month's end when shorter).
    CHECK(parse_period("30d").period->last_day_from({2007, 7, 1}) == Date{2007, 7, 31});
    CHECK(parse_period("4w").period->last_day_from({2007, 7, 1}) == Date{2007, 7, 29});
    CHECK(parse_period("1个月").period->last_day_from({2007, 1, 31}) == Date{2007, 2, 28});
}

TEST_CASE("units_terms: terms ending soon, by the last day served, through the index") {
    StoreFixture fx;
    app::Lifecycle life{fx.db, fx.config, "王干事"};
    std::int64_t luo_id = fx.add(luo()); // ends 2007-07-31
    std::int64_t he_id = fx.add(he());    // ends 2007-08-31
    CHECK(listed(fx, ending("30d", {2007, 7, 1})) == std::vector<std::string>{"罗鸿灵"});
    CHECK(listed(fx, ending("29d", {2007, 7, 1})).empty()); // 2007-07-30 is the last day looked at
    CHECK(listed(fx, ending("2个月", {2007, 7, 1})) == std::vector<std::string>{"罗鸿灵", "何俊杰"});
    // The last day itself is still "ending"; the day after, it has ended.
    CHECK(listed(fx, ending("1d", {2007, 7, 31})) == std::vector<std::string>{"罗鸿灵"});
    CHECK(listed(fx, ending("1个月", {2007, 8, 1})) == std::vector<std::string>{"何俊杰"});
    // An extension moves the end out of the window, a recall into it.
    life.extend(luo_id, {2007, 10, 31}, "同意", "");
    CHECK(listed(fx, ending("30d", {2007, 7, 1})).empty());
    CHECK(listed(fx, ending("30d", {2007, 10, 15})) == std::vector<std::string>{"罗鸿灵"});
    life.recall(he_id, {2007, 3, 31}, "promotion", "", "");
    CHECK(listed(fx, ending("1个月", {2007, 3, 15})) == std::vector<std::string>{"何俊杰"});
    CHECK(listed(fx, ending("1个月", {2007, 4, 1})).empty());
    // selects_all knows the filter.
    CHECK_FALSE(ending("30d", {2007, 7, 1}).selects_all());

    // The query searches the served-end index rather than reading every row.
    SqlFilter where = build_filter(ending("30d", {2007, 7, 1}), fx.config);
    SQLite::Statement plan(fx.db.sql(), fmt::format("EXPLAIN QUERY PLAN {}{}{}", assignment_select_sql(), where.where,
                                                    assignment_listing_order()));
    bind_filter(plan, where);
    std::string steps;
    while (plan.executeStep()) steps += plan.getColumn(3).getString() + "\n";
    CAPTURE(steps);
    CHECK(contains(steps, "USING INDEX assignments_served_end"));
}
