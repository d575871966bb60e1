#include "app/cadres.hpp"

#include "app/transaction.hpp"
#include "problem.hpp"
#include "store/appraisals.hpp"
#include "store/assignment_store.hpp"
#include "store/cadre_values.hpp"

#include <algorithm>

namespace guazhi::app {

CadreProfile cadre_profile(Database& db, std::string_view cadre) {
    AssignmentStore store(db.sql());
    CadreRef ref = resolve_cadre(store, cadre);
    CadreProfile p;
    p.cadre_id = ref.cadre_id;
    p.recorded = ref.cadre;
    p.values = dated_values_of(db.sql(), ref.cadre_id);
    p.corrections = corrections_of(db.sql(), ref.cadre_id);
    p.current = in_force(p.recorded, p.values, util::Date::today());
    for (const Assignment& a : store.assignments_of(ref.cadre_id)) p.assignments.push_back(a.id);
    return p;
}

namespace {

// Refusals that need no database: the flags' combination.
void check_edit(const CadreEdit& edit) {
    for (const auto& [field, text] : edit.values) {
        std::string_view key = spec(field).key;
        if (is_dated_attribute(key)) {
            if (!edit.since && !edit.since_first)
                throw ProblemError(problem(Parameter::since, ProblemCode::since_required, key));
        } else if (edit.since && !edit.since_first) {
            throw ProblemError(problem(Parameter::since, ProblemCode::since_not_dated, key));
        }
        bool correction = !is_dated_attribute(key) || edit.since_first;
        if (correction && edit.reason.empty())
            throw ProblemError(problem(Parameter::reason, ProblemCode::correction_without_reason, key));
    }
    if (edit.since && util::Date::today() < *edit.since)
        throw ProblemError(problem(Parameter::since, ProblemCode::since_in_future, edit.since->iso()));
}

} // namespace

CadreEdited edit_cadre(Database& db, std::string_view cadre, const CadreEdit& edit) {
    check_edit(edit);
    return committed_if_written(db, [&] {
        AssignmentStore store(db.sql());
        CadreRef ref = resolve_cadre(store, cadre);
        CadreEdited out;
        out.cadre = ref.cadre;
        // The values read as a roster's cells would be, over the cadre's own.
        Assignment holder;
        holder.cadre = ref.cadre;
        RowValues row = to_row(holder);
        for (const auto& [field, text] : edit.values) row[static_cast<std::size_t>(field)] = text;
        CadreResult read = validate_cadre(row);
        for (auto& p : read.problems) {
            bool given = std::any_of(edit.values.begin(), edit.values.end(),
                                     [&](const auto& v) { return v.first == p.field; });
            if (given) out.problems.push_back(std::move(p));
        }
        if (!out.problems.empty()) return out;

        std::vector<DatedValue> values = dated_values_of(db.sql(), ref.cadre_id);
        for (const auto& [field, text] : edit.values) {
            std::string key(spec(field).key);
            std::string after = attribute_value(read.cadre, key);
            FieldChange change{key, "", after, std::nullopt, true};
            if (is_dated_attribute(key) && edit.since && !edit.since_first) {
                change.since = edit.since;
                change.before = attribute_value(in_force(ref.cadre, values, *edit.since), key);
                change.changed = change.before != after &&
                                 record_dated_value(db.sql(), ref.cadre_id, key, *edit.since, after, edit.reason, edit.by);
            } else {
                change.before = attribute_value(ref.cadre, key);
                change.changed = record_correction(db.sql(), ref.cadre_id, key, after, edit.reason, edit.by);
            }
            out.committed = out.committed || change.changed;
            out.changes.push_back(std::move(change));
        }
        return out;
    });
}

} // namespace guazhi::app
