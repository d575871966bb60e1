#include "domain/schedule.hpp"

#include "domain/rules.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guazhi {

namespace {

// Periods of `months` counted from the start of the term: 1st = start .. the day before
// start + months (with the same month-end rule as the term itself).
void term_periods(const Assignment& a, int months, std::string_view kind, char letter, const Policy& policy,
                  std::vector<ReportPeriod>& out) {
    util::Date begin = a.start;
    for (int i = 1;; ++i) {
        util::Date end = default_end_date(a.start, months * i);
        if (end > a.effective_end()) break;
        out.push_back({std::string(kind), fmt::format("{}{}", letter, i), begin, end,
                       end.plus_days(policy.report_grace_days)});
        begin = end.plus_days(1);
    }
}

// Calendar quarters or halves that end inside the term.
void calendar_periods(const Assignment& a, int months, std::string_view kind, char letter, const Policy& policy,
                      std::vector<ReportPeriod>& out) {
    unsigned first_month = (a.start.month - 1) / static_cast<unsigned>(months) * static_cast<unsigned>(months) + 1;
    util::Date begin{a.start.year, first_month, 1};
    for (;;) {
        util::Date next = begin.plus_months(months);
        util::Date end = next.plus_days(-1);
        if (end > a.effective_end()) break;
        if (end >= a.start) {
            int index = static_cast<int>((begin.month - 1) / static_cast<unsigned>(months)) + 1;
            out.push_back({std::string(kind), fmt::format("{}{}{}", begin.year, letter, index), std::max(begin, a.start),
                           end, end.plus_days(policy.report_grace_days)});
        }
        begin = next;
    }
}

} // namespace

std::vector<ReportPeriod> report_schedule(const Assignment& a, const Policy& policy) {
    std::vector<ReportPeriod> out;
    bool calendar = policy.report_periods == ReportPeriods::calendar;
    (calendar ? calendar_periods : term_periods)(a, 3, "quarterly", 'Q', policy, out);
    (calendar ? calendar_periods : term_periods)(a, 6, "semiannual", 'H', policy, out);
    out.push_back({"final", "final", a.start, a.effective_end(), a.effective_end().plus_days(policy.final_report_days)});
    std::stable_sort(out.begin(), out.end(), [](const ReportPeriod& x, const ReportPeriod& y) { return x.due < y.due; });
    return out;
}

ResolvedPeriod resolve_period(const std::vector<ReportPeriod>& schedule, std::string_view kind, std::string_view text) {
    std::string t = util::ascii_lower(util::clean(text));
    std::vector<const ReportPeriod*> of_kind;
    for (const auto& p : schedule)
        if (p.kind == kind) of_kind.push_back(&p);
    auto known = [&] {
        std::vector<std::string> labels;
        for (const auto* p : of_kind) labels.push_back(fmt::format("{} ({}..{})", p->label, p->start.iso(), p->end.iso()));
        return labels.empty() ? std::string("none") : fmt::format("{}", fmt::join(labels, ", "));
    };
    if (kind == "final") {
        if (t.empty() || t == "final" || t == "总结") return {*of_kind.front(), {}};
        return {std::nullopt, fmt::format("the final summary's period is 'final', not '{}'", text)};
    }
    char letter = kind == "quarterly" ? 'q' : 'h';
    int months = kind == "quarterly" ? 3 : 6;
    // An ordinal: Q2 / H1.
    if (t.size() >= 2 && t[0] == letter && util::is_digits(t.substr(1))) {
        // More digits than any term has periods would overflow the conversion: out of range.
        std::size_t n = t.size() <= 5 ? std::stoul(t.substr(1)) : 0;
        if (n >= 1 && n <= of_kind.size()) return {*of_kind[n - 1], {}};
        return {std::nullopt, fmt::format("{} is outside the term; its {} periods are: {}", text, kind, known())};
    }
    // A calendar spelling: 2006Q4 / 2007H1 names the period that ends in it.
    if (t.size() >= 6 && util::is_digits(t.substr(0, 4)) && t[4] == letter && util::is_digits(t.substr(5))) {
        int year = std::stoi(t.substr(0, 4));
        int index = t.size() <= 7 ? std::stoi(t.substr(5)) : 0;
        int count = 12 / months;
        if (index < 1 || index > count)
            return {std::nullopt, fmt::format("'{}' is no {} of a year", text, kind == "quarterly" ? "quarter" : "half")};
        util::Date from{year, static_cast<unsigned>((index - 1) * months + 1), 1};
        util::Date to = from.plus_months(months).plus_days(-1);
        for (const auto* p : of_kind)
            if (p->end >= from && p->end <= to) return {*p, {}};
        return {std::nullopt, fmt::format("no {} period of the term ends in {}; its periods are: {}", kind, text, known())};
    }
    return {std::nullopt, kind == "quarterly"
                              ? fmt::format("'{}' is not a quarterly period (Q2 or 2006Q4)", text)
                              : fmt::format("'{}' is not a half-year period (H1 or 2007H1)", text)};
}

} // namespace guazhi
