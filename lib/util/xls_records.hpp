// What the .xls reader takes from the file itself, beside FreeXL: the workbook stream of the
// OLE compound file, and from its BIFF records the number format of each cell style, the date
// system, and per sheet the numbers with their styles, booleans, errors, merged ranges and
// hidden rows. FreeXL 1.0 drops or ignores all of these (see util/xls.cpp).
#pragma once

#include "util/workbook.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi::util::workbook_detail {

// Larger than any Excel 97–2003 workbook (BIFF8 holds at most 65,536 × 256 cells).
inline constexpr std::size_t kMaxXlsFileBytes = 256u << 20;

// The bytes of the file at `path`, refused above kMaxXlsFileBytes.
std::string read_xls_file(const std::string& path, const std::string& name);

// The workbook stream ("Workbook", or "Book" in Excel 5/95 files) of the OLE compound file
// `file`. Throws Error naming `name` for a file that is not one or is damaged or hostile
// (sector chains that loop or leave the file, sizes beyond it).
std::string ole_workbook_stream(std::string_view file, const std::string& name);

// A sheet's tab in the workbook globals: its name and where its substream starts.
struct XlsSheetEntry {
    std::string name;
    std::uint32_t offset = 0;
};

// What the workbook globals substream says.
struct XlsGlobals {
    std::vector<XlsSheetEntry> sheets;       // tab order
    std::vector<NumberFormat> style_formats; // by XF index, the index cell records carry
    bool date1904 = false;
};

// A cell whose value we read from its record rather than from FreeXL.
struct XlsCell {
    enum class Type : std::uint8_t { number, boolean, error };
    std::uint16_t row = 0; // 0-based
    std::uint16_t column = 0;
    std::uint16_t style = 0; // XF index
    Type type = Type::number;
    double value = 0; // the number, 0/1, or the BIFF error code
};

// A merged range, 0-based and inclusive.
struct XlsRange {
    std::uint16_t first_row = 0, last_row = 0, first_column = 0, last_column = 0;
};

// What a sheet's substream says beside its text.
struct XlsSheet {
    std::vector<XlsCell> cells;             // sorted by row, then column; one per cell
    std::vector<XlsRange> merges;           // sorted by first row; at most kMaxMergedRanges
    std::vector<std::uint16_t> hidden_rows; // sorted, 0-based
    // The cell at row, column (0-based), or nullptr.
    const XlsCell* find(std::size_t row, std::size_t column) const;
};

// Reads the globals substream at the start of `stream`.
XlsGlobals read_xls_globals(std::string_view stream, const std::string& name);
// Reads the sheet substream at `offset`; `sheet` is the sheet's name in messages.
XlsSheet read_xls_sheet(std::string_view stream, std::uint32_t offset, const std::string& name,
                        const std::string& sheet);

// The text Excel shows for a BIFF error code: 0x07 → "#DIV/0!".
std::string_view xls_error_text(unsigned code);

// The Error for a damaged .xls: "NAME: the Excel 97–2003 workbook is damaged (WHAT); …".
[[noreturn]] void throw_damaged_xls(const std::string& name, const Message& what);

} // namespace guazhi::util::workbook_detail
