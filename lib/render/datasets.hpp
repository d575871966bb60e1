// The tables `export` hands on (花名册, reports, appraisals, the United Front list …): each
// a named dataset of columns and rows, written as CSV, markdown, JSON or a workbook sheet.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/roster.hpp"
#include "render/report.hpp"
#include "store/assignment_store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

struct Dataset {
    std::string name;  // the DATASET argument, also the JSON key in `all`
    std::string title; // the sheet's name in the user's language
    std::vector<ReportColumn> columns;
    std::vector<std::vector<std::string>> rows;
};

// How the datasets are built: labels in `lang` (codes where `codes`), ID numbers masked
// unless `reveal_id`.
struct DatasetOptions {
    Lang lang = Lang::zh;
    bool codes = false; // JSON: codes and English keys rather than labels
    bool reveal_id = false;
};

// One assignment in the canonical columns (roster_fields()) that `assign import` reads back;
// with the ID number masked unless `reveal_id` (and then the birth date as a month only).
RowValues canonical_row(Assignment a, bool reveal_id);

// The dataset names `export` knows, in the order `all` writes them.
const std::vector<std::string_view>& dataset_names();

// One dataset of the assignments the filter selects. Throws Error for an unknown name or a
// dataset that needs what the filter lacks (applications needs a year).
Dataset build_dataset(std::string_view name, AssignmentStore& store, const AssignmentFilter& filter,
                      const Config& config, const DatasetOptions& options);

} // namespace guazhi
