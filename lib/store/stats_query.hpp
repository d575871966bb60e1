// Computing YearStats in SQL over the assignments a filter selects.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/stats.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>

namespace guazhi {

// The summary of the assignments matching `filter` (normally a batch year).
YearStats compute_stats(SQLite::Database& db, const AssignmentFilter& filter, const Config& config);

// The most recent batch year recorded; nullopt when there are no assignments.
std::optional<int> latest_batch_year(SQLite::Database& db);

} // namespace guazhi
