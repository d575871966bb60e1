#include "domain/rules.hpp"
#include "domain/schedule.hpp"
#include "report_sample.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace guazhi;
using guazhi::util::Date;

namespace {

using guazhi::test::report_sample::Lines;

// A term of the 2006 batch (2006-08-01..2007-07-31) unless told otherwise.
Assignment term(Date start, Date end) {
    Assignment a;
    a.id = 1;
    a.cadre.name = "罗鸿灵";
    a.direction = "up";
    a.batch_year = start.year;
    a.start = start;
    a.end = end;
    return a;
}
Assignment term_2006() { return term({2006, 8, 1}, {2007, 7, 31}); }

Policy calendar_config() {
    Policy c;
    c.report_periods = ReportPeriods::calendar;
    return c;
}

std::string line(const ReportPeriod& p) {
    return p.kind + " " + p.label + " " + p.start.iso() + ".." + p.end.iso() + " due " + p.due.iso();
}

Lines lines(const std::vector<ReportPeriod>& schedule) {
    Lines out;
    for (const auto& p : schedule) out.push_back(line(p));
    return out;
}

// The periods of one kind in schedule order, as "label start..end".
Lines spans(const std::vector<ReportPeriod>& schedule, const std::string& kind) {
    Lines out;
    for (const auto& p : schedule)
        if (p.kind == kind) out.push_back(p.label + " " + p.start.iso() + ".." + p.end.iso());
    return out;
}

// What resolve_period found ("Q1 2006-08-01..2006-10-31") or "error: …".
std::string resolved(const std::vector<ReportPeriod>& schedule, std::string_view kind, std::string_view text) {
    ResolvedPeriod r = resolve_period(schedule, kind, text);
    if (!r.period) return "error: " + english(r.error);
    CHECK(r.error.empty());
    CHECK(r.period->kind == kind);
    return r.period->label + " " + r.period->start.iso() + ".." + r.period->end.iso();
}

using guazhi::test::report_sample::kQuarters2006;

} // namespace

TEST_CASE("schedule: an ordinary 12-month term, periods counted from the start") {
    Policy config; // report_periods = "term", grace 15, final 30
    REQUIRE(config.report_periods == ReportPeriods::term);
    auto s = report_schedule(term_2006(), config);
    // In order of due date; Q2 and H1 (and Q4 and H2) share a due date and keep quarter-first order.
    CHECK(lines(s) == Lines{
                          "quarterly Q1 2006-08-01..2006-10-31 due 2006-11-15",
                          "quarterly Q2 2006-11-01..2007-01-31 due 2007-02-15",
                          "semiannual H1 2006-08-01..2007-01-31 due 2007-02-15",
                          "quarterly Q3 2007-02-01..2007-04-30 due 2007-05-15",
                          "quarterly Q4 2007-05-01..2007-07-31 due 2007-08-15",
                          "semiannual H2 2007-02-01..2007-07-31 due 2007-08-15",
                          "final final 2006-08-01..2007-07-31 due 2007-08-30",
                      });
}

TEST_CASE("schedule: grace and final days come from the config") {
    Policy config;
    config.report_grace_days = 10;
    config.final_report_days = 60;
    auto s = report_schedule(term_2006(), config);
    CHECK(lines(s) == Lines{
                          "quarterly Q1 2006-08-01..2006-10-31 due 2006-11-10",
                          "quarterly Q2 2006-11-01..2007-01-31 due 2007-02-10",
                          "semiannual H1 2006-08-01..2007-01-31 due 2007-02-10",
                          "quarterly Q3 2007-02-01..2007-04-30 due 2007-05-10",
                          "quarterly Q4 2007-05-01..2007-07-31 due 2007-08-10",
                          "semiannual H2 2007-02-01..2007-07-31 due 2007-08-10",
                          "final final 2006-08-01..2007-07-31 due 2007-09-29",
                      });

    // With no grace at all, Q4, H2 and the summary are due on the last day, in that stable order.
    config.report_grace_days = 0;
    config.final_report_days = 0;
    s = report_schedule(term_2006(), config);
    REQUIRE(s.size() == 7);
    CHECK(line(s[0]) == "quarterly Q1 2006-08-01..2006-10-31 due 2006-10-31");
    CHECK(line(s[4]) == "quarterly Q4 2007-05-01..2007-07-31 due 2007-07-31");
    CHECK(line(s[5]) == "semiannual H2 2007-02-01..2007-07-31 due 2007-07-31");
    CHECK(line(s[6]) == "final final 2006-08-01..2007-07-31 due 2007-07-31");
}

