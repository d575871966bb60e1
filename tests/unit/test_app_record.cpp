// lib/app's record commands, in process: each owns its transaction, so a refusal leaves the
// database as it was and a success is committed (visible to a second look at the file).
#include "app/record.hpp"

#include "fixture.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace guazhi;
using namespace guazhi::test;

namespace {

RowValues row_of(const Assignment& a) {
    RowValues v = to_row(a);
    v[static_cast<std::size_t>(Field::birth_date)].clear(); // the ID number carries it
    return v;
}

std::int64_t rows(Database& db) { return count(db, "assignments") + count(db, "cadres") + count(db, "units"); }

} // namespace

TEST_CASE("app: add_assignment records a valid row, finds an identical one, refuses a contradicted one") {
    TempDir dir;
    Database db = Database::open(dir.path / "g.db", OpenMode::create);
    Config config;
    RecordPolicy policy{"王干事", false, ""};

    auto first = app::add_assignment(db, config, row_of(luo()), policy);
    REQUIRE(first.row.problems.empty());
    CHECK(first.outcome.kind == RecordOutcome::Kind::inserted);
    // Committed: another connection to the file sees it.
    {
        Database reader = Database::open(dir.path / "g.db", OpenMode::read);
        CHECK(count(reader, "assignments") == 1);
    }

    auto again = app::add_assignment(db, config, row_of(luo()), policy);
    CHECK(again.outcome.kind == RecordOutcome::Kind::identical);
    CHECK(again.outcome.id == first.outcome.id);

    // The same ID number with another name: refused, and the new units it named are not kept.
    Assignment other = luo();
    other.cadre.name = "罗鸿";
    other.host_unit = {"市新设局", "city_organ", ""};
    other.start = {2008, 8, 1};
    other.end = {2009, 7, 31};
    other.batch_year = 2008;
    std::int64_t before = rows(db);
    auto refused = app::add_assignment(db, config, row_of(other), policy);
    CHECK(refused.outcome.kind == RecordOutcome::Kind::refused);
    CHECK_FALSE(refused.outcome.problems.empty());
    CHECK(rows(db) == before);

    // A row that does not validate never reaches the database.
    RowValues bad = row_of(he());
    bad[static_cast<std::size_t>(Field::id_number)] = "511002198104161812";
    auto invalid = app::add_assignment(db, config, bad, policy);
    CHECK_FALSE(invalid.row.problems.empty());
    CHECK(rows(db) == before);
}

TEST_CASE("app: record_report, record_annual_assessment and record_final commit, or leave nothing") {
    StoreFixture f;
    std::int64_t id = f.add(luo());

    NewReport r;
    r.assignment_id = id;
    r.kind = "quarterly";
    r.period = "Q1";
    r.submitted_on = {2006, 11, 5};
    r.recorded_by = "王干事";
    std::int64_t report = app::record_report(f.db, f.config, r);
    CHECK(report > 0);
    CHECK(count(f.db, "reports") == 1);
    CHECK_THROWS_AS(app::record_report(f.db, f.config, r), Error); // the same period again
    CHECK(count(f.db, "reports") == 1);
    r.assignment_id = 999;
    CHECK_THROWS_AS(app::record_report(f.db, f.config, r), Error);
    CHECK(count(f.db, "reports") == 1);

    AnnualChange c;
    c.assignment_id = id;
    c.year = 2006;
    c.grade = "excellent";
    auto outcome = app::record_annual_assessment(f.db, f.config, c);
    CHECK(outcome.changed);
    CHECK(count(f.db, "annual_assessments") == 1);
    c.year = 2010; // outside the term
    CHECK_THROWS_AS(app::record_annual_assessment(f.db, f.config, c), Error);
    CHECK(count(f.db, "annual_assessments") == 1);

    FinalAppraisal a;
    a.assignment_id = id;
    for (auto& d : a.dimensions) d.rating = "优秀";
    a.conclusion = "表现优秀";
    a.author_unit = "市国土资源局";
    a.written_on = {2007, 7, 31};
    CHECK(app::record_final(f.db, f.config, a, false, false) > 0);
    CHECK(count(f.db, "final_appraisals") == 1);
    a.conclusion.clear(); // refused: no conclusion
    CHECK_THROWS_AS(app::record_final(f.db, f.config, a, false, true), Error);
    CHECK(count(f.db, "final_appraisals") == 1);
}
