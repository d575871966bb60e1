#include "util/csv_columns.hpp"

#include "error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi::util {

namespace {
bool names(const ColumnSpec& spec, const std::string& header) {
    return header_names(header, spec.key, spec.zh, spec.aliases) ||
           (!spec.en.empty() && !header.empty() && header == normalize_header(spec.en));
}
} // namespace

ColumnMap::ColumnMap(std::span<const ColumnSpec> specs, const TableRow& header, const TableReader& table,
                     std::vector<std::string>* ignored)
    : specs_(specs), column_(specs.size(), -1) {
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        std::string h = normalize_header(header.cells[i]);
        headers_.push_back(h);
        // 序号, the row number every printed register starts with, says nothing to record.
        bool known = h.empty() || h == "序号";
        for (std::size_t c = 0; c < specs.size(); ++c)
            if (names(specs[c], h)) {
                if (column_[c] >= 0)
                    throw Error(msg("{}: duplicate column '{}'", table.cell_place(header.line, i), printable(h)));
                column_[c] = static_cast<int>(i);
                known = true;
            }
        if (!known && ignored) ignored->push_back(h);
        else if (!known) throw Error(msg("{}: unknown column '{}'", table.cell_place(header.line, i), printable(h)));
    }
}

std::size_t ColumnMap::named(std::span<const ColumnSpec> specs, const TableRow& row) {
    std::size_t n = 0;
    for (const auto& cell : row.cells) {
        std::string h = normalize_header(cell);
        for (const auto& spec : specs) n += names(spec, h);
    }
    return n;
}

std::string ColumnMap::at(const TableRow& row, std::size_t spec) const {
    int c = column_[spec];
    return c >= 0 && static_cast<std::size_t>(c) < row.cells.size() ? clean(row.cells[static_cast<std::size_t>(c)])
                                                                      : std::string();
}

std::string ColumnMap::header(std::size_t spec) const {
    return column_[spec] >= 0 ? headers_[static_cast<std::size_t>(column_[spec])] : std::string(specs_[spec].key);
}

std::string ColumnMap::describe(std::size_t spec) const { return fmt::format("{} ({})", specs_[spec].zh, specs_[spec].key); }

} // namespace guazhi::util
