#include "error.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store/recorder.hpp"

#include "fixture.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace guazhi;
using guazhi::util::Date;

using guazhi::test::count;

namespace {

Assignment secondment(std::string id_number, std::string name, std::string status, std::string direction, int year,
                      Unit home, Unit host) {
    Assignment a = guazhi::test::secondment(std::move(id_number), std::move(name), std::move(direction), year,
                                            std::move(home), std::move(host), {year, 8, 1}, {year + 1, 7, 31});
    a.cadre.political_status = std::move(status);
    return a;
}

// An up-seconded Party member and a down-dispatched non-Party cadre (民盟), both of 2006.
Assignment luo() {
    return secondment("511028197003141730", "罗鸿灵", "cpc_member", "up", 2006,
                      {"隆昌县国土资源局", "county_dept", "隆昌县"}, {"市国土资源局", "city_organ", ""});
}
Assignment fu() {
    return secondment("511002197205055810", "付强", "cdl", "down", 2006, {"市规划局", "city_organ", ""},
                      {"白马镇", "township", ""});
}

// The store fixture with the lifecycle of its assignments.
struct Fixture : guazhi::test::StoreFixture {
    app::Lifecycle life{db, config, "王干事"};

    std::int64_t events() { return count(db, "events"); }
    std::int64_t appointments() { return count(db, "appointments"); }
    std::int64_t cadre_id(const Assignment& a) { return store.find_cadre(a.cadre.id_number).value().id; }
};

using guazhi::test::error_of;

std::vector<std::string> kinds(const std::vector<Event>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) out.push_back(e.kind);
    return out;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("lifecycle: appoint records a change in parts and keeps earlier fields") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    Appointment none = appointment_of(fx.db.sql(), id);
    CHECK(none.post_level.empty());
    CHECK(none.doc_number.empty());
    CHECK_FALSE(none.doc_date);
    CHECK_FALSE(none.filed_on);
    CHECK(none.mentor.empty());

    AppointmentChange first;
    first.post_level = "副科级领导职务";
    first.doc_number = "内组干〔2006〕12号";
    first.doc_date = Date{2006, 8, 1};
    fx.life.appoint(id, first, {2006, 8, 5}, "任职");

    AppointmentChange second;
    second.mentor = "李科长";
    second.filed_on = Date{2006, 8, 10};
    fx.life.appoint(id, second, {2006, 8, 10}, "");

    Appointment p = appointment_of(fx.db.sql(), id);
    CHECK(p.post_level == "副科级领导职务");
    CHECK(p.doc_number == "内组干〔2006〕12号");
    CHECK(p.doc_date == Date{2006, 8, 1});
    CHECK(p.filed_on == Date{2006, 8, 10});
    CHECK(p.mentor == "李科长");
    CHECK(p.division_of_work.empty());
    CHECK_FALSE(p.united_front_on);
    CHECK_FALSE(p.election_date);
    CHECK(p.election_result.empty());
    CHECK_FALSE(p.party_transfer_on);
    CHECK(fx.appointments() == 1);
    CHECK(count(fx.db, "appointments WHERE election_result IS NULL AND united_front_on IS NULL") == 1);

    // A later change replaces only what it sets.
    AppointmentChange third;
    third.mentor = "张处长";
    third.division_of_work = "分管地籍管理";
    third.party_transfer_on = Date{2006, 8, 20};
    fx.life.appoint(id, third, {2006, 8, 20}, "");
    p = appointment_of(fx.db.sql(), id);
    CHECK(p.mentor == "张处长");
    CHECK(p.division_of_work == "分管地籍管理");
    CHECK(p.party_transfer_on == Date{2006, 8, 20});
    CHECK(p.doc_number == "内组干〔2006〕12号");
    CHECK(p.filed_on == Date{2006, 8, 10});
    CHECK(fx.appointments() == 1);

