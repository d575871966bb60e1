#include "domain/rules.hpp"
#include "util/date.hpp"

#include <doctest/doctest.h>

#include <string>

using guazhi::util::Date;
using guazhi::util::YearMonth;
using guazhi::util::parse_date;
using guazhi::util::parse_year_month;

namespace {

// The ISO text of a parsed date, or "error: <message>".
std::string date(std::string_view text) {
    auto d = parse_date(text);
    return d ? d.value->iso() : "error: " + english(d.error);
}

std::string month(std::string_view text) {
    auto m = parse_year_month(text);
    return m ? m.value->iso() : "error: " + english(m.error);
}

} // namespace

TEST_CASE("date: every format parse_date accepts") {
    CHECK(date("2006-08-01") == "2006-08-01");
    CHECK(date("2006-8-1") == "2006-08-01");
    CHECK(date("2006/8/1") == "2006-08-01");
    CHECK(date("2006/08/01") == "2006-08-01");
    CHECK(date("2006.8.1") == "2006-08-01");
    CHECK(date("2006年8月1日") == "2006-08-01");
    CHECK(date("2006年8月1") == "2006-08-01");
    CHECK(date("20060801") == "2006-08-01");
    CHECK(date("2007/7/31") == "2007-07-31");
}

TEST_CASE("date: Excel serial numbers") {
    CHECK(date("38930") == "2006-08-01");
    CHECK(date("39294") == "2007-07-31");
    CHECK(date("18264") == "1950-01-01"); // the lowest accepted
    CHECK(date("73415") == "2100-12-31"); // the highest accepted
    CHECK(date("18263").starts_with("error: "));
    CHECK(date("73416").starts_with("error: "));
    CHECK(date("60").starts_with("error: "));
    CHECK(date("0").starts_with("error: "));
    CHECK(date("1234567").starts_with("error: "));
}

TEST_CASE("date: from_excel_serial around the fictitious 1900-02-29") {
    using guazhi::util::from_excel_serial;
    CHECK(from_excel_serial(1)->iso() == "1900-01-01");
    CHECK(from_excel_serial(59)->iso() == "1900-02-28");
    CHECK_FALSE(from_excel_serial(60).has_value());
    CHECK(from_excel_serial(61)->iso() == "1900-03-01");
    CHECK(from_excel_serial(38930)->iso() == "2006-08-01");
    CHECK_FALSE(from_excel_serial(0).has_value());
    CHECK_FALSE(from_excel_serial(-5).has_value());
    CHECK(from_excel_serial(2958465)->iso() == "9999-12-31");
    CHECK_FALSE(from_excel_serial(2958466).has_value());
}

TEST_CASE("date: impossible dates are rejected with a message") {
    CHECK(date("2006-02-30") == "error: '2006-02-30' is not a real date");
    CHECK(date("2007-02-29") == "error: '2007-02-29' is not a real date");
    CHECK(date("2008-02-29") == "2008-02-29");
    CHECK(date("2000-02-29") == "2000-02-29");
    CHECK(date("1900-02-29").starts_with("error: "));
    CHECK(date("2006-13-01").starts_with("error: "));
    CHECK(date("2006-00-10").starts_with("error: "));
    CHECK(date("2006-04-31").starts_with("error: "));
    CHECK(date("20060231") == "error: '20060231' is not a real date");
    CHECK(date("2006年2月30日").starts_with("error: "));
}

TEST_CASE("date: malformed text is rejected with the expected forms") {
    CHECK(date("") == "error: date is empty");
    std::string msg = date("Aug 1 2006");
    CHECK(msg.starts_with("error: 'Aug 1 2006' is not a date"));
    CHECK(msg.find("2006年8月1日") != std::string::npos);
    CHECK(date("2006-08").starts_with("error: "));        // a month is not a date
    CHECK(date("06-08-01").starts_with("error: "));       // two-digit year
    CHECK(date("2006-008-01").starts_with("error: "));
    CHECK(date("2006-08-01 12:0").starts_with("error: "));  // not a time of day (one with is dropped: below)
    CHECK(date("2006--08-01").starts_with("error: "));
    CHECK(date("-2006-08-01").starts_with("error: "));
    CHECK(date("2006-08-01-").starts_with("error: "));    // a trailing separator is a typo
    CHECK(date("2006.8.1.").starts_with("error: "));
    CHECK(date("2006年8月1日") == "2006-08-01");          // but 日 may end a date
}

