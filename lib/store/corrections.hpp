// Correcting what was recorded: an assignment removed (`assign delete`), with what depends on
// it when the clerk says so. Runs in the caller's transaction (app::delete_assignment); the
// audit log keeps every row removed, so `undo` brings them back.
#pragma once

#include "domain/model.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>

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

} // namespace guazhi
