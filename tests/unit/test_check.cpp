#include "fixture.hpp"
#include "store/check.hpp"
#include "util/catalog.hpp"
#include "util/sha256.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>

using namespace guazhi;
using guazhi::test::contains;
using guazhi::test::he;
using guazhi::test::luo;

namespace {

// The problems of one code, as "table #row: message" lines.
std::vector<std::string> problems(SQLite::Database& db, std::string_view code) {
    std::vector<std::string> out;
    for (const auto& p : check_database(db).problems)
        if (p.code == code) out.push_back(fmt::format("{} #{}: {}", p.table, p.row ? *p.row : -1, p.message));
    return out;
}

std::string sha_of(std::string_view bytes) {
    util::Sha256 sha;
    sha.update(bytes);
    return sha.hex();
}

} // namespace

TEST_CASE("check: a database written through the library is clean") {
    test::StoreFixture f;
    f.add(luo());
    f.add(he());
    f.db.sql().exec("INSERT INTO cadre_categories (cadre_id, category) VALUES (1, 'selected_graduate'), "
                    "(1, 'female_cadre')");
    CheckReport r = check_database(f.db.sql());
    for (const auto& p : r.problems) CAPTURE(p.message);
    CHECK(r.problems.empty());
    CHECK(r.checks >= 10);
}

TEST_CASE("check: overlapping terms as served, named by the later assignment") {
    test::StoreFixture f;
    std::int64_t first = f.add(luo()); // 2006-08-01..2007-07-31
    // Bypassing the recorder: a second term of the same cadre inside the first.
    f.db.sql().exec(fmt::format("INSERT INTO assignments (id, cadre_id, direction, batch_year, home_unit_id, "
                                "host_unit_id, start_date, end_date) SELECT 50, cadre_id, direction, 2007, home_unit_id, "
                                "host_unit_id, '2007-07-31', '2008-07-30' FROM assignments WHERE id = {}",
                                first));
    auto found = problems(f.db.sql(), "overlap");
    REQUIRE(found.size() == 1);
    CHECK(found[0] == fmt::format("assignments #50: the term 2007-07-31..2008-07-30 overlaps assignment #{} "
                                  "(2006-08-01..2007-07-31) of the same cadre (#1)",
                                  first));
    // Recalled the day before, the first term no longer reaches the second.
    f.db.sql().exec(fmt::format("UPDATE assignments SET recalled_on = '2007-07-30' WHERE id = {}", first));
    CHECK(problems(f.db.sql(), "overlap").empty());
    // Extended over it, it does again.
    f.db.sql().exec(fmt::format("UPDATE assignments SET recalled_on = NULL, extended_until = '2007-09-30' WHERE id = {}",
                                first));
    f.db.sql().exec("UPDATE assignments SET start_date = '2007-08-01' WHERE id = 50");
    CHECK(problems(f.db.sql(), "overlap").size() == 1);
}

TEST_CASE("check: dates, extension and recall") {
    test::StoreFixture f;
    std::int64_t id = f.add(luo()); // 2006-08-01..2007-07-31
    auto set = [&](const std::string& assignments) {
        f.db.sql().exec(fmt::format("UPDATE assignments SET {} WHERE id = {}", assignments, id));
    };
    set("extended_until = '2007-07-31'");
    CHECK(problems(f.db.sql(), "extension") ==
          std::vector<std::string>{fmt::format("assignments #{}: extended until 2007-07-31, which is not after the end "
                                               "date 2007-07-31",
                                               id)});
    set("extended_until = '2007-09-30', recalled_on = '2007-09-30'");
    CHECK(problems(f.db.sql(), "extension").empty());
    auto recall = problems(f.db.sql(), "recall");
    REQUIRE(recall.size() == 1);
    CHECK(contains(recall[0], "recalled on 2007-09-30, outside the term 2006-08-01..2007-09-30"));
    set("extended_until = NULL, recalled_on = '2006-07-31'");
    CHECK(problems(f.db.sql(), "recall").size() == 1);
    set("recalled_on = '2006-08-01'");
    CHECK(problems(f.db.sql(), "recall").empty());
    set("start_date = '2006-02-30', recalled_on = NULL");
    auto dates = problems(f.db.sql(), "dates");
    REQUIRE(dates.size() == 1);
    CHECK(contains(dates[0], "not a real YYYY-MM-DD date (start 2006-02-30"));
    // The schema's CHECK keeps end >= start; a file written without it is still caught.
    f.db.sql().exec("PRAGMA ignore_check_constraints = ON");
    set("start_date = '2006-08-01', end_date = '2006-07-01'");
    dates = problems(f.db.sql(), "dates");
    REQUIRE(dates.size() == 1);
    CHECK(contains(dates[0], "the end date 2006-07-01 is before the start date 2006-08-01"));
}

