// assign list's filters over the life of a secondment: status through an extension and a
// recall, pending appointment paperwork, inspection due, returned and not promoted.
#include "domain/rules.hpp"
#include "error.hpp"
#include "flags.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store_sample.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <functional>
#include <fmt/format.h>

#include <string>
#include <vector>

using namespace guazhi;
using namespace guazhi::test::sample;
using guazhi::util::Date;

namespace {

// The four assignments, with their ids in listing order (罗鸿灵, 何俊杰, 付强, 蒋涛).
struct Four {
    Database db = Database::in_memory();
    AssignmentStore store{db.sql()};
    Config config;
    app::Lifecycle life{db, config, "test"};
    std::int64_t luo_id = 0, he_id = 0, fu_id = 0, jiang_id = 0;
    Four() {
        luo_id = insert(store, luo());
        he_id = insert(store, he());
        fu_id = insert(store, fu());
        jiang_id = insert(store, jiang());
    }
    Names list(const AssignmentFilter& f) { return names(store, f, config); }
};

AssignmentFilter on(Date day) {
    AssignmentFilter f;
    f.as_of = day;
    return f;
}

AssignmentFilter with_status(const std::string& status, Date day) {
    AssignmentFilter f = on(day);
    f.status = status;
    return f;
}

AssignmentFilter pending(const std::string& kind) {
    AssignmentFilter f;
    f.pending = kind;
    return f;
}

} // namespace

// A million-row export took twice as long when SQLite sorted the rows (schema version 8).
TEST_CASE("store: the listing order is read from an index, not sorted") {
    Database db = Database::in_memory();
    for (const std::string where : {"", " WHERE a.batch_year = 2006"}) {
        SQLite::Statement plan(db.sql(), fmt::format("EXPLAIN QUERY PLAN {}{}{}", assignment_select_sql(), where,
                                                     assignment_listing_order()));
        std::string steps;
        while (plan.executeStep()) steps += plan.getColumn(3).getString() + "\n";
        CAPTURE(steps);
        CHECK(steps.find(" a USING INDEX assignments_listing") != std::string::npos);
        CHECK(steps.find("TEMP B-TREE") == std::string::npos);
    }
}

TEST_CASE("store: for_each by status through an extension and a recall") {
    Four fx;
    fx.life.extend(fx.he_id, {2007, 10, 31}, "同意", "");          // 何俊杰: to 2007-10-31
    fx.life.recall(fx.fu_id, {2007, 1, 31}, "promotion", "", ""); // 付强: last day 2007-01-31

    // The recall's last day is still active; the day after, recalled.
    CHECK(fx.list(with_status("active", {2007, 1, 31})) == Names{"何俊杰", "付强"});
    CHECK(fx.list(with_status("recalled", {2007, 1, 31})).empty());
    CHECK(fx.list(with_status("active", {2007, 2, 1})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("recalled", {2007, 2, 1})) == Names{"付强"});
    // The planned end is active; the day after, extended (and 蒋涛 starts).
    CHECK(fx.list(with_status("active", {2007, 7, 31})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("extended", {2007, 7, 31})).empty());
    CHECK(fx.list(with_status("extended", {2007, 8, 1})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("active", {2007, 8, 1})) == Names{"蒋涛"});
    CHECK(fx.list(with_status("completed", {2007, 8, 1})) == Names{"罗鸿灵"});
    CHECK(fx.list(with_status("extended", {2007, 10, 31})) == Names{"何俊杰"});
    // After the extension: completed. A recalled term is never completed.
    CHECK(fx.list(with_status("extended", {2007, 11, 1})).empty());
    CHECK(fx.list(with_status("completed", {2007, 11, 1})) == Names{"罗鸿灵", "何俊杰"});
    CHECK(fx.list(with_status("recalled", {2009, 1, 1})) == Names{"付强"});
    CHECK(fx.list(with_status("completed", {2009, 1, 1})) == Names{"罗鸿灵", "何俊杰", "蒋涛"});

    // The SQL and rules::status_on agree on every assignment and every boundary.
    auto agree = [&] {
        std::vector<Assignment> all;
        fx.store.for_each(AssignmentFilter{}, fx.config, [&](const Assignment& a) { all.push_back(a); });
        REQUIRE(all.size() == 4);
        for (Date day : {Date{2005, 7, 31}, Date{2005, 8, 1}, Date{2006, 7, 31}, Date{2006, 8, 1}, Date{2007, 1, 31},
                         Date{2007, 2, 1}, Date{2007, 7, 31}, Date{2007, 8, 1}, Date{2007, 9, 15}, Date{2007, 9, 16},
                         Date{2007, 10, 31}, Date{2007, 11, 1}, Date{2008, 7, 31}, Date{2008, 8, 1}}) {
            for (const char* status : {"planned", "active", "extended", "recalled", "completed"}) {
                CAPTURE(day.iso());
                CAPTURE(status);
                Names expected;
                for (const auto& a : all)
                    if (status_on(a, day) == status) expected.push_back(a.cadre.name);
                CHECK(fx.list(with_status(status, day)) == expected);
            }
        }
    };
    agree();

    // A recall during the extension ends the extension.
    fx.life.recall(fx.he_id, {2007, 9, 15}, "special", "市财政局同意", "");
    CHECK(fx.list(with_status("extended", {2007, 9, 15})) == Names{"何俊杰"});
    CHECK(fx.list(with_status("extended", {2007, 9, 16})).empty());
    CHECK(fx.list(with_status("recalled", {2007, 9, 16})) == Names{"何俊杰", "付强"});
    CHECK(fx.list(with_status("completed", {2007, 11, 1})) == Names{"罗鸿灵"});
    agree();
}

