// The audit log: every change a command makes — who, when, the command line, and each row
// before and after as JSON — written in the change's own transaction; and `undo`, which
// reverts the latest change from those images.
//
// A connection that writes logs through temporary triggers on every table of records (the
// tables of the exchange document): the first row a command changes opens its entry in
// `changes`, every row goes to `changed_rows`. A command is one change, however many
// transactions and rows (a whole import is one). Triggers see every write, so no command can
// forget to log; a connection without them (the sqlite3 shell) is noticed by `undo`, which
// finds the rows no longer as the log left them.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace guazhi {

// Logs this connection's changes from now on as done by `user` running `command`.
void start_audit(SQLite::Database& db, const std::string& user, const std::string& command);

// For a batch that only inserts (an import of thousands of rows): instead of a trigger per
// row, the rows it adds to tables keyed by rowid are logged in one pass by finish(), with the
// same images. Construct inside the batch's transaction, call finish() before its commit; a
// rollback undoes both. Does nothing on a connection that does not log (start_audit).
class BulkInsertLog {
  public:
    explicit BulkInsertLog(SQLite::Database& db);
    void finish();

  private:
    SQLite::Database& db_;
    std::vector<std::pair<std::string, std::int64_t>> marks_; // table, its largest rowid before the batch
};

struct Change {
    std::int64_t id = 0;
    std::string at, by, command; // at: ISO 8601 UTC
    std::int64_t rows = 0;        // rows inserted, updated or deleted
    std::optional<std::int64_t> undoes, undone_by;
};

// Oldest first; `since` an ISO date (changes on or after it), `by` a user.
std::vector<Change> list_changes(SQLite::Database& db, const std::optional<std::string>& since,
                                 const std::optional<std::string>& by);

struct ChangedRow {
    std::string table, op;                // op: insert, update, delete
    std::optional<std::string> before, after; // JSON objects of the row's columns
};
// The rows of one change, in the order they were changed. Throws Error for an unknown id.
std::vector<ChangedRow> rows_of_change(SQLite::Database& db, std::int64_t change_id);

struct UndoResult {
    Change undone; // the change reverted (or that would be, with dry_run)
    std::int64_t rows = 0;
    bool committed = false;
};

// Reverts change `change_id` — by default the latest that is neither an undo nor undone — in
// the caller's transaction, itself logged (as an undo of it). Refused (Error, nothing
// written) when there is none, when it is an undo or undone already, when a later change
// still in effect touched the same records (named: undo those first), or when a record it
// changed is no longer as it left it — changed outside guazhi, or needed by records added
// since; the message says which.
UndoResult undo_change(Database& db, std::optional<std::int64_t> change_id, bool dry_run);

} // namespace guazhi
