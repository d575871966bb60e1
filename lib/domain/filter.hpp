// Which assignments a command is about: the filters of `assign list`, shared by `stats`
// and `export` so that every command reads them the same way.
#pragma once

#include "util/date.hpp"

#include <optional>
#include <string>

namespace guazhi {

struct AssignmentFilter {
    std::optional<int> year;               // batch year
    std::optional<std::string> direction;  // up | down
    std::optional<std::string> status;     // planned | active | extended | recalled | completed, on `as_of`
    std::optional<std::string> home;       // home unit name
    std::optional<std::string> host;       // host unit name
    std::optional<std::string> county;     // the home unit's county/district
    std::optional<std::string> category;   // category code
    bool non_party = false;                // only 党外干部
    util::Date as_of = util::Date::today(); // the day statuses are judged on
};

} // namespace guazhi
