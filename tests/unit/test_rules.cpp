#include "domain/rules.hpp"
#include "flags.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace guazhi;
using guazhi::util::Date;

namespace {

bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

Assignment sample() {
    Assignment a;
    a.cadre = {"511028197003141730", "罗鸿灵", "male", "han", "1970-03-14", "cpc_member", "bachelor", {}, {}, {}, {}, {}, {}, {}, {}};
    a.direction = "up";
    a.batch_year = 2005;
    a.home_unit = {"隆昌县国土资源局", "county_dept", "隆昌县"};
    a.home_post = "地籍股股长";
    a.host_unit = {"市国土资源局", "city_organ", ""};
    a.host_post = "地籍管理科科长助理";
    a.start = {2005, 8, 1};
    a.end = {2006, 7, 31};
    return a;
}

} // namespace

TEST_CASE("rules: is_non_party by default") {
    Policy cfg;
    CHECK_FALSE(is_non_party("cpc_member", cfg));
    CHECK_FALSE(is_non_party("cpc_probationary", cfg));
    CHECK(is_non_party("cyl_member", cfg));
    CHECK(is_non_party("rcckmt", cfg));
    CHECK(is_non_party("jiusan", cfg));
    CHECK(is_non_party("non_partisan", cfg));
    CHECK(is_non_party("masses", cfg));
}

TEST_CASE("rules: is_non_party with non_party_exclude") {
    Policy cfg;
    cfg.non_party_exclude = {"masses", "cyl_member"};
    CHECK_FALSE(is_non_party("masses", cfg));
    CHECK_FALSE(is_non_party("cyl_member", cfg));
    CHECK(is_non_party("non_partisan", cfg));
    CHECK(is_non_party("cdl", cfg));
    CHECK_FALSE(is_non_party("cpc_member", cfg));
    // Excluding a CPC status changes nothing: it never counted.
    cfg.non_party_exclude = {"cpc_member"};
    CHECK_FALSE(is_non_party("cpc_member", cfg));
    CHECK(is_non_party("masses", cfg));
}

TEST_CASE("rules: non_party_statuses lists every non-CPC status minus the excluded") {
    Policy cfg;
    auto all = non_party_statuses(cfg);
    CHECK(all.size() == 11);
    CHECK_FALSE(has(all, "cpc_member"));
    CHECK_FALSE(has(all, "cpc_probationary"));
    CHECK(has(all, "masses"));
    CHECK(has(all, "cyl_member"));
    CHECK(has(all, "non_partisan"));
    CHECK(has(all, "tdsl"));
    cfg.non_party_exclude = {"masses"};
    auto fewer = non_party_statuses(cfg);
    CHECK(fewer.size() == 10);
    CHECK_FALSE(has(fewer, "masses"));
    CHECK(has(fewer, "cyl_member"));
}

TEST_CASE("rules: infer_unit_kind from the unit's name") {
    CHECK(infer_unit_kind("越溪镇") == "township");
    CHECK(infer_unit_kind("伏龙乡") == "township");
    CHECK(infer_unit_kind("玉溪街道") == "township");
    CHECK(infer_unit_kind("玉溪街道办事处") == "township");
    CHECK(infer_unit_kind("越溪镇人民政府") == "township");
    CHECK(infer_unit_kind("资中县财政局") == "county_dept");
    CHECK(infer_unit_kind("东兴区委组织部") == "county_dept");
    CHECK(infer_unit_kind("隆昌县委政法委") == "county_dept");
    CHECK(infer_unit_kind("市中区财政局") == "county_dept");
    CHECK(infer_unit_kind("市财政局") == "city_organ");
    CHECK(infer_unit_kind("市委组织部") == "city_organ");
    CHECK(infer_unit_kind("市人口和计划生育局") == "city_organ");
    CHECK(infer_unit_kind("市经济开发区管委会") == "city_organ"); // 区 late in the name is no county
    CHECK(infer_unit_kind("档案馆") == "county_dept");          // no clue: the common case
}

TEST_CASE("rules: host_kind_for a direction") {
    CHECK(host_kind_for("up") == "city_organ");
    CHECK(host_kind_for("down") == "township");
}