TEST_CASE("check: report periods inside the term, one current report per period, successors") {
    test::StoreFixture f;
    std::int64_t id = f.add(luo()); // 2006-08-01..2007-07-31
    auto report = [&](int rid, const char* start, const char* end, const char* superseded_by) {
        f.db.sql().exec(fmt::format("INSERT INTO reports (id, assignment_id, kind, period, period_start, period_end, "
                                    "submitted_on, recipient, recorded_by, superseded_by) VALUES ({}, {}, 'quarterly', "
                                    "'Q1', '{}', '{}', '2006-11-05', 'both', '王干事', {})",
                                    rid, id, start, end, superseded_by));
    };
    report(1, "2006-08-01", "2006-10-31", "NULL");
    report(2, "2007-05-01", "2007-08-31", "NULL");
    CHECK(problems(f.db.sql(), "report_period") ==
          std::vector<std::string>{fmt::format("reports #2: period Q1 (2007-05-01..2007-08-31) is not inside the term "
                                               "2006-08-01..2007-07-31 of assignment #{}",
                                               id)});
    // A recall shortens the term as served.
    f.db.sql().exec(fmt::format("UPDATE assignments SET recalled_on = '2006-09-30' WHERE id = {}", id));
    CHECK(problems(f.db.sql(), "report_period").size() == 2);
    f.db.sql().exec(fmt::format("UPDATE assignments SET recalled_on = NULL WHERE id = {}", id));

    // The partial unique index forbids a second current row; without it, check still sees one.
    f.db.sql().exec("DROP INDEX reports_current_home; DROP INDEX reports_current_orgdept");
    report(3, "2006-08-01", "2006-10-31", "NULL");
    auto current = problems(f.db.sql(), "current_rows");
    REQUIRE(current.size() == 1);
    CHECK(contains(current[0], "reports #3: rows 1, 3 are all current for the same assignment, kind and period"));
    f.db.sql().exec("UPDATE reports SET superseded_by = 3 WHERE id = 1");
    CHECK(problems(f.db.sql(), "current_rows").empty());
    CHECK(problems(f.db.sql(), "superseded").empty());
    f.db.sql().exec("UPDATE reports SET superseded_by = 2 WHERE id = 1");
    CHECK(problems(f.db.sql(), "superseded") ==
          std::vector<std::string>{"reports #1: is superseded by row 2, which is for another assignment, kind and period"});
    f.db.sql().exec("UPDATE reports SET superseded_by = id WHERE id = 1");
    CHECK(problems(f.db.sql(), "superseded") ==
          std::vector<std::string>{"reports #1: is superseded by itself (a replacement that never finished)"});
}

TEST_CASE("check: an attachment's content must match its size and SHA-256") {
    test::StoreFixture f;
    std::int64_t id = f.add(luo());
    for (int rid : {1, 2, 3})
        f.db.sql().exec(fmt::format("INSERT INTO reports (id, assignment_id, kind, period, period_start, period_end, "
                                    "submitted_on, recipient, recorded_by) VALUES ({0}, {1}, 'final', 'final', "
                                    "'2006-08-0{0}', '2007-07-31', '2007-08-05', 'both', '王干事')",
                                    rid, id));
    // Larger than one 64 KiB piece, so the streaming is exercised.
    std::string big(200 * 1024 + 7, 'x');
    SQLite::Statement insert(f.db.sql(), "INSERT INTO attachments (report_id, name, size, sha256, content) "
                                         "VALUES (?, 'a.pdf', ?, ?, ?)");
    auto attach = [&](int rid, const std::string& content, std::int64_t size, const std::string& sha) {
        insert.reset();
        insert.bind(1, rid);
        insert.bind(2, size);
        insert.bind(3, sha);
        insert.bind(4, content.data(), static_cast<int>(content.size()));
        insert.exec();
    };
    attach(1, big, static_cast<std::int64_t>(big.size()), sha_of(big));
    attach(2, big, static_cast<std::int64_t>(big.size()), sha_of("something else"));
    attach(3, "abc", 4, sha_of("abc"));
    auto found = problems(f.db.sql(), "attachment");
    REQUIRE(found.size() == 2);
    CHECK(found[0] == fmt::format("attachments #2: the content's SHA-256 is {}, the recorded one {}", sha_of(big),
                                  sha_of("something else")));
    CHECK(found[1] == "attachments #3: the recorded size is 4 bytes but the stored content has 3");
}

