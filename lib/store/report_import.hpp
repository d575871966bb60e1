// `report import`: submissions from CSV, validated with the same rules as `report add`, all
// or nothing, every problem as FILE:LINE: column: message.
#pragma once

#include "config.hpp"
#include "problem_text.hpp"
#include "util/table.hpp"

#include <SQLiteCpp/Database.h>

#include <iosfwd>
#include <string>
#include <vector>

namespace guazhi {

struct ReportImportOptions {
    bool dry_run = false;                // check every row, write nothing
    bool ignore_unknown_columns = false; // otherwise an unknown column is an error
};
struct ReportImport {
    std::size_t rows = 0;                     // recorded (or, in a dry run, that would be)
    std::size_t unchanged = 0;                // already recorded as given: skipped
    std::vector<std::string> ignored_columns; // unknown columns skipped
    bool committed = false;                   // the caller commits: not in a dry run
};

// Columns (Chinese or English): assignment_id 挂职编号, or id_number 身份证号 with batch_year 年度
// when the cadre has more than one assignment; kind 报告类型; period 期次; submitted_on 提交日期;
// recipient 报送对象 (optional, default both); name 姓名 (optional: when given, it must be the
// assignment's cadre's). Throws Error listing every problem (nothing written). A parameter the
// file has no column for is named by `name`.
ReportImport import_reports(SQLite::Database& db, const util::TableInput& input, const Config& config,
                            const std::string& recorded_by, const Namer& name = by_domain_name,
                            const ReportImportOptions& options = {});

} // namespace guazhi