TEST_CASE("rules: terms_overlap counts touching days (inclusive ends)") {
    Date s1{2006, 8, 1}, e1{2007, 7, 31};
    CHECK(terms_overlap(s1, e1, {2007, 7, 31}, {2008, 7, 30}));  // share the last day
    CHECK_FALSE(terms_overlap(s1, e1, {2007, 8, 1}, {2008, 7, 31})); // the day after
    CHECK(terms_overlap(s1, e1, {2005, 8, 1}, {2006, 8, 1}));    // share the first day
    CHECK_FALSE(terms_overlap(s1, e1, {2005, 8, 1}, {2006, 7, 31}));
    CHECK(terms_overlap(s1, e1, {2006, 10, 1}, {2006, 10, 1})); // inside
    CHECK(terms_overlap(s1, e1, {2005, 1, 1}, {2009, 1, 1}));   // around
    CHECK(terms_overlap(s1, e1, s1, e1));                        // the same
    // Symmetric.
    CHECK(terms_overlap({2007, 7, 31}, {2008, 7, 30}, s1, e1));
    CHECK_FALSE(terms_overlap({2007, 8, 1}, {2008, 7, 31}, s1, e1));
}

TEST_CASE("rules: status_on a day, through extension and recall") {
    Assignment a;
    a.start = {2006, 8, 1};
    a.end = {2007, 7, 31};
    CHECK(status_on(a, {2006, 7, 31}) == "planned");
    CHECK(status_on(a, a.start) == "active");
    CHECK(status_on(a, a.end) == "active");
    CHECK(status_on(a, {2007, 8, 1}) == "completed");
    a.extended_until = Date{2007, 10, 31};
    CHECK(status_on(a, a.end) == "active");
    CHECK(status_on(a, {2007, 8, 1}) == "extended");
    CHECK(status_on(a, {2007, 10, 31}) == "extended");
    CHECK(status_on(a, {2007, 11, 1}) == "completed");
    a.extended_until.reset();
    a.recalled_on = Date{2007, 1, 15};
    CHECK(status_on(a, {2007, 1, 15}) == "active");
    CHECK(status_on(a, {2007, 1, 16}) == "recalled");
    CHECK(status_on(a, {2008, 1, 1}) == "recalled");
    CHECK(status_on(a, {2006, 7, 1}) == "planned");
}

TEST_CASE("rules: extension needs the home unit's consent and a later end") {
    Assignment a;
    a.start = {2006, 8, 1};
    a.end = {2007, 7, 31};
    CHECK(guazhi::cli::words(refuse_extension(a, {2007, 10, 31}, false).value()).find("home unit's consent") != std::string::npos);
    CHECK_FALSE(refuse_extension(a, {2007, 10, 31}, true));
    CHECK(guazhi::cli::words(refuse_extension(a, {2007, 7, 31}, true).value()).find("not after the current end") != std::string::npos);
    a.extended_until = Date{2007, 10, 31};
    CHECK(refuse_extension(a, {2007, 9, 30}, true).has_value());
    CHECK_FALSE(refuse_extension(a, {2007, 12, 31}, true));
    a.recalled_on = Date{2007, 1, 1};
    CHECK(guazhi::cli::words(refuse_extension(a, {2008, 1, 1}, true).value()).find("recalled") != std::string::npos);
}

TEST_CASE("rules: recall only for promotion or the education campaign, or with the host's consent") {
    Assignment a;
    a.start = {2006, 8, 1};
    a.end = {2007, 7, 31};
    CHECK_FALSE(refuse_recall(a, {2007, 1, 15}, "promotion", false));
    CHECK_FALSE(refuse_recall(a, {2007, 1, 15}, "education_campaign", false));
    CHECK(guazhi::cli::words(refuse_recall(a, {2007, 1, 15}, "special", false).value()).find("host unit's consent") != std::string::npos);
    CHECK_FALSE(refuse_recall(a, {2007, 1, 15}, "special", true));
    CHECK(guazhi::cli::words(refuse_recall(a, {2007, 1, 15}, "boredom", true).value()).find("unknown recall reason") != std::string::npos);
    CHECK(refuse_recall(a, {2006, 7, 31}, "promotion", false).has_value()); // before the term
    CHECK(refuse_recall(a, {2007, 7, 31}, "promotion", false).has_value()); // the last day is no early end
    CHECK_FALSE(refuse_recall(a, {2006, 8, 1}, "promotion", false));
    a.recalled_on = Date{2007, 1, 15};
    CHECK(guazhi::cli::words(refuse_recall(a, {2007, 1, 10}, "promotion", false).value()).find("already recalled") != std::string::npos);
}

