// Calendar dates as clerks write them: ISO, slashes, dots, 年月日, Excel serial numbers.
#pragma once

#include "util/message.hpp"

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace guazhi::util {

// A valid proleptic Gregorian date.
struct Date {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;

    auto operator<=>(const Date&) const = default;

    // "2006-08-01".
    std::string iso() const;
    // The date n months later, clamped to the end of the month (2006-01-31 + 1 = 2006-02-28).
    Date plus_months(int n) const;
    // The date n days later (n may be negative).
    Date plus_days(int n) const;
    // Days since 1970-01-01.
    long days() const;
    static Date from_days(long days);
    // True when year/month/day name a real day.
    static bool valid(int year, unsigned month, unsigned day);
    // Today in the local time zone.
    static Date today();
};

// A year and month, for birth dates that clerks record as 出生年月.
struct YearMonth {
    int year = 0;
    unsigned month = 0;
    auto operator<=>(const YearMonth&) const = default;
    std::string iso() const; // "1978-05"
};

// The result of parsing: the value or a message saying why not.
template <class T> struct Parsed {
    std::optional<T> value;
    Message error;
    explicit operator bool() const { return value.has_value(); }
};

// Parses a full date: 2006-08-01, 2006/8/1, 2006.8.1, 2006年8月1日, 20060801, or an Excel
// serial day number (38930 = 2006-08-01). Input is expected to be clean (see util::clean).
Parsed<Date> parse_date(std::string_view text);

// Parses a month: 2006-08, 2006/8, 2006.08, 200608, 2006年8月; a full date is accepted and
// its day dropped.
Parsed<YearMonth> parse_year_month(std::string_view text);

// A date of a term as a roster gives it: a full date, or a month (2007.8, 2007.08, 2007年8月,
// 200708, 2007-08) that stands for its first day when it starts a term and for its last day
// when it ends one.
enum class MonthDay { first, last };
struct TermDate {
    Date date;
    bool month_only = false; // the text named a month, and `date` is its first or last day
};
Parsed<TermDate> parse_term_date(std::string_view text, MonthDay which);

// Converts an Excel (1900 date system) serial number to a date.
std::optional<Date> from_excel_serial(long serial);

} // namespace guazhi::util
