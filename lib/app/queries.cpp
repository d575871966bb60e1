#include "app/queries.hpp"

#include "store/appraisals.hpp"
#include "store/assignment_store.hpp"
#include "store/exchange.hpp"
#include "store/stats_query.hpp"

namespace guazhi::app {

std::vector<AllowanceLine> allowance(Database& db, const AssignmentFilter& filter, const Config& config, AllowanceBy by) {
    AssignmentStore store(db.sql());
    return by == AllowanceBy::home_unit ? allowance_by_home_unit(store, filter, config)
                                        : allowance_by_assignment(store, filter, config);
}

std::vector<ApplicationRow> applications(Database& db, int batch_year) { return application_summary(db.sql(), batch_year); }

std::vector<UnitRow> units(Database& db, const std::optional<std::string>& kind, const std::optional<std::string>& county) {
    return list_units(db.sql(), kind, county);
}

bool report_recorded(Database& db, std::int64_t report_id) { return report_exists(db.sql(), report_id); }

Attachment copy_attachment(Database& db, std::int64_t report_id, std::FILE* out) {
    return read_attachment(db.sql(), report_id, out);
}

std::string attachment_file_name(Database& db, std::int64_t report_id) {
    return local_attachment_name(report_id, attachment_of(db.sql(), report_id).name);
}

std::vector<Report> reports(Database& db, const AssignmentFilter& filter, const Config& config,
                            const std::optional<std::string>& kind, Versions which) {
    return list_reports(db.sql(), filter, config, kind, which);
}

std::vector<DueReport> reports_due(Database& db, const AssignmentFilter& filter, const Config& config) {
    AssignmentStore store(db.sql());
    return guazhi::reports_due(store, filter, config);
}

std::vector<ComplianceRow> compliance(Database& db, const AssignmentFilter& filter, const Config& config,
                                      ComplianceGroup group) {
    AssignmentStore store(db.sql());
    return guazhi::compliance(store, filter, config, group);
}

CadreAppraisals appraisals(Database& db, std::string_view cadre, const Config& config, Versions which) {
    AssignmentStore store(db.sql());
    return appraisals_of(store, resolve_cadre(store, cadre), config, which);
}

std::vector<Assignment> missing_final_appraisals(Database& db, const AssignmentFilter& filter, const Config& config) {
    AssignmentStore store(db.sql());
    return guazhi::missing_final_appraisals(store, filter, config);
}

Recommendations recommendations(Database& db, int year, const Config& config) {
    AssignmentStore store(db.sql());
    return guazhi::recommendations(store, year, config);
}

std::vector<Change> changes(Database& db, const std::optional<std::string>& since, const std::optional<std::string>& by) {
    return list_changes(db.sql(), since, by);
}

std::vector<ChangedRow> rows_of_change(Database& db, std::int64_t change_id) {
    return guazhi::rows_of_change(db.sql(), change_id);
}

CheckReport check(Database& db, const Policy& policy) { return check_database(db.sql(), policy); }

BackupResult backup(Database& db, const std::filesystem::path& target, bool overwrite) {
    return backup_database(db.sql(), db.path(), target, overwrite);
}

std::size_t write_exchange(Database& db, bool reveal_id, const std::function<void(std::string_view)>& sink) {
    return guazhi::write_exchange(db.sql(), reveal_id, sink);
}

std::optional<int> earliest_batch_year(Database& db) { return guazhi::earliest_batch_year(db.sql()); }
std::optional<int> latest_batch_year(Database& db) { return guazhi::latest_batch_year(db.sql()); }

} // namespace guazhi::app
