// What `stats` and the yearly report show, gathered from the store: the summary of a
// selection and the yearly report's trend and counties. Render words them (stats_view,
// html_report); nothing here formats.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "render/html_report.hpp"
#include "render/stats_view.hpp"

#include "store/database.hpp"

namespace guazhi::app {

// The summary `stats` shows for a selection: its figures; the distributions by age band,
// education, origin level and status; the grades once any is recorded; the report compliance
// once any report is recorded, or always when asked (`stats --reports`).
enum class ReportSection { if_any_recorded, always };
Summary summarize(Database& db, const AssignmentFilter& filter, const Config& config, ReportSection reports);

// `stats --by`: the figures per group of `by` (store/stats_query.hpp).
std::vector<GroupStats> groups(Database& db, const AssignmentFilter& filter, const Config& config,
                               const std::vector<Dimension>& by);
// `stats --from/--to`: the figures per batch year from..to, every year present.
std::vector<GroupStats> trend(Database& db, const AssignmentFilter& filter, const Config& config,
                              const std::vector<Dimension>& by, int from, int to);

// Reads the report of the batch filter.year (which must be set; Error otherwise); the other
// filters narrow the summary, the trend and the counties alike.
YearReport gather_year_report(Database& db, const AssignmentFilter& filter, const Config& config);

} // namespace guazhi::app
