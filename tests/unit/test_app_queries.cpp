// lib/app's read-only commands in process, against one small database: each gives what the
// binary prints from (the cli calls these and nothing of the store), and a command that
// names a record not there says so.
#include "app/lifecycle.hpp"
#include "app/queries.hpp"
#include "app/record.hpp"
#include "app/session.hpp"
#include "app/summary.hpp"

#include "fixture.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace guazhi;
using namespace guazhi::test;
using guazhi::util::Date;

namespace {

std::int64_t add(Database& db, const Config& config, const Assignment& a) {
    RowValues v = to_row(a);
    v[static_cast<std::size_t>(Field::birth_date)].clear(); // the ID number carries it
    app::AddedAssignment added = app::add_assignment(db, config, v, {"王干事", false, ""});
    REQUIRE(added.outcome.kind == RecordOutcome::Kind::inserted);
    return added.outcome.id;
}

} // namespace

TEST_CASE("app: the read-only commands, in process") {
    TempDir dir;
    Database db = app::open_records(dir.path / "g.db", OpenMode::create, kDefaultBusyTimeoutMs, {"王干事", "guazhi test"});
    Config config;
    std::int64_t luo_id = add(db, config, luo()); // 2006-08-01 .. 2007-07-31, 市国土资源局
    std::int64_t he_id = add(db, config, he());   // 2006-09-01 .. 2007-08-31, 市财政局
    app::record_application(db, "市财政局", 2006, 2, "王干事");
    app::Lifecycle(db, config, "王干事").recall(he_id, {2007, 3, 31}, "promotion", "", "");

    SUBCASE("units, applications, allowance") {
        auto units = app::units(db, std::nullopt, std::nullopt);
        CHECK(units.size() == 4);
        auto cities = app::units(db, std::string("city_organ"), std::nullopt);
        CHECK(cities.size() == 2);
        auto apps = app::applications(db, 2006);
        REQUIRE(apps.size() == 2);
        CHECK(apps[0].host == "市国土资源局");
        CHECK_FALSE(apps[0].requested);
        CHECK(apps[1].host == "市财政局");
        CHECK(apps[1].requested == 2);
        CHECK(apps[1].assigned == 1);
        AssignmentFilter all;
        auto lines = app::allowance(db, all, config, app::AllowanceBy::assignment);
        REQUIRE(lines.size() == 3); // two assignments, then the total
        CHECK(lines.back().assignment_id == 0);
        CHECK(lines.back().days == lines[0].days + lines[1].days);
        auto by_unit = app::allowance(db, all, config, app::AllowanceBy::home_unit);
        CHECK(by_unit.size() == 3); // two home units, then the total
    }
    SUBCASE("reports: list, due, compliance, attachment") {
        NewReport r{luo_id, "quarterly", "2006Q4", {2007, 1, 5}, "both", std::nullopt, false, "王干事"};
        std::int64_t id = app::record_report(db, config, r);
        AssignmentFilter on;
        on.as_of = {2007, 8, 31};
        CHECK(app::reports(db, on, config, std::nullopt, Versions::current).size() == 1);
        auto due = app::reports_due(db, on, config);
        CHECK_FALSE(due.empty());
        for (const auto& d : due) CHECK_FALSE((d.assignment.id == luo_id && d.period.label == "2006Q4"));
        auto rows = app::compliance(db, on, config, ComplianceGroup::all);
        CHECK_FALSE(rows.empty());
        CHECK(app::report_recorded(db, id));
        CHECK_FALSE(app::report_recorded(db, id + 1));
        std::FILE* sink = std::tmpfile();
        CHECK_THROWS_AS(app::copy_attachment(db, id, sink), Error); // recorded without a document
        std::fclose(sink);
    }
    SUBCASE("appraisals: show, a grade outside the term, missing, recommend") {
        app::CadreGrade prior = app::record_cadre_grade(db, config, "511028197003141730",
                                                        AnnualChange{std::nullopt, 0, 2004, std::string("excellent"),
                                                                     Date{2004, 12, 20}, std::string("隆昌县国土资源局"),
                                                                     std::nullopt, std::nullopt, std::nullopt, false, "王干事"});
        CHECK(prior.cadre.name == "罗鸿灵");
        CHECK(prior.outcome.changed);
        CadreAppraisals shown = app::appraisals(db, std::to_string(luo_id), config, Versions::current);
        CHECK(shown.cadre.name == "罗鸿灵");
        REQUIRE(shown.annual.size() == 1);
        CHECK(shown.annual[0].year == 2004);
        CHECK(contains(error_of([&] { app::appraisals(db, "999", config, Versions::current); }), "999"));
        AssignmentFilter ended;
        ended.as_of = {2007, 9, 1};
        CHECK(app::missing_final_appraisals(db, ended, config).size() == 2);
        CHECK(app::recommendations(db, 2006, config).rows.size() == 2);
    }
    SUBCASE("log, check, backup, exchange, batch years") {
        auto changes = app::changes(db, std::nullopt, std::nullopt);
        // One connection is one command: however many transactions, one change.
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].by == "王干事");
        CHECK(changes[0].command == "guazhi test");
        CHECK_FALSE(app::rows_of_change(db, changes.back().id).empty());
        CHECK(contains(error_of([&] { app::rows_of_change(db, 99); }), "99"));
        CheckReport report = app::check(db);
        CHECK(report.problems.empty());
        CHECK(report.checks > 0);
        BackupResult copy = app::backup(db, dir.path / "copy.db", false);
        CHECK(copy.pages > 0);
        CHECK_THROWS_AS(app::backup(db, dir.path / "copy.db", false), Error);
        std::string document;
        std::size_t records = app::write_exchange(db, false, [&](std::string_view chunk) { document += chunk; });
        CHECK(records > 0);
        CHECK_FALSE(contains(document, "511028197003141730")); // masked without --reveal-id
        CHECK(app::earliest_batch_year(db) == 2006);
        CHECK(app::latest_batch_year(db) == 2006);
        AssignmentFilter y;
        y.year = 2006;
        CHECK(app::groups(db, y, config, {Dimension::direction}).size() >= 1);
        CHECK(app::trend(db, {}, config, {}, 2005, 2007).size() == 3);
    }
}
