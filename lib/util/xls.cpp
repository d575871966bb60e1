// The .xls reader (Excel 97–2003, BIFF in an OLE compound file), with FreeXL and our own
// reading of the records FreeXL 1.0 drops or ignores (util/xls_records.hpp).
//
// FreeXL reads the whole workbook into memory when it opens it (bounded by the file: BIFF8
// has at most 65,536 rows of 256 columns) and gives each cell's text: shared strings, code
// pages, CONTINUE records are its part. What it cannot tell, we read from the records
// ourselves (the file is read again, into memory, refused above 256 MiB; we keep the selected
// sheet's numbers, booleans and errors, 16 bytes each, its merged ranges and hidden rows):
//   - numbers and dates, by the cell's XF and its number format, with the same function as
//     the .xlsx reader (workbook_detail::number_text), so that "2006.08" shows as 2006-08,
//     not 2006-08-01, and 1979.1 in a 0.00 format as 1979.10;
//   - booleans and errors (BOOLERR, and formulas that give them), which FreeXL reads as empty;
//   - merged ranges: every cell of one gets the top-left value, as the .xlsx reader gives;
//   - hidden rows: flagged and counted as the .xlsx reader does.
#include "util/workbook.hpp"
#include "util/text.hpp"
#include "util/xls_records.hpp"

#include "error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <freexl.h>

namespace guazhi::util {
namespace {

using workbook_detail::FileKind;
using workbook_detail::XlsCell;
using workbook_detail::XlsRange;
using util::printable; // util/text.hpp

// Why a file that should be an .xls is not one, for the kinds that sniff_file tells apart.
void check_is_ole(const std::string& path, const std::string& name) {
    switch (workbook_detail::sniff_file(path)) {
    case FileKind::ole:
        return;
    case FileKind::ole_encrypted:
        workbook_detail::throw_protected(name);
    case FileKind::unreadable:
        throw Error(msg("{}: cannot be read: {}", name, std::strerror(errno)));
    case FileKind::empty:
        throw Error(msg("{}: the file is empty", name));
    case FileKind::zip:
        throw Error(msg(
            "{}: not an Excel 97–2003 workbook but an .xlsx (a zip archive); name it .xlsx", name));
    case FileKind::markup:
        throw Error(msg(
            "{}: not an Excel 97–2003 workbook but a web page or XML file (some systems export "
            "these under an .xls name); open it in Excel or WPS and save it as .xlsx",
            name));
    case FileKind::other:
        break;
    }
    throw Error(msg(
        "{}: not an Excel 97–2003 workbook; open it in Excel or WPS and save it as .xlsx", name));
}

// Why FreeXL could not open an OLE file.
[[noreturn]] void throw_open_failure(int code, const std::string& name) {
    switch (code) {
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
    case FREEXL_BIFF_INVALID_BOF:
        throw Error(msg(
            "{}: not an Excel 97–2003 workbook: an Office file of another kind (a Word document? "
            "a WPS file?); open it in Excel or WPS and save it as .xlsx",
            name));
    case FREEXL_INSUFFICIENT_MEMORY:
        throw Error(msg("{}: the workbook is too large to read in memory; save the sheet "
                                "as CSV and import that",
                                name));
    default:
        throw Error(msg(
            "{}: the Excel 97–2003 workbook is damaged (FreeXL error {}); open it in Excel or "
            "WPS and save it again",
            name, code));
    }
}

// A FreeXL handle, closed also after a failed open, as FreeXL asks.
class FreexlHandle {
  public:
    FreexlHandle() = default;
    FreexlHandle(const FreexlHandle&) = delete;
    FreexlHandle& operator=(const FreexlHandle&) = delete;
    ~FreexlHandle() {
        if (handle_ != nullptr)
            freexl_close(handle_);
    }
    const void** out() { return &handle_; }
    const void* get() const { return handle_; }

  private:
    const void* handle_ = nullptr;
};

class XlsReader final : public WorkbookReader {
  public:
    XlsReader(const std::string& path, const std::string& selector, const std::string& name);

    bool next(SheetRow& row) override;
    const std::string& sheet_name() const override { return sheet_; }
    std::size_t hidden_rows() const override { return hidden_rows_; }

  private:
    unsigned info(unsigned short what) const;
    std::vector<std::string> sheet_names() const;
    void read_records(const std::string& path, std::size_t index);
    std::string cell_text(unsigned row, unsigned short column) const;
    std::string freexl_text(unsigned row, unsigned short column) const;
    std::string record_text(const XlsCell& cell) const;
    void read_row(unsigned row, std::vector<std::string>& cells) const;
    void spread_merges(unsigned row, std::vector<std::string>& cells);
    [[noreturn]] void damaged(const Message& what) const {
        workbook_detail::throw_damaged_xls(name_, what);
    }
    [[noreturn]] void fail_cell(unsigned row, unsigned short column, const Message& what) const {
        throw Error(msg(N_("{}: {}"), fmt::format("{}:{}!{}", name_, printable(sheet_), cell_name(column, row + 1)),
                        what));
    }

