// lib/app: the commands that read a file of records — `assign import` (a roster), `report
// import`, `appraise import`, `assign apply --import` and `import-all`. Each is one
// transaction: every row written, or (a problem anywhere, or a dry run) none.
#pragma once

#include "config.hpp"
#include "store/appraisal_import.hpp"
#include "store/database.hpp"
#include "store/exchange.hpp"
#include "store/importer.hpp"
#include "store/report_import.hpp"
#include "util/encoding.hpp"
#include "util/table.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>

namespace guazhi::app {

// `assign import`: see store/importer.hpp. `committed` says whether the rows were written.
ImportReport import_roster(Database& db, const util::TableInput& input, const Config& config,
                           const ImportOptions& options);

// `report import`: what was recorded (in a dry run, nothing: rolled back); throws Error listing
// every problem.
ReportImport import_reports(Database& db, const util::TableInput& input, const Config& config,
                            const std::string& recorded_by, const Namer& name = by_domain_name,
                            const ReportImportOptions& options = {});

// `appraise import`: throws Error listing every problem; a recorder that reads as a unit is
// refused before any row (recorder_problem). `override_reason`: see store/appraisal_import.hpp.
AppraisalImport import_appraisals(Database& db, const util::TableInput& input, const Config& config, bool replace,
                                  const std::string& recorded_by, const Namer& name = by_domain_name,
                                  const std::optional<std::string>& override_reason = std::nullopt,
                                  const AppraisalImportChecks& checks = {});

// `assign apply --import`: returns the number of applications recorded.
std::size_t import_applications(Database& db, std::istream& in, const std::string& name, util::Encoding encoding,
                                const std::string& recorded_by);

// `import-all`: see store/exchange.hpp.
ExchangeReport import_exchange(Database& db, std::istream& in, const std::string& name, bool dry_run,
                               std::size_t max_conflicts = 50);

} // namespace guazhi::app