    // Each step is an event with only the fields it changed.
    auto events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 3);
    CHECK(kinds(events) == Strings{"appointment", "appointment", "appointment"});
    CHECK(events[0].assignment_id == id);
    CHECK(events[0].date == Date{2006, 8, 5});
    CHECK(events[0].recorded_by == "王干事");
    CHECK(events[0].reason == "任职");
    CHECK(events[0].details ==
          R"({"post_level":"副科级领导职务","doc_number":"内组干〔2006〕12号","doc_date":"2006-08-01"})");
    CHECK(events[0].recorded_at.size() == 20); // 2006-08-05T10:00:00Z
    CHECK(events[0].recorded_at.back() == 'Z');
    CHECK(events[1].details == R"({"filed_on":"2006-08-10","mentor":"李科长"})");
    CHECK(events[1].reason.empty());
    CHECK(events[2].details ==
          R"({"mentor":"张处长","division_of_work":"分管地籍管理","party_transfer_on":"2006-08-20"})");
    CHECK(count(fx.db, "events WHERE kind = 'appointment' AND recorded_by = '王干事' AND cadre_id = " +
                           std::to_string(fx.cadre_id(luo()))) == 3);
}

TEST_CASE("lifecycle: appoint records the election and the United Front copy of a down-dispatched non-Party cadre") {
    Fixture fx;
    std::int64_t id = fx.add(fu());
    AppointmentChange c;
    c.post_level = "副镇长";
    c.election_date = Date{2006, 9, 15};
    c.election_result = "elected";
    c.united_front_on = Date{2006, 9, 20};
    fx.life.appoint(id, c, {2006, 9, 20}, "");
    Appointment p = appointment_of(fx.db.sql(), id);
    CHECK(p.election_date == Date{2006, 9, 15});
    CHECK(p.election_result == "elected");
    CHECK(p.united_front_on == Date{2006, 9, 20});
    CHECK(count(fx.db, "appointments WHERE election_result = 'elected'") == 1);
    auto events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].details == R"({"post_level":"副镇长","united_front_on":"2006-09-20","election_date":"2006-09-15",)"
                               R"("election_result":"elected"})");
}

TEST_CASE("lifecycle: appoint refused by the rules writes nothing") {
    Fixture fx;
    std::int64_t up = fx.add(luo());
    std::int64_t down = fx.add(fu());
    // One accepted change first, so that "unchanged" is more than "empty".
    AppointmentChange mentor;
    mentor.mentor = "李科长";
    fx.life.appoint(up, mentor, {2006, 8, 5}, "");
    fx.life.appoint(down, mentor, {2006, 8, 5}, "");
    REQUIRE(fx.appointments() == 2);
    REQUIRE(fx.events() == 2);
    const std::string up_no = "assignment #" + std::to_string(up) + ": ";
    const std::string down_no = "assignment #" + std::to_string(down) + ": ";

    SUBCASE("an election for an up-seconded cadre") {
        AppointmentChange c;
        c.mentor = "另一位导师"; // would be valid alone: the whole change is refused
        c.election_date = Date{2006, 9, 15};
        CHECK(error_of([&] { fx.life.appoint(up, c, {2006, 9, 15}, ""); }) ==
              up_no + "only down-dispatched (下派) cadres are elected by a township people's congress");
        AppointmentChange result_only;
        result_only.election_result = "elected";
        CHECK(error_of([&] { fx.life.appoint(up, result_only, {2006, 9, 15}, ""); }) ==
              up_no + "only down-dispatched (下派) cadres are elected by a township people's congress");
    }
    SUBCASE("an unknown election result") {
        AppointmentChange c;
        c.election_result = "won";
        CHECK(error_of([&] { fx.life.appoint(down, c, {2006, 9, 15}, ""); }) ==
              down_no + "election result 'won' is not elected or not_elected");
    }
    SUBCASE("a United Front copy for a Party member") {
        AppointmentChange c;
        c.united_front_on = Date{2006, 9, 1};
        CHECK(error_of([&] { fx.life.appoint(up, c, {2006, 9, 1}, ""); }) ==
              up_no + "罗鸿灵 is not a non-Party cadre; only non-Party cadres' documents are copied to the United Front "
                      "Work Department");
    }
    SUBCASE("a Party relationship transfer for a non-Party cadre") {
        AppointmentChange c;
        c.party_transfer_on = Date{2006, 9, 1};
        c.doc_number = "内组干〔2006〕13号";
        CHECK(error_of([&] { fx.life.appoint(down, c, {2006, 9, 1}, ""); }) ==
              down_no + "付强 is not a CPC member; only Party members transfer a Party relationship");
    }
    SUBCASE("an unknown assignment") {
        CHECK(error_of([&] { fx.life.appoint(999, mentor, {2006, 9, 1}, ""); }) == "no assignment #999");
    }
    CHECK(fx.appointments() == 2);
    CHECK(fx.events() == 2);
    CHECK(appointment_of(fx.db.sql(), up).mentor == "李科长");
    CHECK(appointment_of(fx.db.sql(), down).mentor == "李科长");
    CHECK(appointment_of(fx.db.sql(), down).doc_number.empty());
    CHECK(count(fx.db, "appointments WHERE election_date IS NOT NULL OR election_result IS NOT NULL OR "
                       "united_front_on IS NOT NULL OR party_transfer_on IS NOT NULL") == 0);
}

