// The appraisal domain: votes, the 优秀 recommendation rule (every branch), the cap, when a
// final appraisal may be written, and the --from file formats.
#include "domain/appraisal.hpp"
#include "domain/appraisal_file.hpp"
#include "util/encoding.hpp"
#include "util/text.hpp"
#include "domain/rules.hpp"
#include "error.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace guazhi;
using guazhi::test::contains;
using guazhi::test::error_of;

using guazhi::test::votes;

TEST_CASE("votes: parsed from labels, codes and aliases with any separator, the share is derived") {
    auto v = parse_votes("优秀=18,称职=6,基本称职=1,不称职=0");
    REQUIRE(v.votes);
    CHECK(v.votes->counts == std::array<std::int64_t, 4>{18, 6, 1, 0});
    CHECK(v.votes->total() == 25);
    CHECK(*v.votes->excellent_share() == doctest::Approx(0.72));
    auto w = parse_votes("excellent:3； competent=1");
    REQUIRE(w.votes);
    CHECK(w.votes->counts == std::array<std::int64_t, 4>{3, 1, 0, 0});
    CHECK(parse_votes("优秀＝５，称职＝５").votes->counts[0] == 5); // full-width input
    CHECK(format_votes(*v.votes, Lang::zh) == "优秀 18, 称职 6, 基本称职 1, 不称职 0");
    CHECK(format_votes(*v.votes, Lang::en) == "excellent 18, competent 6, basically competent 1, incompetent 0");
}

TEST_CASE("votes: every kind of bad input is refused with what is wrong") {
    CHECK(contains(parse_votes("优秀=-3,称职=4").error, "negative"));
    CHECK(contains(parse_votes("优秀=abc").error, "'abc' is not a whole number"));
    CHECK(contains(parse_votes("优秀=1.5").error, "not a whole number"));
    CHECK(contains(parse_votes("优秀=").error, "not a whole number"));
    CHECK(contains(parse_votes("优秀18").error, "is not GRADE=COUNT"));
    CHECK(contains(parse_votes("良好=3").error, "not a grade one votes on"));
    CHECK(contains(parse_votes("不定等次=3").error, "not a grade one votes on"));
    CHECK(contains(parse_votes("优秀=1,优秀=2").error, "given twice"));
    CHECK(contains(parse_votes("").error, "no votes given"));
    CHECK(contains(parse_votes("优秀=0,称职=0").error, "no votes were cast"));
    CHECK(contains(parse_votes("优秀=99999999").error, "implausibly many"));
    CHECK_FALSE(parse_votes("优秀=-3").votes);
}

TEST_CASE("recommendation: 优秀 only when both previous years were 优秀, the share is high and the work outstanding") {
    Config config; // excellent_vote_share 0.6
    auto rec = [&](std::optional<std::string> y1, std::optional<std::string> y2, std::optional<Votes> v, bool outstanding) {
        return recommend_excellent(2006, std::move(y1), std::move(y2), v, outstanding, config.policy);
    };
    std::optional<std::string> ex = "excellent", ok = "competent", none;
    SUBCASE("all three conditions hold") {
        auto r = rec(ex, ex, votes(18, 6, 1), true);
        CHECK(r.recommended());
        CHECK(unmet_conditions(r, Lang::zh).empty());
    }
    SUBCASE("the year before was not 优秀") {
        auto r = rec(ok, ex, votes(18, 6), true);
        CHECK_FALSE(r.recommended());
        CHECK_FALSE(r.prior_grades_met());
        auto why = unmet_conditions(r, Lang::zh);
        REQUIRE(why.size() == 1);
        CHECK(why[0] == "前两年等次须均为优秀：2004年优秀，2005年称职");
    }
    SUBCASE("two years before was not 优秀") {
        auto r = rec(ex, ok, votes(18, 6), true);
        CHECK_FALSE(r.recommended());
        CHECK(unmet_conditions(r, Lang::en)[0] == "both previous years must be excellent: 2004 competent, 2005 excellent");
    }
    SUBCASE("a previous grade is not recorded") {
        auto r = rec(ex, none, votes(18, 6), true);
        CHECK_FALSE(r.recommended());
        CHECK(contains(unmet_conditions(r, Lang::zh)[0], "2004年未录入"));
    }
    SUBCASE("the share of 优秀 votes is below the threshold") {
        auto r = rec(ex, ex, votes(17, 13), true); // 56.7%
        CHECK_FALSE(r.recommended());
        CHECK_FALSE(r.vote_share_met());
        auto why = unmet_conditions(r, Lang::zh);
        REQUIRE(why.size() == 1);
        CHECK(why[0] == "优秀票比例 17/30 = 56.7%，低于 60.0%");
        CHECK(unmet_conditions(r, Lang::en)[0] == "excellent votes 17/30 = 56.7%, below 60.0%");
    }
    SUBCASE("exactly at the threshold counts as high") {
        CHECK(rec(ex, ex, votes(18, 12), true).recommended()); // 18/30 = 60%
        CHECK(rec(ex, ex, votes(3, 2), true).recommended());   // 3/5 = 60%
    }
    SUBCASE("no democratic evaluation recorded") {
        auto r = rec(ex, ex, std::nullopt, true);
        CHECK_FALSE(r.recommended());
        CHECK(unmet_conditions(r, Lang::zh) == std::vector<std::string>{"未录入民主测评票数"});
    }
    SUBCASE("not marked outstanding") {
        auto r = rec(ex, ex, votes(20, 1), false);
        CHECK_FALSE(r.recommended());
        CHECK(unmet_conditions(r, Lang::en) == std::vector<std::string>{"performance not marked outstanding"});
    }
    SUBCASE("every condition failing lists all three") {
        CHECK(unmet_conditions(rec(none, none, std::nullopt, false), Lang::zh).size() == 3);
    }
    SUBCASE("the threshold comes from the config") {
        config.policy.excellent_vote_share = 0.5;
        CHECK(rec(ex, ex, votes(17, 13), true).recommended());
    }
}

