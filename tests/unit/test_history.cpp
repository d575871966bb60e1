// store/history: a stream of assignments with their paperwork and events, fetched for many
// assignments per query, must give each exactly what the one-assignment reads give — across
// batch boundaries, with a cadre's follow-ups beside each of its assignments — and app's
// listing and show must gather the same.
#include "app/lifecycle.hpp"
#include "app/listing.hpp"
#include "store/history.hpp"
#include "util/id_number.hpp"

#include "fixture.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

using namespace guazhi;
using namespace guazhi::test;
using guazhi::util::Date;

namespace {

// A valid ID number for the n-th cadre (born 1970-01-01 + n days within the year).
std::string id_for(int n) {
    std::string first17 = fmt::format("510102197001{:02}{:03}", 1 + n % 28, n % 1000);
    return first17 + util::id_check_char(first17);
}

bool same(const Appointment& a, const Appointment& b) {
    return a.post_level == b.post_level && a.doc_number == b.doc_number && a.doc_date == b.doc_date &&
           a.filed_on == b.filed_on && a.united_front_on == b.united_front_on && a.election_date == b.election_date &&
           a.election_result == b.election_result && a.mentor == b.mentor && a.division_of_work == b.division_of_work &&
           a.party_transfer_on == b.party_transfer_on;
}

std::vector<std::int64_t> ids_of(const std::vector<Event>& events) {
    std::vector<std::int64_t> out;
    for (const auto& e : events) out.push_back(e.id);
    return out;
}

} // namespace

TEST_CASE("history: the batched stream gives each assignment what appointment_of and events_of give") {
    StoreFixture fx;
    fx.config.policy.max_per_host_per_batch = 0; // no quota: hundreds go to one host
    app::Lifecycle life(fx.db, fx.config, "王干事");
    // More than two batches; every third cadre has a second assignment (a later batch), every
    // fifth assignment an appointment, every fourth notes, every seventh cadre a follow-up.
    const int cadres = static_cast<int>(kHistoryBatch) + 150;
    std::vector<std::int64_t> assignments;
    for (int n = 0; n < cadres; ++n) {
        Assignment a = luo();
        a.cadre.id_number = id_for(n);
        a.cadre.name = fmt::format("干部{}", n);
        a.cadre.birth_date = "";
        a.cadre.political_status = "masses"; // non-Party: their documents go to the United Front
        assignments.push_back(fx.add(a));
        if (n % 3 == 0) {
            a.batch_year = 2008;
            a.start = {2008, 8, 1};
            a.end = {2009, 7, 31};
            assignments.push_back(fx.add(a));
        }
    }
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        std::int64_t id = assignments[i];
        if (i % 5 == 0) {
            AppointmentChange c;
            c.mentor = fmt::format("导师{}", i);
            c.doc_number = fmt::format("内组任〔2006〕{}号", i);
            c.united_front_on = Date{2006, 8, 20};
            life.appoint(id, c, {2006, 8, 10}, "");
        }
        if (i % 4 == 0) {
            life.note(id, "talk", {2007, 3, 1}, "谈心");
            life.note(id, "visit", {2006, 12, 1}, "看望"); // earlier date, later id: ordered by date
        }
    }
    for (int n = 0; n < cadres; n += 7)
        life.follow_up(std::string_view(id_for(n)), {2009, 9, 1}, "副局长", true, "");

    std::size_t visited = 0, with_events = 0, with_follow_up = 0;
    std::vector<std::int64_t> order;
    for_each_with_history(fx.store, {}, fx.config, [&](const Assignment& a, const Appointment& p, const std::vector<Event>& e) {
        ++visited;
        order.push_back(a.id);
        CHECK(same(p, appointment_of(fx.db.sql(), a.id)));
        CHECK(ids_of(e) == ids_of(events_of(fx.db.sql(), a.id)));
        with_events += !e.empty();
        for (const auto& x : e) with_follow_up += x.kind == "follow_up";
    });
    CHECK(visited == assignments.size());
    std::vector<std::int64_t> listed;
    fx.store.for_each({}, fx.config, [&](Assignment&& a) { listed.push_back(a.id); });
    CHECK(order == listed); // the listing's order, batches and all
    CHECK(with_events > kHistoryBatch / 4);
    // A follow-up shows with each of its cadre's assignments: cadres 0, 21, 42 … have two.
    std::size_t follow_ups = 0, doubled = 0;
    for (int n = 0; n < cadres; n += 7) {
        ++follow_ups;
        doubled += n % 3 == 0;
    }
    CHECK(with_follow_up == follow_ups + doubled);

    SUBCASE("the paperwork alone comes without events") {
        std::size_t events = 0, copied = 0;
        for_each_with_history(fx.store, {}, fx.config, [&](const Assignment&, const Appointment& p, const std::vector<Event>& e) {
            events += e.size();
            copied += p.united_front_on.has_value();
        }, HistoryParts::appointment);
        CHECK(events == 0);
        CHECK(copied == (assignments.size() + 4) / 5);
    }
}

TEST_CASE("app: assign list refuses a unit not recorded, assign show gathers one assignment's history") {
    StoreFixture fx;
    std::int64_t id = fx.add(luo());
    app::Lifecycle(fx.db, fx.config, "王干事").note(id, "talk", {2006, 10, 9}, "谈心谈话");
    AssignmentFilter f;
    f.host = "市财政厅"; // mistyped: 市国土资源局 is recorded
    std::size_t seen = 0;
    CHECK(error_of([&] { app::for_each_listed(fx.db, f, fx.config, [&](const Assignment&) { ++seen; }); }) ==
          "no unit named '市财政厅' is recorded");
    f.host = "市国土资源局";
    app::for_each_listed(fx.db, f, fx.config, [&](const Assignment&) { ++seen; });
    CHECK(seen == 1);

    app::AssignmentHistory shown = app::gather_assignment(fx.db, id);
    CHECK(shown.assignment.cadre.name == "罗鸿灵");
    REQUIRE(shown.events.size() == 1);
    CHECK(shown.events[0].kind == "talk");
    CHECK(error_of([&] { app::gather_assignment(fx.db, 42); }) == "no assignment #42");
}