TEST_CASE("schedule: calendar mode owes the calendar quarters and halves that end inside the term") {
    auto s = report_schedule(term_2006(), calendar_config());
    // 2006Q3 starts with the term; 2007-07 (part of 2007Q3/2007H2) is covered by the summary.
    CHECK(lines(s) == Lines{
                          "quarterly 2006Q3 2006-08-01..2006-09-30 due 2006-10-15",
                          "quarterly 2006Q4 2006-10-01..2006-12-31 due 2007-01-15",
                          "semiannual 2006H2 2006-08-01..2006-12-31 due 2007-01-15",
                          "quarterly 2007Q1 2007-01-01..2007-03-31 due 2007-04-15",
                          "quarterly 2007Q2 2007-04-01..2007-06-30 due 2007-07-15",
                          "semiannual 2007H1 2007-01-01..2007-06-30 due 2007-07-15",
                          "final final 2006-08-01..2007-07-31 due 2007-08-30",
                      });
}

TEST_CASE("schedule: an extended term owes a fifth quarter but no third half") {
    Assignment a = term_2006();
    a.extended_until = Date{2007, 10, 31};
    REQUIRE(a.effective_end() == Date{2007, 10, 31});
    auto s = report_schedule(a, Policy{});
    CHECK(spans(s, "quarterly") == Lines{"Q1 2006-08-01..2006-10-31", "Q2 2006-11-01..2007-01-31",
                                         "Q3 2007-02-01..2007-04-30", "Q4 2007-05-01..2007-07-31",
                                         "Q5 2007-08-01..2007-10-31"});
    CHECK(spans(s, "semiannual") == Lines{"H1 2006-08-01..2007-01-31", "H2 2007-02-01..2007-07-31"});
    REQUIRE(s.size() == 8);
    CHECK(line(s[6]) == "quarterly Q5 2007-08-01..2007-10-31 due 2007-11-15");
    CHECK(line(s[7]) == "final final 2006-08-01..2007-10-31 due 2007-11-30");

    // The same extension in calendar mode adds 2007Q3 but not 2007H2 (it ends after the term).
    auto c = report_schedule(a, calendar_config());
    CHECK(spans(c, "quarterly") == Lines{"2006Q3 2006-08-01..2006-09-30", "2006Q4 2006-10-01..2006-12-31",
                                         "2007Q1 2007-01-01..2007-03-31", "2007Q2 2007-04-01..2007-06-30",
                                         "2007Q3 2007-07-01..2007-09-30"});
    CHECK(spans(c, "semiannual") == Lines{"2006H2 2006-08-01..2006-12-31", "2007H1 2007-01-01..2007-06-30"});
}

TEST_CASE("schedule: a recalled term owes only the periods that ended before the recall, then the summary") {
    Assignment a = term_2006();
    a.extended_until = Date{2007, 10, 31}; // the recall wins over an extension
    a.recalled_on = Date{2007, 3, 31};
    auto s = report_schedule(a, Policy{});
    CHECK(lines(s) == Lines{
                          "quarterly Q1 2006-08-01..2006-10-31 due 2006-11-15",
                          "quarterly Q2 2006-11-01..2007-01-31 due 2007-02-15",
                          "semiannual H1 2006-08-01..2007-01-31 due 2007-02-15",
                          "final final 2006-08-01..2007-03-31 due 2007-04-30",
                      });

    // Recalled before the first quarter ended: the summary alone.
    a.recalled_on = Date{2006, 9, 30};
    s = report_schedule(a, Policy{});
    CHECK(lines(s) == Lines{"final final 2006-08-01..2006-09-30 due 2006-10-30"});

    // Recalled on the last day of Q1: Q1 is owed.
    a.recalled_on = Date{2006, 10, 31};
    s = report_schedule(a, Policy{});
    CHECK(lines(s) == Lines{"quarterly Q1 2006-08-01..2006-10-31 due 2006-11-15",
                            "final final 2006-08-01..2006-10-31 due 2006-11-30"});
}

