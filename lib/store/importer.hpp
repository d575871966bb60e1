// `assign import`: a roster CSV streamed row by row into the database in one transaction,
// all or nothing, with every problem reported by file, line and column.
#pragma once

#include "config.hpp"
#include "store/database.hpp"
#include "store/recorder.hpp"
#include "util/encoding.hpp"

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace guazhi {

struct ImportOptions {
    util::Encoding encoding = util::Encoding::automatic;
    bool dry_run = false;                // validate everything, write nothing
    bool ignore_unknown_columns = false; // otherwise an unknown column is an error
    std::size_t max_problems = 50;       // report this many, then only count
    RecordPolicy policy;                 // who records, and the host-quota override
    // Called every 1000 data rows with the number read so far (for a progress line).
    std::function<void(std::size_t)> progress;
};

struct ImportReport {
    std::size_t rows = 0;      // data rows read (blank rows not counted)
    std::size_t inserted = 0;  // new assignments
    std::size_t identical = 0; // rows already recorded exactly so, skipped
    std::size_t over_quota = 0; // rows inserted beyond the host quota by the override
    std::vector<std::string> problems; // "FILE:LINE: column: message", at most max_problems
    std::size_t problem_count = 0;     // all problems, including those not listed
    util::Encoding encoding = util::Encoding::utf8;
    bool committed = false;
};

// Reads a roster from `in` (named `name` in messages). Problems in rows are collected in
// the report and nothing is written; a file that cannot be read as a roster at all (bad
// CSV, bad header, empty) throws Error.
ImportReport import_roster(Database& db, std::istream& in, const std::string& name, const Config& config,
                           const ImportOptions& options);

} // namespace guazhi