TEST_CASE("lifecycle: note records its kind, date and text") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    fx.life.note(id, "inspection", {2007, 6, 15}, "考察组到市国土资源局, \"座谈\"");
    fx.life.note(id, "谈心谈话", {2006, 10, 31}, "谈心"); // a label is read as its code
    CHECK_THROWS_WITH_AS(fx.life.note(id, "quarterly", {2006, 10, 31}, "x"), doctest::Contains("unknown note kind"),
                         guazhi::Error);
    // Issue 19: a note says something, within note_margin_days of the term (2006-08-01..2007-07-31).
    CHECK_THROWS_WITH_AS(fx.life.note(id, "talk", {2006, 10, 31}, " "), doctest::Contains("is empty"), ProblemError);
    CHECK_THROWS_WITH_AS(fx.life.note(id, "talk", {2006, 6, 30}, "x"),
                         doctest::Contains("2006-06-30 is more than 30 days outside the term 2006-08-01..2007-07-31"),
                         ProblemError);
    auto events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == "talk");
    CHECK(events[0].date == Date{2006, 10, 31});
    CHECK(events[0].details == R"({"text":"谈心"})");
    CHECK(events[1].kind == "inspection");
    CHECK(events[1].date == Date{2007, 6, 15});
    CHECK(events[1].details == R"({"text":"考察组到市国土资源局, \"座谈\""})");
    CHECK(events[1].reason.empty());
    CHECK(events[1].recorded_by == "王干事");
    CHECK(count(fx.db, "events WHERE kind = 'inspection' AND date = '2007-06-15' AND assignment_id = " +
                           std::to_string(id)) == 1);

    CHECK(error_of([&] { fx.life.note(id + 1, "inspection", {2007, 6, 15}, "x"); }) ==
          "no assignment #" + std::to_string(id + 1));
    CHECK(fx.events() == 2);
}

TEST_CASE("lifecycle: extend needs the home unit's consent and a later end each time") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    const std::string no = "assignment #" + std::to_string(id) + ": ";

    CHECK(error_of([&] { fx.life.extend(id, {2007, 10, 31}, "", "接收单位要求"); }) ==
          no + "an extension needs the home unit's consent (派出单位同意): give --home-consent");
    CHECK_FALSE(fx.store.get(id)->extended_until);
    CHECK(fx.events() == 0);
    CHECK(count(fx.db, "assignments WHERE extended_until IS NOT NULL") == 0);

    // Not later than the planned end.
    CHECK(error_of([&] { fx.life.extend(id, {2007, 7, 31}, "同意", ""); }) ==
          no + "--until 2007-07-31 is not after the current end of the term 2007-07-31");
    CHECK(fx.events() == 0);

    fx.life.extend(id, {2007, 10, 31}, "隆昌县国土资源局同意", "接收单位要求");
    auto a = fx.store.get(id);
    REQUIRE(a);
    CHECK(a->extended_until == Date{2007, 10, 31});
    CHECK(a->end == Date{2007, 7, 31}); // the planned end stays
    CHECK(a->effective_end() == Date{2007, 10, 31});
    auto events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == "extended");
    CHECK(events[0].date == Date{2007, 8, 1}); // the first extra day
    CHECK(events[0].reason == "接收单位要求");
    CHECK(events[0].recorded_by == "王干事");
    CHECK(events[0].details == R"({"from":"2007-07-31","until":"2007-10-31","home_consent":"隆昌县国土资源局同意"})");

    // A second extension must go beyond the first.
    CHECK(error_of([&] { fx.life.extend(id, {2007, 10, 31}, "同意", ""); }) ==
          no + "--until 2007-10-31 is not after the current end of the term 2007-10-31");
    CHECK(error_of([&] { fx.life.extend(id, {2007, 9, 30}, "同意", ""); }) ==
          no + "--until 2007-09-30 is not after the current end of the term 2007-10-31");
    CHECK(fx.store.get(id)->extended_until == Date{2007, 10, 31});
    CHECK(fx.events() == 1);

    fx.life.extend(id, {2007, 12, 31}, "同意", "");
    CHECK(fx.store.get(id)->extended_until == Date{2007, 12, 31});
    events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 2);
    CHECK(events[1].date == Date{2007, 11, 1});
    CHECK(events[1].details == R"({"from":"2007-10-31","until":"2007-12-31","home_consent":"同意"})");
    CHECK(count(fx.db, "assignments WHERE extended_until = '2007-12-31'") == 1);
}