TEST_CASE("date: parse_year_month forms") {
    CHECK(month("1978-05") == "1978-05");
    CHECK(month("1978.05") == "1978-05");
    CHECK(month("1978.5") == "1978-05");
    CHECK(month("1978/5") == "1978-05");
    CHECK(month("197805") == "1978-05");
    CHECK(month("1978年5月") == "1978-05");
    CHECK(month("1978年05月") == "1978-05");
    CHECK(month("1985.1") == "1985-01");
    CHECK(month("1985.10") == "1985-10");
    // A full date is accepted and its day dropped.
    CHECK(month("1978-05-20") == "1978-05");
    CHECK(month("19780520") == "1978-05");
    CHECK(month("1978年5月20日") == "1978-05");
}

TEST_CASE("date: parse_year_month rejects what is no month") {
    CHECK(month("") == "error: month is empty");
    CHECK(month("1978-13") == "error: '1978-13' has no month 13");
    CHECK(month("1978.0") == "error: '1978.0' has no month 0");
    CHECK(month("197813").starts_with("error: "));
    CHECK(month("1978").starts_with("error: "));
    CHECK(month("78-05").starts_with("error: "));
    CHECK(month("1978-02-30") == "error: '1978-02-30' is not a real date");
    CHECK(month("May 1978").starts_with("error: "));
}

TEST_CASE("date: iso formatting pads") {
    CHECK(Date{2006, 8, 1}.iso() == "2006-08-01");
    CHECK(Date{987, 1, 2}.iso() == "0987-01-02");
    CHECK(YearMonth{1978, 5}.iso() == "1978-05");
}

TEST_CASE("date: plus_months clamps to the end of the month") {
    CHECK(Date{2006, 1, 31}.plus_months(1).iso() == "2006-02-28");
    CHECK(Date{2008, 1, 31}.plus_months(1).iso() == "2008-02-29");
    CHECK(Date{2006, 8, 31}.plus_months(1).iso() == "2006-09-30");
    CHECK(Date{2006, 8, 1}.plus_months(12).iso() == "2007-08-01");
    CHECK(Date{2008, 2, 29}.plus_months(12).iso() == "2009-02-28");
    CHECK(Date{2006, 11, 15}.plus_months(3).iso() == "2007-02-15");
    CHECK(Date{2006, 3, 31}.plus_months(-1).iso() == "2006-02-28");
    CHECK(Date{2006, 1, 15}.plus_months(-2).iso() == "2005-11-15");
}

TEST_CASE("date: plus_days, days and from_days") {
    CHECK(Date{1970, 1, 1}.days() == 0);
    CHECK(Date{1970, 1, 2}.days() == 1);
    CHECK(Date{1969, 12, 31}.days() == -1);
    CHECK(Date::from_days(Date{2006, 8, 1}.days()) == Date{2006, 8, 1});
    CHECK(Date{2007, 8, 1}.plus_days(-1).iso() == "2007-07-31");
    CHECK(Date{2008, 2, 28}.plus_days(1).iso() == "2008-02-29");
    CHECK(Date{2006, 12, 31}.plus_days(1).iso() == "2007-01-01");
    CHECK(Date{2007, 8, 1}.days() - Date{2006, 8, 1}.days() == 365);
}