TEST_CASE("check: category_mask must equal the bits of the cadre's categories") {
    test::StoreFixture f;
    f.add(luo());
    f.db.sql().exec("INSERT INTO cadre_categories (cadre_id, category) VALUES (1, 'county_reserve')");
    CHECK(problems(f.db.sql(), "category_mask").empty());
    f.db.sql().exec("UPDATE cadres SET category_mask = 3 WHERE id = 1");
    CHECK(problems(f.db.sql(), "category_mask") ==
          std::vector<std::string>{"cadres #1: category_mask is 3, but its categories (county_reserve) make 2"});
    f.db.sql().exec("UPDATE cadres SET category_mask = 2 WHERE id = 1");
    f.db.sql().exec("INSERT INTO cadre_categories (cadre_id, category) VALUES (1, 'astronaut')");
    CHECK(problems(f.db.sql(), "category_mask") ==
          std::vector<std::string>{"cadre_categories #-1: cadre #1 has an unknown category 'astronaut'"});
}

TEST_CASE("check: foreign keys, and the cadre of an assessment or event") {
    test::StoreFixture f;
    std::int64_t first = f.add(luo());
    f.add(he());
    f.db.sql().exec("PRAGMA foreign_keys = OFF");
    f.db.sql().exec("INSERT INTO assignments (id, cadre_id, direction, batch_year, home_unit_id, host_unit_id, "
                    "start_date, end_date) VALUES (90, 999, 'up', 2006, 1, 2, '2006-08-01', '2007-07-31')");
    CHECK(problems(f.db.sql(), "foreign_key") ==
          std::vector<std::string>{"assignments #90: cadre_id refers to a row of cadres that does not exist"});
    f.db.sql().exec("DELETE FROM assignments WHERE id = 90");
    f.db.sql().exec(fmt::format("INSERT INTO annual_assessments (id, cadre_id, assignment_id, year) VALUES (4, 2, {}, 2006)",
                                first));
    f.db.sql().exec(fmt::format("INSERT INTO events (id, assignment_id, cadre_id, kind, date, recorded_by) "
                                "VALUES (8, {}, 2, 'note', '2006-09-01', 'x')",
                                first));
    auto found = problems(f.db.sql(), "cadre_mismatch");
    REQUIRE(found.size() == 2);
    CHECK(found[0] == fmt::format("annual_assessments #4: names cadre #2 but assignment #{}, which is cadre #1's", first));
    CHECK(found[1] == fmt::format("events #8: names cadre #2 but assignment #{}, which is cadre #1's", first));
}

TEST_CASE("check: every problem is listed, not only the first") {
    test::StoreFixture f;
    f.add(luo());
    f.add(he());
    f.db.sql().exec("UPDATE assignments SET extended_until = end_date");
    f.db.sql().exec("UPDATE cadres SET category_mask = 8");
    CheckReport r = check_database(f.db.sql());
    CHECK(std::count_if(r.problems.begin(), r.problems.end(), [](const CheckProblem& p) { return p.code == "extension"; }) == 2);
    CHECK(std::count_if(r.problems.begin(), r.problems.end(), [](const CheckProblem& p) { return p.code == "category_mask"; }) == 2);
}

