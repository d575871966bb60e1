// The reports every secondee owes (seed: "每季度向派出单位和市委组织部汇报一次学习、工作和生活情况；
// 每半年写出一份书面思想和工作汇报；挂职结束时写出挂职工作总结"), computed from the actual term.
#pragma once

#include "domain/policy.hpp"
#include "domain/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// One report owed: its kind (quarterly | semiannual | final), the period it covers and when
// it is due (the period's end plus the grace, or for the final summary the end of the term
// plus final_report_days).
struct ReportPeriod {
    std::string kind;
    std::string label; // "Q2", "H1" counted from the start (or "2006Q4", "2007H1" in calendar mode); "final"
    util::Date start;
    util::Date end;
    util::Date due;
};

// Every report an assignment owes over its actual term (extension and recall included), in
// order of due date. A quarter or half-year is owed once it has ended inside the term; a
// period cut short by a recall is covered by the final summary.
std::vector<ReportPeriod> report_schedule(const Assignment& a, const Policy& policy);

// The owed period of `kind` that `text` names: an ordinal ("Q2", "H1"), a calendar spelling
// ("2006Q4", "2007H1": the period that ends in that calendar quarter or half), or "final".
// On failure, the message says which periods there are.
struct ResolvedPeriod {
    std::optional<ReportPeriod> period;
    std::string error;
};
ResolvedPeriod resolve_period(const std::vector<ReportPeriod>& schedule, std::string_view kind, std::string_view text);

} // namespace guazhi