TEST_CASE("schedule: a term starting on 2008-02-29 ends its periods the day before the same date") {
    Date start{2008, 2, 29};
    Date end = default_end_date(start, 12);
    REQUIRE(end == Date{2009, 2, 28});
    auto s = report_schedule(term(start, end), Policy{});
    CHECK(lines(s) == Lines{
                          "quarterly Q1 2008-02-29..2008-05-28 due 2008-06-12",
                          "quarterly Q2 2008-05-29..2008-08-28 due 2008-09-12",
                          "semiannual H1 2008-02-29..2008-08-28 due 2008-09-12",
                          "quarterly Q3 2008-08-29..2008-11-28 due 2008-12-13",
                          "quarterly Q4 2008-11-29..2009-02-28 due 2009-03-15",
                          "semiannual H2 2008-08-29..2009-02-28 due 2009-03-15",
                          "final final 2008-02-29..2009-02-28 due 2009-03-30",
                      });

    auto c = report_schedule(term(start, end), calendar_config());
    CHECK(lines(c) == Lines{
                          "quarterly 2008Q1 2008-02-29..2008-03-31 due 2008-04-15",
                          "quarterly 2008Q2 2008-04-01..2008-06-30 due 2008-07-15",
                          "semiannual 2008H1 2008-02-29..2008-06-30 due 2008-07-15",
                          "quarterly 2008Q3 2008-07-01..2008-09-30 due 2008-10-15",
                          "quarterly 2008Q4 2008-10-01..2008-12-31 due 2009-01-15",
                          "semiannual 2008H2 2008-07-01..2008-12-31 due 2009-01-15",
                          "final final 2008-02-29..2009-02-28 due 2009-03-30",
                      });
}

TEST_CASE("schedule: a term spanning 2008-02-29") {
    Assignment a = term({2007, 8, 1}, {2008, 7, 31});
    auto s = report_schedule(a, Policy{});
    CHECK(lines(s) == Lines{
                          "quarterly Q1 2007-08-01..2007-10-31 due 2007-11-15",
                          "quarterly Q2 2007-11-01..2008-01-31 due 2008-02-15",
                          "semiannual H1 2007-08-01..2008-01-31 due 2008-02-15",
                          "quarterly Q3 2008-02-01..2008-04-30 due 2008-05-15",
                          "quarterly Q4 2008-05-01..2008-07-31 due 2008-08-15",
                          "semiannual H2 2008-02-01..2008-07-31 due 2008-08-15",
                          "final final 2007-08-01..2008-07-31 due 2008-08-30",
                      });
    auto c = report_schedule(a, calendar_config());
    CHECK(lines(c) == Lines{
                          "quarterly 2007Q3 2007-08-01..2007-09-30 due 2007-10-15",
                          "quarterly 2007Q4 2007-10-01..2007-12-31 due 2008-01-15",
                          "semiannual 2007H2 2007-08-01..2007-12-31 due 2008-01-15",
                          "quarterly 2008Q1 2008-01-01..2008-03-31 due 2008-04-15",
                          "quarterly 2008Q2 2008-04-01..2008-06-30 due 2008-07-15",
                          "semiannual 2008H1 2008-01-01..2008-06-30 due 2008-07-15",
                          "final final 2007-08-01..2008-07-31 due 2008-08-30",
                      });

    // A period ending 2008-02-15: its grace runs through 2008-02-29.
    Date start{2007, 11, 16};
    auto t = report_schedule(term(start, default_end_date(start, 12)), Policy{});
    REQUIRE_FALSE(t.empty());
    CHECK(line(t.front()) == "quarterly Q1 2007-11-16..2008-02-15 due 2008-03-01");
    CHECK(line(t.back()) == "final final 2007-11-16..2008-11-15 due 2008-12-15");
}

