// The tables `export` hands on (花名册, reports, appraisals, the United Front list …): each
// a named dataset of columns and rows, written as CSV, markdown, JSON or a workbook sheet.
// lib/app/datasets.hpp gathers them from the store.
#pragma once

#include "domain/roster.hpp"
#include "domain/vocabulary.hpp"
#include "render/report.hpp"

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

} // namespace guazhi
