#include "util/date.hpp"

#include "util/text.hpp"

#include <array>
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <vector>

namespace guazhi::util {

namespace chr = std::chrono;

namespace {

chr::year_month_day ymd(const Date& d) {
    return chr::year{d.year} / chr::month{d.month} / chr::day{d.day};
}

Date from_ymd(chr::year_month_day v) {
    return {static_cast<int>(v.year()), static_cast<unsigned>(v.month()), static_cast<unsigned>(v.day())};
}

// The numbers of a date as split_numbers finds them: how many, and the first four (no date
// has more; a count above three is only ever refused). No allocation: every imported row
// has dates.
struct Numbers {
    std::array<std::string_view, 4> part{};
    std::size_t count = 0;

    std::size_t size() const { return count; }
    bool empty() const { return count == 0; }
    std::string_view operator[](std::size_t i) const { return part[i]; }
    void clear() { count = 0; }
    void push_back(std::string_view p) {
        if (count < part.size()) part[count] = p;
        ++count;
    }
};

// Splits "2006年8月1日", "2006-8-1", "2006/8/1", "2006.8.1" into its numbers; false when
// anything else is in the way.
bool split_numbers(std::string_view s, Numbers& parts) {
    parts.clear();
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j == i) return false;
        parts.push_back(s.substr(i, j - i));
        i = j;
        if (i == s.size()) break;
        std::string_view rest = s.substr(i);
        std::size_t sep = 0;
        for (std::string_view t : {"-", "/", ".", "年", "月", "日"})
            if (rest.starts_with(t)) { sep = t.size(); break; }
        if (sep == 0) return false;
        // Only 月 and 日 may end a date ("2006年8月", "2006年8月1日"); "2006-08-01-" is a typo.
        if (i + sep == s.size() && !(rest == "月" || rest == "日")) return false;
        i += sep;
    }
    return !parts.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

Message not_a_date(std::string_view text) {
    return msg("'{}' is not a date (2006-08-01, 2006/8/1, 2006.8.1, 2006年8月1日 or an Excel date number)", text);
}
Message not_a_term_date(std::string_view text) {
    return msg("'{}' is not a date (2006-08-01, 2006/8/1, 2006年8月1日, a month such as 2006.08 or 2006年8月, or an "
               "Excel date number)",
               text);
}
Message not_a_month(std::string_view text) {
    return msg("'{}' is not a month (1978-05, 1978.05, 197805, 1978年5月)", text);
}
Message not_a_real_date(std::string_view text) { return msg("'{}' is not a real date", text); }

} // namespace

std::string Date::iso() const {
    // Written by hand for the dates that occur (every import and export writes millions):
    // the same text as fmt's "{:04}-{:02}-{:02}".
    if (year < 0 || year > 9999 || month > 99 || day > 99) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    std::string s(10, '-');
    auto y = static_cast<unsigned>(year);
    s[0] = static_cast<char>('0' + y / 1000);
    s[1] = static_cast<char>('0' + y / 100 % 10);
    s[2] = static_cast<char>('0' + y / 10 % 10);
    s[3] = static_cast<char>('0' + y % 10);
    s[5] = static_cast<char>('0' + month / 10);
    s[6] = static_cast<char>('0' + month % 10);
    s[8] = static_cast<char>('0' + day / 10);
    s[9] = static_cast<char>('0' + day % 10);
    return s;
}
std::string YearMonth::iso() const { return fmt::format("{:04}-{:02}", year, month); }

bool Date::valid(int year, unsigned month, unsigned day) {
    return year >= 1 && year <= 9999 && ymd({year, month, day}).ok();
}

long Date::days() const { return chr::sys_days(ymd(*this)).time_since_epoch().count(); }

Date Date::from_days(long days) { return from_ymd(chr::year_month_day(chr::sys_days(chr::days(days)))); }

Date Date::plus_days(int n) const { return from_days(days() + n); }

Date Date::plus_months(int n) const {
    auto v = ymd(*this) + chr::months(n);
    if (!v.ok()) v = v.year() / v.month() / chr::last;
    return from_ymd(v);
}

Date Date::today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday)};
}

std::optional<Date> from_excel_serial(long serial) {
    // Excel counts 1900-01-01 as 1 and wrongly treats 1900 as a leap year, so from serial 61
    // on the days are counted from 1899-12-30. Serial 60 (the fictitious 1900-02-29) is no date.
    if (serial < 1 || serial == 60 || serial > 2958465) return std::nullopt;
    Date epoch{1899, 12, serial < 60 ? 31u : 30u};
    return epoch.plus_days(static_cast<int>(serial));
}

