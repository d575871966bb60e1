// `appraise import`: annual assessments from CSV, validated with the same rules as
// `appraise annual` / `appraise history`, all or nothing, every problem as FILE:LINE: column.
#pragma once

#include "config.hpp"
#include "problem_text.hpp"
#include "util/csv_columns.hpp"
#include "util/table.hpp"

#include <SQLiteCpp/Database.h>

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace guazhi {

// Columns (Chinese or English): assignment_id 挂职编号 or id_number 身份证号; year 考核年度;
// and any of grade 等次, votes_excellent 优秀票, votes_competent 称职票,
// votes_basically_competent 基本称职票, votes_incompetent 不称职票, outstanding 表现突出
// (是/否), unit 考核单位, decided_on 考核日期, home_note 派出单位意见. With an ID number, the
// assignment is the one whose term touches the year; a year outside every term is a prior
// year's grade. A row equal to what is recorded is skipped; a differing one needs `replace`.
struct AppraisalImport {
    std::size_t recorded = 0, unchanged = 0;   // (or, in a dry run, that would be)
    std::vector<std::string> ignored_columns; // unknown columns skipped
    bool committed = false;                   // the caller commits: not in a dry run
};
// As `report import` and `assign import` take them.
struct AppraisalImportChecks {
    bool dry_run = false;                // check every row, write nothing
    bool ignore_unknown_columns = false; // otherwise an unknown column is an error
};
// A 姓名 column, when given, must be the name recorded for the row's assignment or ID number
// (spaces inside ignored). `override_reason` set: the host rule is set aside for rows whose
// 考核单位 is another unit (refuse_assessing_unit). A parameter the file has no column for is
// named by `name`.
// The columns of a file of annual assessments, in the order `export appraisals` writes them:
// key (JSON), Chinese and English header. Either export imports back under its headers.
std::span<const util::ColumnSpec> annual_assessment_columns();

AppraisalImport import_appraisals(SQLite::Database& db, const util::TableInput& input, const Config& config,
                                  bool replace, const std::string& recorded_by, const Namer& name = by_domain_name,
                                  const std::optional<std::string>& override_reason = std::nullopt,
                                  const AppraisalImportChecks& checks = {});

} // namespace guazhi