TEST_CASE("store: for_each with pending appointment paperwork") {
    Four fx;
    // 付强 (民盟, down) is the only one to be elected; 付强 and 蒋涛 (群众) are non-Party;
    // 罗鸿灵 and 何俊杰 are Party members.
    CHECK(fx.list(pending("election")) == Names{"付强"});
    CHECK(fx.list(pending("united_front")) == Names{"付强", "蒋涛"});
    CHECK(fx.list(pending("party_transfer")) == Names{"罗鸿灵", "何俊杰"});
    for (const char* kind : {"document", "mentor", "division", "filing"}) {
        CAPTURE(kind);
        CHECK(fx.list(pending(kind)) == Names{"罗鸿灵", "何俊杰", "付强", "蒋涛"});
    }

    SUBCASE("election: only an elected result settles it") {
        AppointmentChange c;
        c.election_date = Date{2006, 9, 15};
        c.election_result = "not_elected";
        fx.life.appoint(fx.fu_id, c, {2006, 9, 15}, "");
        CHECK(fx.list(pending("election")) == Names{"付强"});
        c.election_result = "elected";
        fx.life.appoint(fx.fu_id, c, {2006, 9, 16}, "");
        CHECK(fx.list(pending("election")).empty());
    }
    SUBCASE("united_front") {
        AppointmentChange c;
        c.united_front_on = Date{2006, 8, 20};
        fx.life.appoint(fx.fu_id, c, {2006, 8, 20}, "");
        CHECK(fx.list(pending("united_front")) == Names{"蒋涛"});
        // 群众 left out of 党外干部 by the config: nothing is pending any more.
        fx.config.policy.non_party_exclude = {"masses"};
        CHECK(fx.list(pending("united_front")).empty());
    }
    SUBCASE("party_transfer") {
        AppointmentChange c;
        c.party_transfer_on = Date{2006, 8, 10};
        fx.life.appoint(fx.he_id, c, {2006, 8, 10}, "");
        CHECK(fx.list(pending("party_transfer")) == Names{"罗鸿灵"});
    }
    SUBCASE("document, mentor, division and filing, each by its own field") {
        AppointmentChange doc;
        doc.doc_number = "内组干〔2006〕12号";
        fx.life.appoint(fx.he_id, doc, {2006, 8, 5}, "");
        AppointmentChange mentor;
        mentor.mentor = "李科长";
        fx.life.appoint(fx.fu_id, mentor, {2006, 8, 5}, "");
        AppointmentChange division;
        division.division_of_work = "分管统计";
        fx.life.appoint(fx.jiang_id, division, {2007, 8, 5}, "");
        AppointmentChange filing;
        filing.filed_on = Date{2005, 8, 10};
        fx.life.appoint(fx.luo_id, filing, {2005, 8, 10}, "");
        CHECK(fx.list(pending("document")) == Names{"罗鸿灵", "付强", "蒋涛"});
        CHECK(fx.list(pending("mentor")) == Names{"罗鸿灵", "何俊杰", "蒋涛"});
        CHECK(fx.list(pending("division")) == Names{"罗鸿灵", "何俊杰", "付强"});
        CHECK(fx.list(pending("filing")) == Names{"何俊杰", "付强", "蒋涛"});
        // An empty value is not a recorded one.
        AppointmentChange empty;
        empty.doc_number = "";
        fx.life.appoint(fx.luo_id, empty, {2005, 8, 11}, "");
        CHECK(fx.list(pending("document")) == Names{"罗鸿灵", "付强", "蒋涛"});
        // Pending combines with the other filters.
        AssignmentFilter f = pending("document");
        f.year = 2006;
        CHECK(fx.list(f) == Names{"付强"});
    }
    CHECK_THROWS_WITH_AS(build_filter(pending("stamp"), fx.config), "unknown pending item 'stamp'", Error);
}

