// `guazhi check`: what must hold in a guazhi database, checked without changing it — SQLite's
// own integrity and foreign-key checks, then the domain's invariants that the schema alone
// cannot state (terms that do not overlap, dates in order, reports inside their term,
// attachments matching their SHA-256, the category mask matching the categories, one current
// row per key, ID numbers with their check digit and the birth date and gender they carry,
// names, units and posts in the form guazhi reads them).
#pragma once

#include "domain/policy.hpp"
#include "util/message.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

// One thing found wrong: the table and row it is about (no row for a problem of the file as
// a whole, or a row of a WITHOUT ROWID table), a short stable code for scripts, and a message.
struct CheckProblem {
    std::string table;                // "" for the file as a whole
    std::optional<std::int64_t> row;  // the row's id (rowid)
    std::string code;                 // integrity, foreign_key, overlap, dates, recall, extension, report_period,
                                      // attachment, category_mask, current_rows, superseded, cadre_mismatch,
                                      // id_number (a wrong check digit, or a birth date or gender
                                      // the ID number contradicts), text_form (a name, unit or
                                      // post with invisible characters or not in NFC), unfinished (SQLite could not
                                      // finish a check); dates that cannot be (issue 19): filed_before_document,
                                      // united_front_before_document, election_outside_term (appointments, by
                                      // assignment id), note_outside_term, note_empty (events), report_future
                                      // (reports), decided_early (annual_assessments), term_too_long (assignments)
    Message message;                  // a sentence for the clerk, worded in the reader's language
};

struct CheckReport {
    std::vector<CheckProblem> problems;
    int checks = 0;                   // how many checks ran
};

// Runs every check on an open database at the current schema version. Reads only: the
// caller opens the file read-only. A check that SQLite cannot finish (a damaged page) is a
// problem of its own and the others still run. Throws only for errors no check can report.
// `policy` gives max_term_months and note_margin_days.
CheckReport check_database(SQLite::Database& db, const Policy& policy = Policy{});

} // namespace guazhi