TEST_CASE("lifecycle: recall for promotion, the education campaign, or special work with consent") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    const std::string no = "assignment #" + std::to_string(id) + ": ";
    auto recalled_rows = [&] { return count(fx.db, "assignments WHERE recalled_on IS NOT NULL"); };

    SUBCASE("promotion needs no consent; then no second recall and no extension") {
        fx.life.recall(id, {2007, 3, 31}, "promotion", "", "提任隆昌县国土资源局副局长");
        auto a = fx.store.get(id);
        REQUIRE(a);
        CHECK(a->recalled_on == Date{2007, 3, 31});
        CHECK(a->recall_reason == "promotion");
        CHECK(a->effective_end() == Date{2007, 3, 31});
        auto events = events_of(fx.db.sql(), id);
        REQUIRE(events.size() == 1);
        CHECK(events[0].kind == "recalled");
        CHECK(events[0].date == Date{2007, 3, 31});
        CHECK(events[0].reason == "promotion");
        CHECK(events[0].details == R"({"planned_end":"2007-07-31","note":"提任隆昌县国土资源局副局长"})");

        CHECK(error_of([&] { fx.life.recall(id, {2007, 2, 1}, "promotion", "", ""); }) ==
              no + "the assignment was already recalled on 2007-03-31");
        CHECK(error_of([&] { fx.life.extend(id, {2007, 10, 31}, "同意", ""); }) ==
              no + "the assignment was recalled on 2007-03-31");
        a = fx.store.get(id);
        CHECK(a->recalled_on == Date{2007, 3, 31});
        CHECK_FALSE(a->extended_until);
        CHECK(fx.events() == 1);
    }
    SUBCASE("the education campaign needs no consent") {
        fx.life.recall(id, {2006, 8, 1}, "education_campaign", "", ""); // the first day is within the term
        CHECK(fx.store.get(id)->recall_reason == "education_campaign");
        CHECK(count(fx.db, "assignments WHERE recalled_on = '2006-08-01'") == 1);
    }
    SUBCASE("special work needs the host's consent") {
        CHECK(error_of([&] { fx.life.recall(id, {2007, 1, 15}, "special", "", ""); }) ==
              no + "a recall for special work needs the host unit's consent (接收单位同意): give --host-consent");
        CHECK(recalled_rows() == 0);
        CHECK(fx.events() == 0);
        fx.life.recall(id, {2007, 1, 15}, "special", "市国土资源局同意", "");
        CHECK(fx.store.get(id)->recall_reason == "special");
        auto events = events_of(fx.db.sql(), id);
        REQUIRE(events.size() == 1);
        CHECK(events[0].details == R"({"planned_end":"2007-07-31","host_consent":"市国土资源局同意"})");
    }
    SUBCASE("an unknown reason") {
        CHECK(error_of([&] { fx.life.recall(id, {2007, 1, 15}, "transfer", "同意", ""); }) ==
              no + "unknown recall reason 'transfer' (promotion, education-campaign or special)");
        CHECK(recalled_rows() == 0);
    }
    SUBCASE("the last day must fall inside the term, before its end") {
        for (Date day : {Date{2006, 7, 31}, Date{2007, 7, 31}, Date{2007, 8, 15}}) {
            CAPTURE(day.iso());
            CHECK(error_of([&] { fx.life.recall(id, day, "promotion", "", ""); }) ==
                  no + "--date " + day.iso() + " must fall within the term 2006-08-01..2007-07-31 (before its last day)");
        }
        CHECK(recalled_rows() == 0);
        CHECK(fx.events() == 0);
    }
    SUBCASE("after an extension the term runs to the new end") {
        fx.life.extend(id, {2007, 10, 31}, "同意", "");
        fx.life.recall(id, {2007, 9, 15}, "promotion", "", "");
        CHECK(fx.store.get(id)->recalled_on == Date{2007, 9, 15});
        auto events = events_of(fx.db.sql(), id);
        REQUIRE(events.size() == 2);
        CHECK(events[1].kind == "recalled");
        CHECK(events[1].details == R"({"planned_end":"2007-10-31"})");
    }
}

