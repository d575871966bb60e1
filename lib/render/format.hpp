// Output formats every listing offers.
#pragma once

#include <optional>
#include <string_view>

namespace guazhi {

enum class Format { table, csv, json, markdown };

// Parses "table", "csv", "json", "markdown" (also "md"); nullopt otherwise.
std::optional<Format> parse_format(std::string_view text);

} // namespace guazhi
