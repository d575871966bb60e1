#include "store/corrections.hpp"

#include "problem.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"

#include <SQLiteCpp/Statement.h>

namespace guazhi {

namespace {

std::int64_t count_of(SQLite::Database& db, const char* sql, std::int64_t id) {
    SQLite::Statement q(db, sql);
    q.bind(1, id);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

AssignmentRecords records_of(SQLite::Database& db, std::int64_t id) {
    AssignmentRecords r;
    r.reports = count_of(db, "SELECT count(*) FROM reports WHERE assignment_id = ?", id);
    r.annual_assessments = count_of(db, "SELECT count(*) FROM annual_assessments WHERE assignment_id = ?", id);
    r.final_appraisals = count_of(db, "SELECT count(*) FROM final_appraisals WHERE assignment_id = ?", id);
    r.events = count_of(db, "SELECT count(*) FROM events WHERE assignment_id = ?", id);
    r.appointment = count_of(db, "SELECT count(*) FROM appointments WHERE assignment_id = ?", id) > 0;
    return r;
}

void exec_for(SQLite::Database& db, const char* sql, std::int64_t id) {
    SQLite::Statement s(db, sql);
    s.bind(1, id);
    s.exec();
}

} // namespace

DeletedAssignment delete_assignment(SQLite::Database& db, std::int64_t id, Dependents dependents) {
    require_transaction(db, "delete_assignment");
    AssignmentStore store(db);
    auto a = store.get(id);
    if (!a) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, id));
    DeletedAssignment out{*a, records_of(db, id)};
    const AssignmentRecords& r = out.with;
    if (r.any() && dependents == Dependents::refuse) {
        Problem p = problem(Parameter::cascade, ProblemCode::assignment_has_records, r.reports, r.annual_assessments,
                            r.final_appraisals, r.events, r.appointment ? 1 : 0);
        p.assignment = id;
        throw ProblemError(std::move(p));
    }
    // Replaced versions point at their successors; a chain goes in one statement, and the
    // references are checked at the commit. Appointments, events and reports (with their
    // attachments) go by their ON DELETE CASCADE.
    db.exec("PRAGMA defer_foreign_keys = ON");
    exec_for(db, "DELETE FROM final_appraisals WHERE assignment_id = ?", id);
    exec_for(db, "DELETE FROM annual_assessments WHERE assignment_id = ?", id);
    exec_for(db, "DELETE FROM assignments WHERE id = ?", id);
    return out;
}

} // namespace guazhi
