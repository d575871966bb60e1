// Appraisals (DOMAIN.md rules 6 and 7): recording annual assessments and final appraisals
// with their history, the 优秀 recommendation over a year's secondees, and what is missing.
#pragma once

#include "config.hpp"
#include "domain/records.hpp"
#include "domain/appraisal.hpp"
#include "domain/filter.hpp"
#include "domain/rules.hpp"
#include "store/assignment_store.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

// What a clerk types for a cadre: an 18-character ID number, or the id of one of the
// cadre's assignments (then `assignment_id` is set). Throws Error when neither is recorded.
CadreRef resolve_cadre(AssignmentStore& store, std::string_view text);

// Parts of a year's assessment to record; unset parts are left as they are.
struct AnnualChange {
    // `appraise annual`: the assignment whose term covers the year. Without it, `cadre_id`
    // and a year outside every secondment of the cadre (`appraise history`).
    std::optional<std::int64_t> assignment_id;
    std::int64_t cadre_id = 0;
    int year = 0;
    std::optional<std::string> grade;
    std::optional<util::Date> decided_on;
    std::optional<std::string> unit; // default: the host unit for a secondment year
    std::optional<Votes> votes;
    std::optional<bool> outstanding;
    std::optional<std::string> home_note;
    bool replace = false; // allow changing a part already recorded (the old record is kept)
    std::string recorded_by;
    // Set: the host rule is set aside for `unit` (refuse_assessing_unit), for this reason.
    std::optional<std::string> override_reason = std::nullopt;
};

struct AnnualOutcome {
    std::int64_t id = 0;  // the current record
    bool changed = false; // false: everything given was already recorded
    std::optional<Message> cap_warning;     // the host unit is over excellent_cap_share
};

// Records in the caller's transaction. Throws Error (nothing written) for an unknown
// assignment or cadre, a year outside the assignment (or, without one, inside one of the
// cadre's secondments), a unit other than the host without an override (refuse_assessing_unit),
// a recorder that reads as a unit (recorder_problem), and a change to a part already recorded
// without `replace`.
AnnualOutcome record_annual(AssignmentStore& store, const Config& config, const AnnualChange& change);

// The cadre's assessments by year (current ones; Versions::with_replaced, replaced ones too).
std::vector<AnnualAssessment> annual_assessments_of(SQLite::Database& db, std::int64_t cadre_id, Versions which);

// The recommendation rule for a cadre's `year`, from what is recorded.
Recommendation recommendation_for(SQLite::Database& db, std::int64_t cadre_id, int year, const Config& config);

// Why `recorded_by` cannot be the person recording, or nullopt: it names a recorded unit or
// reads as one (names_a_unit) — appraise's recorder flag used to name the assessing unit.
// Only asked when no unit is given beside it.
std::optional<Problem> recorder_problem(SQLite::Database& db, std::string_view recorded_by);

// Records a final appraisal in the caller's transaction and returns its id. An empty
// author_unit means the host unit; another unit needs `override_rule` with
// appraisal.override_reason (refuse_appraisal_author). Throws Error (nothing written) for an unknown assignment,
// content problems (all listed), a date the term refuses (see refuse_final_appraisal), and a
// second appraisal without `replace`.
std::int64_t record_final_appraisal(SQLite::Database& db, const Config& config, FinalAppraisal appraisal, bool early,
                                    bool replace, bool override_rule = false);

// An assignment's final appraisals: the current one first, then (Versions::with_replaced) replaced ones.
std::vector<FinalAppraisal> final_appraisals_of(SQLite::Database& db, std::int64_t assignment_id, Versions which);

CadreAppraisals appraisals_of(AssignmentStore& store, const CadreRef& ref, const Config& config, Versions which);


// Every assignment assessed for `year` — at its host on 31 December, or with an assessment
// of that year recorded — with the rule's outcome, by host unit and id.
Recommendations recommendations(AssignmentStore& store, int year, const Config& config);

// Assignments the filter selects whose term has ended by filter.as_of (completed or
// recalled) and that have no final appraisal.
std::vector<Assignment> missing_final_appraisals(AssignmentStore& store, const AssignmentFilter& filter,
                                                 const Config& config);

// Current assessments of the cadres the filter selects (any of their assignments), by cadre
// and year; `visit` gets the cadre and the assessment.
void for_each_annual(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                     const std::function<void(const Cadre&, const AnnualAssessment&)>& visit);

// Current final appraisals of the assignments the filter selects.
void for_each_final(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                    const std::function<void(const Assignment&, const FinalAppraisal&)>& visit);

} // namespace guazhi
