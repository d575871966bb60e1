// Reports owed to two recipients, and the final summary and 鉴定 in `report due` (issue 19):
// split from test_reports.cpp, whose fixture (report_sample.hpp) they share.
#include "temp_dir.hpp"
#include "error.hpp"
#include "fixture.hpp"
#include "report_sample.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store/recorder.hpp"
#include "store/schema.hpp"
#include "store/reports.hpp"
#include "util/sha256.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace guazhi;
using namespace guazhi::test::report_sample;
using guazhi::util::Date;
using guazhi::test::contains;
using guazhi::test::count;
using guazhi::test::error_of;
using guazhi::test::he;
using guazhi::test::luo;
using guazhi::test::secondment;
namespace fs = std::filesystem;
using guazhi::test::TempDir;

// ---------------------------------------------------------------------------------------------
// two recipients (issue 19)

namespace {

// Compliance of everything on `as_of` as "kind on_time late missing pending".
Lines compliance_lines(Fixture& fx, Date as_of) {
    AssignmentFilter f;
    f.as_of = as_of;
    Lines out;
    for (const ComplianceRow& r : compliance(fx.store, f, fx.config, ComplianceGroup::all))
        out.push_back(fmt::format("{} {}", r.kind, fmt::join(r.counts, " ")));
    return out;
}

std::string current_reports(Fixture& fx) {
    std::string out;
    SQLite::Statement s(fx.db.sql(), "SELECT id, recipient, coalesce(superseded_by, '-') FROM reports ORDER BY id");
    while (s.executeStep())
        out += fmt::format("{}{}:{}:{}", out.empty() ? "" : " ", s.getColumn(0).getInt64(), s.getColumn(1).getString(),
                           s.getColumn(2).getString());
    return out;
}

// A 鉴定 written on `day`, in plain SQL (the appraisal rules are appraisals' tests').
void write_final_appraisal(Fixture& fx, std::int64_t assignment, const std::string& day) {
    fx.db.sql().exec(fmt::format(
        "INSERT INTO final_appraisals (assignment_id, ideology_rating, work_rating, study_rating, life_rating, "
        "integrity_rating, conclusion, author_unit, written_on) VALUES ({}, '优秀', '优秀', '优秀', '优秀', '优秀', "
        "'该同志挂职期间表现优秀', '市国土资源局', '{}')",
        assignment, day));
}

} // namespace

TEST_CASE("reports: a quarterly report is owed to the home unit and to the Organization Department") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    // Q1 ended 2006-10-31, due 2006-11-15.
    CHECK(due_lines(fx, {2006, 11, 20}) == Lines{"罗鸿灵 Q1 5"});
    AssignmentFilter f;
    f.as_of = {2006, 11, 20};
    REQUIRE(reports_due(fx.store, f, fx.config).size() == 1);
    CHECK(reports_due(fx.store, f, fx.config)[0].recipient == "both");

    std::int64_t home = fx.report(id, "quarterly", "Q1", {2006, 11, 10}, "home");
    // The Organization Department's is still owed, in report due and in compliance.
    CHECK(due_lines(fx, {2006, 11, 20}) == Lines{"罗鸿灵 Q1→orgdept 5"});
    CHECK(compliance_lines(fx, {2006, 11, 20}) == Lines{"quarterly 0 0 1 0"});
    CHECK(compliance_lines(fx, {2006, 11, 12}) == Lines{"quarterly 0 0 0 1"}); // within the grace: pending

    // The other one, late: both in, the quarter counts late.
    std::int64_t orgdept = fx.report(id, "quarterly", "Q1", {2006, 11, 18}, "orgdept");
    CHECK(orgdept != home);
    CHECK(due_lines(fx, {2006, 11, 20}).empty());
    CHECK(compliance_lines(fx, {2006, 11, 20}) == Lines{"quarterly 0 1 0 0"});
    CHECK(current_reports(fx) == fmt::format("{}:home:- {}:orgdept:-", home, orgdept));
    // Looking back before the second came in, it is still owed.
    CHECK(due_lines(fx, {2006, 11, 17}) == Lines{"罗鸿灵 Q1→orgdept 2"});

    // Both listed, each with its own recipient.
    auto listed = fx.list(false, std::string("quarterly"));
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].recipient == "home");
    CHECK(listed[1].recipient == "orgdept");

    // Only the home unit has Q2 (due 2007-02-15): the quarter is missing for the other.
    fx.report(id, "quarterly", "Q2", {2007, 2, 1}, "home");
    fx.report(id, "semiannual", "H1", {2007, 2, 1}, "home"); // owed once: the home unit's will do
    CHECK(due_lines(fx, {2007, 2, 20}) == Lines{"罗鸿灵 Q2→orgdept 5"});
    CHECK(compliance_lines(fx, {2007, 2, 20}) == Lines{"quarterly 0 1 1 0", "semiannual 1 0 0 0"});
}

