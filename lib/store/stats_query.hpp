// Computing YearStats in SQL over the assignments a filter selects.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/stats.hpp"

#include <SQLiteCpp/Database.h>

namespace guazhi {

// The summary of the assignments matching `filter` (normally a batch year).
YearStats compute_stats(SQLite::Database& db, const AssignmentFilter& filter, const Config& config);

} // namespace guazhi
