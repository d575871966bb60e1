// Datasets as an Excel workbook (libxlsxwriter): one sheet per dataset, a bold frozen header
// row, column widths for CJK text, ISO dates as real Excel dates, numbers as numbers.
#pragma once

#include "render/datasets.hpp"

#include <string>
#include <vector>

namespace guazhi {

// Writes the workbook to `path` (a new file), with a last sheet of notes (`notes`, one line
// each: what it holds, whether ID numbers are masked). Throws Error on failure.
// `tmpdir`: where libxlsxwriter keeps its working files (the output's directory); "" for $TMPDIR.
void write_xlsx(const std::string& path, const std::vector<Dataset>& datasets, const std::vector<std::string>& notes,
                const std::string& tmpdir);

} // namespace guazhi
