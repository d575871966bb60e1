// Recording appraisals: parts of an annual assessment at different times, conflicts and
// --replace with history, prior years, the recommendation over a year, final appraisals,
// what is missing, the grade distribution, and the all-or-nothing CSV import.
#include "app/imports.hpp"
#include "fixture.hpp"
#include "store/appraisal_import.hpp"
#include "store/appraisals.hpp"
#include "store/stats_query.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Transaction.h>
#include <sstream>

using namespace guazhi;
using guazhi::test::contains;
using guazhi::test::count;
using guazhi::test::error_of;
using guazhi::util::Date;

namespace {

struct Fixture : guazhi::test::StoreFixture {
    std::int64_t cadre_of(const Assignment& a) { return store.find_cadre(a.cadre.id_number)->id; }

    AnnualOutcome annual(std::int64_t assignment, int year, std::optional<std::string> grade,
                         std::optional<Votes> votes = std::nullopt, std::optional<bool> outstanding = std::nullopt,
                         bool replace = false) {
        AnnualChange c;
        c.assignment_id = assignment;
        c.year = year;
        c.grade = std::move(grade);
        c.votes = votes;
        c.outstanding = outstanding;
        c.replace = replace;
        c.recorded_by = "王干事";
        return record_annual(store, config, c);
    }
    AnnualOutcome prior(std::int64_t cadre, int year, std::string grade, bool replace = false) {
        AnnualChange c;
        c.cadre_id = cadre;
        c.year = year;
        c.grade = std::move(grade);
        c.replace = replace;
        return record_annual(store, config, c);
    }
    FinalAppraisal final_for(std::int64_t assignment, Date written) {
        FinalAppraisal f;
        f.assignment_id = assignment;
        for (auto& d : f.dimensions) d = {"优秀", "好"};
        f.conclusion = "该同志表现优秀";
        f.written_on = written;
        f.recorded_by = "王干事";
        return f;
    }
    std::size_t import(const std::string& csv, bool replace = false) {
        std::istringstream in(csv);
        return app::import_appraisals(db, {in, "", "a.csv", {util::Encoding::utf8, ""}}, config, replace, "王干事").recorded;
    }
};


} // namespace

using guazhi::test::votes;

TEST_CASE_FIXTURE(Fixture, "annual: parts recorded at different times build one current record with history") {
    auto id = add(guazhi::test::luo());
    auto first = annual(id, 2006, std::nullopt, votes(18, 6), true);
    CHECK(first.changed);
    auto second = annual(id, 2006, "excellent");
    CHECK(second.changed);
    auto now = annual_assessments_of(db.sql(), cadre_of(guazhi::test::luo()), Versions::current);
    REQUIRE(now.size() == 1);
    CHECK(now[0].grade == "excellent");
    CHECK(now[0].votes == votes(18, 6));
    CHECK(now[0].outstanding);
    CHECK(now[0].unit == "市国土资源局"); // the host unit by default
    CHECK(now[0].assignment_id == id);
    auto all = annual_assessments_of(db.sql(), cadre_of(guazhi::test::luo()), Versions::with_replaced);
    REQUIRE(all.size() == 2);
    CHECK(all[1].superseded_by == second.id);
    SUBCASE("the same again changes nothing") {
        auto again = annual(id, 2006, "excellent", votes(18, 6), true);
        CHECK_FALSE(again.changed);
        CHECK(again.id == second.id);
        CHECK(count(db, "annual_assessments") == 2);
    }
}

