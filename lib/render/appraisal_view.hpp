// How appraisals look: annual assessments as rows (show, export), final appraisals and
// recommendations as text and JSON.
#pragma once

#include "domain/appraisal.hpp"
#include "domain/rules.hpp"
#include "render/report.hpp"
#include "domain/records.hpp"
#include "util/json.hpp"

#include <string>
#include <vector>

namespace guazhi {

// Columns and cells of one annual assessment (labels in `lang`, or codes for JSON).
std::vector<ReportColumn> annual_columns(Lang lang);
std::vector<std::string> annual_cells(const AnnualAssessment& x, Lang lang, bool codes);

// The members of one annual assessment, into an open JSON object.
void write_annual_json(JsonWriter& json, const AnnualAssessment& x);
// The members of one final appraisal, into an open JSON object.
void write_final_json(JsonWriter& json, const FinalAppraisal& f);
// A recommendation as a JSON object, the unmet conditions in `lang`.
void write_recommendation_json(JsonWriter& json, const Recommendation& r, Lang lang);

// A final appraisal as indented text, one dimension per line.
std::string final_text(const FinalAppraisal& f, Lang lang);
// "推荐优秀：是" / "推荐优秀：否（…；…）".
std::string recommendation_text(const Recommendation& r, Lang lang);

// `appraise show`: a cadre's annual assessments, and per assignment the recommendations and
// the final appraisal. The ID number is masked.
std::string appraisals_text(const CadreAppraisals& a, Lang lang);
std::string appraisals_json(const CadreAppraisals& a, Lang lang);

} // namespace guazhi
