#include "app/imports.hpp"

#include "app/transaction.hpp"
#include "store/applications.hpp"
#include "store/appraisals.hpp"
#include "store/report_import.hpp"
#include "util/text.hpp"

namespace guazhi::app {

ImportReport import_roster(Database& db, const util::TableInput& input, const Config& config,
                           const ImportOptions& options) {
    return committed_if_written(db, [&] { return guazhi::import_roster(db, input, config, options); });
}

ReportImport import_reports(Database& db, const util::TableInput& input, const Config& config,
                            const std::string& recorded_by, const Namer& name, const ReportImportOptions& options) {
    return committed_if_written(
        db, [&] { return guazhi::import_reports(db.sql(), input, config, recorded_by, name, options); });
}

AppraisalImport import_appraisals(Database& db, const util::TableInput& input, const Config& config, bool replace,
                                  const std::string& recorded_by, const Namer& name,
                                  const std::optional<std::string>& override_reason,
                                  const AppraisalImportChecks& checks) {
    if (override_reason && util::trim(*override_reason).empty())
        throw ProblemError(problem(Parameter::override_rule, ProblemCode::override_without_reason));
    if (auto p = recorder_problem(db.sql(), recorded_by)) throw ProblemError(*p);
    return committed_if_written(db, [&] {
        return guazhi::import_appraisals(db.sql(), input, config, replace, recorded_by, name, override_reason, checks);
    });
}

std::size_t import_applications(Database& db, std::istream& in, const std::string& name, util::Encoding encoding,
                                const std::string& recorded_by) {
    return in_transaction(db, [&] { return guazhi::import_applications(db.sql(), in, name, encoding, recorded_by); });
}

ExchangeReport import_exchange(Database& db, std::istream& in, const std::string& name, bool dry_run,
                               std::size_t max_conflicts) {
    return committed_if_written(db, [&] { return guazhi::import_exchange(db, in, name, dry_run, max_conflicts); });
}

} // namespace guazhi::app
