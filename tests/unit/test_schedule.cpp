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
    if (!r.period) return "error: " + r.error;
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
          "error: 'Q1' is not a half-year period (H1 or 2007H1)");

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
    CHECK(resolved(s, "final", "Q4") == "error: the final summary's period is 'final', not 'Q4'");
    CHECK(resolved(s, "final", "2007H1") == "error: the final summary's period is 'final', not '2007H1'");

    // The summary of an extended term covers the extension.
    Assignment a = term_2006();
    a.extended_until = Date{2007, 10, 31};
    CHECK(resolved(report_schedule(a, Policy{}), "final", "final") == "final 2006-08-01..2007-10-31");
}

TEST_CASE("schedule: resolve_period refuses what is no period") {
    auto s = report_schedule(term_2006(), Policy{});
    const std::string tail = "' is not a quarterly period (Q2 or 2006Q4)";
    CHECK(resolved(s, "quarterly", "第一季度") == "error: '第一季度" + tail);
    CHECK(resolved(s, "quarterly", "Q") == "error: 'Q" + tail);
    CHECK(resolved(s, "quarterly", "Q1a") == "error: 'Q1a" + tail);
    CHECK(resolved(s, "quarterly", "") == "error: '" + tail);
    CHECK(resolved(s, "quarterly", "final") == "error: 'final" + tail);
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
    CHECK(r.error.find("Q99999999999999999999") != std::string::npos);
    ResolvedPeriod y;
    CHECK_NOTHROW(y = resolve_period(s, "quarterly", "2006Q99999999999"));
    CHECK_FALSE(y.period);
    CHECK(y.error.find("2006Q99999999999") != std::string::npos);
}
