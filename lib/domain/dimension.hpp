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
    std::vector<std::string_view> aliases; // other spellings --by takes (县区, 类别, 等次 …)
};

// Every dimension, in the order --help lists them (batch_year first: the trend's).
const std::vector<DimensionInfo>& dimensions();
const DimensionInfo& info(Dimension d);

// Parses "direction,home_county" (also "挂职类型，县区" or "性别 民族": keys, Chinese labels and
// aliases, separated by commas or spaces); throws Error naming the unknown one.
std::vector<Dimension> parse_dimensions(std::string_view text);

// The filters `--where KEY=VALUE` takes, by the key a clerk may write: the English key
// (county, home_county …) or its Chinese name (所属县区, 县区 …); nullopt when unknown.
// Keys: year, direction, status, home, host, county, category, political_status, pending,
// non_party, no_inspection, returned, not_promoted.
std::optional<std::string_view> filter_key(std::string_view text);

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
