// The records of the domain, with enumerations held as their codes (see vocabulary.hpp).
#pragma once

#include "util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

// A cadre (干部), identified by the resident ID number.
struct Cadre {
    std::string id_number;
    std::string name;
    std::string gender;           // male | female
    std::string ethnicity;        // GB/T 3304 code; empty when unknown
    std::string birth_date;       // ISO date from the ID number
    std::string political_status; // GB/T 4762 code
    std::string education;        // empty when unknown
    std::vector<std::string> categories; // category codes in vocabulary order

    bool operator==(const Cadre&) const = default;
};

// A unit (单位): a city organ, a county department or a township.
struct Unit {
    std::string name;
    std::string kind;   // city_organ | county_dept | township
    std::string county; // the county/district it belongs to; empty for city organs

    bool operator==(const Unit&) const = default;
};

// One secondment (挂职) of a cadre from a home unit to a host unit.
struct Assignment {
    std::int64_t id = 0; // 0 until stored
    Cadre cadre;
    std::string direction; // up | down
    int batch_year = 0;
    Unit home_unit;
    std::string home_post;
    Unit host_unit;
    std::string host_post;
    util::Date start;
    util::Date end; // the last day of the term as planned, inclusive
    // Changes of the term (see rules.hpp): the new last day after an extension (延长), the
    // last day of an early recall (中途抽回) and why.
    std::optional<util::Date> extended_until;
    std::optional<util::Date> recalled_on;
    std::string recall_reason;

    // The last day actually served or to be served: recall, else extension, else planned.
    util::Date effective_end() const { return recalled_on ? *recalled_on : extended_until ? *extended_until : end; }
};

} // namespace guazhi
