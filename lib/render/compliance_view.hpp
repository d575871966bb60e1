// The report compliance summary as a table, CSV or JSON (for `report compliance` and `stats`).
#pragma once

#include "domain/vocabulary.hpp"
#include "render/format.hpp"
#include "domain/records.hpp"

#include <string>
#include <vector>

namespace guazhi {

// Columns: [group,] kind, on time, late, missing, within grace. `group_header` empty: no group.
std::string render_compliance(Format format, const std::vector<ComplianceRow>& rows, Lang lang,
                              const std::string& group_header);

} // namespace guazhi