TEST_CASE("schedule: a term starting on the 31st is tiled by its quarters without gaps") {
    Date start{2007, 8, 31};
    Date end = default_end_date(start, 12);
    REQUIRE(end == Date{2008, 8, 30});
    auto s = report_schedule(term(start, end), Policy{});
    CHECK(spans(s, "quarterly") == Lines{"Q1 2007-08-31..2007-11-30", "Q2 2007-12-01..2008-02-29",
                                         "Q3 2008-03-01..2008-05-30", "Q4 2008-05-31..2008-08-30"});
    CHECK(spans(s, "semiannual") == Lines{"H1 2007-08-31..2008-02-29", "H2 2008-03-01..2008-08-30"});
    for (const std::string kind : {"quarterly", "semiannual"}) {
        CAPTURE(kind);
        Date next = start;
        for (const auto& p : s)
            if (p.kind == kind) {
                CHECK(p.start == next);
                CHECK(p.due == p.end.plus_days(15));
                next = p.end.plus_days(1);
            }
        CHECK(next == end.plus_days(1));
    }
}

TEST_CASE("schedule: resolve_period by ordinal") {
    auto s = report_schedule(term_2006(), Policy{});
    CHECK(resolved(s, "quarterly", "Q1") == "Q1 2006-08-01..2006-10-31");
    CHECK(resolved(s, "quarterly", "q4") == "Q4 2007-05-01..2007-07-31");
    CHECK(resolved(s, "quarterly", " Ｑ２ ") == "Q2 2006-11-01..2007-01-31"); // full width, spaces
    CHECK(resolved(s, "semiannual", "H2") == "H2 2007-02-01..2007-07-31");
    CHECK(resolved(s, "semiannual", "h1") == "H1 2006-08-01..2007-01-31");

    CHECK(resolved(s, "quarterly", "Q5") == "error: Q5 is outside the term; its quarterly periods are: " + kQuarters2006);
    CHECK(resolved(s, "quarterly", "Q0") == "error: Q0 is outside the term; its quarterly periods are: " + kQuarters2006);
    CHECK(resolved(s, "semiannual", "H3") ==
          "error: H3 is outside the term; its semiannual periods are: H1 (2006-08-01..2007-01-31), "
          "H2 (2007-02-01..2007-07-31)");
    // The letter must fit the kind.
    CHECK(resolved(s, "semiannual", "Q1") ==
          "error: 'Q1' is not a half-year period (H1, 2007H1, 上半年/下半年 or 2007年上半年)");

    // Cut short by a recall: the message lists what is owed, or says there is none.
    Assignment a = term_2006();
    a.recalled_on = Date{2007, 3, 31};
    auto r = report_schedule(a, Policy{});
    CHECK(resolved(r, "quarterly", "Q3") ==
          "error: Q3 is outside the term; its quarterly periods are: Q1 (2006-08-01..2006-10-31), "
          "Q2 (2006-11-01..2007-01-31)");
    a.recalled_on = Date{2006, 9, 30};
    r = report_schedule(a, Policy{});
    CHECK(resolved(r, "quarterly", "Q1") == "error: Q1 is outside the term; its quarterly periods are: none");
}

