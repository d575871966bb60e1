// The reports every secondee owes (seed: "每季度向派出单位和市委组织部汇报一次学习、工作和生活情况；
// 每半年写出一份书面思想和工作汇报；挂职结束时写出挂职工作总结"), computed from the actual term.
#pragma once

#include "domain/policy.hpp"
#include "domain/model.hpp"
#include "util/message.hpp"

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
    Message error;
};
ResolvedPeriod resolve_period(const std::vector<ReportPeriod>& schedule, std::string_view kind, std::string_view text);

// The kind of report a period's spelling names by itself: quarterly for Q2, 2006Q4, 第二季度,
// 2006年第四季度; semiannual for H1, 2007H1, 上半年, 下半年; final for final, 年度总结, 挂职总结;
// nullopt for anything else.
std::optional<std::string_view> kind_of_period(std::string_view text);

// Seed: "每季度向派出单位和市委组织部汇报一次" — a quarterly report is owed to the home unit and to
// the Organization Department, each; the half-year report and the final summary are owed once
// (a submission to either counts).
bool owed_to_each_recipient(std::string_view kind);

// Whether a submission to `sent` (home | orgdept | both) reaches `recipient` (home | orgdept).
bool reaches(std::string_view sent, std::string_view recipient);

// The 鉴定 (final appraisal) the host owes at the end of the term as served (DOMAIN.md rule 7:
// "At the end the host writes a full appraisal"), as an owed item of kind "final_appraisal":
// it covers the term and is due like the final summary.
ReportPeriod final_appraisal_owed(const Assignment& a, const Policy& policy);

// Whether `report due` lists an owed item on `as_of`: a quarter or half-year once it has ended;
// the final summary and the 鉴定 from final_due_days_before the end of the term.
bool listed_as_owed(const ReportPeriod& p, util::Date as_of, const Policy& policy);

} // namespace guazhi
