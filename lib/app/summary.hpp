// What `stats` and the yearly report show, gathered from the store: the summary of a
// selection and the yearly report's trend and counties. Render words them (stats_view,
// html_report); nothing here formats.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "render/html_report.hpp"
#include "render/stats_view.hpp"

#include <SQLiteCpp/Database.h>

namespace guazhi::app {

// The summary `stats` shows for a selection: its figures; the distributions by age band,
// education, origin level and status; the grades once any is recorded; the report compliance
// once any report is recorded, or always when asked (`stats --reports`).
enum class ReportSection { if_any_recorded, always };
Summary summarize(SQLite::Database& db, const AssignmentFilter& filter, const Config& config, ReportSection reports);

// Reads the report of the batch filter.year (which must be set; Error otherwise); the other
// filters narrow the summary, the trend and the counties alike.
YearReport gather_year_report(SQLite::Database& db, const AssignmentFilter& filter, const Config& config);

} // namespace guazhi::app
