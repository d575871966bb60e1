// Plain-text tables for the terminal, aligned by display width so that Chinese text lines up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

struct TableColumn {
    std::string header;
    bool right_aligned = false; // numbers
};

// Display width in terminal cells as fmt measures it (CJK characters take two cells).
std::size_t display_width(std::string_view text);

// The table as text: a header row, a rule, then one line per row; columns two spaces apart.
std::string render_table(const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows);

} // namespace guazhi
