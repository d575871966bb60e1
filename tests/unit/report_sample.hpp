// The reports tests' fixture: the store fixture with report helpers, and two more sample
// secondments (罗鸿灵's 2005 term, 蒋涛 2007).
#pragma once

#include "fixture.hpp"
#include "store/reports.hpp"

#include <optional>
#include <string>
#include <vector>

namespace guazhi::test::report_sample {

using util::Date;

using Lines = std::vector<std::string>;

inline Assignment luo_2005() {
    return secondment("511028197003141730", "罗鸿灵", "up", 2005, {"隆昌县国土资源局", "county_dept", "隆昌县"},
                      {"市国土资源局", "city_organ", ""}, {2005, 8, 1}, {2006, 7, 31});
}
inline Assignment jiang() {
    return secondment("511024197103021757", "蒋涛", "up", 2007, {"威远县统计局", "county_dept", "威远县"},
                      {"市统计局", "city_organ", ""}, {2007, 8, 1}, {2008, 7, 31});
}

struct Fixture : guazhi::test::StoreFixture {
    std::int64_t report(std::int64_t assignment, std::string kind, std::string period, Date submitted,
                        std::string recipient = "both") {
        NewReport r;
        r.assignment_id = assignment;
        r.kind = std::move(kind);
        r.period = std::move(period);
        r.submitted_on = submitted;
        r.recipient = std::move(recipient);
        r.recorded_by = "王干事";
        return add_report(db.sql(), config, r);
    }
    std::int64_t reports() { return count(db, "reports"); }
    std::int64_t attachments() { return count(db, "attachments"); }
    std::vector<Report> list(bool history, std::optional<std::string> kind = std::nullopt) {
        return list_reports(db.sql(), AssignmentFilter{}, config, kind, history ? Versions::with_replaced : Versions::current);
    }
};

// The quarterly periods of 罗鸿灵's 2006 term (test::luo()), as messages list them.
inline const std::string kQuarters2006 = "Q1 (2006-08-01..2006-10-31), Q2 (2006-11-01..2007-01-31), "
                                  "Q3 (2007-02-01..2007-04-30), Q4 (2007-05-01..2007-07-31)";

// A submission of `kind` for `period`, recorded by 王干事.
inline NewReport new_report(std::int64_t assignment, std::string kind, std::string period, Date submitted) {
    NewReport r;
    r.assignment_id = assignment;
    r.kind = std::move(kind);
    r.period = std::move(period);
    r.submitted_on = submitted;
    r.recorded_by = "王干事";
    return r;
}

// What report due lists on `as_of`: "罗鸿灵 Q1 5"; a quarter still owed to one recipient only
// "罗鸿灵 Q1→orgdept 5"; the 鉴定 "罗鸿灵 鉴定 5".
inline Lines due_lines(Fixture& fx, Date as_of, std::optional<int> year = std::nullopt) {
    AssignmentFilter f;
    f.as_of = as_of;
    f.year = year;
    Lines out;
    for (const DueReport& d : reports_due(fx.store, f, fx.config))
        out.push_back(d.assignment.cadre.name + " " + (d.period.kind == "final_appraisal" ? "鉴定" : d.period.label) +
                      (d.recipient == "home" || d.recipient == "orgdept" ? "→" + d.recipient : "") + " " +
                      std::to_string(d.days_overdue));
    return out;
}

} // namespace guazhi::test::report_sample