TEST_CASE("schedule: resolve_period by calendar spelling names the period that ends in it") {
    auto s = report_schedule(term_2006(), Policy{});
    CHECK(resolved(s, "quarterly", "2006Q4") == "Q1 2006-08-01..2006-10-31");
    CHECK(resolved(s, "quarterly", "2007Q1") == "Q2 2006-11-01..2007-01-31");
    CHECK(resolved(s, "quarterly", "2007q2") == "Q3 2007-02-01..2007-04-30");
    CHECK(resolved(s, "quarterly", "2007Q3") == "Q4 2007-05-01..2007-07-31");
    CHECK(resolved(s, "semiannual", "2007H1") == "H1 2006-08-01..2007-01-31");
    CHECK(resolved(s, "semiannual", "2007H2") == "H2 2007-02-01..2007-07-31");

    // No quarter of the term ends in 2006Q3 (Q1 ends in October) nor in 2008Q1.
    CHECK(resolved(s, "quarterly", "2006Q3") ==
          "error: no quarterly period of the term ends in 2006Q3; its periods are: " + kQuarters2006);
    CHECK(resolved(s, "quarterly", "2008Q1") ==
          "error: no quarterly period of the term ends in 2008Q1; its periods are: " + kQuarters2006);
    CHECK(resolved(s, "semiannual", "2006H2") ==
          "error: no semiannual period of the term ends in 2006H2; its periods are: H1 (2006-08-01..2007-01-31), "
          "H2 (2007-02-01..2007-07-31)");
    CHECK(resolved(s, "quarterly", "2006Q5") == "error: '2006Q5' is no quarter of a year");
    CHECK(resolved(s, "quarterly", "2006Q0") == "error: '2006Q0' is no quarter of a year");
    CHECK(resolved(s, "semiannual", "2007H3") == "error: '2007H3' is no half of a year");

    // In calendar mode the spelling names the calendar period itself, and ordinals count them.
    auto c = report_schedule(term_2006(), calendar_config());
    CHECK(resolved(c, "quarterly", "2006Q3") == "2006Q3 2006-08-01..2006-09-30");
    CHECK(resolved(c, "quarterly", "2007Q2") == "2007Q2 2007-04-01..2007-06-30");
    CHECK(resolved(c, "quarterly", "Q1") == "2006Q3 2006-08-01..2006-09-30");
    CHECK(resolved(c, "quarterly", "Q4") == "2007Q2 2007-04-01..2007-06-30");
    CHECK(resolved(c, "semiannual", "2007H1") == "2007H1 2007-01-01..2007-06-30");
    CHECK(resolved(c, "semiannual", "H1") == "2006H2 2006-08-01..2006-12-31");
    CHECK(resolved(c, "quarterly", "2007Q3") ==
          "error: no quarterly period of the term ends in 2007Q3; its periods are: 2006Q3 (2006-08-01..2006-09-30), "
          "2006Q4 (2006-10-01..2006-12-31), 2007Q1 (2007-01-01..2007-03-31), 2007Q2 (2007-04-01..2007-06-30)");
}

TEST_CASE("schedule: resolve_period for the final summary") {
    auto s = report_schedule(term_2006(), Policy{});
    CHECK(resolved(s, "final", "final") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", "FINAL") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", "") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", "总结") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", "年度总结") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", "挂职总结") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", "挂职工作总结") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", " 年度总结 ") == "final 2006-08-01..2007-07-31");
    CHECK(resolved(s, "final", "Q4") == "error: the final summary's period is 'final' (总结, 年度总结, 挂职总结), not 'Q4'");
    CHECK(resolved(s, "final", "2007H1") ==
          "error: the final summary's period is 'final' (总结, 年度总结, 挂职总结), not '2007H1'");
    CHECK(resolved(s, "final", "第四季度") ==
          "error: the final summary's period is 'final' (总结, 年度总结, 挂职总结), not '第四季度'");
    // The final summary's names are no quarter or half.
    CHECK(resolved(s, "quarterly", "年度总结") == "error: '年度总结' is the final summary (kind final), not a quarterly period");
    CHECK(resolved(s, "semiannual", "挂职总结") == "error: '挂职总结' is the final summary (kind final), not a semiannual period");

    // The summary of an extended term covers the extension.
    Assignment a = term_2006();
    a.extended_until = Date{2007, 10, 31};
    CHECK(resolved(report_schedule(a, Policy{}), "final", "final") == "final 2006-08-01..2007-10-31");
}

