// The header row of a table with named columns (English key or Chinese header), as the
// batch imports read it: unknown or repeated columns are errors at their place.
#pragma once

#include "util/table.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi::util {

struct ColumnSpec {
    std::string_view key; // e.g. "assignment_id"
    std::string_view zh;  // e.g. "挂职编号"
    std::span<const std::string_view> aliases = {}; // other headers clerks use (the roster's, for its fields)
    std::string_view en = {}; // the English header our export writes ("ID number"), compared normalised
};

class ColumnMap {
  public:
    // Maps the header row's cells to specs by index. Throws Error "NAME:LINE:COL: …" (or
    // "NAME:SHEET!C3: …") for an unknown or duplicate column; blank header cells are ignored.
    // With `ignored`, an unknown column is not read and its header added there instead.
    ColumnMap(std::span<const ColumnSpec> specs, const TableRow& header, const TableReader& table,
              std::vector<std::string>* ignored = nullptr);

    // How many of `specs` the row names (to find the header below title lines).
    static std::size_t named(std::span<const ColumnSpec> specs, const TableRow& row);

    bool has(std::size_t spec) const { return column_[spec] >= 0; }
    // The file column a spec is read from (has() must be true).
    std::size_t column(std::size_t spec) const { return static_cast<std::size_t>(column_[spec]); }
    // The cleaned value of a column in a row; "" when the column or the cell is absent.
    std::string at(const TableRow& row, std::size_t spec) const;
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
