// Computing YearStats in SQL over the assignments a filter selects, as one summary or per
// group (`stats --by`, trends). One pass, GROUP BY in the batch index's order.
#pragma once

#include "config.hpp"
#include "domain/records.hpp"
#include "domain/dimension.hpp"
#include "domain/filter.hpp"
#include "domain/stats.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace guazhi {

// The summary of the assignments matching `filter` (normally a batch year).
YearStats compute_stats(SQLite::Database& db, const AssignmentFilter& filter, const Config& config);


// The figures per group of `by` (statuses judged on filter.as_of), ordered by the
// dimensions' natural orders (see known_values), then by value.
std::vector<GroupStats> compute_groups(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                                       const std::vector<Dimension>& by);

// The summary with the distribution of each of `distributions` (value → count; every known
// value present, zeros included, then any other value found), in one pass.
SummaryCounts compute_summary(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                              const std::vector<Dimension>& distributions);

// The figures per batch year from..to (and per group of `by` within a year): every year
// appears, an empty one with zeros, and with it every combination of the other dimensions'
// known values (open-ended ones — units, counties — only where they occur).
std::vector<GroupStats> compute_trend(SQLite::Database& db, AssignmentFilter filter, const Config& config,
                                      const std::vector<Dimension>& by, int from, int to);

// Whether any annual assessment with a grade is recorded (the summary's grade section).
bool any_grade_recorded(SQLite::Database& db);

// The most recent / earliest batch year recorded; nullopt when there are no assignments.
std::optional<int> latest_batch_year(SQLite::Database& db);
std::optional<int> earliest_batch_year(SQLite::Database& db);

} // namespace guazhi
