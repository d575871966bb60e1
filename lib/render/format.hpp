// Output formats every listing offers.
#pragma once

#include <optional>
#include <string_view>

namespace guazhi {

enum class Format { table, csv, json, markdown, xlsx };

// Parses "table", "csv", "json", "markdown" (also "md"), "xlsx"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view text);

} // namespace guazhi
