// Correcting what was recorded: an assignment removed (`assign delete`), with what depends on
// it when the clerk says so. Runs in the caller's transaction (app::delete_assignment); the
// audit log keeps every row removed, so `undo` brings them back.
#pragma once

#include "domain/model.hpp"
#include "domain/policy.hpp"
#include "domain/roster.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>

namespace guazhi {

// What depends on an assignment: the records `assign delete` refuses to leave orphaned.
struct AssignmentRecords {
    std::int64_t reports = 0, annual_assessments = 0, final_appraisals = 0, events = 0;
    bool appointment = false;
    bool any() const { return reports || annual_assessments || final_appraisals || events || appointment; }
};

// Whether `assign delete` takes the records that depend on the assignment with it.
enum class Dependents { refuse, delete_too };

// Deletes assignment `id`, the cadre and units staying. Throws ProblemError: assignment_unknown,
// or assignment_has_records (nothing deleted) when records depend on it and `dependents` is
// Dependents::refuse. Returns the assignment as it was and the records deleted with it.
struct DeletedAssignment {
    Assignment assignment;
    AssignmentRecords with;
};
DeletedAssignment delete_assignment(SQLite::Database& db, std::int64_t id, Dependents dependents);

// `assign edit`: what recorded for assignment `id` would fall outside its term once it is
// `after` — reports of periods outside it, annual assessments of years it no longer covers, a
// final appraisal written before it begins, a recall outside it — each a problem of the date
// field that moved it (start_date or end_date). Empty when the edit leaves them all inside.
std::vector<FieldProblem> records_outside_term(SQLite::Database& db, std::int64_t id, const Assignment& after);

// A note (`assign note`: 谈心谈话, 看望, 考察 …) corrected or deleted. Other events are a
// term's changes, mirrored on the assignment, and only undone with their command. Throws
// ProblemError event_unknown or event_not_note; returns the note as it was. A new text or date
// is held to the rules of `assign note` (domain/term_dates.hpp: not empty, within
// note_margin_days of the term).
struct NoteChange {
    std::optional<std::string> kind, text;
    std::optional<util::Date> date;
};
Event edit_note(SQLite::Database& db, const Policy& policy, std::int64_t event_id, const NoteChange& change);
Event delete_note(SQLite::Database& db, std::int64_t event_id);

} // namespace guazhi