TEST_CASE_FIXTURE(Fixture, "annual: a different grade for the same year needs --replace, and keeps the old one") {
    auto id = add(guazhi::test::luo());
    auto first = annual(id, 2006, "competent");
    CHECK(error_of([&] { annual(id, 2006, "excellent"); }) ==
          "the 2006 assessment of 罗鸿灵 already records grade 称职 (given 优秀); --replace changes it and keeps the "
          "earlier record in the history");
    CHECK(contains(error_of([&] { annual(id, 2006, std::nullopt, votes(1, 1)); }), "(no error)"));
    CHECK(contains(error_of([&] { annual(id, 2006, std::nullopt, votes(2, 1)); }), "already records votes 优秀 1"));
    CHECK(contains(error_of([&] { annual(id, 2006, std::nullopt, std::nullopt, true); }), "(no error)"));
    CHECK(contains(error_of([&] { annual(id, 2006, std::nullopt, std::nullopt, false); }), "outstanding yes (given no)"));
    auto replaced = annual(id, 2006, "excellent", std::nullopt, std::nullopt, true);
    auto all = annual_assessments_of(db.sql(), cadre_of(guazhi::test::luo()), Versions::with_replaced);
    REQUIRE(all.size() == 4);
    CHECK(all[0].grade == "excellent");
    CHECK(all[0].id == replaced.id);
    CHECK(all[0].votes == votes(1, 1)); // parts not given are kept
    CHECK(all[3].id == first.id);
    CHECK(all[3].superseded_by);
}

TEST_CASE_FIXTURE(Fixture, "annual: unknown assignment and a year outside the term are refused, nothing written") {
    auto id = add(guazhi::test::luo());
    CHECK(error_of([&] { annual(99, 2006, "excellent"); }) == "no assignment #99");
    CHECK(error_of([&] { annual(id, 2005, "excellent"); }) ==
          "--year: 2005 is outside assignment #1 (2006-08-01 to 2007-07-31); years outside every term are "
          "recorded with `appraise history`");
    CHECK(contains(error_of([&] { annual(id, 2008, "excellent"); }), "--year: 2008 is outside"));
    CHECK(contains(error_of([&] { annual(id, 1900, "excellent"); }), "outside 1949..2100"));
    CHECK(count(db, "annual_assessments") == 0);
}

TEST_CASE_FIXTURE(Fixture, "history: prior years' grades belong to the cadre, never to a year of a secondment") {
    auto id = add(guazhi::test::luo());
    auto cadre = cadre_of(guazhi::test::luo());
    prior(cadre, 2005, "excellent");
    prior(cadre, 2004, "excellent");
    CHECK(error_of([&] { prior(cadre, 2007, "excellent"); }) ==
          "--year: 2007 falls in assignment #1; record it with `appraise annual 1`");
    CHECK(error_of([&] { prior(42, 2004, "excellent"); }) == "no cadre #42");
    CHECK(contains(error_of([&] { prior(cadre, 2005, "competent"); }), "already records grade 优秀"));
    auto years = annual_assessments_of(db.sql(), cadre, Versions::current);
    REQUIRE(years.size() == 2);
    CHECK(years[0].year == 2004);
    CHECK_FALSE(years[0].assignment_id);
    annual(id, 2006, "excellent", votes(20, 5), true);
    CHECK(recommendation_for(db.sql(), cadre, 2006, config).recommended());
    CHECK_FALSE(recommendation_for(db.sql(), cadre, 2007, config).recommended());
}

