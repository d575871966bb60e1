#include "render/table.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guazhi {

std::size_t display_width(std::string_view text) {
    // fmt pads to a width measured in terminal cells; the padding it adds tells the width.
    // No character is narrower than one byte per cell, so text.size() + 1 cells is enough room.
    std::size_t room = text.size() + 1;
    std::string padded = fmt::format("{:<{}}", text, room);
    return room - (padded.size() - text.size());
}

std::string render_table(const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& c : columns) widths.push_back(display_width(c.header));
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));

    std::string out;
    auto line = [&](const std::vector<std::string>& cells, bool header) {
        std::string text;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            std::string_view cell = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
            if (i) text += "  ";
            if (columns[i].right_aligned && !header) text += fmt::format("{:>{}}", cell, widths[i]);
            else text += fmt::format("{:<{}}", cell, widths[i]);
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text;
        out += '\n';
    };
    std::vector<std::string> headers;
    for (const auto& c : columns) headers.push_back(c.header);
    line(headers, true);
    std::size_t total = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) total += widths[i] + (i ? 2 : 0);
    out += std::string(total, '-');
    out += '\n';
    for (const auto& row : rows) line(row, false);
    return out;
}

} // namespace guazhi