TEST_CASE("store: for_each with no_inspection within the configured window") {
    Four fx;
    REQUIRE(fx.config.policy.inspection_window_days == 60);
    AssignmentFilter f = on({2007, 6, 1}); // 2007-06-01 + 60 = 2007-07-31: 何俊杰 and 付强 end then
    f.no_inspection = true;
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    f.as_of = {2007, 5, 31}; // the window ends 2007-07-30
    CHECK(fx.list(f).empty());
    f.as_of = {2007, 7, 31}; // the last day itself
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    f.as_of = {2007, 8, 1}; // over: no longer due
    CHECK(fx.list(f).empty());

    fx.config.policy.inspection_window_days = 10;
    f.as_of = {2007, 7, 21};
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    f.as_of = {2007, 7, 20};
    CHECK(fx.list(f).empty());
    fx.config.policy.inspection_window_days = 60;

    // An inspection note settles it; another kind of note does not.
    f.as_of = {2007, 6, 1};
    fx.life.note(fx.fu_id, "talk", {2007, 6, 5}, "谈话");
    CHECK(fx.list(f) == Names{"何俊杰", "付强"});
    fx.life.note(fx.he_id, "inspection", {2007, 6, 10}, "考察");
    CHECK(fx.list(f) == Names{"付强"});

    // An extension moves the end out of the window, and into a later one.
    fx.life.extend(fx.fu_id, {2007, 10, 31}, "同意", "");
    CHECK(fx.list(f).empty());
    f.as_of = {2007, 9, 15};
    CHECK(fx.list(f) == Names{"付强"});
}

TEST_CASE("store: for_each with returned and not_promoted") {
    Four fx;
    AssignmentFilter f = on({2007, 7, 31});
    f.returned = true;
    CHECK(fx.list(f) == Names{"罗鸿灵"});
    f.as_of = {2007, 8, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "何俊杰", "付强"});

    // A recall returns early; an extension returns later.
    fx.life.recall(fx.fu_id, {2007, 1, 31}, "promotion", "", "");
    fx.life.extend(fx.he_id, {2007, 10, 31}, "同意", "");
    f.as_of = {2007, 2, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "付强"});
    f.as_of = {2007, 8, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "付强"});
    f.as_of = {2007, 11, 1};
    CHECK(fx.list(f) == Names{"罗鸿灵", "何俊杰", "付强"});

    AssignmentFilter np = on({2007, 11, 1});
    np.not_promoted = true;
    CHECK(fx.list(np) == Names{"罗鸿灵", "何俊杰", "付强", "蒋涛"});
    auto cadre = [&](const Assignment& a) { return fx.store.find_cadre(a.cadre.id_number).value().id; };
    // A promotion after the end removes the secondee; a new post without promotion does not,
    // nor does a promotion before the (extended) end.
    fx.life.follow_up(cadre(luo()), {2006, 9, 1}, "隆昌县国土资源局副局长", true, "");
    fx.life.follow_up(cadre(he()), {2007, 9, 1}, "预算股股长", true, ""); // still seconded then
    fx.life.follow_up(cadre(fu()), {2007, 3, 1}, "市规划局科长", false, "");
    CHECK(fx.list(np) == Names{"何俊杰", "付强", "蒋涛"});
    np.returned = true;
    CHECK(fx.list(np) == Names{"何俊杰", "付强"});
    fx.life.follow_up(cadre(he()), {2007, 11, 1}, "市中区财政局副局长", true, "");
    CHECK(fx.list(np) == Names{"付强"});
    CHECK(fx.db.sql().execAndGet("SELECT count(*) FROM events WHERE kind = 'follow_up' AND assignment_id IS NULL").getInt64() == 4);
}

TEST_CASE("filter: selects_all is false as soon as any one filter is set") {
    guazhi::AssignmentFilter none;
    CHECK(none.selects_all());
    none.as_of = {2006, 1, 1}; // judging statuses on another day narrows nothing
    CHECK(none.selects_all());
    std::vector<std::function<void(guazhi::AssignmentFilter&)>> each = {
        [](auto& f) { f.year = 2006; },          [](auto& f) { f.year_from = 2005; },
        [](auto& f) { f.year_to = 2007; },       [](auto& f) { f.direction = "up"; },
        [](auto& f) { f.status = "active"; },    [](auto& f) { f.home = "资中县财政局"; },
        [](auto& f) { f.host = "市外事办"; },    [](auto& f) { f.county = "资中县"; },
        [](auto& f) { f.category = "xuandiao"; }, [](auto& f) { f.non_party = true; },
        [](auto& f) { f.pending = "election"; }, [](auto& f) { f.no_inspection = true; },
        [](auto& f) { f.returned = true; },      [](auto& f) { f.not_promoted = true; }};
    for (std::size_t i = 0; i < each.size(); ++i) {
        CAPTURE(i);
        guazhi::AssignmentFilter f;
        each[i](f);
        CHECK_FALSE(f.selects_all());
    }
}

TEST_CASE("store: an unknown status in a filter is a typed problem, not std::out_of_range") {
    Four four;
    guazhi::AssignmentFilter f;
    f.status = "retired";
    try {
        four.store.for_each(f, four.config, [](const guazhi::Assignment&) {});
        FAIL("no error");
    } catch (const guazhi::ProblemError& e) {
        CHECK(e.problem().code == guazhi::ProblemCode::status_unknown);
        CHECK(guazhi::cli::words(e) == "--status: unknown status 'retired' (planned, active, extended, recalled or completed)");
    }
}