TEST_CASE_FIXTURE(Fixture, "recommendations: the year's secondees, the rule's outcome, and the cap over the year") {
    auto a = add(guazhi::test::luo());
    auto b = add(guazhi::test::he());
    prior(cadre_of(guazhi::test::luo()), 2005, "excellent");
    prior(cadre_of(guazhi::test::luo()), 2004, "excellent");
    annual(a, 2006, "excellent", votes(20, 5), true);
    annual(b, 2006, std::nullopt, votes(5, 20), true);
    auto r = recommendations(store, 2006, config);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].assignment.id == a);
    CHECK(r.rows[0].recommendation.recommended());
    CHECK_FALSE(r.rows[1].recommendation.recommended());
    CHECK_FALSE(r.rows[1].recommendation.vote_share_met());
    CHECK_FALSE(r.excellence.cap);
    CHECK(recommendations(store, 2005, config).rows.empty()); // nobody at a host on 2005-12-31
    CHECK(recommendations(store, 2007, config).rows.empty()); // terms ended before 2007-12-31
    config.policy.excellent_cap_share = 0.2;
    r = recommendations(store, 2006, config);
    // b has votes but no grade: only the graded count (one secondee per host would allow none
    // per host, so the cap is over the year's secondees together).
    CHECK(r.excellence.graded == 1);
    CHECK(r.excellence.excellent == 1);
    CHECK(r.excellence.recommended == 1);
    CHECK(r.excellence.cap == 0);
    CHECK(r.excellence.over());
    annual(b, 2006, "competent");
    // Other secondees of the year, each at a host of their own.
    auto another = [&](int i) {
        static const char* ids[] = {"110105198001010032", "110105198001010059", "110105198001010075",
                                    "110105198001010091"};
        return add(guazhi::test::secondment(ids[i], fmt::format("甲{}", i), "up", 2006, {"隆昌县民政局", "county_dept", "隆昌县"},
                                            {fmt::format("市第{}局", i), "city_organ", ""}, {2006, 9, 1}, {2007, 8, 31}));
    };
    for (int i = 0; i < 3; ++i) annual(another(i), 2006, i == 0 ? "undetermined" : "competent");
    r = recommendations(store, 2006, config);
    CHECK(r.excellence.graded == 4); // 不定等次 is not graded
    CHECK(r.excellence.cap == 0);
    annual(another(3), 2006, "competent");
    r = recommendations(store, 2006, config);
    CHECK(r.excellence.graded == 5);
    CHECK(r.excellence.cap == 1); // ⌊0.2 × 5⌋
    CHECK_FALSE(r.excellence.over());
}

TEST_CASE_FIXTURE(Fixture, "annual: a 优秀 above the configured cap is recorded with a warning") {
    auto a = add(guazhi::test::luo());
    CHECK_FALSE(annual(a, 2006, "excellent").cap_warning);
    config.policy.excellent_cap_share = 0.2;
    auto again = annual(a, 2006, "excellent", votes(1, 2));
    REQUIRE(again.cap_warning);
    CHECK(*again.cap_warning ==
          "1 secondees now have 优秀 of 1 graded for 2006, above the cap of 0 (excellent_cap_share = 0.2)");
}

TEST_CASE_FIXTURE(Fixture, "annual: the host assesses, another unit only with an override and its reason") {
    auto a = add(guazhi::test::luo());
    auto with_unit = [&](std::string unit, std::optional<std::string> reason, std::string by = "王干事") {
        AnnualChange c;
        c.assignment_id = a;
        c.year = 2006;
        c.grade = "competent";
        c.unit = std::move(unit);
        c.override_reason = std::move(reason);
        c.recorded_by = std::move(by);
        c.replace = true;
        return record_annual(store, config, c);
    };
    auto home = store.get(a)->home_unit.name;
    CHECK(contains(error_of([&] { with_unit(home, std::nullopt); }), "is made by the host unit"));
    CHECK(contains(error_of([&] { with_unit(home, std::nullopt); }), "--override --reason"));
    CHECK(contains(error_of([&] { with_unit(home, " "); }), "--override needs --reason"));
    CHECK(annual_assessments_of(db.sql(), cadre_of(guazhi::test::luo()), Versions::with_replaced).empty());
    CHECK(with_unit("市国土资源局", std::nullopt).changed);
    auto set_aside = with_unit(home, "接收单位撤并，由派出单位考核");
    auto now = annual_assessments_of(db.sql(), cadre_of(guazhi::test::luo()), Versions::current);
    REQUIRE(now.size() == 1);
    CHECK(now[0].id == set_aside.id);
    CHECK(now[0].unit == home);
    CHECK(now[0].override_reason == "接收单位撤并，由派出单位考核");
    // Back to the host: the reason goes with the other unit.
    with_unit("市国土资源局", std::nullopt);
    CHECK(annual_assessments_of(db.sql(), cadre_of(guazhi::test::luo()), Versions::current)[0].override_reason.empty());
    // The recorder is a person: a unit given there (the old meaning) is refused.
    AnnualChange c;
    c.assignment_id = a;
    c.year = 2006;
    c.grade = "excellent";
    c.replace = true;
    for (std::string unit_like : {home, std::string("东兴区文化局"), std::string("市民政局"), std::string("越溪镇")}) {
        c.recorded_by = unit_like;
        CHECK(contains(error_of([&] { record_annual(store, config, c); }), "names the person recording"));
    }
    for (std::string person : {"王科员", "李明", "ci"}) {
        c.recorded_by = person;
        CHECK_NOTHROW(record_annual(store, config, c));
    }
}

