// The rules that vary between places (issue "lib/app"): what the domain is given, never
// where it came from. guazhi.toml fills one (config.hpp, above the domain); tests build their
// own. Each member's config key is in its comment.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace guazhi {

// How report quarters are counted: from the start of the term, or by the calendar.
enum class ReportPeriods { term, calendar };

struct Policy {
    int term_months = 12;                       // `term_months`: default length of a term
    int max_term_months = 24;                   // `max_term_months`: the longest a term may run, extensions included
    int note_margin_days = 30;                  // `note_margin_days`: how far outside the term a note may be dated
    std::vector<std::string> non_party_exclude; // `non_party_exclude`: statuses not counted as 党外干部
    int max_per_host_per_batch = 1;             // `max_per_host_per_batch`: secondees a host gets per batch; 0 = no limit
    double allowance_per_day = 2.0;             // `allowance_per_day`: living allowance in 元 per day
    int inspection_window_days = 60;            // `inspection_window_days`: how soon before a term's end an inspection is due
    ReportPeriods report_periods = ReportPeriods::term; // `report_periods`: "term" or "calendar"
    int report_grace_days = 15;                 // `report_grace_days`: days after a period's end before a report is overdue
    int final_report_days = 30;                 // `final_report_days`: days after the term's end the summary is due
    int final_due_days_before = 30;             // `final_due_days_before`: days before the term's end `report due` lists the summary and the 鉴定
    std::int64_t max_attachment_bytes = 50LL * 1024 * 1024; // `max_attachment_mib`: attachment size limit
    double excellent_vote_share = 0.6;          // `excellent_vote_share`: share of 优秀 votes the recommendation rule asks for
    double excellent_cap_share = 0.0;           // `excellent_cap_share`: cap on a host unit's share of 优秀 grades; 0 = off
    std::vector<std::string> appraisal_scale = {"优秀", "良好", "一般", "较差"}; // `appraisal_scale`: 鉴定 ratings
    std::vector<int> age_bands = {30, 35, 40, 45}; // `age_bands`: upper bounds of the age bands at the start date
    std::vector<std::pair<std::string, std::string>> column_aliases; // `[columns]`: this office's header = roster column
};

} // namespace guazhi
