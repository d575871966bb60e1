#include "app/record.hpp"

#include "store/applications.hpp"
#include "store/assignment_store.hpp"
#include "domain/rules.hpp"
#include "problem.hpp"

#include <algorithm>

#include "app/transaction.hpp"

namespace guazhi::app {

AddedAssignment add_assignment(Database& db, const Config& config, const RowValues& values, const RecordPolicy& policy) {
    AddedAssignment added{validate_row(values, config.policy), {}};
    if (!added.row.problems.empty()) return added;
    auto tx = write_transaction(db);
    AssignmentStore store(db.sql());
    AssignmentRecorder recorder(store, config, policy);
    bool kind_given = !values[static_cast<std::size_t>(Field::home_level)].empty();
    added.outcome = recorder.record(*added.row.assignment, kind_given);
    if (added.outcome.kind == RecordOutcome::Kind::inserted) tx.commit();
    return added;
}

AnnualOutcome record_annual_assessment(Database& db, const Config& config, const AnnualChange& change) {
    return in_transaction(db, [&] {
        AssignmentStore store(db.sql());
        return record_annual(store, config, change);
    });
}

CadreGrade record_cadre_grade(Database& db, const Config& config, std::string_view cadre, AnnualChange change) {
    return in_transaction(db, [&] {
        AssignmentStore store(db.sql());
        CadreRef ref = resolve_cadre(store, cadre);
        change.cadre_id = ref.cadre_id;
        return CadreGrade{ref.cadre, record_annual(store, config, change)};
    });
}

std::int64_t record_final(Database& db, const Config& config, const FinalAppraisal& appraisal, bool early, bool replace,
                          bool override_rule) {
    return in_transaction(db,
                          [&] { return record_final_appraisal(db.sql(), config, appraisal, early, replace, override_rule); });
}

std::int64_t record_report(Database& db, const Config& config, const NewReport& report) {
    return in_transaction(db, [&] { return add_report(db.sql(), config, report); });
}

Unit correct_unit(Database& db, const std::string& name, const std::optional<std::string>& kind,
                  const std::optional<std::string>& county) {
    return in_transaction(db, [&] { return guazhi::correct_unit(db.sql(), name, kind, county); });
}

void record_application(Database& db, const std::string& host, int batch_year, std::int64_t requested,
                        const std::string& recorded_by) {
    in_transaction(db, [&] { guazhi::record_application(db.sql(), host, batch_year, requested, recorded_by); });
}

DeletedAssignment delete_assignment(Database& db, std::int64_t id, Dependents dependents) {
    return in_transaction(db, [&] { return guazhi::delete_assignment(db.sql(), id, dependents); });
}

EditedAssignment edit_assignment(Database& db, const Config& config, std::int64_t id, const AssignmentEdit& edit) {
    return committed_if_written(db, [&] {
        AssignmentStore store(db.sql());
        auto before = store.get(id);
        if (!before) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, id));
        EditedAssignment out;
        out.before = *before;
        RowValues row = to_row(*before);
        auto given = [&](Field f) {
            return std::any_of(edit.values.begin(), edit.values.end(), [&](const auto& v) { return v.first == f; });
        };
        // A unit named anew brings its own level and county, or has them inferred.
        if (given(Field::home_unit) && !given(Field::home_level)) row[static_cast<std::size_t>(Field::home_level)] = "";
        if (given(Field::home_unit) && !given(Field::home_county)) row[static_cast<std::size_t>(Field::home_county)] = "";
        for (const auto& [field, text] : edit.values) row[static_cast<std::size_t>(field)] = text;
        RowResult read = validate_row(row, config.policy);
        out.problems = std::move(read.problems);
        if (!out.problems.empty()) return out;
        Assignment after = std::move(*read.assignment);
        after.id = id;
        after.cadre = before->cadre;
        after.extended_until = before->extended_until;
        after.recalled_on = before->recalled_on;
        after.recall_reason = before->recall_reason;
        out.after = after;
        if (same_assignment(*before, after)) return out; // nothing to change
        out.problems = records_outside_term(db.sql(), id, after);
        if (!out.problems.empty()) return out;
        AssignmentRecorder recorder(store, config, edit.policy);
        RecordOutcome o = recorder.replace(id, after, !given(Field::home_unit) || given(Field::home_level));
        out.problems = std::move(o.problems);
        out.over_quota = o.over_quota;
        out.committed = out.problems.empty();
        if (out.committed) out.after = *store.get(id);
        return out;
    });
}

Event edit_note(Database& db, const Config& config, std::int64_t event_id, const NoteChange& change) {
    return in_transaction(db, [&] { return guazhi::edit_note(db.sql(), config.policy, event_id, change); });
}

Event delete_note(Database& db, std::int64_t event_id) {
    return in_transaction(db, [&] { return guazhi::delete_note(db.sql(), event_id); });
}

UndoResult undo(Database& db, bool dry_run) { return undo(db, std::nullopt, dry_run); }

UndoResult undo(Database& db, std::optional<std::int64_t> change, bool dry_run) {
    return committed_if_written(db, [&] { return undo_change(db, change, dry_run); });
}

} // namespace guazhi::app