TEST_CASE_FIXTURE(Fixture, "final appraisal: recorded once, replaced only with --replace, early only with a reason") {
    auto a = add(guazhi::test::luo());
    CHECK(contains(error_of([&] { record_final_appraisal(db.sql(), config, final_for(a, {2007, 7, 1}), false, false); }),
                   "needs --early and --reason"));
    auto early = final_for(a, {2007, 7, 1});
    early.early_reason = "提拔使用";
    auto first = record_final_appraisal(db.sql(), config, early, true, false);
    CHECK(contains(error_of([&] { record_final_appraisal(db.sql(), config, final_for(a, {2007, 8, 1}), false, false); }),
                   "already has a final appraisal (#1, written 2007-07-01 by 市国土资源局)"));
    auto second = record_final_appraisal(db.sql(), config, final_for(a, {2007, 8, 1}), false, true);
    auto all = final_appraisals_of(db.sql(), a, Versions::with_replaced);
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == second);
    CHECK(all[0].author_unit == "市国土资源局");
    CHECK(all[0].early_reason.empty());
    CHECK(all[1].id == first);
    CHECK(all[1].early_reason == "提拔使用");
    CHECK(all[1].superseded_by == second);
    CHECK(final_appraisals_of(db.sql(), a, Versions::current).size() == 1);
    auto bad = final_for(a, {2007, 8, 1});
    bad.dimensions[2].rating = "A+";
    CHECK(contains(error_of([&] { record_final_appraisal(db.sql(), config, bad, false, true); }),
                   "study.rating: 'A+' is not on the scale"));
    CHECK(error_of([&] { record_final_appraisal(db.sql(), config, final_for(7, {2007, 8, 1}), false, false); }) ==
          "no assignment #7");
    CHECK(count(db, "final_appraisals") == 2);
}

TEST_CASE_FIXTURE(Fixture, "missing: ended terms without a final appraisal") {
    auto a = add(guazhi::test::luo());
    auto b = add(guazhi::test::he());
    AssignmentFilter f;
    f.as_of = {2007, 8, 15}; // luo ended 07-31, he still active
    auto missing = missing_final_appraisals(store, f, config);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].id == a);
    f.as_of = {2008, 1, 1};
    CHECK(missing_final_appraisals(store, f, config).size() == 2);
    record_final_appraisal(db.sql(), config, final_for(b, {2007, 9, 1}), false, false);
    missing = missing_final_appraisals(store, f, config);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].id == a);
}

TEST_CASE_FIXTURE(Fixture, "grade distribution: the batch's grades for its own year, by direction") {
    auto a = add(guazhi::test::luo());
    auto b = add(guazhi::test::he());
    annual(a, 2006, "excellent");
    annual(b, 2006, "competent");
    annual(b, 2007, "excellent"); // not the batch year: not counted
    AssignmentFilter f;
    f.year = 2006;
    auto groups = compute_groups(db.sql(), f, config, {Dimension::direction, Dimension::grade});
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].key == std::vector<std::string>{"up", "excellent"});
    CHECK(groups[0].stats.total == 1);
    CHECK(groups[1].key == std::vector<std::string>{"up", "competent"});
    CHECK(groups[1].stats.total == 1);
}