    std::string name_;
    FreexlHandle handle_;
    std::string sheet_;
    unsigned rows_ = 0; // FreeXL's extent of the sheet
    unsigned short columns_ = 0;
    // From the records (util/xls_records.hpp).
    std::vector<workbook_detail::NumberFormat> formats_; // by XF index
    bool date1904_ = false;
    workbook_detail::XlsSheet records_;
    unsigned last_row_ = 0; // past the last row FreeXL, a record or a merged range has
    // The rows handed out.
    unsigned next_row_ = 0; // 0-based, as FreeXL counts
    std::size_t next_merge_ = 0;                 // the first merged range not yet reached
    std::vector<const XlsRange*> active_merges_; // those the current row is inside
    std::size_t hidden_rows_ = 0;
};

XlsReader::XlsReader(const std::string& path, const std::string& selector, const std::string& name)
    : name_(name) {
    const int opened = freexl_open(path.c_str(), handle_.out());
    if (opened != FREEXL_OK)
        throw_open_failure(opened, name_);
    if (info(FREEXL_BIFF_PASSWORD) == FREEXL_BIFF_OBFUSCATED)
        workbook_detail::throw_protected(name_);
    const std::vector<std::string> names = sheet_names();
    const std::size_t index = workbook_detail::select_sheet(names, selector, name_);
    sheet_ = names[index];
    if (freexl_select_active_worksheet(handle_.get(), static_cast<unsigned short>(index)) !=
            FREEXL_OK ||
        freexl_worksheet_dimensions(handle_.get(), &rows_, &columns_) != FREEXL_OK)
        damaged(msg("sheet \"{}\" cannot be read", printable(sheet_)));
    // FreeXL gives the counts of rows and columns (not the last indexes its header says).
    if (rows_ > 1048576 || columns_ > WorkbookLimits::kMaxColumns)
        damaged(msg("sheet \"{}\" claims {} rows of {} columns", printable(sheet_), rows_,
                            columns_));
    read_records(path, index);
}

// FreeXL's index of the sheet is among its own list; ours is found by the name (unique in a
// workbook), else by the index when Excel 5's code-page names do not compare.
void XlsReader::read_records(const std::string& path, std::size_t index) {
    using namespace workbook_detail;
    const std::string stream = ole_workbook_stream(read_xls_file(path, name_), name_);
    XlsGlobals globals = read_xls_globals(stream, name_);
    auto entry = std::find_if(globals.sheets.begin(), globals.sheets.end(),
                              [&](const XlsSheetEntry& e) { return e.name == sheet_; });
    if (entry == globals.sheets.end() && index < globals.sheets.size())
        entry = globals.sheets.begin() + static_cast<std::ptrdiff_t>(index);
    if (entry == globals.sheets.end())
        damaged(msg("sheet \"{}\" has no sheet record", printable(sheet_)));
    records_ = read_xls_sheet(stream, entry->offset, name_, sheet_);
    formats_ = std::move(globals.style_formats);
    date1904_ = globals.date1904;
    last_row_ = rows_;
    if (!records_.cells.empty())
        last_row_ = std::max(last_row_, records_.cells.back().row + 1u);
    for (const XlsRange& m : records_.merges)
        last_row_ = std::max(last_row_, m.last_row + 1u);
}

unsigned XlsReader::info(unsigned short what) const {
    unsigned value = 0;
    if (freexl_get_info(handle_.get(), what, &value) != FREEXL_OK)
        damaged(msg("its header cannot be read"));
    return value;
}

std::vector<std::string> XlsReader::sheet_names() const {
    const unsigned count = info(FREEXL_BIFF_SHEET_COUNT);
    if (count > 65535)
        damaged(msg("it claims {} sheets", count));
    std::vector<std::string> names;
    for (unsigned i = 0; i < count; ++i) {
        const char* sheet = nullptr;
        if (freexl_get_worksheet_name(handle_.get(), static_cast<unsigned short>(i), &sheet) !=
            FREEXL_OK)
            damaged(msg("the name of sheet {} cannot be read", i + 1));
        names.emplace_back(sheet != nullptr ? sheet : "");
    }
    return names;
}

// A cell's text: from its record when we read one, else as FreeXL gives it.
std::string XlsReader::cell_text(unsigned row, unsigned short column) const {
    if (const XlsCell* cell = records_.find(row, column))
        return record_text(*cell);
    return row < rows_ && column < columns_ ? freexl_text(row, column) : std::string();
}

std::string XlsReader::record_text(const XlsCell& cell) const {
    switch (cell.type) {
    case XlsCell::Type::boolean:
        return cell.value != 0 ? "TRUE" : "FALSE"; // as the .xlsx reader shows them
    case XlsCell::Type::error:
        return std::string(workbook_detail::xls_error_text(static_cast<unsigned>(cell.value)));
    case XlsCell::Type::number:
        break;
    }
    const workbook_detail::NumberFormat format =
        cell.style < formats_.size() ? formats_[cell.style] : workbook_detail::NumberFormat{};
    return workbook_detail::number_text(cell.value, format, date1904_);
}

// The text FreeXL gives; its numbers and dates only for cells without a record of ours
// (which BIFF5/8 always have), as General and ISO text.
std::string XlsReader::freexl_text(unsigned row, unsigned short column) const {
    FreeXL_CellValue value{};
    if (freexl_get_cell_value(handle_.get(), row, column, &value) != FREEXL_OK)
        fail_cell(row, column,
                  msg("the cell cannot be read (the workbook is damaged); open it in Excel or WPS and "
                      "save it again"));
    switch (value.type) {
    case FREEXL_CELL_INT:
        return workbook_detail::number_text(static_cast<double>(value.value.int_value));
    case FREEXL_CELL_DOUBLE:
        return workbook_detail::number_text(value.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_TIME:
    case FREEXL_CELL_DATETIME: {
        std::string text = value.value.text_value != nullptr ? value.value.text_value : "";
        if (workbook_detail::excel_length(text) > WorkbookLimits::kMaxCellChars)
            fail_cell(row, column,
                      msg("a cell longer than Excel's {} characters (the file is damaged "
                                  "or hostile)",
                                  WorkbookLimits::kMaxCellChars));
        if (value.type == FREEXL_CELL_DATETIME && text.ends_with(" 00:00:00"))
            text.resize(text.size() - 9); // a date-time at midnight is a date
        return text;
    }
    default:
        return {}; // FREEXL_CELL_NULL
    }
}

// The cells of a row: FreeXL's text, then the values of our records over it.
void XlsReader::read_row(unsigned row, std::vector<std::string>& cells) const {
    cells.clear();
    for (unsigned short c = 0; row < rows_ && c < columns_; ++c) {
        std::string text = freexl_text(row, c);
        if (text.empty())
            continue;
        cells.resize(c + 1u);
        cells[c] = std::move(text);
    }
    const auto& all = records_.cells;
    auto cell = std::lower_bound(all.begin(), all.end(), row,
                                 [](const XlsCell& x, unsigned r) { return x.row < r; });
    for (; cell != all.end() && cell->row == row; ++cell) {
        if (cells.size() <= cell->column)
            cells.resize(cell->column + 1u);
        cells[cell->column] = record_text(*cell);
    }
}

// Gives every cell of the merged ranges the row is inside the range's top-left value, read
// from that cell itself (so that overlapping ranges, which Excel never writes, cannot feed
// each other). Ranges in one row do not overlap, so their widths add up to at most the
// sheet's columns; more is refused, which bounds the work per row.
void XlsReader::spread_merges(unsigned row, std::vector<std::string>& cells) {
    const auto& merges = records_.merges;
    std::erase_if(active_merges_, [&](const XlsRange* m) { return m->last_row < row; });
    for (; next_merge_ < merges.size() && merges[next_merge_].first_row <= row; ++next_merge_)
        if (merges[next_merge_].last_row >= row)
            active_merges_.push_back(&merges[next_merge_]);
    std::size_t width = 0, bytes = 0;
    for (const std::string& c : cells)
        bytes += c.size();
    for (const XlsRange* m : active_merges_) {
        const std::size_t columns = m->last_column - m->first_column + 1u;
        const std::string value = cell_text(m->first_row, m->first_column);
        width += columns;
        bytes += value.size() * columns;
        if (width > WorkbookLimits::kMaxColumns || bytes > WorkbookLimits::kMaxRowBytes)
            throw Error(msg("{}: sheet \"{}\" row {}: {} (the file is damaged or hostile)",
                                    name_, printable(sheet_), row + 1,
                                    width > WorkbookLimits::kMaxColumns
                                        ? msg("merged ranges that overlap")
                                        : msg("more than {} MiB of text with its merged "
                                                      "cells",
                                                      WorkbookLimits::kMaxRowBytes >> 20)));
        if (cells.size() <= m->last_column)
            cells.resize(m->last_column + 1u);
        std::fill(cells.begin() + m->first_column, cells.begin() + m->last_column + 1, value);
    }
}

bool XlsReader::next(SheetRow& row) {
    while (next_row_ < last_row_) {
        const unsigned r = next_row_++;
        read_row(r, row.cells);
        spread_merges(r, row.cells);
        while (!row.cells.empty() && row.cells.back().empty())
            row.cells.pop_back();
        if (row.cells.empty())
            continue;
        row.number = r + 1;
        row.hidden =
            std::binary_search(records_.hidden_rows.begin(), records_.hidden_rows.end(), r);
        if (row.hidden)
            ++hidden_rows_;
        return true;
    }
    return false;
}

} // namespace

std::unique_ptr<WorkbookReader> open_xls(const std::string& path, const std::string& sheet,
                                         const std::string& name) {
    check_is_ole(path, name);
    return std::make_unique<XlsReader>(path, sheet, name);
}

} // namespace guazhi::util
