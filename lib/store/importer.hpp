// `assign import`: a roster (CSV, tab-separated text, .xlsx, .xls) streamed row by row into
// the database in one transaction, all or nothing, with every problem reported by its place
// (FILE:LINE, or FILE:SHEET!CELL) and column. The table is found inside the sheet: title
// and note lines above the header, one- or two-row headers, footer lines (domain/roster_layout).
#pragma once

#include "config.hpp"
#include "domain/roster_layout.hpp"
#include "store/database.hpp"
#include "store/recorder.hpp"
#include "util/table.hpp"

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace guazhi {

struct ImportOptions {
    ColumnAliases aliases; // headers added by --map and the config's [columns]
    bool dry_run = false;                // validate everything, write nothing
    bool ignore_unknown_columns = false; // otherwise an unknown column is an error
    std::size_t max_problems = 50;       // report this many, then only count
    RecordPolicy policy;                 // who records, and the host-quota override
    // Called every 1000 data rows with the number read so far (for a progress line).
    std::function<void(std::size_t)> progress;
    // How the problems name the command's parameters (the cli: by their flags).
    Namer name = by_domain_name;
};

struct ImportReport {
    std::size_t rows = 0;      // data rows read (blank rows not counted)
    std::size_t inserted = 0;  // new assignments
    std::size_t identical = 0; // rows already recorded exactly so, skipped
    std::size_t over_quota = 0; // rows inserted beyond the host quota by the override
    std::vector<Message> problems;     // "FILE:LINE: column: message", at most max_problems
    std::size_t problem_count = 0;     // all problems, including those not listed
    Message source;                    // what was read: "UTF-8", "xlsx, sheet 花名册" …
    bool committed = false;
    // How the sheet was read, for the summary: nothing is passed over without being named.
    std::size_t lines_above_header = 0; // title, 填表单位, 说明 lines
    std::size_t header_rows = 1;
    std::size_t footer_lines = 0;       // 填表人, 合计 … below (or between) the data
    std::size_t hidden_rows = 0;        // hidden rows of a workbook, read as data
    std::size_t start_months = 0, end_months = 0; // month-only dates taken as the first / last day
    std::size_t directions_inferred = 0;          // rows without 挂职类型, read from the host unit
    std::vector<std::string> ignored_columns;     // unknown or mapped to ignore, as headed
    std::vector<std::string> derived_columns;     // 状态, 年龄: computed, not read
    // With --update: "FILE:LINE: 张三 政治面貌: 群众 → 中共党员（2009-08-01 起）", each value changed.
    std::vector<std::string> updates;
};

// Reads a roster from `input`. Problems in rows are collected in the report and nothing is
// written; a file that cannot be read as a roster at all (not a table, bad CSV, no header,
// empty) throws Error.
ImportReport import_roster(Database& db, const util::TableInput& input, const Config& config,
                           const ImportOptions& options);

} // namespace guazhi
