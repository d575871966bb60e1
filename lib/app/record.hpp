// lib/app: one function per command that changes records (issue "lib/app"). Each owns its
// transaction — all of the command's writes commit together or not at all — and returns what
// the cli renders. The cli parses and renders; it opens no transaction. The audit scope is the
// connection's (cli/context opens the database with it), so every write here is logged.
#pragma once

#include "config.hpp"
#include "domain/roster.hpp"
#include "store/appraisals.hpp"
#include "store/database.hpp"
#include "store/recorder.hpp"
#include "store/reports.hpp"

#include <cstdint>
#include <optional>

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

// `appraise final`: the 鉴定; returns its id.
std::int64_t record_final(Database& db, const Config& config, const FinalAppraisal& appraisal, bool early, bool replace);

// `report add`: a submission with its document; returns the report's id.
std::int64_t record_report(Database& db, const Config& config, const NewReport& report);

} // namespace guazhi::app
