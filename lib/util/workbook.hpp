// Excel workbooks read as rows of text, one row at a time: .xlsx (Office Open XML: a zip of
// XML parts, read with minizip and expat) and .xls (Excel 97–2003 BIFF, read with FreeXL).
// A row's cells are the text a clerk sees in Excel: strings as typed, numbers as Excel's
// General format shows them, dates (by the cell's style) as ISO text. Problems throw Error
// with the place named as "NAME: …" or "NAME:SHEET!CELL: …".
#pragma once

#include "util/message.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi::util {

// One row of a sheet: its cells by column (index 0 is column A; trailing empty cells may be
// absent) and its row number on the sheet (1-based, as Excel shows it).
struct SheetRow {
    std::vector<std::string> cells;
    std::size_t number = 0;
    bool hidden = false; // the row is hidden in Excel (read all the same)
};

// The limits of what a workbook may hold, beyond which it is refused rather than read.
struct WorkbookLimits {
    static constexpr std::size_t kMaxColumns = 16384;          // XFD, Excel's last column
    static constexpr std::size_t kMaxCellChars = 32767;        // Excel's longest cell text
    static constexpr std::size_t kMaxSharedStringBytes = 64u << 20; // the shared-strings table in memory
    static constexpr std::size_t kMaxMergedRanges = 100000;
    static constexpr std::size_t kMaxRowBytes = 64u << 20; // one row's text, merged copies included
};

class WorkbookReader {
  public:
    virtual ~WorkbookReader() = default;
    // The next row that has at least one non-empty cell; false at the end of the sheet.
    virtual bool next(SheetRow& row) = 0;
    // The name of the sheet being read, as Excel shows it on its tab.
    virtual const std::string& sheet_name() const = 0;
    // Hidden rows with data read so far (all of them once next() has returned false).
    virtual std::size_t hidden_rows() const = 0;
};

// Opens the sheet `sheet` of a workbook: "" for the first sheet, digits for the N-th
// (1-based), else the sheet's name. `name` is the file's name in messages. Throws Error for
// a file that is not such a workbook, is corrupt or hostile, or has no such sheet (the
// message lists the sheets it has).
std::unique_ptr<WorkbookReader> open_xlsx(const std::string& path, const std::string& sheet, const std::string& name);
std::unique_ptr<WorkbookReader> open_xls(const std::string& path, const std::string& sheet, const std::string& name);

// "C7" for column index 2 (0-based) and row 7.
std::string cell_name(std::size_t column, std::size_t row);

// Shared by the two readers (and their unit tests); not for other callers.
namespace workbook_detail {

// What a cell's number format makes of its number, reduced to what we reproduce.
struct NumberFormat {
    enum class Kind : unsigned char {
        general,    // as Excel's General shows it (also text "@", percent, currency, fractions)
        fixed,      // `decimals` digits after the point, no thousands separators
        year,       // a date shown as its year only: "2006"
        year_month, // a date shown without its day: "2006-08"
        date,       // "2006-08-01", with " 13:45:00" when it has a time of day
        time,       // a time of day only: "13:45:00"
    };
    Kind kind = Kind::general;
    int decimals = 0;
    bool operator==(const NumberFormat&) const = default;
};

// The format of a built-in number format id (0–163), as zh-CN Excel defines the CJK ones.
NumberFormat builtin_number_format(unsigned id);
// The format of a custom format code such as `yyyy"年"m"月"` or `0.00_ ` (its first section).
NumberFormat parse_format_code(std::string_view code);

// A number as Excel's General format shows it: integers below 1e15 as digits, else 15
// significant digits, trailing zeros dropped, E notation for very large or small values.
std::string number_text(double value);
// A number as `format` shows it; `date1904` is the workbook's date system.
std::string number_text(double value, const NumberFormat& format, bool date1904);

// The index of the sheet `selector` names among `names` (tab order): "" the first, digits
// the N-th (1-based; else a sheet named by the digits), else the name, both trimmed. Throws
// Error listing the sheets when there is no such sheet.
std::size_t select_sheet(const std::vector<std::string>& names, const std::string& selector, const std::string& name);

// The length of UTF-8 text as Excel counts it (UTF-16 code units), for kMaxCellChars.
std::size_t excel_length(std::string_view text);

// What the first bytes (and, for OLE files, the directory) of a file say it is.
enum class FileKind : unsigned char { unreadable, empty, zip, ole, ole_encrypted, markup, other };
FileKind sniff_file(const std::string& path);

// The Error for a password-protected workbook.
[[noreturn]] void throw_protected(const std::string& name);

} // namespace workbook_detail

} // namespace guazhi::util
