// The living allowance (生活补助) the home units owe: days actually seconded × the daily rate.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "store/assignment_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace guazhi {

struct AllowanceLine {
    std::int64_t assignment_id = 0; // 0 on a per-unit line
    std::string name;               // the cadre, or the home unit on a per-unit line
    std::string home_unit;
    std::int64_t people = 0;
    std::int64_t days = 0;
    std::int64_t amount_fen = 0;    // in 分, so that sums are exact
    // Of those, the days served and the amount owed up to the filter's as_of (assign allowance
    // --as-of: paid to date).
    std::int64_t days_to_date = 0;
    std::int64_t amount_to_date_fen = 0;
};

// One line per matching assignment, in listing order, and a last line with the totals.
std::vector<AllowanceLine> allowance_by_assignment(AssignmentStore& store, const AssignmentFilter& filter,
                                                   const Config& config);

// One line per home unit (who pays), by name, and a last line with the totals.
std::vector<AllowanceLine> allowance_by_home_unit(AssignmentStore& store, const AssignmentFilter& filter,
                                                  const Config& config);

// "730.00".
std::string yuan(std::int64_t fen);

} // namespace guazhi