TEST_CASE("reports: one submission per recipient and period, both overlaps either") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::int64_t both = fx.report(id, "quarterly", "Q1", {2006, 11, 10});
    std::string before = current_reports(fx);
    for (const char* to : {"home", "orgdept", "both"}) {
        CAPTURE(to);
        CHECK(error_of([&] { fx.report(id, "quarterly", "Q1", {2006, 11, 12}, to); }) ==
              "report #" + std::to_string(both) +
                  " (quarterly Q1, submitted 2006-11-10) is already recorded; --replace replaces it and keeps it in "
                  "the history");
        CHECK(current_reports(fx) == before);
    }

    // home + orgdept, then both with replace: it replaces the two.
    std::int64_t id2 = fx.add(he());
    std::int64_t h = fx.report(id2, "quarterly", "Q1", {2006, 12, 10}, "home");
    std::int64_t o = fx.report(id2, "quarterly", "Q1", {2006, 12, 11}, "orgdept");
    CHECK(error_of([&] { fx.report(id2, "quarterly", "Q1", {2006, 12, 12}, "home"); }) ==
          "report #" + std::to_string(h) +
              " (quarterly Q1, submitted 2006-12-10) is already recorded; --replace replaces it and keeps it in the "
              "history");
    NewReport again = new_report(id2, "quarterly", "Q1", {2006, 12, 20});
    again.replace = true; // recipient both
    std::int64_t b = add_report(fx.db.sql(), fx.config, again);
    CHECK(count(fx.db, fmt::format("reports WHERE id IN ({}, {}) AND superseded_by = {}", h, o, b)) == 2);
    CHECK(count(fx.db, fmt::format("reports WHERE assignment_id = {} AND superseded_by IS NULL", id2)) == 1);
    // Replacing only the home unit's leaves the Organization Department's alone.
    std::int64_t id3 = fx.add(jiang());
    std::int64_t h3 = fx.report(id3, "quarterly", "Q1", {2007, 11, 10}, "home");
    std::int64_t o3 = fx.report(id3, "quarterly", "Q1", {2007, 11, 11}, "orgdept");
    NewReport home_again = new_report(id3, "quarterly", "Q1", {2007, 11, 12});
    home_again.recipient = "home";
    home_again.replace = true;
    std::int64_t h3b = add_report(fx.db.sql(), fx.config, home_again);
    CHECK(count(fx.db, fmt::format("reports WHERE id = {} AND superseded_by = {}", h3, h3b)) == 1);
    CHECK(count(fx.db, fmt::format("reports WHERE id = {} AND superseded_by IS NULL", o3)) == 1);

    // The database refuses an overlap that gets past add_report (an import of another file, say).
    CHECK_THROWS(fx.db.sql().exec(fmt::format(
        "INSERT INTO reports (assignment_id, kind, period, period_start, period_end, submitted_on, recipient, "
        "recorded_by) VALUES ({}, 'quarterly', 'Q1', '2007-08-01', '2007-10-31', '2007-11-13', 'both', 'x')",
        id3)));
}

