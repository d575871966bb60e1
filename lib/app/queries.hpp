// lib/app: the commands that only read — each one query of the store, behind the same door as
// the commands that write, so that the cli calls lib/app alone (it includes no store header
// but store/database.hpp; tests/cli/layers.sh checks). The values they return are the
// store's (domain/records.hpp and the store headers included here).
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/records.hpp"
#include "store/allowance.hpp"
#include "store/applications.hpp"
#include "store/audit.hpp"
#include "store/backup.hpp"
#include "store/check.hpp"
#include "store/database.hpp"
#include "store/reports.hpp"
#include "store/units.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi::app {

// `assign allowance`: per assignment (then the total), or per home unit (who pays).
enum class AllowanceBy { assignment, home_unit };
std::vector<AllowanceLine> allowance(Database& db, const AssignmentFilter& filter, const Config& config, AllowanceBy by);

// `assign applications`: every host that applied or was given secondees in a batch.
std::vector<ApplicationRow> applications(Database& db, int batch_year);

// `unit list`.
std::vector<UnitRow> units(Database& db, const std::optional<std::string>& kind, const std::optional<std::string>& county);

// `report get`: whether the report is recorded, then its attachment written back byte for
// byte to `out` (Error when it has none, or its bytes no longer match their SHA-256).
bool report_recorded(Database& db, std::int64_t report_id);
Attachment copy_attachment(Database& db, std::int64_t report_id, std::FILE* out);
// `report get` without a file named: the attachment's stored name made a safe name in the
// current directory (ProblemError when it cannot be; Error when the report has none).
std::string attachment_file_name(Database& db, std::int64_t report_id);
// `report list`, `report due`, `report compliance`.
std::vector<Report> reports(Database& db, const AssignmentFilter& filter, const Config& config,
                            const std::optional<std::string>& kind, Versions which);
std::vector<DueReport> reports_due(Database& db, const AssignmentFilter& filter, const Config& config);
std::vector<ComplianceRow> compliance(Database& db, const AssignmentFilter& filter, const Config& config,
                                      ComplianceGroup group);

// `appraise show`: the cadre a clerk names (an ID number or one of its assignment ids) with
// its assessments, recommendations and final appraisals.
CadreAppraisals appraisals(Database& db, std::string_view cadre, const Config& config, Versions which);
// `appraise missing`, `appraise recommend`.
std::vector<Assignment> missing_final_appraisals(Database& db, const AssignmentFilter& filter, const Config& config);
Recommendations recommendations(Database& db, int year, const Config& config);

// `log`, `log --change N`.
std::vector<Change> changes(Database& db, const std::optional<std::string>& since, const std::optional<std::string>& by);
std::vector<ChangedRow> rows_of_change(Database& db, std::int64_t change_id);

// `check`.
CheckReport check(Database& db, const Policy& policy = Policy{});

// `backup FILE`: an existing FILE is refused unless `overwrite`.
BackupResult backup(Database& db, const std::filesystem::path& target, bool overwrite);

// `export all --format json`: the whole database as one exchange document, streamed to `sink`;
// returns the number of records.
std::size_t write_exchange(Database& db, bool reveal_id, const std::function<void(std::string_view)>& sink);

// `stats --from/--to`: the batch years recorded, for a trend's default span.
std::optional<int> earliest_batch_year(Database& db);
std::optional<int> latest_batch_year(Database& db);

} // namespace guazhi::app