TEST_CASE("cap on 优秀: off by default, else rounded down") {
    Config config;
    CHECK_FALSE(excellent_cap(10, config.policy));
    config.policy.excellent_cap_share = 0.2;
    CHECK(*excellent_cap(10, config.policy) == 2);
    CHECK(*excellent_cap(4, config.policy) == 0);
    CHECK(*excellent_cap(5, config.policy) == 1);
    config.policy.excellent_cap_share = 0.25;
    CHECK(*excellent_cap(8, config.policy) == 2);
}

TEST_CASE("assessment years: every calendar year the term as served touches") {
    Assignment a = guazhi::test::luo();
    CHECK(assessment_years(a) == std::pair{2006, 2007});
    a.extended_until = util::Date{2008, 1, 31};
    CHECK(assessment_years(a) == std::pair{2006, 2008});
    a.recalled_on = util::Date{2006, 12, 1};
    CHECK(assessment_years(a) == std::pair{2006, 2006});
}

TEST_CASE("final appraisal: on or after the end of the term, earlier only with --early and a reason") {
    Assignment a = guazhi::test::luo(); // ends 2007-07-31
    CHECK_FALSE(refuse_final_appraisal(a, {2007, 7, 31}, false, ""));
    CHECK_FALSE(refuse_final_appraisal(a, {2007, 9, 1}, false, ""));
    CHECK(contains(guazhi::cli::words(*refuse_final_appraisal(a, {2007, 7, 20}, false, "")), "needs --early and --reason"));
    CHECK(contains(guazhi::cli::words(*refuse_final_appraisal(a, {2007, 7, 20}, true, " ")), "--early needs --reason"));
    CHECK_FALSE(refuse_final_appraisal(a, {2007, 7, 20}, true, "提拔使用"));
    CHECK(contains(guazhi::cli::words(*refuse_final_appraisal(a, {2006, 7, 1}, true, "x")), "before the term began"));
    a.recalled_on = util::Date{2007, 3, 31}; // a recall ends the term
    CHECK_FALSE(refuse_final_appraisal(a, {2007, 4, 2}, false, ""));
}

TEST_CASE("final appraisal content: every rating on the scale, and a conclusion") {
    Config config;
    FinalAppraisal f;
    for (auto& d : f.dimensions) d.rating = "优秀";
    f.conclusion = "好";
    CHECK(appraisal_problems(f, config.policy.appraisal_scale).empty());
    f.dimensions[1].rating = "很好";
    f.dimensions[4].rating = "";
    f.conclusion = "";
    auto problems = appraisal_problems(f, config.policy.appraisal_scale);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == "work.rating: '很好' is not on the scale (one of: 优秀, 良好, 一般, 较差)");
    CHECK(contains(problems[1], "integrity.rating: missing"));
    CHECK(contains(problems[2], "conclusion: missing"));
    CHECK(appraisal_problems(f, {"A", "B"})[0] == "ideology.rating: '优秀' is not on the scale (one of: A, B)");
}

