// Which assignments a command is about: the filters of `assign list`, shared by `stats`
// and `export` so that every command reads them the same way.
#pragma once

#include "util/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guazhi {

struct AssignmentFilter {
    std::optional<int> year;               // batch year
    std::optional<int> year_from, year_to; // a range of batch years (a trend)
    std::optional<std::string> direction;  // up | down
    std::optional<std::string> status;     // planned | active | extended | recalled | completed, on `as_of`
    std::optional<std::string> home;       // home unit name
    std::optional<std::string> host;       // host unit name
    std::optional<std::string> county;     // the home unit's county/district
    std::optional<std::string> category;   // category code
    bool non_party = false;                // only 党外干部
    // Appointment paperwork not yet recorded: election | united_front | filing | document |
    // mentor | division | party_transfer (see pending_kinds()).
    std::optional<std::string> pending;
    bool no_inspection = false;            // term ends within inspection_window_days, no 考察 yet
    bool returned = false;                 // the secondment is over (completed or recalled)
    bool not_promoted = false;             // no promotion recorded since the secondment ended
    util::Date as_of = util::Date::today(); // the day statuses are judged on

    // True when no filter narrows the selection (as_of only judges statuses).
    bool selects_all() const;
};

// The values --pending takes, with what each lists.
const std::vector<std::pair<std::string_view, std::string_view>>& pending_kinds();

} // namespace guazhi
