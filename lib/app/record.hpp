// lib/app: one function per command that changes records (issue "lib/app"). Each owns its
// transaction — all of the command's writes commit together or not at all — and returns what
// the cli renders. The cli parses and renders; it opens no transaction. The audit scope is the
// connection's (app::open_records opens the database with it), so every write here is logged.
// The life of a secondment is app/lifecycle; the imports are app/imports.
#pragma once

#include "config.hpp"
#include "domain/roster.hpp"
#include "store/appraisals.hpp"
#include "store/audit.hpp"
#include "store/corrections.hpp"
#include "store/database.hpp"
#include "store/recorder.hpp"
#include "store/reports.hpp"
#include "store/units.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace guazhi::app {

// `assign add`: the row validated, then recorded unless the database contradicts it.
struct AddedAssignment {
    RowResult row;          // the validation (problems, or the assignment)
    RecordOutcome outcome;  // set when the row was valid: inserted, identical or refused
};
// The row's values must be cleaned (util::clean). Commits only an insert.
AddedAssignment add_assignment(Database& db, const Config& config, const RowValues& values, const RecordPolicy& policy);

// `appraise annual` and `appraise history`: one part of a year's assessment.
AnnualOutcome record_annual_assessment(Database& db, const Config& config, const AnnualChange& change);

// `appraise history`: a year's grade for the cadre a clerk names (an ID number, or the id of
// one of its assignments), resolved in the same transaction; returns the cadre and the outcome.
struct CadreGrade {
    Cadre cadre;
    AnnualOutcome outcome;
};
CadreGrade record_cadre_grade(Database& db, const Config& config, std::string_view cadre, AnnualChange change);

// `appraise final`: the 鉴定; returns its id. `override_rule`: another unit than the host wrote
// it, for appraisal.override_reason.
std::int64_t record_final(Database& db, const Config& config, const FinalAppraisal& appraisal, bool early, bool replace,
                          bool override_rule = false);

// `report add`: a submission with its document; returns the report's id.
std::int64_t record_report(Database& db, const Config& config, const NewReport& report);

// `unit set`: a unit's kind and/or county corrected; returns the unit as it was before.
Unit correct_unit(Database& db, const std::string& name, const std::optional<std::string>& kind,
                  const std::optional<std::string>& county);

// `assign apply`: how many secondees a host asked for in a batch (申报).
void record_application(Database& db, const std::string& host, int batch_year, std::int64_t requested,
                        const std::string& recorded_by);

// `assign delete`: the assignment removed (the cadre stays); refused while records depend on
// it unless `dependents` says to delete them too (store/corrections.hpp).
DeletedAssignment delete_assignment(Database& db, std::int64_t id, Dependents dependents);

// `assign edit`: fields of a recorded assignment corrected. Each given field's text is read
// as a roster cell over the assignment's own values (a new home unit without its level or
// county has them inferred, not carried over), and every rule of a new row runs again with the
// assignment itself left out (AssignmentRecorder::replace: units' kinds, overlap, the host's
// quota with --override), then records_outside_term. Problems change nothing.
struct AssignmentEdit {
    std::vector<std::pair<Field, std::string>> values; // cleaned
    RecordPolicy policy;
};
struct EditedAssignment {
    bool committed = false;
    std::vector<FieldProblem> problems;
    Assignment before, after;
    bool over_quota = false;
};
EditedAssignment edit_assignment(Database& db, const Config& config, std::int64_t id, const AssignmentEdit& edit);

// `assign note-edit` / `assign note-delete`: a note corrected or removed; returns it as it was.
Event edit_note(Database& db, const Config& config, std::int64_t event_id, const NoteChange& change);
Event delete_note(Database& db, std::int64_t event_id);

// `undo`: the latest change reverted (store/audit.hpp); with `dry_run`, only what it would do.
UndoResult undo(Database& db, bool dry_run);
// `undo --change N`: change N reverted, when no later change in effect touched its records.
UndoResult undo(Database& db, std::optional<std::int64_t> change, bool dry_run);

} // namespace guazhi::app