TEST_CASE("date: valid and comparison") {
    CHECK(Date::valid(2008, 2, 29));
    CHECK_FALSE(Date::valid(2007, 2, 29));
    CHECK_FALSE(Date::valid(0, 1, 1));
    CHECK_FALSE(Date::valid(10000, 1, 1));
    CHECK_FALSE(Date::valid(2006, 0, 1));
    CHECK_FALSE(Date::valid(2006, 1, 0));
    CHECK(Date{2006, 8, 1} < Date{2006, 8, 2});
    CHECK(Date{2006, 12, 31} < Date{2007, 1, 1});
    CHECK(Date{2006, 9, 1} > Date{2006, 8, 31});
    CHECK(YearMonth{1978, 5} < YearMonth{1978, 6});
}

TEST_CASE("date: today is a valid date") {
    Date t = Date::today();
    CHECK(Date::valid(t.year, t.month, t.day));
    CHECK(t.year >= 2024);
}

TEST_CASE("date: the default end of a term is the day before the same date a term later") {
    using guazhi::default_end_date;
    CHECK(default_end_date({2006, 8, 1}, 12).iso() == "2007-07-31");
    CHECK(default_end_date({2005, 8, 1}, 12).iso() == "2006-07-31");
    CHECK(default_end_date({2006, 8, 1}, 6).iso() == "2007-01-31");
    CHECK(default_end_date({2006, 8, 15}, 1).iso() == "2006-09-14");
    // Leap day: there is no 2009-02-29, so the term runs to the end of February 2009.
    CHECK(default_end_date({2008, 2, 29}, 12).iso() == "2009-02-28");
    CHECK(default_end_date({2008, 2, 29}, 48).iso() == "2012-02-28");
    CHECK(default_end_date({2007, 1, 31}, 1).iso() == "2007-02-28");
    CHECK(default_end_date({2007, 3, 31}, 1).iso() == "2007-04-30");
    CHECK(default_end_date({2007, 3, 1}, 12).iso() == "2008-02-29");
}

TEST_CASE("date: a term's dates may be months: the first day to start, the last to end") {
    using guazhi::util::MonthDay;
    using guazhi::util::parse_term_date;
    auto start = parse_term_date("2007.8", MonthDay::first);
    REQUIRE(start);
    CHECK(start.value->date == Date{2007, 8, 1});
    CHECK(start.value->month_only);
    for (auto text : {"2008.07", "2008年7月", "200807", "2008-07", "2008/7"}) {
        CAPTURE(text);
        auto end = parse_term_date(text, MonthDay::last);
        REQUIRE(end);
        CHECK(end.value->date == Date{2008, 7, 31});
        CHECK(end.value->month_only);
    }
    CHECK(parse_term_date("2008.02", MonthDay::last).value->date == Date{2008, 2, 29}); // a leap year
    auto full = parse_term_date("2008-07-15", MonthDay::last);
    REQUIRE(full);
    CHECK(full.value->date == Date{2008, 7, 15});
    CHECK_FALSE(full.value->month_only);
    CHECK_FALSE(parse_term_date("2008-02-30", MonthDay::first)); // a wrong day is not a month
    CHECK_FALSE(parse_term_date("2008.13", MonthDay::first));
    CHECK_FALSE(parse_term_date("明年", MonthDay::first));
}

TEST_CASE("dates: the time of day Excel writes into CSV after a date is dropped") {
    CHECK(*parse_date("2006/11/5 0:00").value == Date{2006, 11, 5});
    CHECK(*parse_date("2006/11/5 14:30").value == Date{2006, 11, 5});
    CHECK(*parse_date("2006-11-05 00:00:00").value == Date{2006, 11, 5});
    CHECK(*parse_date("2006-11-05T00:00:00").value == Date{2006, 11, 5});
    CHECK(*parse_date("2006年11月5日 9:05").value == Date{2006, 11, 5});
    CHECK_FALSE(parse_date("2006/11/5 25:00").value);
    CHECK_FALSE(parse_date("2006/11/5 0:7").value);
    CHECK_FALSE(parse_date("2006/11/5 0:00:61").value);
    CHECK_FALSE(parse_date("0:00").value);
}