TEST_CASE("appraisal file: TOML and JSON carry the same fields") {
    auto toml = parse_appraisal_file("date = 2007-07-20\nauthor_unit = \"市财政局\"\nconclusion = \"\"\"该同志\n工作扎实\"\"\"\n"
                                     "[work]\nrating = \"优秀\"\ncomment = \"肯干\"\n[life]\nrating = \"良好\"\n",
                                     "a.toml");
    CHECK(*toml.date == "2007-07-20");
    CHECK(*toml.author_unit == "市财政局");
    CHECK(*toml.conclusion == "该同志\n工作扎实");
    CHECK(*toml.rating[1] == "优秀");
    CHECK(*toml.comment[1] == "肯干");
    CHECK(*toml.rating[3] == "良好");
    CHECK_FALSE(toml.rating[0]);
    auto json = parse_appraisal_file("\xEF\xBB\xBF{\"date\": \"2007-07-20\", \"conclusion\": \"好\", \"integrity\": "
                                     "{\"rating\": \"优秀\", \"comment\": \"清正\"}}",
                                     "a.txt");
    CHECK(*json.date == "2007-07-20");
    CHECK(*json.rating[4] == "优秀");
    CHECK(*json.comment[4] == "清正");
}

TEST_CASE("appraisal file: errors name the file, line and column") {
    CHECK(error_of([] { parse_appraisal_file("conclusion = \"a\"\nwork = [\n", "a.toml"); }).starts_with("a.toml:"));
    CHECK(error_of([] { parse_appraisal_file("colour = \"red\"\n", "a.toml"); }) ==
          "a.toml:1:10: unknown key colour (known: date, author_unit, conclusion, ideology, work, study, life, integrity)");
    CHECK(error_of([] { parse_appraisal_file("[work]\nscore = 3\n", "a.toml"); }) ==
          "a.toml:2:9: unknown key work.score (known: rating, comment)");
    CHECK(error_of([] { parse_appraisal_file("conclusion = 3\n", "a.toml"); }) == "a.toml:1:14: conclusion must be a string");
    CHECK(error_of([] { parse_appraisal_file("work = \"优秀\"\n", "a.toml"); }) ==
          "a.toml:1:8: work must be a table with rating and comment");
    auto bad_json = error_of([] { parse_appraisal_file("{\n  \"conclusion\": \"a\",\n  oops\n}", "a.json"); });
    CHECK(bad_json.starts_with("a.json:3:3: parse error"));
    CHECK(error_of([] { parse_appraisal_file("[1, 2]", "a.json"); }) == "a.json: the file must hold one JSON object");
    CHECK(error_of([] { parse_appraisal_file("{\"work\": {\"rating\": 1}}", "a.json"); }) == "a.json: work.rating must be a string");
    // Neither UTF-8 nor GB18030: the place of the first byte that is not UTF-8.
    CHECK(error_of([] { parse_appraisal_file("conclusion = \"\xff\"", "a.toml"); }) ==
          "a.toml:1:15: bytes that are neither UTF-8 nor GB18030 (check the file's encoding)");
}

TEST_CASE("appraisal file: GBK or GB18030 files are read as the CSV reader reads them") {
    std::string toml_text = "date = 2007-07-20\nauthor_unit = \"市财政局\"\nconclusion = \"该同志工作扎实\"\n"
                            "[work]\nrating = \"优秀\"\ncomment = \"肯干\"\n";
    std::string gbk = util::to_gb18030(toml_text);
    REQUIRE(gbk != toml_text);
    REQUIRE_FALSE(util::is_valid_utf8(gbk));
    for (const std::string& bytes : {gbk, "\xEF\xBB\xBF" + toml_text, toml_text}) {
        auto d = parse_appraisal_file(bytes, "a.toml");
        CHECK(*d.author_unit == "市财政局");
        CHECK(*d.conclusion == "该同志工作扎实");
        CHECK(*d.rating[1] == "优秀");
        CHECK(*d.comment[1] == "肯干");
    }
    // JSON in GBK, found by its brace as before, and by its name.
    std::string json = util::to_gb18030("{\"conclusion\": \"好\", \"integrity\": {\"rating\": \"优秀\", \"comment\": \"清正\"}}");
    for (auto name : {"a.json", "a.txt"}) {
        auto j = parse_appraisal_file(json, name);
        CHECK(*j.conclusion == "好");
        CHECK(*j.rating[4] == "优秀");
        CHECK(*j.comment[4] == "清正");
    }
    // A character outside GBK (𠀀, U+20000) in GB18030's four bytes.
    auto four = parse_appraisal_file(util::to_gb18030("conclusion = \"𠀀好\"\n"), "a.toml");
    CHECK(*four.conclusion == "𠀀好");
    // Errors in a GBK file still name the line (of the decoded text).
    CHECK(error_of([&] { parse_appraisal_file(util::to_gb18030("conclusion = \"好\"\n颜色 = 1\n"), "a.toml"); })
              .starts_with("a.toml:2:"));
}
