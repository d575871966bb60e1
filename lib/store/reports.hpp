// Reports secondees submit (汇报): recording them with their attached documents, listing them,
// and what is still owed — the one place that compares the schedule with the submissions.
#pragma once

#include "config.hpp"
#include "domain/records.hpp"
#include "domain/filter.hpp"
#include "domain/schedule.hpp"
#include "store/assignment_store.hpp"

#include <SQLiteCpp/Database.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {


// A submission to record.
struct NewReport {
    std::int64_t assignment_id = 0;
    std::string kind;
    std::string period; // as the clerk wrote it: Q2, 2006Q4, H1, final
    util::Date submitted_on;
    std::string recipient = "both";
    std::optional<std::filesystem::path> attach;
    bool replace = false; // replace an earlier submission of the same kind and period
    std::string recorded_by;
};

// Records a submission in the caller's transaction and returns its id. Throws Error (nothing
// written) for an unknown assignment, a period outside the term, a date before the period
// began, a duplicate without `replace`, an unreadable or too large attachment. The
// attachment is streamed into the database while its SHA-256 is computed.
std::int64_t add_report(SQLite::Database& db, const Config& config, const NewReport& report);

// Whether any report is recorded (the summary's compliance section).
bool any_report_recorded(SQLite::Database& db);

// True when a report with this id is recorded.
bool report_exists(SQLite::Database& db, std::int64_t report_id);

// Writes an attachment back byte for byte to `out`; returns it. Throws Error when the report
// has none or its content no longer matches the recorded SHA-256.
Attachment read_attachment(SQLite::Database& db, std::int64_t report_id, std::FILE* out);

// Submissions of the assignments a filter selects, ordered by assignment and period.
std::vector<Report> list_reports(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                                 const std::optional<std::string>& kind, Versions which);


// Everything owed and not submitted on `filter.as_of` (periods that have ended), most
// overdue first.
std::vector<DueReport> reports_due(AssignmentStore& store, const AssignmentFilter& filter, const Config& config);


// Calls `visit` for every owed report (period ended by as_of) of the matching assignments.
void for_each_standing(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                       const std::function<void(const Assignment&, const ReportPeriod&, Standing)>& visit);


// The compliance summary of the matching assignments on `filter.as_of`, ordered by group and
// kind (quarterly, semiannual, final).
std::vector<ComplianceRow> compliance(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                                      ComplianceGroup group);

} // namespace guazhi