TEST_CASE("schedule: resolve_period refuses what is no period") {
    auto s = report_schedule(term_2006(), Policy{});
    const std::string tail = "' is not a quarterly period (Q2, 2006Q4, 第二季度 or 2006年第四季度)";
    CHECK(resolved(s, "quarterly", "第一学期") == "error: '第一学期" + tail);
    CHECK(resolved(s, "quarterly", "第季度") == "error: '第季度" + tail);
    CHECK(resolved(s, "quarterly", "第零季度") == "error: '第零季度" + tail);
    CHECK(resolved(s, "quarterly", "上半年") == "error: '上半年" + tail);
    CHECK(resolved(s, "quarterly", "第一百季度") == "error: '第一百季度" + tail);
    CHECK(resolved(s, "quarterly", "2007年") == "error: '2007年" + tail);
    CHECK(resolved(s, "semiannual", "第一季度") ==
          "error: '第一季度' is not a half-year period (H1, 2007H1, 上半年/下半年 or 2007年上半年)");
    CHECK(resolved(s, "quarterly", "Q") == "error: 'Q" + tail);
    CHECK(resolved(s, "quarterly", "Q1a") == "error: 'Q1a" + tail);
    CHECK(resolved(s, "quarterly", "") == "error: '" + tail);
    CHECK(resolved(s, "quarterly", "final") == "error: 'final' is the final summary (kind final), not a quarterly period");
    CHECK(resolved(s, "quarterly", "06Q4") == "error: '06Q4" + tail);
}

TEST_CASE("schedule: resolve_period answers an absurdly large number with a message, not an exception") {
    // A clerk's typo must come back as the usual error value (add_report turns it into
    // "--period: …"); a std::out_of_range from the number conversion would escape as an
    // "unexpected error".
    auto s = report_schedule(term_2006(), Policy{});
    ResolvedPeriod r;
    CHECK_NOTHROW(r = resolve_period(s, "quarterly", "Q99999999999999999999"));
    CHECK_FALSE(r.period);
    CHECK(english(r.error).find("Q99999999999999999999") != std::string::npos);
    ResolvedPeriod y;
    CHECK_NOTHROW(y = resolve_period(s, "quarterly", "2006Q99999999999"));
    CHECK_FALSE(y.period);
    CHECK(english(y.error).find("2006Q99999999999") != std::string::npos);
}

