// The frame the batch imports of records (reports, appraisals) share: a table (CSV, text,
// .xlsx, .xls) whose header of named columns may stand below title lines, footer lines
// skipped, every problem collected as FILE:LINE: column: message (FILE:SHEET!CELL: … in a
// workbook), each row written in a savepoint so that a refused row does not stop the search
// for more, and all or nothing.
#pragma once

#include "problem_text.hpp"
#include "util/csv_columns.hpp"
#include "util/table.hpp"

#include <SQLiteCpp/Database.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace guazhi {

class BatchImport {
  public:
    // Reads the header; the rows are written in the caller's transaction (lib/app's import). `required` lists columns that must
    // be present; an assignment is named by assignment_id or id_number (`who`, `who_else`).
    // Throws Error for an empty file, unknown, duplicate or missing columns.
    // With `ignore_unknown_columns`, a column none of `specs` names is skipped (ignored_columns()).
    BatchImport(SQLite::Database& db, const util::TableInput& input, std::span<const util::ColumnSpec> specs,
                std::size_t who, std::size_t who_else, std::initializer_list<std::size_t> required,
                bool ignore_unknown_columns = false);

    // Moves to the next data row (blank rows and footer lines skipped); false at the end.
    bool next();
    const util::TableRow& record() const { return record_; }
    // The cleaned value of a column in the current row.
    std::string at(std::size_t column) const { return columns_.at(record_, column); }
    bool has(std::size_t column) const { return columns_.has(column); }
    // The headers of the columns skipped as unknown.
    const std::vector<std::string>& ignored_columns() const { return ignored_; }
    // The column that names the assignment in this file: assignment_id if present, else id_number.
    std::size_t who() const { return columns_.has(who_) ? who_ : who_else_; }

    void problem(std::size_t column, const Message& message);
    // The assignment id in a column of the current row, or a problem and nullopt.
    std::optional<std::int64_t> assignment_id_at(std::size_t column);
    // The ID number in a column of the current row, or a problem and nullopt; a masked one
    // names the way to the full number through `name` (the cli: --reveal-id).
    std::optional<std::string> id_number_at(std::size_t column, const Namer& name);
    std::size_t problems() const { return problems_.size(); }

    // Runs `write` for the current row in a savepoint. An Error it throws is rolled back and
    // becomes a problem at a column: for a ProblemError the column `column_of` gives for its
    // subject (a parameter with no column of its own, or none, gives the row's main column),
    // worded with the parameters named by their columns where the file has them, else by
    // `name` (the caller's names). True when the row was written.
    bool attempt(const std::function<void()>& write, const std::function<std::size_t(Parameter)>& column_of,
                 const Namer& name);

    // Throws Error listing every problem ("nothing was written": the caller rolls back), or
    // when there were no data rows; else the caller commits.
    void finish();

  private:
    SQLite::Database& db_;
    std::string name_;
    util::TableReader table_;
    std::vector<util::TableRow> ahead_; // rows read while looking for the header (before record_: it fills them)
    std::vector<std::string> ignored_;  // before columns_, which fills it
    util::TableRow record_;
    util::ColumnMap columns_;
    std::size_t who_, who_else_;
    std::vector<Message> problems_; // FILE:LINE: column: message
    std::size_t rows_ = 0;
};

} // namespace guazhi
