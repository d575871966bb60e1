// What `stats --by` groups by: the dimensions of an assignment and their values' labels.
#pragma once

#include "domain/policy.hpp"
#include "domain/vocabulary.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

enum class Dimension {
    batch_year, direction, home_county, home_unit, host_unit, political_status, party, category, gender, ethnicity,
    education, age_band, origin_level, status, grade
};

struct DimensionInfo {
    Dimension dimension;
    std::string_view key; // as --by takes it and JSON writes it
    std::string_view zh, en;
};

// Every dimension, in the order --help lists them (batch_year first: the trend's).
const std::vector<DimensionInfo>& dimensions();
const DimensionInfo& info(Dimension d);

// Parses "direction,home_county"; throws Error naming the unknown one.
std::vector<Dimension> parse_dimensions(std::string_view text);

// The value a group has when the record is absent: no category, no grade, no county (a
// city organ), no ethnicity or education recorded.
inline constexpr std::string_view kNone = "none";

// The age bands of the policy (`age_bands` = upper bounds, e.g. 30, 35, 40, 45) as codes
// "<=30", "31-35", "36-40", "41-45", ">45", youngest first.
std::vector<std::string> age_band_codes(const Policy& policy);

// How a value of a dimension is shown in `lang` (codes in JSON stay codes).
std::string value_label(Dimension d, std::string_view code, Lang lang);

// The values a dimension can take, in their natural order (vocabulary order, youngest band
// first, Party before non-Party); empty for open-ended ones (units, counties, years).
std::vector<std::string> known_values(Dimension d, const Policy& policy);

} // namespace guazhi