TEST_CASE("schedule: resolve_period reads the Chinese names of quarters and halves") {
    auto s = report_schedule(term_2006(), Policy{});
    // Term mode: the quarters and halves counted from the start, as Q1 … and H1 ….
    for (auto [text, want] : std::vector<std::pair<std::string_view, std::string>>{
             {"第一季度", "Q1 2006-08-01..2006-10-31"}, {"一季度", "Q1 2006-08-01..2006-10-31"},
             {"第1季度", "Q1 2006-08-01..2006-10-31"}, {"第１季度", "Q1 2006-08-01..2006-10-31"},
             {"1季度", "Q1 2006-08-01..2006-10-31"}, {"第一季", "Q1 2006-08-01..2006-10-31"},
             {"第一个季度", "Q1 2006-08-01..2006-10-31"}, {" 第一季度 ", "Q1 2006-08-01..2006-10-31"},
             {"第二季度", "Q2 2006-11-01..2007-01-31"}, {"二季度", "Q2 2006-11-01..2007-01-31"},
             {"第三季度", "Q3 2007-02-01..2007-04-30"}, {"三季度", "Q3 2007-02-01..2007-04-30"},
             {"第四季度", "Q4 2007-05-01..2007-07-31"}, {"四季度", "Q4 2007-05-01..2007-07-31"},
         }) {
        CAPTURE(text);
        CHECK(resolved(s, "quarterly", text) == want);
    }
    CHECK(resolved(s, "semiannual", "上半年") == "H1 2006-08-01..2007-01-31");
    CHECK(resolved(s, "semiannual", "下半年") == "H2 2007-02-01..2007-07-31");
    CHECK(resolved(s, "semiannual", "第一个半年") == "H1 2006-08-01..2007-01-31");
    CHECK(resolved(s, "semiannual", "第二个半年") == "H2 2007-02-01..2007-07-31");
    CHECK(resolved(s, "quarterly", "第五季度") ==
          "error: 第五季度 is outside the term; its quarterly periods are: " + kQuarters2006);
    CHECK(resolved(s, "semiannual", "第三个半年") ==
          "error: 第三个半年 is outside the term; its semiannual periods are: H1 (2006-08-01..2007-01-31), "
          "H2 (2007-02-01..2007-07-31)");
    // With a year, the period that ends in that calendar quarter or half (as 2007Q1).
    CHECK(resolved(s, "quarterly", "2007年第一季度") == "Q2 2006-11-01..2007-01-31");
    CHECK(resolved(s, "quarterly", "2007年一季度") == "Q2 2006-11-01..2007-01-31");
    CHECK(resolved(s, "quarterly", "2006年第四季度") == "Q1 2006-08-01..2006-10-31");
    CHECK(resolved(s, "semiannual", "2007年上半年") == "H1 2006-08-01..2007-01-31");
    CHECK(resolved(s, "semiannual", "2007年下半年") == "H2 2007-02-01..2007-07-31");
    CHECK(resolved(s, "quarterly", "2006年第三季度") ==
          "error: no quarterly period of the term ends in 2006年第三季度; its periods are: " + kQuarters2006);
    CHECK(resolved(s, "quarterly", "2006年第五季度") == "error: '2006年第五季度' is no quarter of a year");

    // An extended term has more quarters: 第六季度, and 十 and beyond are numbers too.
    Assignment a = term({2006, 8, 1}, {2007, 7, 31});
    a.extended_until = Date{2009, 7, 31};
    auto e = report_schedule(a, Policy{});
    CHECK(resolved(e, "quarterly", "第六季度") == "Q6 2007-11-01..2008-01-31");
    CHECK(resolved(e, "quarterly", "第十季度") == "Q10 2008-11-01..2009-01-31");
    CHECK(resolved(e, "quarterly", "第十一季度") == "Q11 2009-02-01..2009-04-30");
    CHECK(resolved(e, "quarterly", "第12季度") == "Q12 2009-05-01..2009-07-31");
    CHECK(resolved(e, "semiannual", "第三个半年") == "H3 2007-08-01..2008-01-31");

    // Calendar mode: without a year, the calendar quarter or half of the term that ends in it.
    auto c = report_schedule(term_2006(), calendar_config());
    CHECK(resolved(c, "quarterly", "第一季度") == "2007Q1 2007-01-01..2007-03-31");
    CHECK(resolved(c, "quarterly", "二季度") == "2007Q2 2007-04-01..2007-06-30");
    CHECK(resolved(c, "quarterly", "第三季度") == "2006Q3 2006-08-01..2006-09-30");
    CHECK(resolved(c, "quarterly", "第四季度") == "2006Q4 2006-10-01..2006-12-31");
    CHECK(resolved(c, "semiannual", "上半年") == "2007H1 2007-01-01..2007-06-30");
    CHECK(resolved(c, "semiannual", "下半年") == "2006H2 2006-08-01..2006-12-31");
    CHECK(resolved(c, "quarterly", "2007年第一季度") == "2007Q1 2007-01-01..2007-03-31");
    CHECK(resolved(c, "quarterly", "第五季度") == "error: '第五季度' is no quarter of a year");
    // A term of more than a year has two first quarters: the year is needed.
    auto two = report_schedule(a, calendar_config());
    CHECK(resolved(two, "quarterly", "第一季度") ==
          "error: '第一季度' is more than one period of the term; say which: 2007年第一季度, 2008年第一季度, 2009年第一季度");
    CHECK(resolved(two, "quarterly", "2008年第一季度") == "2008Q1 2008-01-01..2008-03-31");
    // A term recalled before any calendar first quarter ended has none.
    Assignment r = term_2006();
    r.recalled_on = Date{2006, 12, 31};
    auto short_term = report_schedule(r, calendar_config());
    CHECK(resolved(short_term, "quarterly", "第一季度") ==
          "error: no quarterly period of the term ends in 第一季度; its periods are: 2006Q3 (2006-08-01..2006-09-30), "
          "2006Q4 (2006-10-01..2006-12-31)");
}