namespace {
// The date of "2006/11/5 0:00" or "2006-11-05T00:00:00": Excel writes a date cell to CSV with
// its time of day, and the day is what is meant. Only a real time (H:MM or H:MM:SS) is cut.
std::string_view without_time_of_day(std::string_view text) {
    std::size_t at = text.find_last_of(" T");
    if (at == std::string_view::npos || at == 0) return text;
    std::string_view time = text.substr(at + 1);
    auto two = [&](std::size_t i) { return i + 2 <= time.size() && is_digits(time.substr(i, 2)); };
    std::size_t colon = time.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || !is_digits(time.substr(0, colon)) || !two(colon + 1))
        return text;
    int hours = to_int(time.substr(0, colon)), minutes = to_int(time.substr(colon + 1, 2));
    std::size_t end = colon + 3;
    if (end < time.size()) {
        if (time[end] != ':' || !two(end + 1) || end + 3 != time.size() || to_int(time.substr(end + 1, 2)) > 59) return text;
    }
    if (hours > 23 || minutes > 59) return text;
    std::string_view date = text.substr(0, at);
    while (!date.empty() && date.back() == ' ') date.remove_suffix(1);
    return date;
}
} // namespace

Parsed<Date> parse_date(std::string_view text) {
    text = without_time_of_day(text);
    if (text.empty()) return {std::nullopt, msg("date is empty")};
    if (is_digits(text) && text.size() == 8) {
        int y = to_int(text.substr(0, 4));
        unsigned m = static_cast<unsigned>(to_int(text.substr(4, 2)));
        unsigned d = static_cast<unsigned>(to_int(text.substr(6, 2)));
        if (Date::valid(y, m, d)) return {Date{y, m, d}, {}};
        return {std::nullopt, not_a_real_date(text)};
    }
    if (is_digits(text) && text.size() <= 7) {
        // Only numbers Excel could have produced for the years we care about (1950..2100).
        long serial = 0;
        for (char c : text) serial = serial * 10 + (c - '0'); // at most 7 digits
        if (serial >= 18264 && serial <= 73415)
            if (auto d = from_excel_serial(serial)) return {*d, {}};
        return {std::nullopt, not_a_date(text)};
    }
    Numbers parts;
    if (!split_numbers(text, parts) || parts.size() != 3 || parts[0].size() != 4 || parts[1].size() > 2 ||
        parts[2].size() > 2)
        return {std::nullopt, not_a_date(text)};
    int y = to_int(parts[0]);
    unsigned m = static_cast<unsigned>(to_int(parts[1]));
    unsigned d = static_cast<unsigned>(to_int(parts[2]));
    if (!Date::valid(y, m, d)) return {std::nullopt, not_a_real_date(text)};
    return {Date{y, m, d}, {}};
}

Parsed<TermDate> parse_term_date(std::string_view text, MonthDay which) {
    auto full = parse_date(text);
    if (full) return {TermDate{*full.value, false}, {}};
    Numbers parts;
    bool three_parts = split_numbers(text, parts) && parts.size() == 3;
    if (!three_parts) // a full date that is wrong (2006-02-30) stays wrong: not a month
        if (auto month = parse_year_month(text); month && month.value->year >= 1000) {
            Date first{month.value->year, month.value->month, 1};
            return {TermDate{which == MonthDay::first ? first : first.plus_months(1).plus_days(-1), true}, {}};
        }
    if (three_parts) return {std::nullopt, full.error};
    return {std::nullopt, not_a_term_date(text)};
}

Parsed<YearMonth> parse_year_month(std::string_view text) {
    if (text.empty()) return {std::nullopt, msg("month is empty")};
    if (is_digits(text) && text.size() == 6) {
        int y = to_int(text.substr(0, 4));
        unsigned m = static_cast<unsigned>(to_int(text.substr(4, 2)));
        if (y >= 1 && m >= 1 && m <= 12) return {YearMonth{y, m}, {}};
        return {std::nullopt, not_a_month(text)};
    }
    if (is_digits(text) && text.size() != 4) {
        if (auto full = parse_date(text)) return {YearMonth{full.value->year, full.value->month}, {}};
        return {std::nullopt, not_a_month(text)};
    }
    Numbers parts;
    if (!split_numbers(text, parts) || parts[0].size() != 4 || parts.size() < 2 || parts.size() > 3 ||
        parts[1].size() > 2)
        return {std::nullopt, not_a_month(text)};
    if (parts.size() == 3) {
        auto full = parse_date(text);
        if (!full) return {std::nullopt, full.error};
        return {YearMonth{full.value->year, full.value->month}, {}};
    }
    int y = to_int(parts[0]);
    unsigned m = static_cast<unsigned>(to_int(parts[1]));
    if (y < 1) return {std::nullopt, not_a_month(text)}; // as the 6-digit form (found by fuzz_date_id)
    if (m < 1 || m > 12) return {std::nullopt, msg("'{}' has no month {}", text, m)};
    return {YearMonth{y, m}, {}};
}

} // namespace guazhi::util
