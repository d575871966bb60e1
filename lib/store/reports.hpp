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
    // An import: a current submission equal to this one (recipient, date, no attachment
    // given) is kept and 0 returned, so that a file can be imported again with rows added.
    bool skip_same = false;
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

// The attachment's name, size and SHA-256 as recorded; Error when the report has none.
Attachment attachment_of(SQLite::Database& db, std::int64_t report_id);

// The stored name of report `report_id`'s attachment as a file name in the current directory,
// for `report get` without a name of its own. The stored name is untrusted (a clerk's file, an
// import): any directories (/ or \) are stripped; what is left is refused (ProblemError
// attachment_name_unsafe) when it is empty, "." or "..", or holds a control character.
std::string local_attachment_name(std::int64_t report_id, std::string_view stored);

// Submissions of the assignments a filter selects, by assignment and then in the order of
// the term: Q1, Q2, H1, Q3, Q4, H2 … (by the period's end, a quarter before the half-year
// that ends with it), the final summary last.
std::vector<Report> list_reports(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                                 const std::optional<std::string>& kind, Versions which);


// Everything owed and not submitted on `filter.as_of`, most overdue first: the periods that
// have ended (a quarter owed to each recipient listed with those still owed), and from
// final_due_days_before the term's end the final summary and the 鉴定 (kind "final_appraisal").
std::vector<DueReport> reports_due(AssignmentStore& store, const AssignmentFilter& filter, const Config& config);


// Calls `visit` for every owed report (period ended by as_of) of the matching assignments; a
// quarter owed to both recipients stands as the worse of the two (one missing: missing).
void for_each_standing(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                       const std::function<void(const Assignment&, const ReportPeriod&, Standing)>& visit);


// The compliance summary of the matching assignments on `filter.as_of`, ordered by group and
// kind (quarterly, semiannual, final).
std::vector<ComplianceRow> compliance(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                                      ComplianceGroup group);

} // namespace guazhi
