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

// A length of time a clerk gives (`assign list --ending-within`): days, weeks or months.
struct Period {
    enum class Unit { day, week, month };
    int count = 0;
    Unit unit = Unit::day;
    // The last day of the period that starts on `from` (from itself for 0 days): from + count
    // days or weeks, or count calendar months on (the month's last day when shorter).
    util::Date last_day_from(util::Date from) const;
};

// A period as clerks write it: a whole number (days), then d/天/日, w/周/星期, m/月/个月 or
// y/年 (12 months): 30, 30d, 60天, 4w, 2m, 2个月, 1个月; a count in Chinese numerals too (两个月,
// 三十天); full-width digits and spaces are taken. At most 3660 days, 520 weeks or 120 months,
// at least 1. Otherwise `error` says what is taken.
struct ParsedPeriod {
    std::optional<Period> period;
    Message error;
    explicit operator bool() const { return period.has_value(); }
};
ParsedPeriod parse_period(std::string_view text);

struct AssignmentFilter {
    std::optional<int> year;               // batch year
    std::optional<int> year_from, year_to; // a range of batch years (a trend)
    std::optional<std::string> direction;  // up | down
    std::optional<std::string> status;     // planned | active | extended | recalled | completed, on `as_of`
    std::optional<std::string> home;       // home unit name
    std::optional<std::string> host;       // host unit name
    std::optional<std::string> county;     // the home unit's county/district
    std::optional<std::string> category;   // category code, or several joined by ';' (any of them)
    std::optional<std::string> political_status; // political status code, in force on the start date
    bool non_party = false;                // only 党外干部
    // Appointment paperwork not yet recorded: election | united_front | filing | document |
    // mentor | division | party_transfer (see pending_kinds()).
    std::optional<std::string> pending;
    bool no_inspection = false;            // term ends within inspection_window_days, no 考察 yet
    bool returned = false;                 // the secondment is over (completed or recalled)
    bool not_promoted = false;             // no promotion recorded since the secondment ended
    // Terms ending soon: the effective end (recall or extension included) from as_of to the last
    // day of this period from as_of, both included — not yet ended on as_of.
    std::optional<Period> ending_within;
    util::Date as_of = util::Date::today(); // the day statuses are judged on

    // True when no filter narrows the selection (as_of only judges statuses).
    bool selects_all() const;
};

// The values --pending takes, with what each lists.
const std::vector<std::pair<std::string_view, std::string_view>>& pending_kinds();

} // namespace guazhi