TEST_CASE_FIXTURE(Fixture, "import: by assignment or ID number, prior years, skipped duplicates") {
    auto a = add(guazhi::test::luo());
    CHECK(import("挂职编号,考核年度,等次,优秀票,称职票,表现突出\n" + std::to_string(a) + ",2006,优秀,18,6,是\n") == 1);
    CHECK(import("身份证号,考核年度,等次\n511028197003141730,2005,优秀\n511028197003141730,2004,称职\n") == 2);
    auto years = annual_assessments_of(db.sql(), cadre_of(guazhi::test::luo()), Versions::current);
    REQUIRE(years.size() == 3);
    CHECK_FALSE(years[0].assignment_id);
    CHECK(years[2].assignment_id == a);
    CHECK(years[2].votes == votes(18, 6));
    CHECK(years[2].outstanding);
    std::istringstream again("身份证号,考核年度,等次\n511028197003141730,2005,优秀\n");
    auto r = app::import_appraisals(db, {again, "", "a.csv", {util::Encoding::utf8, ""}}, config, false, "x");
    CHECK(r.recorded == 0);
    CHECK(r.unchanged == 1);
}

TEST_CASE_FIXTURE(Fixture, "import: every bad row is reported at its line and column, and nothing is written") {
    auto a = add(guazhi::test::luo());
    import("挂职编号,考核年度,等次\n" + std::to_string(a) + ",2006,称职\n");
    auto before = count(db, "annual_assessments");
    std::string csv = "挂职编号,身份证号,考核年度,等次,优秀票,表现突出\n"
                      "1,,2006,优秀,,\n"               // 2: a different grade without --replace
                      "1,,2009,称职,,\n"               // 3: year outside
                      "1,,2007,良好,,\n"               // 4: not a grade
                      "1,,2007,称职,-3,\n"             // 5: negative votes
                      "1,,2007,称职,,也许\n"           // 6: not yes/no
                      ",511028197003141731,2007,称职,,\n" // 7: bad check digit
                      "9,,2007,称职,,\n"               // 8: unknown assignment
                      "1,,20x7,称职,,\n";              // 9: not a year
    auto message = error_of([&] { import(csv); });
    CHECK(contains(message, "a.csv:2: 等次: the 2006 assessment of 罗鸿灵 already records grade 称职"));
    CHECK(contains(message, "a.csv:3: 考核年度: 2009 is outside assignment #1"));
    CHECK(contains(message, "a.csv:4: 等次: unknown grade '良好'"));
    CHECK(contains(message, "a.csv:5: 优秀票: -3 votes is negative"));
    CHECK(contains(message, "a.csv:6: 表现突出: '也许' is not 是 or 否"));
    CHECK(contains(message, "a.csv:7: 身份证号:"));
    CHECK(contains(message, "a.csv:8: 挂职编号: no assignment #9"));
    CHECK(contains(message, "a.csv:9: 考核年度: '20x7' is not a year"));
    CHECK(contains(message, "a.csv: nothing was written"));
    CHECK(count(db, "annual_assessments") == before);
    CHECK(error_of([&] { import("考核年度,等次\n2006,优秀\n"); }) ==
          "a.csv:1: missing column 挂职编号 (assignment_id) or 身份证号 (id_number)");
    CHECK(error_of([&] { import("挂职编号,考核年度,颜色\n"); }) == "a.csv:1:3: unknown column '颜色'");
    CHECK(error_of([&] { import("挂职编号,考核年度\n"); }) == "a.csv: there are no data rows after the header");
}

TEST_CASE_FIXTURE(Fixture, "annual import: a refusal lands at the column of its parameter, a masked ID names --reveal-id") {
    auto id = add(guazhi::test::luo());
    std::string long_unit(101, 'x');
    std::string csv = "挂职编号,身份证号,考核年度,等次,考核单位\n" + std::to_string(id) + ",,2006,优秀," + long_unit +
                      "\n,511***********1730,2006,优秀,\n";
    std::istringstream in(csv);
    std::string message = error_of([&] {
        app::import_appraisals(db, {in, "", "a.csv", {util::Encoding::utf8, ""}}, config, false, "王干事", cli::flag_of);
    });
    CHECK(contains(message, "a.csv:2: 考核单位: is 101 characters long; at most 100 are taken\n"));
    CHECK(contains(message, "a.csv:3: 身份证号: ID number '511***********1730' is masked; export again with --reveal-id "
                            "to import\n"));
    CHECK(count(db, "annual_assessments") == 0);
}