TEST_CASE("reports: report due lists the final summary and the 鉴定 from final_due_days_before the end") {
    Fixture fx;
    std::int64_t id = fx.add(luo()); // 2006-08-01 .. 2007-07-31, summary due 2007-08-30
    // Each period's report handed in on its first day.
    fx.report(id, "quarterly", "Q1", {2006, 8, 1});
    fx.report(id, "quarterly", "Q2", {2006, 11, 1});
    fx.report(id, "quarterly", "Q3", {2007, 2, 1});
    fx.report(id, "quarterly", "Q4", {2007, 5, 1});
    fx.report(id, "semiannual", "H1", {2006, 8, 1});
    fx.report(id, "semiannual", "H2", {2007, 2, 1});
    CHECK(due_lines(fx, {2007, 6, 30}).empty()); // 31 days before the end
    // From 30 days before the end (2007-07-01): due in 60 days.
    CHECK(due_lines(fx, {2007, 7, 1}) == Lines{"罗鸿灵 final -60", "罗鸿灵 鉴定 -60"});
    CHECK(due_lines(fx, {2007, 8, 31}) == Lines{"罗鸿灵 final 1", "罗鸿灵 鉴定 1"});
    AssignmentFilter f;
    f.as_of = {2007, 7, 1};
    auto due = reports_due(fx.store, f, fx.config);
    REQUIRE(due.size() == 2);
    CHECK(due[1].period.kind == "final_appraisal");
    CHECK(due[1].period.due == Date{2007, 8, 30});
    CHECK(due[1].recipient.empty());
    // Compliance counts the summary only once the term has ended, as before.
    CHECK(compliance_lines(fx, {2007, 7, 1}) == Lines{"quarterly 3 0 0 0", "semiannual 1 0 0 0"});
    CHECK(compliance_lines(fx, {2007, 8, 1}) == Lines{"quarterly 4 0 0 0", "semiannual 2 0 0 0", "final 0 0 0 1"});

    // Configurable.
    fx.config.policy.final_due_days_before = 0;
    CHECK(due_lines(fx, {2007, 7, 30}).empty());
    CHECK(due_lines(fx, {2007, 7, 31}) == Lines{"罗鸿灵 final -30", "罗鸿灵 鉴定 -30"});
    fx.config.policy.final_due_days_before = 90;
    CHECK(due_lines(fx, {2007, 5, 2}) == Lines{"罗鸿灵 final -120", "罗鸿灵 鉴定 -120"});
    CHECK(due_lines(fx, {2007, 5, 1}).empty());
    fx.config.policy.final_due_days_before = 30;

    // The summary handed in early (before the end) is not owed; the 鉴定 once written is not owed.
    fx.report(id, "final", "final", {2007, 7, 20});
    CHECK(due_lines(fx, {2007, 7, 25}) == Lines{"罗鸿灵 鉴定 -36"});
    write_final_appraisal(fx, id, "2007-08-05");
    CHECK(due_lines(fx, {2007, 8, 6}).empty());
    CHECK(due_lines(fx, {2007, 8, 4}) == Lines{"罗鸿灵 鉴定 -26"}); // looking back: not yet written
}

TEST_CASE("reports: the recalled term owes its summary and 鉴定 from the recall") {
    Fixture fx;
    app::Lifecycle life{fx.db, fx.config, "王干事"};
    std::int64_t id = fx.add(luo());
    life.recall(id, {2007, 3, 31}, "promotion", "", "");
    Lines due = due_lines(fx, {2007, 4, 1});
    CHECK(due.size() == 5);
    CHECK(due[3] == "罗鸿灵 final -29");
    CHECK(due[4] == "罗鸿灵 鉴定 -29");
}

TEST_CASE("reports: list_reports orders Q1, Q2, H1, Q3, Q4, H2, then the final summary") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    // Recorded out of order.
    fx.report(id, "final", "final", {2007, 8, 10});
    fx.report(id, "semiannual", "H2", {2007, 8, 1});
    fx.report(id, "quarterly", "Q4", {2007, 8, 1});
    fx.report(id, "semiannual", "H1", {2007, 2, 1});
    fx.report(id, "quarterly", "Q3", {2007, 5, 1});
    fx.report(id, "quarterly", "Q2", {2007, 2, 1});
    fx.report(id, "quarterly", "Q1", {2006, 11, 1});
    Lines order;
    for (const Report& r : fx.list(false)) order.push_back(r.period);
    CHECK(order == Lines{"Q1", "Q2", "H1", "Q3", "Q4", "H2", "final"});

    // In calendar mode (2006Q3 is the partial first quarter) and after an extension, the same.
    Fixture cal;
    cal.config.policy.report_periods = ReportPeriods::calendar;
    std::int64_t c = cal.add(luo());
    cal.report(c, "final", "final", {2007, 8, 10});
    cal.report(c, "semiannual", "2006H2", {2007, 1, 5});
    cal.report(c, "quarterly", "2006Q4", {2007, 1, 5});
    cal.report(c, "quarterly", "2006Q3", {2006, 10, 5});
    Lines calendar;
    for (const Report& r : cal.list(false)) calendar.push_back(r.period);
    CHECK(calendar == Lines{"2006Q3", "2006Q4", "2006H2", "final"});
}

