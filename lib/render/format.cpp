#include "render/format.hpp"

namespace guazhi {

std::optional<Format> parse_format(std::string_view text) {
    if (text == "table") return Format::table;
    if (text == "csv") return Format::csv;
    if (text == "json") return Format::json;
    if (text == "markdown" || text == "md") return Format::markdown;
    if (text == "xlsx") return Format::xlsx;
    if (text == "html") return Format::html;
    return std::nullopt;
}

} // namespace guazhi
