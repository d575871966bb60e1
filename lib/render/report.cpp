#include "render/report.hpp"

#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi {

std::string render_report(Format format, const std::vector<ReportColumn>& columns,
                          const std::vector<std::vector<std::string>>& rows) {
    if (format == Format::table) {
        std::vector<TableColumn> table;
        for (const auto& c : columns) table.push_back({c.header, c.numeric});
        return render_table(table, rows);
    }
    if (format == Format::markdown) {
        // GitHub-style pipe table; a '|' inside a cell is escaped, numbers right-aligned.
        auto cell = [](std::string text) {
            std::string out;
            for (char ch : text) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
            return out;
        };
        std::string out = "|";
        for (const auto& c : columns) out += " " + cell(c.header) + " |";
        out += "\n|";
        for (const auto& c : columns) out += c.numeric ? "---:|" : "---|";
        out += "\n";
        for (const auto& row : rows) {
            out += "|";
            for (std::size_t i = 0; i < columns.size(); ++i) out += " " + cell(i < row.size() ? row[i] : "") + " |";
            out += "\n";
        }
        return out;
    }
    if (format == Format::html) {
        auto cell = [](std::string_view tag, const ReportColumn& c, std::string_view text) {
            return fmt::format("<{0}{1}>{2}</{0}>", tag, c.numeric ? " class=\"n\"" : "", util::xml_escape(text));
        };
        std::string out = "<table>\n<thead><tr>";
        for (const auto& c : columns) out += cell("th", c, c.header);
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : rows) {
            out += "<tr>";
            for (std::size_t i = 0; i < columns.size(); ++i) out += cell("td", columns[i], i < row.size() ? row[i] : "");
            out += "</tr>\n";
        }
        return out + "</tbody>\n</table>\n";
    }
    if (format == Format::csv) {
        std::string out;
        std::vector<std::string> header;
        for (const auto& c : columns) header.push_back(c.header);
        util::write_csv_record(out, header);
        for (const auto& row : rows) util::write_csv_record(out, row);
        return out;
    }
    JsonWriter json;
    json.begin_array();
    for (const auto& row : rows) {
        json.begin_object();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string cell = i < row.size() ? row[i] : std::string();
            json.key(columns[i].key);
            if (columns[i].json && cell.empty()) json.null();
            else if (columns[i].json) json.raw(cell);
            else if (!columns[i].numeric) json.value(cell);
            else if (cell.empty()) json.null();
            else json.raw(cell);
        }
        json.end_object();
    }
    json.end_array();
    return json.str();
}

} // namespace guazhi
