// A rule the store also states in SQL (so that indexes serve it) must say the same as its C++
// definition: the status on a day (rules::status_on against status_sql() and the `--status`
// filter), the last day served (Assignment::effective_end() against kServedEndSql), and the
// non-Party rule (rules::is_non_party against the `--non-party` filter). Checked over every
// shape a term can take, on the days around each of its boundaries.
#include "domain/rules.hpp"
#include "domain/vocabulary.hpp"
#include "fixture.hpp"
#include "store/assignment_store.hpp"
#include "store/stats_query.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <map>
#include <set>

using namespace guazhi;
using namespace guazhi::test;
using util::Date;

namespace {

// Terms of every shape: plain; extended; recalled before, on and after the planned end; recalled
// inside an extension; an extension of one day.
struct Shape {
    std::optional<Date> extended_until, recalled_on;
};
const Date kStart{2006, 8, 1}, kEnd{2007, 7, 31};
const Shape kShapes[] = {
    {}, {Date{2007, 10, 31}, {}}, {{}, Date{2007, 3, 31}}, {{}, Date{2007, 7, 31}}, {{}, kStart},
    {Date{2007, 10, 31}, Date{2007, 9, 15}}, {Date{2007, 8, 1}, {}}, {Date{2007, 10, 31}, Date{2007, 7, 31}},
};

// One assignment per shape, each for its own cadre (so that terms may overlap freely).
std::vector<Assignment> record_shapes(StoreFixture& f) {
    std::vector<Assignment> out;
    int n = 0;
    for (const Shape& shape : kShapes) {
        std::string id = fmt::format("511028197003141{:02}", 2 * n + 1); // 17 digits: the 17th (odd) says male
        id += util::id_check_char(id);
        Assignment a = secondment(id, fmt::format("干部{}", n), "up", 2006, {"隆昌县国土资源局", "county_dept", "隆昌县"},
                                  {fmt::format("市第{}局", n), "city_organ", ""}, kStart, kEnd);
        a.cadre.political_status = n % 3 == 0 ? "masses" : n % 3 == 1 ? "cpc_member" : "cdl";
        a.id = f.add(a);
        a.extended_until = shape.extended_until;
        a.recalled_on = shape.recalled_on;
        SQLite::Statement s(f.db.sql(), "UPDATE assignments SET extended_until = ?, recalled_on = ? WHERE id = ?");
        if (shape.extended_until) s.bind(1, shape.extended_until->iso());
        if (shape.recalled_on) s.bind(2, shape.recalled_on->iso());
        s.bind(3, a.id);
        s.exec();
        out.push_back(a);
        ++n;
    }
    return out;
}

// The days around every boundary any shape has.
std::set<Date> boundary_days() {
    std::set<Date> days;
    auto around = [&](Date d) {
        for (int k = -1; k <= 1; ++k) days.insert(d.plus_days(k));
    };
    around(kStart);
    around(kEnd);
    for (const Shape& s : kShapes) {
        if (s.extended_until) around(*s.extended_until);
        if (s.recalled_on) around(*s.recalled_on);
    }
    return days;
}

} // namespace

TEST_CASE("rule sql: status_sql and the --status filter agree with rules::status_on on every day around a boundary") {
    StoreFixture f;
    auto shapes = record_shapes(f);
    for (Date day : boundary_days()) {
        CAPTURE(day.iso());
        SQLite::Statement q(f.db.sql(), fmt::format("SELECT a.id, {} FROM assignments a ORDER BY a.id", status_sql(day)));
        std::map<std::int64_t, std::string> by_sql;
        while (q.executeStep()) by_sql[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
        for (const Assignment& a : shapes) {
            CAPTURE(a.id);
            CHECK(by_sql.at(a.id) == status_on(a, day));
        }
        for (const Term& status : statuses().terms()) {
            CAPTURE(status.code);
            AssignmentFilter filter;
            filter.status = std::string(status.code);
            filter.as_of = day;
            std::set<std::int64_t> selected;
            f.store.for_each(filter, f.config, [&](Assignment&& a) { selected.insert(a.id); });
            std::set<std::int64_t> expected;
            for (const Assignment& a : shapes)
                if (status_on(a, day) == status.code) expected.insert(a.id);
            CHECK(selected == expected);
        }
    }
}

TEST_CASE("rule sql: kServedEndSql is Assignment::effective_end()") {
    StoreFixture f;
    auto shapes = record_shapes(f);
    SQLite::Statement q(f.db.sql(), fmt::format("SELECT a.id, {} FROM assignments a", kServedEndSql));
    std::map<std::int64_t, std::string> by_sql;
    while (q.executeStep()) by_sql[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
    for (const Assignment& a : shapes) CHECK(by_sql.at(a.id) == a.effective_end().iso());
}

TEST_CASE("rule sql: the --non-party filter selects what rules::is_non_party says, under any exclusion") {
    for (auto exclude : {std::vector<std::string>{}, std::vector<std::string>{"masses"}}) {
        StoreFixture f;
        f.config.policy.non_party_exclude = exclude;
        auto shapes = record_shapes(f);
        AssignmentFilter filter;
        filter.non_party = true;
        std::set<std::int64_t> selected;
        f.store.for_each(filter, f.config, [&](Assignment&& a) { selected.insert(a.id); });
        std::set<std::int64_t> expected;
        for (const Assignment& a : shapes)
            if (is_non_party(a.cadre.political_status, f.config.policy)) expected.insert(a.id);
        CHECK(selected == expected);
        CHECK_FALSE(expected.empty());
    }
}

TEST_CASE("rule sql: the statistics count as minorities what rules::is_ethnic_minority says") {
    StoreFixture f;
    auto shapes = record_shapes(f);
    std::vector<std::string> ethnicities_given = {"", "han", "hui", "yi", "tibetan", "han", "miao", ""};
    std::int64_t expected = 0;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const std::string& e = ethnicities_given[i % ethnicities_given.size()];
        SQLite::Statement s(f.db.sql(), "UPDATE cadres SET ethnicity = ? WHERE id_number = ?");
        s.bind(1, e);
        s.bind(2, shapes[i].cadre.id_number);
        s.exec();
        expected += is_ethnic_minority(e);
    }
    AssignmentFilter filter;
    filter.year = 2006;
    CHECK(compute_stats(f.db.sql(), filter, f.config).minority == expected);
    CHECK(expected == 4);
}