TEST_CASE("lifecycle: complete at or after the end, once, and not after a recall") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::int64_t other = fx.add(fu());
    const std::string no = "assignment #" + std::to_string(id) + ": ";

    CHECK(error_of([&] { fx.life.complete(id, Date{2007, 7, 30}, "", "", ""); }) ==
          no + "2007-07-30 is before the end of the term 2007-07-31; an early end is a recall (assign recall)");
    CHECK(fx.events() == 0);

    // The default date, as `assign complete` takes it: the effective end.
    Date day = fx.life.load(id).effective_end();
    CHECK(day == Date{2007, 7, 31});
    fx.life.complete(id, day, "已完成", "", "回原单位任地籍股股长");
    auto events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == "completed");
    CHECK(events[0].date == Date{2007, 7, 31});
    CHECK(events[0].recorded_by == "王干事");
    CHECK(events[0].details == R"({"handover":"已完成","arrangement":"回原单位任地籍股股长"})");

    CHECK(error_of([&] { fx.life.complete(id, Date{2007, 8, 15}, "", "", ""); }) ==
          no + "its completion was already recorded on 2007-07-31");
    CHECK(fx.events() == 1);

    // An explicit later date; another assignment's completion does not count as this one's.
    fx.life.complete(other, Date{2007, 8, 15}, "", "两项未完", "");
    events = events_of(fx.db.sql(), other);
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == Date{2007, 8, 15});
    CHECK(events[0].details == R"({"unfinished":"两项未完"})");
    CHECK(count(fx.db, "events WHERE kind = 'completed'") == 2);
}

TEST_CASE("lifecycle: complete after an extension or a recall") {
    Fixture fx;
    std::int64_t extended = fx.add(luo());
    std::int64_t recalled = fx.add(fu());
    fx.life.extend(extended, {2007, 10, 31}, "同意", "");
    CHECK(fx.life.load(extended).effective_end() == Date{2007, 10, 31});
    CHECK(error_of([&] { fx.life.complete(extended, Date{2007, 7, 31}, "", "", ""); }) ==
          "assignment #" + std::to_string(extended) +
              ": 2007-07-31 is before the end of the term 2007-10-31; an early end is a recall (assign recall)");
    fx.life.complete(extended, Date{2007, 10, 31}, "", "", "");
    CHECK(count(fx.db, "events WHERE kind = 'completed' AND date = '2007-10-31'") == 1);

    fx.life.recall(recalled, {2007, 1, 15}, "promotion", "", "");
    CHECK(error_of([&] { fx.life.complete(recalled, Date{2007, 7, 31}, "", "", ""); }) ==
          "assignment #" + std::to_string(recalled) + ": the assignment was recalled on 2007-01-15; it cannot be completed (record its handover with "
                                                     "--handover)");
    CHECK(count(fx.db, "events WHERE kind = 'completed' AND assignment_id = " + std::to_string(recalled)) == 0);
}

