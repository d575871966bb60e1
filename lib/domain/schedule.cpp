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

namespace {

// 一 … 九十九 or ASCII digits, the whole of `t`, as a number; 0 when it is not one.
int chinese_number(std::string_view t) {
    int n = util::read_count(t);
    return t.empty() && n > 0 ? n : 0;
}

// A period as clerks write it in Chinese, read as the ASCII spelling: 第一季度 / 一季度 / 第1季度
// → "q1", 上半年 → "h1", 下半年 → "h2", 第三个半年 → "h3", with a year in front (2007年第一季度)
// → "2007q1"; 年度总结 / 挂职总结 (and the final summary's names) → "final". Other text is
// returned as it is. `t` is cleaned and lower-cased.
std::string ascii_period(std::string t) {
    static constexpr std::string_view kFinal[] = {"总结", "年度总结", "挂职总结", "挂职工作总结", "工作总结", "期满总结"};
    for (auto f : kFinal)
        if (t == f) return "final";
    std::string year;
    if (t.size() > 4 && util::is_digits(t.substr(0, 4)) && !util::is_digits(t.substr(4, 1))) {
        year = t.substr(0, 4);
        std::string_view rest = std::string_view(t).substr(4);
        if (rest.starts_with("年")) rest.remove_prefix(std::string_view("年").size());
        rest = util::trim(rest);
        t = std::string(rest);
    }
    auto strip = [&](std::string_view& v, std::string_view prefix) {
        if (!v.starts_with(prefix)) return false;
        v.remove_prefix(prefix.size());
        return true;
    };
    auto chop = [&](std::string_view& v, std::string_view suffix) {
        if (!v.ends_with(suffix)) return false;
        v.remove_suffix(suffix.size());
        return true;
    };
    std::string_view v = t;
    std::string ascii;
    if (v == "上半年") ascii = "h1";
    else if (v == "下半年") ascii = "h2";
    else if (chop(v, "季度") || chop(v, "季")) {
        strip(v, "第");
        chop(v, "个");
        if (int n = chinese_number(v)) ascii = fmt::format("q{}", n);
    } else if (chop(v, "半年") && strip(v, "第")) {
        chop(v, "个");
        if (int n = chinese_number(v)) ascii = fmt::format("h{}", n);
    }
    if (ascii.empty()) return year.empty() ? t : year + t; // not a Chinese spelling: as given
    return year + ascii;
}

} // namespace

std::optional<std::string_view> kind_of_period(std::string_view text) {
    std::string t = ascii_period(util::ascii_lower(util::clean(text)));
    if (t == "final") return "final";
    std::string_view v = t;
    if (v.size() > 4 && util::is_digits(v.substr(0, 4))) v.remove_prefix(4); // 2006q4
    if (v.size() >= 2 && util::is_digits(v.substr(1))) {
        if (v[0] == 'q') return "quarterly";
        if (v[0] == 'h') return "semiannual";
    }
    return std::nullopt;
}

