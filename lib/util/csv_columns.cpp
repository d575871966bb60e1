#include "util/csv_columns.hpp"

#include "error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi::util {

ColumnMap::ColumnMap(std::span<const ColumnSpec> specs, const CsvRecord& header, std::string_view name)
    : specs_(specs), column_(specs.size(), -1) {
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string h = ascii_lower(clean(header.fields[i]));
        headers_.push_back(h);
        bool known = h.empty();
        for (std::size_t c = 0; c < specs.size(); ++c)
            if (h == specs[c].key || h == specs[c].zh) {
                if (column_[c] >= 0) throw Error(fmt::format("{}:{}:{}: duplicate column '{}'", name, header.line, i + 1, h));
                column_[c] = static_cast<int>(i);
                known = true;
            }
        if (!known) throw Error(fmt::format("{}:{}:{}: unknown column '{}'", name, header.line, i + 1, h));
    }
}

std::string ColumnMap::at(const CsvRecord& record, std::size_t spec) const {
    int c = column_[spec];
    return c >= 0 && static_cast<std::size_t>(c) < record.fields.size()
               ? clean(record.fields[static_cast<std::size_t>(c)])
               : std::string();
}

std::string ColumnMap::header(std::size_t spec) const {
    return column_[spec] >= 0 ? headers_[static_cast<std::size_t>(column_[spec])] : std::string(specs_[spec].key);
}

std::string ColumnMap::describe(std::size_t spec) const { return fmt::format("{} ({})", specs_[spec].zh, specs_[spec].key); }

} // namespace guazhi::util
