// The header row of a CSV file with named columns (English key or Chinese header), as the
// batch imports read it: unknown or repeated columns are errors at their line and column.
#pragma once

#include "util/csv.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi::util {

struct ColumnSpec {
    std::string_view key; // e.g. "assignment_id"
    std::string_view zh;  // e.g. "挂职编号"
};

class ColumnMap {
  public:
    // Maps the header record's cells to specs by index. Throws Error "NAME:LINE:COL: …" for
    // an unknown or duplicate column; blank header cells are ignored.
    ColumnMap(std::span<const ColumnSpec> specs, const CsvRecord& header, std::string_view name);

    bool has(std::size_t spec) const { return column_[spec] >= 0; }
    // The cleaned value of a column in a record; "" when the column or the cell is absent.
    std::string at(const CsvRecord& record, std::size_t spec) const;
    // How the file names a column, for messages (the spec's key when absent).
    std::string header(std::size_t spec) const;
    // "zh (key)" for a missing-column message.
    std::string describe(std::size_t spec) const;

  private:
    std::span<const ColumnSpec> specs_;
    std::vector<int> column_;
    std::vector<std::string> headers_;
};

} // namespace guazhi::util