TEST_CASE("reports: an attachment's stored name as a file name here") {
    CHECK(local_attachment_name(1, "汇报.docx") == "汇报.docx");
    CHECK(local_attachment_name(1, "第一季度 汇报 (定稿).docx") == "第一季度 汇报 (定稿).docx");
    CHECK(local_attachment_name(1, "/home/clerk/汇报.docx") == "汇报.docx");       // directories stripped
    CHECK(local_attachment_name(1, "C:\\Users\\科员\\汇报.docx") == "汇报.docx"); // Windows ones too
    CHECK(local_attachment_name(1, "a..b.txt") == "a..b.txt");                  // dots inside a name are a name
    CHECK(local_attachment_name(1, ".hidden") == ".hidden");
    for (const char* bad : {"", "   ", "dir/", "..", ".", "../../etc/passwd", "..\\x.doc", "a/../b.doc",
                            "bad\nname.txt", "tab\there", "bell\x07", "del\x7f", "c1\xc2\x85name"}) {
        CAPTURE(bad);
        std::string message = error_of([&] { local_attachment_name(7, bad); });
        CHECK(message.starts_with("report #7: the attachment's stored name '"));
        CHECK(contains(message, "name the file with --output"));
    }
    CHECK(contains(error_of([&] { local_attachment_name(7, "../x"); }), "climbs out of its directory"));
    CHECK(contains(error_of([&] { local_attachment_name(7, "a\nb"); }), "holds a control character"));
    CHECK(contains(error_of([&] { local_attachment_name(7, "dir/"); }), "names no file"));
}

TEST_CASE("reports: a database of schema 12 opens with its reports counted as before") {
    TempDir dir;
    fs::path p = dir.path / "v12.db";
    {
        // Written as guazhi at schema 12 wrote it, with plain SQL: one report per period, the
        // recipient as recorded (the default was both; one was recorded --to home).
        SQLite::Database v12(p.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (std::size_t i = 0; i < 12; ++i) apply_migration(v12, i);
        v12.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        v12.exec("PRAGMA user_version = 12");
        v12.exec("INSERT INTO units (id, name, kind, county) VALUES (1, '隆昌县国土资源局', 'county_dept', '隆昌县'), "
                 "(2, '市国土资源局', 'city_organ', '')");
        v12.exec("INSERT INTO cadres (id, id_number, name, gender, ethnicity, birth_date, political_status, education) "
                 "VALUES (1, '511028197003141730', '罗鸿灵', 'male', 'han', '1970-03-14', 'cpc_member', 'bachelor')");
        v12.exec("INSERT INTO assignments (id, cadre_id, direction, batch_year, home_unit_id, home_post, host_unit_id, "
                 "host_post, start_date, end_date) VALUES (7, 1, 'up', 2006, 1, '地籍股股长', 2, '科长助理', "
                 "'2006-08-01', '2007-07-31')");
        v12.exec("INSERT INTO reports (id, assignment_id, kind, period, period_start, period_end, submitted_on, "
                 "recipient, recorded_by, superseded_by) VALUES "
                 "(1, 7, 'quarterly', 'Q1', '2006-08-01', '2006-10-31', '2006-11-10', 'both', 'x', 2), "
                 "(2, 7, 'quarterly', 'Q1', '2006-08-01', '2006-10-31', '2006-11-12', 'both', 'x', NULL), "
                 "(3, 7, 'quarterly', 'Q2', '2006-11-01', '2007-01-31', '2007-02-20', 'both', 'x', NULL), "
                 "(4, 7, 'semiannual', 'H1', '2006-08-01', '2007-01-31', '2007-02-01', 'orgdept', 'x', NULL), "
                 "(5, 7, 'quarterly', 'Q3', '2007-02-01', '2007-04-30', '2007-05-01', 'home', 'x', NULL)");
    }
    ::chmod(p.c_str(), 0600);
    Database db = Database::open(p, OpenMode::write);
    CHECK(db.opened_at_version() == 12);
    CHECK(db.sql().execAndGet("PRAGMA user_version").getInt() == current_schema_version());
    CHECK(db.sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE name LIKE 'reports_current%'").getInt() == 2);
    AssignmentStore store(db.sql());
    AssignmentFilter f;
    f.as_of = {2007, 6, 1};
    Config config;
    Lines counts;
    for (const ComplianceRow& r : compliance(store, f, config, ComplianceGroup::all))
        counts.push_back(fmt::format("{} {}", r.kind, fmt::join(r.counts, " ")));
    // Q1 on time (its replacement's date), Q2 late, H1 on time (owed once: to either), Q3 sent
    // to the home unit only: the Organization Department's is still owed, so it is missing.
    CHECK(counts == Lines{"quarterly 1 1 1 0", "semiannual 1 0 0 0"});
    Lines due;
    for (const DueReport& d : reports_due(store, f, config)) due.push_back(d.period.label + " " + d.recipient);
    CHECK(due == Lines{"Q3 orgdept"});
    // The migrated file takes a second recipient's report of a period.
    NewReport r;
    r.assignment_id = 7;
    r.kind = "quarterly";
    r.period = "Q3";
    r.submitted_on = {2007, 5, 2};
    r.recipient = "orgdept";
    r.recorded_by = "王干事";
    CHECK(add_report(db.sql(), config, r) == 6);
    CHECK(reports_due(store, f, config).empty());
}