TEST_CASE("rules: completion at or after the end of the term, not after a recall") {
    Assignment a;
    a.start = {2006, 8, 1};
    a.end = {2007, 7, 31};
    CHECK_FALSE(refuse_completion(a, {2007, 7, 31}));
    CHECK_FALSE(refuse_completion(a, {2007, 8, 10}));
    CHECK(guazhi::cli::words(refuse_completion(a, {2007, 7, 30}).value()).find("an early end is a recall") != std::string::npos);
    a.extended_until = Date{2007, 9, 30};
    CHECK(refuse_completion(a, {2007, 8, 10}).has_value());
    a.recalled_on = Date{2007, 1, 15};
    CHECK(guazhi::cli::words(refuse_completion(a, {2007, 10, 1}).value()).find("recalled") != std::string::npos);
}

TEST_CASE("rules: host quota, allowance days, Party membership") {
    Policy config;
    CHECK_FALSE(over_host_quota(0, config));
    CHECK(over_host_quota(1, config));
    config.max_per_host_per_batch = 2;
    CHECK_FALSE(over_host_quota(1, config));
    CHECK(over_host_quota(2, config));
    config.max_per_host_per_batch = 0;
    CHECK_FALSE(over_host_quota(1000, config));

    Assignment a;
    a.start = {2006, 8, 1};
    a.end = {2007, 7, 31};
    CHECK(allowance_days(a) == 365);
    a.extended_until = Date{2007, 8, 31};
    CHECK(allowance_days(a) == 396);
    a.recalled_on = Date{2006, 8, 10};
    CHECK(allowance_days(a) == 10);
    a = Assignment{};
    a.start = {2007, 8, 1};
    a.end = {2008, 7, 31}; // spans 2008-02-29
    CHECK(allowance_days(a) == 366);

    CHECK(is_party_member("cpc_member"));
    CHECK(is_party_member("cpc_probationary"));
    CHECK_FALSE(is_party_member("cyl_member"));
    CHECK_FALSE(is_party_member("non_partisan"));
}

TEST_CASE("rules: same_assignment ignores the id but nothing else of the term") {
    Assignment a = sample();
    Assignment b = sample();
    b.id = 42;
    CHECK(same_assignment(a, b));
    b.cadre.education = "master"; // the cadre's data is checked by cadre_conflicts
    CHECK(same_assignment(a, b));
    b = sample();
    b.host_post = "科长助理";
    CHECK_FALSE(same_assignment(a, b));
    b = sample();
    b.end = {2006, 8, 31};
    CHECK_FALSE(same_assignment(a, b));
    b = sample();
    b.batch_year = 2006;
    CHECK_FALSE(same_assignment(a, b));
    b = sample();
    b.home_unit.name = "隆昌县国土局";
    CHECK_FALSE(same_assignment(a, b));
    b = sample();
    b.direction = "down";
    CHECK_FALSE(same_assignment(a, b));
}

TEST_CASE("rules: cadre_differences lists contradicting fields, empty values say nothing") {
    Cadre stored = sample().cadre;
    Cadre given = stored;
    CHECK(cadre_differences(stored, given).empty());
    given.education = "";
    given.ethnicity = "";
    CHECK(cadre_differences(stored, given).empty()); // not given: no difference
    given.name = "罗宏灵";
    given.political_status = "masses";
    auto c = cadre_differences(stored, given);
    REQUIRE(c.size() == 2);
    CHECK((c[0].field == "name" && c[0].recorded == "罗鸿灵" && c[0].given == "罗宏灵"));
    CHECK((c[1].field == "political_status" && c[1].recorded == "cpc_member" && c[1].given == "masses"));
    given = stored;
    given.categories = {"selected_graduate", "county_reserve"};
    auto d = cadre_differences(stored, given);
    REQUIRE(d.size() == 1);
    CHECK((d[0].field == "categories" && d[0].recorded.empty() && d[0].given == "selected_graduate;county_reserve"));
}
