// lib/app's document gathering, in process: `export lrmx`'s dossier of one cadre and the
// assignments with their paperwork and events that `export assignments --format json` writes.
#include "app/documents.hpp"
#include "app/lifecycle.hpp"
#include "render/lrmx.hpp"
#include "store/appraisals.hpp"

#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace guazhi;
using namespace guazhi::test;

namespace {

// 罗鸿灵 seconded twice: the 2005 term and the 2006 term.
struct TwoTerms : StoreFixture {
    std::int64_t first = 0, second = 0;
    TwoTerms() {
        first = add(secondment("511028197003141730", "罗鸿灵", "up", 2005, {"隆昌县国土资源局", "county_dept", "隆昌县"},
                               {"市国土资源局", "city_organ", ""}, {2005, 8, 1}, {2006, 7, 31}));
        second = add(luo());
        AnnualChange c;
        c.assignment_id = first;
        c.year = 2005;
        c.grade = "excellent";
        c.recorded_by = "王干事";
        record_annual(store, config, c);
    }
};

} // namespace

TEST_CASE_FIXTURE(TwoTerms, "app: gather_dossier finds the cadre by ID number or by any of the cadre's assignments") {
    for (const std::string& named : {std::string("511028197003141730"), std::to_string(first), std::to_string(second)}) {
        CAPTURE(named);
        app::CadreDossier d = app::gather_dossier(db, named);
        CHECK(d.cadre.name == "罗鸿灵");
        REQUIRE(d.assignments.size() == 2);
        CHECK(d.assignments[0].start == util::Date{2005, 8, 1});
        CHECK(d.assignments[1].start == util::Date{2006, 8, 1});
        REQUIRE(d.annual.size() == 1);
        CHECK(d.annual[0].grade == std::optional<std::string>("excellent"));
    }
    // The form made from it: both terms in 简历, the grade, the ID number masked unless revealed.
    app::CadreDossier d = app::gather_dossier(db, std::to_string(second));
    std::string masked = lrmx_document(d.cadre, d.assignments, d.annual, false, d.current_post);
    CHECK(contains(masked, "<XingMing>罗鸿灵</XingMing>"));
    CHECK(contains(masked, "2005.08--2006.07 挂职任市国土资源局"));
    CHECK(contains(masked, "2006.08--2007.07 挂职任市国土资源局"));
    CHECK(contains(masked, "优秀"));
    CHECK_FALSE(contains(masked, "511028197003141730"));
    CHECK(contains(lrmx_document(d.cadre, d.assignments, d.annual, true, d.current_post), "<ShenFenZheng>511028197003141730</ShenFenZheng>"));

    CHECK(contains(error_of([&] { app::gather_dossier(db, "999"); }), "999"));
    CHECK(contains(error_of([&] { app::gather_dossier(db, "511002198104161811"); }), "no cadre with ID number"));
}

TEST_CASE_FIXTURE(TwoTerms, "app: for_each_with_history gives each assignment its paperwork and events, in order") {
    app::Lifecycle life(db, config, "王干事");
    life.note(second, "talk", {2006, 10, 9}, "谈心谈话");
    std::vector<std::int64_t> seen;
    std::vector<std::size_t> events;
    AssignmentFilter all;
    app::for_each_with_history(db, all, config,
                               [&](const Assignment& a, const Appointment&, const std::vector<Event>& history) {
                                   seen.push_back(a.id);
                                   events.push_back(history.size());
                               });
    CHECK(seen.size() == 2);
    CHECK(std::find(seen.begin(), seen.end(), first) != seen.end());
    auto at = std::find(seen.begin(), seen.end(), second) - seen.begin();
    REQUIRE(at < static_cast<std::ptrdiff_t>(seen.size()));
    CHECK(events[static_cast<std::size_t>(at)] >= 1);
    AssignmentFilter only_2005;
    only_2005.year = 2005;
    seen.clear();
    app::for_each_with_history(db, only_2005, config,
                               [&](const Assignment& a, const Appointment&, const std::vector<Event>&) { seen.push_back(a.id); });
    CHECK(seen == std::vector<std::int64_t>{first});
}
