#include "store/corrections.hpp"

#include "domain/limits.hpp"
#include "domain/rules.hpp"
#include "domain/term_dates.hpp"
#include "domain/vocabulary.hpp"
#include "problem.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

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

std::vector<FieldProblem> records_outside_term(SQLite::Database& db, std::int64_t id, const Assignment& after) {
    std::vector<FieldProblem> out;
    const std::string start = after.start.iso(), end = after.effective_end().iso();
    SQLite::Statement reports(db, "SELECT id, period, period_start, period_end FROM reports WHERE assignment_id = ? "
                                  "AND superseded_by IS NULL AND (period_start < ? OR period_end > ?) ORDER BY period_start");
    reports.bind(1, id);
    reports.bind(2, start);
    reports.bind(3, end);
    while (reports.executeStep()) {
        bool early = reports.getColumn(2).getString() < start;
        out.push_back({early ? Field::start_date : Field::end_date,
                       msg("report #{} ({}, {}..{}) would fall outside the term {}..{}; correct or delete it first",
                                   reports.getColumn(0).getInt64(), reports.getColumn(1).getString(),
                                   reports.getColumn(2).getString(), reports.getColumn(3).getString(), start, end)});
    }
    auto [first, last] = assessment_years(after);
    SQLite::Statement annual(db, "SELECT year FROM annual_assessments WHERE assignment_id = ? AND superseded_by IS NULL "
                                 "AND (year < ? OR year > ?) ORDER BY year");
    annual.bind(1, id);
    annual.bind(2, first);
    annual.bind(3, last);
    while (annual.executeStep()) {
        int year = annual.getColumn(0).getInt();
        out.push_back({year < first ? Field::start_date : Field::end_date,
                       msg("the annual assessment of {} would fall outside the term {}..{}", year, start, end)});
    }
    SQLite::Statement final_(db, "SELECT written_on FROM final_appraisals WHERE assignment_id = ? AND superseded_by IS "
                                 "NULL AND written_on < ?");
    final_.bind(1, id);
    final_.bind(2, start);
    if (final_.executeStep())
        out.push_back({Field::start_date, msg("the final appraisal written on {} would come before the term's start {}",
                                                      final_.getColumn(0).getString(), start)});
    if (after.recalled_on && (*after.recalled_on < after.start || after.end < *after.recalled_on))
        out.push_back({*after.recalled_on < after.start ? Field::start_date : Field::end_date,
                       msg("the recall on {} would fall outside the term {}..{}", after.recalled_on->iso(), start,
                                   after.end.iso())});
    if (after.extended_until && *after.extended_until <= after.end)
        out.push_back({Field::end_date, msg("the term is extended until {}; an end date from then on is an "
                                                    "extension (assign extend), not a correction",
                                                    after.extended_until->iso())});
    return out;
}

namespace {

Event note_of(SQLite::Database& db, std::int64_t event_id) {
    SQLite::Statement q(db, "SELECT id, coalesce(assignment_id, 0), kind, date, recorded_by, recorded_at, reason, details "
                            "FROM events WHERE id = ?");
    q.bind(1, event_id);
    if (!q.executeStep()) throw ProblemError(problem(Parameter::event, ProblemCode::event_unknown, event_id));
    Event e;
    e.id = q.getColumn(0).getInt64();
    e.assignment_id = q.getColumn(1).getInt64();
    e.kind = q.getColumn(2).getString();
    if (auto d = util::parse_date(q.getColumn(3).getString())) e.date = *d.value;
    e.recorded_by = q.getColumn(4).getString();
    e.recorded_at = q.getColumn(5).getString();
    e.reason = q.getColumn(6).getString();
    e.details = q.getColumn(7).getString();
    if (!note_kinds().code_of(e.kind) || note_kinds().code_of(e.kind) != std::string_view(e.kind))
        throw ProblemError(problem(Parameter::event, ProblemCode::event_not_note, event_id, e.kind));
    return e;
}

} // namespace

Event edit_note(SQLite::Database& db, const Policy& policy, std::int64_t event_id, const NoteChange& change) {
    require_transaction(db, "edit_note");
    Event before = note_of(db, event_id);
    if (change.text) limits::require_within({{Parameter::text, *change.text, limits::kNote}});
    auto refused = [&](Problem p) {
        p.assignment = before.assignment_id;
        return ProblemError(std::move(p));
    };
    if (change.text)
        if (auto refusal = refuse_note_text(*change.text)) throw refused(*refusal);
    if (change.date)
        if (auto a = AssignmentStore(db).get(before.assignment_id))
            if (auto refusal = refuse_note_date(*a, *change.date, policy)) throw refused(*refusal);
    std::optional<std::string> kind;
    if (change.kind) {
        auto code = note_kinds().code_of(*change.kind);
        if (!code) throw Error(note_kinds().unknown(*change.kind));
        kind = std::string(*code);
    }
    SQLite::Statement u(db, "UPDATE events SET kind = coalesce(?, kind), date = coalesce(?, date), "
                            "details = CASE WHEN ? IS NULL THEN details ELSE json_set(details, '$.text', ?) END "
                            "WHERE id = ?");
    if (kind) u.bind(1, *kind);
    if (change.date) u.bind(2, change.date->iso());
    if (change.text) {
        u.bind(3, *change.text);
        u.bind(4, *change.text);
    }
    u.bind(5, event_id);
    u.exec();
    return before;
}

Event delete_note(SQLite::Database& db, std::int64_t event_id) {
    require_transaction(db, "delete_note");
    Event before = note_of(db, event_id);
    exec_for(db, "DELETE FROM events WHERE id = ?", event_id);
    return before;
}

} // namespace guazhi
