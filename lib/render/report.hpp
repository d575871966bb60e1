// A small tabular report rendered as a table, CSV, JSON, markdown or HTML, so that each listing
// states only its columns and rows.
#pragma once

#include "render/format.hpp"
#include "render/table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

struct ReportColumn {
    std::string header;   // table and CSV header, in the user's language
    std::string key;      // JSON key, never translated
    bool numeric = false; // right-aligned; a JSON number (null when empty)
    bool json = false;    // the cell already is JSON text (an object), written as is in JSON
    bool date = false;    // an ISO date (a real date cell in a workbook)
};

// What a column's cells hold, for the helpers that build columns by name.
enum class Holds { text, number, date, json };
inline ReportColumn column_holding(std::string header, std::string key, Holds holds = Holds::text) {
    return {std::move(header), std::move(key), holds == Holds::number, holds == Holds::json, holds == Holds::date};
}

// Table: aligned columns; CSV: header and rows; JSON: an array of objects keyed by `key`;
// HTML: an escaped <table>, numeric cells of class "n" (for the page's stylesheet to align).
std::string render_report(Format format, const std::vector<ReportColumn>& columns,
                          const std::vector<std::vector<std::string>>& rows);

} // namespace guazhi
