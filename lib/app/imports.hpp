// lib/app: the commands that read a file of records — `assign import` (a roster), `report
// import`, `appraise import`, `assign apply --import` and `import-all`. Each is one
// transaction: every row written, or (a problem anywhere, or a dry run) none.
#pragma once

#include "config.hpp"
#include "store/appraisal_import.hpp"
#include "store/database.hpp"
#include "store/exchange.hpp"
#include "store/importer.hpp"
#include "util/encoding.hpp"
#include "util/table.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>

namespace guazhi::app {

// `assign import`: see store/importer.hpp. `committed` says whether the rows were written.
ImportReport import_roster(Database& db, const util::TableInput& input, const Config& config,
                           const ImportOptions& options);

// `report import`: returns the number recorded; throws Error listing every problem.
std::size_t import_reports(Database& db, const util::TableInput& input, const Config& config,
                           const std::string& recorded_by, const Namer& name = by_domain_name);

// `appraise import`: throws Error listing every problem.
AppraisalImport import_appraisals(Database& db, const util::TableInput& input, const Config& config, bool replace,
                                  const std::string& recorded_by, const Namer& name = by_domain_name);

// `assign apply --import`: returns the number of applications recorded.
std::size_t import_applications(Database& db, std::istream& in, const std::string& name, util::Encoding encoding,
                                const std::string& recorded_by);

// `import-all`: see store/exchange.hpp.
ExchangeReport import_exchange(Database& db, std::istream& in, const std::string& name, bool dry_run,
                               std::size_t max_conflicts = 50);

} // namespace guazhi::app
