// The yearly summary as a table, CSV or JSON.
#pragma once

#include "domain/stats.hpp"
#include "domain/vocabulary.hpp"
#include "render/format.hpp"
#include "store/appraisals.hpp"
#include "store/reports.hpp"

#include <vector>

#include <string>

namespace guazhi {

// "48.1%", or "—" when the denominator is zero.
std::string percent(const Figure& f);

std::string stats_table(const YearStats& s, Lang lang);
// Header "key,label,count,denominator,share"; one line per figure.
std::string stats_csv(const YearStats& s, Lang lang);
// {"batch_year": Y, "<key>": {"count": n, "denominator": d, "of": "<key>", "share": x|null}, …}
// and, when `reports` is given, "reports": [{"kind", "on_time", "late", "missing", "pending"}, …].
// and "grades": {"up": {"excellent": n, …}, "down": {…}, "total": {…}} (every grade, zeros
// included) with the annual grades of the batch for its own year.
std::string stats_json(const YearStats& s, const std::vector<ComplianceRow>* reports = nullptr,
                       const std::vector<GradeCount>* grades = nullptr);

// The grade distribution as a table or CSV: one row per grade, columns up, down, total.
std::string grades_report(Format format, const std::vector<GradeCount>& counts, Lang lang);

} // namespace guazhi