TEST_CASE("schedule: a quarterly report is owed to each recipient, the others once") {
    CHECK(owed_to_each_recipient("quarterly"));
    CHECK_FALSE(owed_to_each_recipient("semiannual"));
    CHECK_FALSE(owed_to_each_recipient("final"));
    CHECK_FALSE(owed_to_each_recipient("final_appraisal"));
    CHECK(reaches("both", "home"));
    CHECK(reaches("both", "orgdept"));
    CHECK(reaches("home", "home"));
    CHECK_FALSE(reaches("home", "orgdept"));
    CHECK_FALSE(reaches("orgdept", "home"));
}

TEST_CASE("schedule: the final summary and the 鉴定 are listed from final_due_days_before the end") {
    Policy policy;
    Assignment a = term_2006();
    const ReportPeriod appraisal = final_appraisal_owed(a, policy);
    CHECK(line(appraisal) == "final_appraisal final 2006-08-01..2007-07-31 due 2007-08-30");
    auto s = report_schedule(a, policy);
    const ReportPeriod& summary = s.back();
    REQUIRE(summary.kind == "final");
    for (const ReportPeriod* p : {&summary, &appraisal}) {
        CAPTURE(p->kind);
        CHECK_FALSE(listed_as_owed(*p, {2007, 6, 30}, policy));
        CHECK(listed_as_owed(*p, {2007, 7, 1}, policy)); // 30 days before the last day
        CHECK(listed_as_owed(*p, {2008, 7, 1}, policy));
    }
    // A quarter once it has ended, as before.
    CHECK_FALSE(listed_as_owed(s[0], {2006, 10, 31}, policy));
    CHECK(listed_as_owed(s[0], {2006, 11, 1}, policy));

    policy.final_due_days_before = 0;
    CHECK_FALSE(listed_as_owed(summary, {2007, 7, 30}, policy));
    CHECK(listed_as_owed(summary, {2007, 7, 31}, policy));
    policy.final_due_days_before = 366;
    CHECK(listed_as_owed(summary, {2006, 7, 30}, policy)); // before the term began: listed all along
    CHECK_FALSE(listed_as_owed(s[0], {2006, 8, 1}, policy)); // the quarters are not moved

    // A recall ends the term as served: the 鉴定 follows it.
    a.recalled_on = Date{2007, 3, 31};
    policy.final_due_days_before = 30;
    ReportPeriod recalled = final_appraisal_owed(a, policy);
    CHECK(line(recalled) == "final_appraisal final 2006-08-01..2007-03-31 due 2007-04-30");
    CHECK(listed_as_owed(recalled, {2007, 3, 1}, policy));
    CHECK_FALSE(listed_as_owed(recalled, {2007, 2, 28}, policy));
}

TEST_CASE("schedule: kind_of_period — the kind a period's spelling names by itself") {
    auto kind = [](std::string_view text) {
        auto k = kind_of_period(text);
        return k ? std::string(*k) : std::string("<none>");
    };
    for (auto text : {"Q1", "q4", "2006Q4", "第一季度", "一季度", "第1季度", "2007年第一季度", "第十季度"})
        CHECK(kind(text) == "quarterly");
    for (auto text : {"H1", "2007h1", "上半年", "下半年", "第三个半年", "2007年上半年"}) CHECK(kind(text) == "semiannual");
    for (auto text : {"final", "FINAL", "总结", "年度总结", "挂职总结", "挂职工作总结"}) CHECK(kind(text) == "final");
    CHECK(kind("1季") == "quarterly");
    for (auto text : {"", "Q", "2006", "第一学期", "三月", "第零季度"}) {
        CAPTURE(text);
        CHECK(kind(text) == "<none>");
    }
}
