#include "error.hpp"
#include "fixture.hpp"
#include "flags.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "store/importer.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store/recorder.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace guazhi;
using guazhi::util::Date;

using guazhi::test::count;

namespace {

Assignment to_host(std::string id_number, std::string name, std::string host, int year = 2006) {
    return guazhi::test::secondment(std::move(id_number), std::move(name), "up", year,
                                    {"隆昌县国土资源局", "county_dept", "隆昌县"}, {std::move(host), "city_organ", ""},
                                    {year, 8, 1}, {year + 1, 7, 31});
}

Assignment first() { return to_host("511028197003141730", "罗鸿灵", "市财政局"); }
Assignment second() { return to_host("511002198104161811", "何俊杰", "市财政局"); }
Assignment third() { return to_host("511024197103021757", "蒋涛", "市财政局"); }

const std::string kOverMessage = "'市财政局' already receives 1 secondee(s) in batch 2006 (max_per_host_per_batch = 1); "
                                 "to exceed it give --override --reason \"…\"";

const char* const kHeader = guazhi::test::kRosterHeader;
const char* const kRowLuo = guazhi::test::kRosterRowLuo;
const char* const kRowSu = "51101119760922324X,苏莉,中共党员,东兴区司法局,上挂,市国土资源局,2005-08-01\n";

ImportReport import_text(Database& db, const std::string& text, const RecordPolicy& policy,
                         const Config& config = {}) {
    ImportOptions options;
    options.policy = policy;
    options.name = guazhi::cli::flag_of;
    return guazhi::test::import_text(db, text, options, config);
}

} // namespace

TEST_CASE("quota: a second secondee for the same host and batch is refused") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    REQUIRE(config.policy.max_per_host_per_batch == 1);
    AssignmentRecorder recorder(store, config, {"王干事", false, ""});
    RecordOutcome one = recorder.record(first(), true);
    REQUIRE(one.kind == RecordOutcome::Kind::inserted);
    CHECK_FALSE(one.over_quota);

    RecordOutcome two = recorder.record(second(), true);
    CHECK(two.kind == RecordOutcome::Kind::refused);
    CHECK_FALSE(two.over_quota);
    REQUIRE(two.problems.size() == 1);
    CHECK(two.problems[0].field == Field::host_unit);
    CHECK(describe(two.problems[0], guazhi::cli::flag_of) == kOverMessage);
    CHECK(english(describe(two.problems[0], guazhi::cli::flag_of)).find("--override") != std::string::npos);
    // Nothing of the refused row: not the assignment, not the cadre, no event.
    CHECK(count(db, "assignments") == 1);
    CHECK(count(db, "cadres") == 1);
    CHECK_FALSE(store.find_cadre(second().cadre.id_number));
    CHECK(count(db, "events") == 0);
    // The same secondee again is identical, not over the quota.
    CHECK(recorder.record(first(), true).kind == RecordOutcome::Kind::identical);
}

TEST_CASE("quota: an override inserts beyond the quota and records why") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"王干事", true, "市委组织部部务会决定"});
    // Within the quota the override changes nothing and records nothing.
    RecordOutcome one = recorder.record(first(), true);
    REQUIRE(one.kind == RecordOutcome::Kind::inserted);
    CHECK_FALSE(one.over_quota);
    CHECK(count(db, "events") == 0);

    RecordOutcome two = recorder.record(second(), true);
    CHECK(two.kind == RecordOutcome::Kind::inserted);
    CHECK(two.problems.empty());
    CHECK(two.over_quota);
    CHECK(count(db, "assignments") == 2);
    auto events = events_of(db.sql(), two.id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == "quota_override");
    CHECK(events[0].assignment_id == two.id);
    CHECK(events[0].reason == "市委组织部部务会决定");
    CHECK(events[0].recorded_by == "王干事");
    CHECK(events[0].date == Date{2006, 8, 1});
    CHECK(events[0].details == R"({"host_unit":"市财政局","already":1,"max_per_host_per_batch":1})");
    CHECK(events_of(db.sql(), one.id).empty());

    // A third counts the two already there.
    RecordOutcome three = recorder.record(third(), true);
    CHECK(three.over_quota);
    CHECK(count(db, "events WHERE kind = 'quota_override' AND details LIKE '%\"already\":2%'") == 1);
}

TEST_CASE("quota: another batch year or another host is within the quota") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"王干事", false, ""});
    REQUIRE(recorder.record(first(), true).kind == RecordOutcome::Kind::inserted);
    RecordOutcome next_year = recorder.record(to_host("511002198104161811", "何俊杰", "市财政局", 2007), true);
    CHECK(next_year.kind == RecordOutcome::Kind::inserted);
    CHECK_FALSE(next_year.over_quota);
    RecordOutcome other_host = recorder.record(to_host("511024197103021757", "蒋涛", "市统计局"), true);
    CHECK(other_host.kind == RecordOutcome::Kind::inserted);
    CHECK_FALSE(other_host.over_quota);
    CHECK(count(db, "assignments") == 3);
    CHECK(count(db, "events") == 0);
    // Both places are now taken.
    CHECK(recorder.record(to_host("51101119760922324X", "苏莉", "市统计局"), true).kind ==
          RecordOutcome::Kind::refused);
    CHECK(recorder.record(to_host("51101119760922324X", "苏莉", "市财政局", 2007), true).kind ==
          RecordOutcome::Kind::refused);
}

