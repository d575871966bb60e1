// Output formats: each command offers those that suit it (html only `export report`).
#pragma once

#include <optional>
#include <string_view>

namespace guazhi {

enum class Format { table, csv, json, markdown, xlsx, html };

// Parses "table", "csv", "json", "markdown" (also "md"), "xlsx", "html"; nullopt otherwise.
std::optional<Format> parse_format(std::string_view text);

} // namespace guazhi
