// A table of text rows from whatever file a clerk has: CSV or tab-separated text in any
// encoding Utf8Source reads, an .xlsx or an .xls workbook. The file's kind is taken from its
// first bytes, not its name, and a file that is no table at all (a Word document, a PDF, a
// zip of something else, a WPS .et) is refused with what it is and what to do.
#pragma once

#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/workbook.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace guazhi::util {

// One row: its cells and its place (the line of a text file, the row number of a sheet).
struct TableRow {
    std::vector<std::string> cells;
    std::size_t line = 0;
    bool hidden = false;

    bool blank() const;
};

struct TableOptions {
    Encoding encoding = Encoding::automatic; // text files only
    std::string sheet;                       // workbooks: "" first sheet, N, or a name
};

// A file to read as a table: the open stream, its path (empty for standard input, which can
// hold text only), its name in messages, and how to read it.
struct TableInput {
    std::istream& in;
    std::string path;
    std::string name;
    TableOptions options;
};

class TableReader {
  public:
    // `in` is the open file (or standard input when `path` is empty); `name` names it in
    // messages. Throws Error for a file that is not a table.
    TableReader(std::istream& in, const std::string& path, const std::string& name, const TableOptions& options);
    explicit TableReader(const TableInput& input) : TableReader(input.in, input.path, input.name, input.options) {}
    ~TableReader();
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    // The next row (blank rows included for text, skipped in workbooks); false at the end.
    bool next(TableRow& row);

    // Where a row's value is, for messages: "NAME:LINE" for text (a message names the column by
    // its header after it), "NAME:SHEET!C7" for a workbook (the column is 0-based; without it,
    // the row: "NAME:SHEET!7").
    std::string place(std::size_t line, std::optional<std::size_t> column = std::nullopt) const;
    // Where a header cell is: "NAME:LINE:COLUMN" (1-based) for text, as place() for a workbook.
    std::string cell_place(std::size_t line, std::size_t column) const;
    // What was read, for the summary: "UTF-8", "GB18030, tab-separated", "xlsx, sheet 花名册".
    Message describe() const;
    bool is_workbook() const { return workbook_ != nullptr; }
    // Hidden rows with data (workbooks that record them).
    std::size_t hidden_rows() const { return workbook_ ? workbook_->hidden_rows() : 0; }
    const std::string& name() const { return name_; }

  private:
    std::string name_;
    std::string kind_; // "xlsx", "xls", or empty for text
    std::unique_ptr<WorkbookReader> workbook_;
    std::unique_ptr<CsvReader> csv_;
    CsvRecord record_;
    SheetRow sheet_row_;
};

// What the first bytes of a file say it is, and the message for a file that is no table
// (nullopt for text, and for a workbook we read).
enum class TableKind { text, xlsx, xls, not_a_table };
struct Sniffed {
    TableKind kind = TableKind::text;
    Message refusal; // for not_a_table: "NAME: is a Word document (.docx): …"
};
Sniffed sniff_table(const std::string& path, const std::string& name);

} // namespace guazhi::util