TEST_CASE("lifecycle: follow_up belongs to the cadre and shows with each of its assignments") {
    Fixture fx;
    Assignment first = luo();
    first.batch_year = 2005;
    first.start = {2005, 8, 1};
    first.end = {2006, 7, 31};
    first.host_unit = {"市委办", "city_organ", ""};
    std::int64_t a1 = fx.add(first);
    std::int64_t a2 = fx.add(luo());
    std::int64_t other = fx.add(fu());
    std::int64_t cadre = fx.cadre_id(luo());

    fx.life.follow_up(cadre, {2007, 9, 1}, "隆昌县国土资源局副局长", true, "同等条件下优先");
    CHECK(count(fx.db, "events WHERE assignment_id IS NULL AND kind = 'follow_up' AND cadre_id = " +
                           std::to_string(cadre)) == 1);
    for (std::int64_t id : {a1, a2}) {
        CAPTURE(id);
        auto events = events_of(fx.db.sql(), id);
        REQUIRE(events.size() == 1);
        CHECK(events[0].kind == "follow_up");
        CHECK(events[0].assignment_id == 0);
        CHECK(events[0].date == Date{2007, 9, 1});
        CHECK(events[0].reason == "promotion");
        CHECK(events[0].recorded_by == "王干事");
        CHECK(events[0].details == R"({"post":"隆昌县国土资源局副局长","promotion":true,"note":"同等条件下优先"})");
    }
    CHECK(events_of(fx.db.sql(), other).empty());

    // Between the two terms is after the first began: allowed. Not a promotion: no reason.
    fx.life.follow_up(cadre, {2006, 8, 15}, "地籍股股长", false, "");
    auto events = events_of(fx.db.sql(), a2);
    REQUIRE(events.size() == 2);
    CHECK(events[0].date == Date{2006, 8, 15});
    CHECK(events[0].reason.empty());
    CHECK(events[0].details == R"({"post":"地籍股股长","promotion":false})");

    // Not on or before the day the first secondment began.
    CHECK(error_of([&] { fx.life.follow_up(cadre, {2005, 8, 1}, "x", false, ""); }) ==
          "--date 2005-08-01 is not after the cadre's first secondment began (2005-08-01)");
    CHECK(error_of([&] { fx.life.follow_up(cadre, {2004, 1, 1}, "x", true, ""); }) ==
          "--date 2004-01-01 is not after the cadre's first secondment began (2005-08-01)");
    CHECK(fx.events() == 2);

    // A cadre without any secondment.
    Cadre idle = {"511024197103021757", "蒋涛", "male", "", "1971-03-02", "masses", "", {}, {}, {}, {}, {}, {}, {}, {}};
    std::int64_t idle_id = fx.store.insert_cadre(idle);
    CHECK(error_of([&] { fx.life.follow_up(idle_id, {2007, 9, 1}, "x", true, ""); }) ==
          "no secondment is recorded for this cadre");
    CHECK(fx.events() == 2);
}

TEST_CASE("lifecycle: events_of lists by date, whatever the order of recording") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    fx.life.note(id, "talk", {2007, 1, 31}, "第二季度");
    AppointmentChange c;
    c.doc_number = "内组干〔2006〕12号";
    fx.life.appoint(id, c, {2006, 8, 5}, "");
    fx.life.follow_up(fx.cadre_id(luo()), {2007, 9, 1}, "副局长", true, "");
    fx.life.note(id, "talk", {2006, 10, 31}, "第一季度");
    fx.life.extend(id, {2007, 8, 31}, "同意", "");
    fx.life.note(id, "visit", {2007, 1, 31}, "看望"); // same day as an earlier one: recording order
    auto events = events_of(fx.db.sql(), id);
    REQUIRE(events.size() == 6);
    std::vector<std::string> dates;
    for (const auto& e : events) dates.push_back(e.date.iso());
    CHECK(dates == Strings{"2006-08-05", "2006-10-31", "2007-01-31", "2007-01-31", "2007-08-01", "2007-09-01"});
    CHECK(kinds(events) == Strings{"appointment", "talk", "talk", "visit", "extended", "follow_up"});
    CHECK(events[2].details == R"({"text":"第二季度"})");
    CHECK(events_of(fx.db.sql(), 999).empty());
}

TEST_CASE("lifecycle: an unknown assignment is refused by every change") {
    Fixture fx;
    fx.add(luo());
    CHECK_THROWS_WITH_AS(fx.life.load(42), "no assignment #42", Error);
    CHECK(error_of([&] { fx.life.extend(42, {2007, 10, 31}, "同意", ""); }) == "no assignment #42");
    CHECK(error_of([&] { fx.life.recall(42, {2007, 1, 1}, "promotion", "", ""); }) == "no assignment #42");
    CHECK(error_of([&] { fx.life.complete(42, Date{2007, 8, 1}, "", "", ""); }) == "no assignment #42");
    CHECK(fx.events() == 0);
    CHECK(fx.life.load(1).cadre.name == "罗鸿灵");
}
