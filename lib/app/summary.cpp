#include "app/summary.hpp"

#include "error.hpp"
#include "store/assignment_store.hpp"
#include "store/reports.hpp"
#include "store/stats_query.hpp"

#include <algorithm>

namespace guazhi::app {

Summary summarize(Database& database, const AssignmentFilter& filter, const Config& config, ReportSection reports) {
    SQLite::Database& db = database.sql();
    Summary s;
    auto counts = compute_summary(db, filter, config,
                                  {Dimension::age_band, Dimension::education, Dimension::origin_level, Dimension::status});
    s.stats = counts.stats;
    s.distributions = std::move(counts.distributions);
    s.as_of = filter.as_of;
    if (any_grade_recorded(db)) {
        auto grades = compute_groups(db, filter, config, {Dimension::direction, Dimension::grade});
        if (std::any_of(grades.begin(), grades.end(), [](const GroupStats& g) { return g.key[1] != kNone; }))
            s.grades = std::move(grades);
    }
    if (reports == ReportSection::always || any_report_recorded(db)) {
        AssignmentStore store(db);
        s.reports = compliance(store, filter, config, ComplianceGroup::all);
    }
    return s;
}

std::vector<GroupStats> groups(Database& db, const AssignmentFilter& filter, const Config& config,
                               const std::vector<Dimension>& by) {
    return compute_groups(db.sql(), filter, config, by);
}

std::vector<GroupStats> trend(Database& db, const AssignmentFilter& filter, const Config& config,
                              const std::vector<Dimension>& by, int from, int to) {
    return compute_trend(db.sql(), filter, config, by, from, to);
}

YearReport gather_year_report(Database& database, const AssignmentFilter& filter, const Config& config) {
    if (!filter.year) throw Error(msg("the yearly report needs a batch year"));
    int year = *filter.year;
    SQLite::Database& db = database.sql();
    YearReport r;
    r.summary = summarize(database, filter, config, ReportSection::if_any_recorded);
    AssignmentFilter span = filter;
    span.year.reset();
    int first = std::clamp(earliest_batch_year(db).value_or(year), year - (kTrendYears - 1), year);
    r.trend = compute_trend(db, span, config, {}, first, year);
    r.counties = compute_groups(db, filter, config, {Dimension::home_county});
    return r;
}

} // namespace guazhi::app
