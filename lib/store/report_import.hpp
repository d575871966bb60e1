// `report import`: submissions from CSV, validated with the same rules as `report add`, all
// or nothing, every problem as FILE:LINE: column: message.
#pragma once

#include "config.hpp"
#include "problem_text.hpp"
#include "util/table.hpp"

#include <SQLiteCpp/Database.h>

#include <iosfwd>
#include <string>

namespace guazhi {

// Columns (Chinese or English): assignment_id 挂职编号, or id_number 身份证号 with batch_year 年度
// when the cadre has more than one assignment; kind 报告类型; period 期次; submitted_on 提交日期;
// recipient 报送对象 (optional, default both). Returns the number recorded; throws Error listing
// every problem (nothing written). A parameter the file has no column for is named by `name`.
std::size_t import_reports(SQLite::Database& db, const util::TableInput& input, const Config& config,
                           const std::string& recorded_by, const Namer& name = by_domain_name);

} // namespace guazhi
