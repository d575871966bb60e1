// The .xls reader (Excel 97–2003, BIFF in an OLE compound file), with FreeXL.
//
// FreeXL reads the whole workbook into memory when it opens it (bounded by the file: BIFF8
// has at most 65,536 rows of 256 columns) and gives each cell's value with its type; it
// tells dates from numbers by the cell's format itself. What it cannot tell:
//   - merged ranges: a merged range gives its value in its top-left cell only;
//   - hidden rows: every row is read as visible, so hidden_rows() is 0;
//   - number formats: a number shows as Excel's General format would (1979.1, not 1979.10);
//     a date format without a day still gives the full date (2006-08-01 for "2006.08").
#include "util/workbook.hpp"
#include "util/text.hpp"

#include "error.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <freexl.h>

namespace guazhi::util {
namespace {

using workbook_detail::FileKind;
using util::printable; // util/text.hpp

// Why a file that should be an .xls is not one, for the kinds that sniff_file tells apart.
void check_is_ole(const std::string& path, const std::string& name) {
    switch (workbook_detail::sniff_file(path)) {
    case FileKind::ole:
        return;
    case FileKind::ole_encrypted:
        workbook_detail::throw_protected(name);
    case FileKind::unreadable:
        throw Error(fmt::format("{}: cannot be read: {}", name, std::strerror(errno)));
    case FileKind::empty:
        throw Error(fmt::format("{}: the file is empty", name));
    case FileKind::zip:
        throw Error(fmt::format(
            "{}: not an Excel 97–2003 workbook but an .xlsx (a zip archive); name it .xlsx", name));
    case FileKind::markup:
        throw Error(fmt::format(
            "{}: not an Excel 97–2003 workbook but a web page or XML file (some systems export "
            "these under an .xls name); open it in Excel or WPS and save it as .xlsx",
            name));
    case FileKind::other:
        break;
    }
    throw Error(fmt::format(
        "{}: not an Excel 97–2003 workbook; open it in Excel or WPS and save it as .xlsx", name));
}

// Why FreeXL could not open an OLE file.
[[noreturn]] void throw_open_failure(int code, const std::string& name) {
    switch (code) {
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
    case FREEXL_BIFF_INVALID_BOF:
        throw Error(fmt::format(
            "{}: not an Excel 97–2003 workbook: an Office file of another kind (a Word document? "
            "a WPS file?); open it in Excel or WPS and save it as .xlsx",
            name));
    case FREEXL_INSUFFICIENT_MEMORY:
        throw Error(fmt::format("{}: the workbook is too large to read in memory; save the sheet "
                                "as CSV and import that",
                                name));
    default:
        throw Error(fmt::format(
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
    std::size_t hidden_rows() const override { return 0; } // FreeXL does not say (see the top)

  private:
    unsigned info(unsigned short what) const;
    std::vector<std::string> sheet_names() const;
    std::string cell_text(unsigned row, unsigned short column) const;
    [[noreturn]] void damaged(std::string_view what) const {
        throw Error(fmt::format(
            "{}: the Excel 97–2003 workbook is damaged ({}); open it in Excel or WPS and save "
            "it again",
            name_, what));
    }

    std::string name_;
    FreexlHandle handle_;
    std::string sheet_;
    unsigned rows_ = 0;
    unsigned short columns_ = 0;
    unsigned next_row_ = 0; // 0-based, as FreeXL counts
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
        damaged(fmt::format("sheet \"{}\" cannot be read", printable(sheet_)));
    // FreeXL gives the counts of rows and columns (not the last indexes its header says).
    if (rows_ > 1048576 || columns_ > WorkbookLimits::kMaxColumns)
        damaged(fmt::format("sheet \"{}\" claims {} rows of {} columns", printable(sheet_), rows_,
                            columns_));
}

unsigned XlsReader::info(unsigned short what) const {
    unsigned value = 0;
    if (freexl_get_info(handle_.get(), what, &value) != FREEXL_OK)
        damaged("its header cannot be read");
    return value;
}

std::vector<std::string> XlsReader::sheet_names() const {
    const unsigned count = info(FREEXL_BIFF_SHEET_COUNT);
    if (count > 65535)
        damaged(fmt::format("it claims {} sheets", count));
    std::vector<std::string> names;
    for (unsigned i = 0; i < count; ++i) {
        const char* sheet = nullptr;
        if (freexl_get_worksheet_name(handle_.get(), static_cast<unsigned short>(i), &sheet) !=
            FREEXL_OK)
            damaged(fmt::format("the name of sheet {} cannot be read", i + 1));
        names.emplace_back(sheet != nullptr ? sheet : "");
    }
    return names;
}

std::string XlsReader::cell_text(unsigned row, unsigned short column) const {
    FreeXL_CellValue value{};
    if (freexl_get_cell_value(handle_.get(), row, column, &value) != FREEXL_OK)
        throw Error(fmt::format(
            "{}:{}!{}: the cell cannot be read (the workbook is damaged); open it in Excel or "
            "WPS and save it again",
            name_, printable(sheet_), cell_name(column, row + 1)));
    switch (value.type) {
    case FREEXL_CELL_INT:
        return workbook_detail::number_text(static_cast<double>(value.value.int_value));
    case FREEXL_CELL_DOUBLE:
        return workbook_detail::number_text(value.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_TIME: {
        std::string text = value.value.text_value != nullptr ? value.value.text_value : "";
        if (workbook_detail::excel_length(text) > WorkbookLimits::kMaxCellChars)
            throw Error(fmt::format(
                "{}:{}!{}: a cell longer than Excel's {} characters (the file is damaged or "
                "hostile)",
                name_, printable(sheet_), cell_name(column, row + 1),
                WorkbookLimits::kMaxCellChars));
        return text;
    }
    case FREEXL_CELL_DATETIME: { // "YYYY-MM-DD HH:MM:SS": the time only when there is one
        std::string text = value.value.text_value != nullptr ? value.value.text_value : "";
        if (text.ends_with(" 00:00:00"))
            text.resize(text.size() - 9);
        return text;
    }
    default:
        return {}; // FREEXL_CELL_NULL
    }
}

bool XlsReader::next(SheetRow& row) {
    while (next_row_ < rows_) {
        const unsigned r = next_row_++;
        row.cells.clear();
        for (unsigned short c = 0; c < columns_; ++c) {
            std::string text = cell_text(r, c);
            if (text.empty())
                continue;
            row.cells.resize(c + 1u);
            row.cells[c] = std::move(text);
        }
        if (row.cells.empty())
            continue;
        row.number = r + 1;
        row.hidden = false;
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