TEST_CASE("check: dates that cannot be (issue 19), judged by the policy given") {
    test::StoreFixture f;
    std::int64_t id = f.add(luo()); // 2006-08-01..2007-07-31
    auto& db = f.db.sql();
    db.exec(fmt::format("INSERT INTO appointments (assignment_id, doc_date, filed_on, united_front_on, election_date) "
                        "VALUES ({}, '2006-08-05', '2006-08-04', '2006-08-05', '2007-08-01')",
                        id));
    db.exec(fmt::format("INSERT INTO events (assignment_id, cadre_id, kind, date, recorded_by, reason, details) "
                        "SELECT id, cadre_id, 'visit', '2007-09-15', 'x', '', '{{\"text\":\" \"}}' FROM assignments "
                        "WHERE id = {}",
                        id));
    db.exec(fmt::format("UPDATE assignments SET extended_until = '2008-08-01' WHERE id = {}", id));
    CHECK(problems(db, "filed_before_document") ==
          std::vector<std::string>{fmt::format("appointments #{0}: assignment #{0}: filed 2006-08-04 is before doc_date "
                                               "2006-08-05: a document is filed after it is issued",
                                               id)});
    CHECK(problems(db, "united_front_before_document").empty()); // the same day is fine
    // The extension counts: the election is inside the term as served.
    CHECK(problems(db, "election_outside_term").empty());
    CHECK(problems(db, "note_empty").size() == 1);
    CHECK(problems(db, "note_outside_term").empty()); // 2007-09-15 is within 2008-08-01
    auto too_long = problems(db, "term_too_long");
    REQUIRE(too_long.size() == 1);
    CHECK(contains(too_long[0], "until 2008-08-01 is beyond the longest term of 24 months from 2006-08-01"));
    Policy wide;
    wide.max_term_months = 36;
    CheckReport judged = check_database(db, wide);
    CHECK(std::none_of(judged.problems.begin(), judged.problems.end(),
                       [](const CheckProblem& p) { return p.code == "term_too_long"; }));
    db.exec(fmt::format("UPDATE assignments SET extended_until = NULL WHERE id = {}", id));
    auto election = problems(db, "election_outside_term");
    REQUIRE(election.size() == 1);
    CHECK(contains(election[0], "election_date 2007-08-01 is outside the term 2006-08-01..2007-07-31"));
    auto note = problems(db, "note_outside_term");
    REQUIRE(note.size() == 1);
    CHECK(contains(note[0], "date 2007-09-15 is more than 30 days outside the term 2006-08-01..2007-07-31"));
}

TEST_CASE("check: a report to the home unit and one to the Organization Department are both current") {
    test::StoreFixture f;
    std::int64_t id = f.add(luo());
    auto report = [&](int rid, const char* recipient) {
        f.db.sql().exec(fmt::format("INSERT INTO reports (id, assignment_id, kind, period, period_start, period_end, "
                                    "submitted_on, recipient, recorded_by) VALUES ({}, {}, 'quarterly', 'Q1', "
                                    "'2006-08-01', '2006-10-31', '2006-11-05', '{}', '王干事')",
                                    rid, id, recipient));
    };
    report(1, "home");
    report(2, "orgdept");
    CHECK(problems(f.db.sql(), "current_rows").empty());
    // "both" overlaps either: the indexes refuse it; without them, check finds it.
    CHECK_THROWS(report(3, "both"));
    f.db.sql().exec("DROP INDEX reports_current_home; DROP INDEX reports_current_orgdept");
    report(3, "both");
    auto current = problems(f.db.sql(), "current_rows");
    REQUIRE(current.size() == 1);
    CHECK(contains(current[0], "reports #3: rows 1, 2, 3 are all current for the same assignment, kind and period"));
}

TEST_CASE("check: a finding is a Message, worded in the reader's language, its values masked") {
    test::StoreFixture f;
    f.add(luo());
    f.db.sql().exec("UPDATE cadres SET gender = CASE gender WHEN 'female' THEN 'male' ELSE 'female' END, "
                    "name = '罗' || char(8203) || '511025198003150018' WHERE id = 1");
    CheckReport r = check_database(f.db.sql());
    std::vector<std::string> en, zh;
    for (const auto& p : r.problems) {
        en.push_back(util::words(p.message, Lang::en));
        zh.push_back(util::words(p.message, Lang::zh));
        CHECK(en.back() == english(p.message));
        CHECK_FALSE(contains(en.back(), "511025198003150018"));
        CHECK_FALSE(contains(zh.back(), "511025198003150018"));
    }
    REQUIRE(en.size() == 2);
    CHECK(contains(en[0], "the gender '"));
    CHECK(contains(zh[0], "与身份证号所含的性别"));
    CHECK_FALSE(contains(zh[0], "female"));
    CHECK(contains(en[1], "the name '罗\\u200B511***********0018' holds invisible characters"));
    CHECK(contains(zh[1], "姓名“罗\\u200B511***********0018”含有不可见字符"));
}