TEST_CASE("quota: a recalled secondee's place may be filled again") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"王干事", false, ""});
    RecordOutcome one = recorder.record(first(), true);
    REQUIRE(one.kind == RecordOutcome::Kind::inserted);
    REQUIRE(recorder.record(second(), true).kind == RecordOutcome::Kind::refused);

    SUBCASE("recalled through Lifecycle::recall") {
        app::Lifecycle(db, config, "王干事").recall(one.id, {2007, 1, 31}, "promotion", "", "");
    }
    SUBCASE("recalled_on set with SQL") {
        db.sql().exec("UPDATE assignments SET recalled_on = '2007-01-31' WHERE id = " + std::to_string(one.id));
    }
    Assignment replacement = second();
    replacement.start = {2007, 2, 1};
    RecordOutcome two = recorder.record(replacement, true);
    CHECK(two.kind == RecordOutcome::Kind::inserted);
    CHECK_FALSE(two.over_quota);
    CHECK(count(db, "events WHERE kind = 'quota_override'") == 0);
    // The replacement holds the place again.
    CHECK(recorder.record(third(), true).kind == RecordOutcome::Kind::refused);
}

TEST_CASE("quota: max_per_host_per_batch 2 allows two, 0 has no limit") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    SUBCASE("2") {
        config.policy.max_per_host_per_batch = 2;
        AssignmentRecorder recorder(store, config, {"王干事", false, ""});
        CHECK(recorder.record(first(), true).kind == RecordOutcome::Kind::inserted);
        RecordOutcome two = recorder.record(second(), true);
        CHECK(two.kind == RecordOutcome::Kind::inserted);
        CHECK_FALSE(two.over_quota);
        RecordOutcome three = recorder.record(third(), true);
        CHECK(three.kind == RecordOutcome::Kind::refused);
        REQUIRE(three.problems.size() == 1);
        CHECK(describe(three.problems[0], guazhi::cli::flag_of) ==
              "'市财政局' already receives 2 secondee(s) in batch 2006 (max_per_host_per_batch = 2); "
              "to exceed it give --override --reason \"…\"");
        CHECK(count(db, "assignments") == 2);
    }
    SUBCASE("0") {
        config.policy.max_per_host_per_batch = 0;
        AssignmentRecorder recorder(store, config, {"王干事", false, ""});
        for (const Assignment& a : {first(), second(), third()}) {
            RecordOutcome r = recorder.record(a, true);
            CHECK(r.kind == RecordOutcome::Kind::inserted);
            CHECK_FALSE(r.over_quota);
        }
        CHECK(count(db, "assignments") == 3);
        CHECK(count(db, "events") == 0);
    }
}

TEST_CASE("quota: the importer applies it across the rows of one file") {
    Database db = Database::in_memory();
    const std::string text = std::string(kHeader) + kRowLuo + kRowSu;

    ImportReport refused = import_text(db, text, {"王干事", false, ""});
    CHECK_FALSE(refused.committed);
    CHECK(refused.rows == 2);
    CHECK(refused.over_quota == 0);
    CHECK(refused.problem_count == 1);
    REQUIRE(refused.problems.size() == 1);
    CHECK(refused.problems[0] == "t.csv:3: 接收单位: '市国土资源局' already receives 1 secondee(s) in batch 2005 "
                                 "(max_per_host_per_batch = 1); to exceed it give --override --reason \"…\"");
    CHECK(count(db, "assignments") == 0);
    CHECK(count(db, "cadres") == 0);
    CHECK(count(db, "units") == 0);
    CHECK(count(db, "events") == 0);

    ImportReport allowed = import_text(db, text, {"王干事", true, "两名均为选调生"});
    CHECK(allowed.committed);
    CHECK(allowed.problems.empty());
    CHECK(allowed.inserted == 2);
    CHECK(allowed.over_quota == 1);
    CHECK(count(db, "assignments") == 2);
    CHECK(count(db, "events WHERE kind = 'quota_override' AND reason = '两名均为选调生' AND recorded_by = '王干事'") == 1);
    // The override is recorded on the second row's assignment, 苏莉's.
    CHECK(count(db, "events e JOIN cadres c ON c.id = e.cadre_id WHERE c.name = '苏莉'") == 1);

    // Importing the same file again without the override finds both identical.
    ImportReport again = import_text(db, text, {"王干事", false, ""});
    CHECK(again.committed);
    CHECK(again.identical == 2);
    CHECK(again.problems.empty());
    CHECK(count(db, "events") == 1);
}

TEST_CASE("quota: the importer counts secondees already recorded") {
    Database db = Database::in_memory();
    REQUIRE(import_text(db, std::string(kHeader) + kRowLuo, {"王干事", false, ""}).committed);
    ImportReport r = import_text(db, std::string(kHeader) + kRowSu, {"王干事", false, ""});
    CHECK_FALSE(r.committed);
    REQUIRE(r.problems.size() == 1);
    CHECK(english(r.problems[0]).rfind("t.csv:2: 接收单位: '市国土资源局' already receives 1", 0) == 0);
    CHECK(count(db, "assignments") == 1);

    Config two;
    two.policy.max_per_host_per_batch = 2;
    ImportReport ok = import_text(db, std::string(kHeader) + kRowSu, {"王干事", false, ""}, two);
    CHECK(ok.committed);
    CHECK(ok.over_quota == 0);
    CHECK(count(db, "assignments") == 2);
}
