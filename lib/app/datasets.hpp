// Gathers the datasets `export` writes (render/datasets.hpp) from the store: the rows of the
// assignments a filter selects, labelled in the options' language, ID numbers masked unless
// revealed.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "render/datasets.hpp"
#include "store/database.hpp"

#include <string_view>

namespace guazhi::app {

// One dataset of the assignments the filter selects. Throws Error for an unknown name or a
// dataset that needs what the filter lacks (applications needs a year).
Dataset build_dataset(std::string_view name, Database& db, const AssignmentFilter& filter,
                      const Config& config, const DatasetOptions& options);

} // namespace guazhi::app