ResolvedPeriod resolve_period(const std::vector<ReportPeriod>& schedule, std::string_view kind, std::string_view text) {
    std::string cleaned = util::ascii_lower(util::clean(text));
    std::string t = ascii_period(cleaned);
    bool chinese = t != cleaned; // written in Chinese: in calendar mode it names the calendar period
    std::vector<const ReportPeriod*> of_kind;
    for (const auto& p : schedule)
        if (p.kind == kind) of_kind.push_back(&p);
    auto known = [&] {
        std::vector<Message> labels;
        for (const auto* p : of_kind) labels.emplace_back(fmt::format("{} ({}..{})", p->label, p->start.iso(), p->end.iso()));
        return labels.empty() ? msg("none") : list_of(std::move(labels));
    };
    // A sentence that names the kind of report: one text per kind, so that each reads whole in
    // Chinese (季度, 半年); a kind of another name is given as its code.
    auto per_kind = [&](Message quarterly, Message semiannual, Message other) {
        return kind == "quarterly" ? quarterly : kind == "semiannual" ? semiannual : other;
    };
    auto none_ends_in = [&] {
        return per_kind(msg("no quarterly period of the term ends in {}; its periods are: {}", text, known()),
                        msg("no semiannual period of the term ends in {}; its periods are: {}", text, known()),
                        msg("no {} period of the term ends in {}; its periods are: {}", kind, text, known()));
    };
    auto no_part_of_year = [&] {
        return kind == "quarterly" ? msg("'{}' is no quarter of a year", text) : msg("'{}' is no half of a year", text);
    };
    if (kind == "final") {
        if (t.empty() || t == "final") return {*of_kind.front(), {}};
        return {std::nullopt, msg("the final summary's period is 'final' (总结, 年度总结, 挂职总结), not '{}'", text)};
    }
    if (t == "final")
        return {std::nullopt, per_kind(msg("'{}' is the final summary (kind final), not a quarterly period", text),
                                       msg("'{}' is the final summary (kind final), not a semiannual period", text),
                                       msg("'{}' is the final summary (kind final), not a {} period", text, kind))};
    char letter = kind == "quarterly" ? 'q' : 'h';
    int months = kind == "quarterly" ? 3 : 6;
    // Calendar mode (labels such as 2006Q4): 第一季度 or 上半年 without a year names the calendar
    // quarter or half, the one of the term that ends in it.
    bool calendar = !of_kind.empty() && !of_kind.front()->label.empty() && util::is_digits(of_kind.front()->label.substr(0, 1));
    if (chinese && calendar && t.size() >= 2 && t[0] == letter && util::is_digits(t.substr(1))) {
        std::size_t index = t.size() <= 3 ? std::stoul(t.substr(1)) : 0;
        if (index < 1 || index > static_cast<std::size_t>(12 / months))
            return {std::nullopt, no_part_of_year()};
        std::vector<const ReportPeriod*> found;
        for (const auto* p : of_kind)
            if ((p->end.month - 1) / static_cast<unsigned>(months) + 1 == index) found.push_back(p);
        if (found.size() == 1) return {*found.front(), {}};
        if (found.empty())
            return {std::nullopt, none_ends_in()};
        std::vector<Message> years;
        for (const auto* p : found) years.emplace_back(fmt::format("{}年{}", p->end.year, text));
        return {std::nullopt, msg("'{}' is more than one period of the term; say which: {}", text, list_of(std::move(years)))};
    }
    // An ordinal: Q2 / H1 (第二季度 / 上半年).
    if (t.size() >= 2 && t[0] == letter && util::is_digits(t.substr(1))) {
        // More digits than any term has periods would overflow the conversion: out of range.
        std::size_t n = t.size() <= 5 ? std::stoul(t.substr(1)) : 0;
        if (n >= 1 && n <= of_kind.size()) return {*of_kind[n - 1], {}};
        return {std::nullopt, per_kind(msg("{} is outside the term; its quarterly periods are: {}", text, known()),
                                       msg("{} is outside the term; its semiannual periods are: {}", text, known()),
                                       msg("{} is outside the term; its {} periods are: {}", text, kind, known()))};
    }
    // A calendar spelling: 2006Q4 / 2007H1 names the period that ends in it.
    if (t.size() >= 6 && util::is_digits(t.substr(0, 4)) && t[4] == letter && util::is_digits(t.substr(5))) {
        int year = std::stoi(t.substr(0, 4));
        int index = t.size() <= 7 ? std::stoi(t.substr(5)) : 0;
        int count = 12 / months;
        if (index < 1 || index > count)
            return {std::nullopt, no_part_of_year()};
        util::Date from{year, static_cast<unsigned>((index - 1) * months + 1), 1};
        util::Date to = from.plus_months(months).plus_days(-1);
        for (const auto* p : of_kind)
            if (p->end >= from && p->end <= to) return {*p, {}};
        return {std::nullopt, none_ends_in()};
    }
    return {std::nullopt, kind == "quarterly"
                              ? msg("'{}' is not a quarterly period (Q2, 2006Q4, 第二季度 or 2006年第四季度)", text)
                              : msg("'{}' is not a half-year period (H1, 2007H1, 上半年/下半年 or 2007年上半年)", text)};
}

bool owed_to_each_recipient(std::string_view kind) { return kind == "quarterly"; }

bool reaches(std::string_view sent, std::string_view recipient) { return sent == "both" || sent == recipient; }

ReportPeriod final_appraisal_owed(const Assignment& a, const Policy& policy) {
    return {"final_appraisal", "final", a.start, a.effective_end(), a.effective_end().plus_days(policy.final_report_days)};
}

bool listed_as_owed(const ReportPeriod& p, util::Date as_of, const Policy& policy) {
    if (p.kind == "final" || p.kind == "final_appraisal") return as_of >= p.end.plus_days(-policy.final_due_days_before);
    return p.end < as_of;
}

} // namespace guazhi
