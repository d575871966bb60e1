#include "domain/roster_cells.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace guazhi;

namespace {
std::pair<std::string, std::string> period(std::string_view cell) {
    auto p = split_period(cell);
    REQUIRE(p);
    return {p->start, p->end};
}
std::pair<std::string, std::string> unit_post(std::string_view cell, const std::set<std::string>& known = {}) {
    auto s = split_unit_post(cell, [&](std::string_view u) { return known.count(std::string(u)) > 0; });
    INFO(cell);
    INFO(english(s.error));
    REQUIRE(s.value);
    return {s.value->unit, s.value->post};
}
std::string unit_post_error(std::string_view cell) {
    auto s = split_unit_post(cell, {});
    CHECK_FALSE(s.value);
    return english(s.error);
}
} // namespace

TEST_CASE("roster cells: a term in one cell, every way clerks write it") {
    using P = std::pair<std::string, std::string>;
    CHECK(period("2007.08—2008.07") == P{"2007.08", "2008.07"});
    CHECK(period("2007.8-2008.7") == P{"2007.8", "2008.7"});
    CHECK(period("2007年8月至2008年7月") == P{"2007年8月", "2008年7月"});
    CHECK(period("2007-08-01—2008-07-31") == P{"2007-08-01", "2008-07-31"});
    CHECK(period("2007-08-01-2008-07-31") == P{"2007-08-01", "2008-07-31"}); // '-' also inside the dates
    CHECK(period("2007-08-2008-07") == P{"2007-08", "2008-07"});
    CHECK(period("2007.08–2008.07") == P{"2007.08", "2008.07"});
    CHECK(period("2007.08~2008.07") == P{"2007.08", "2008.07"});
    CHECK(period("2007.08～2008.07") == P{"2007.08", "2008.07"}); // full-width tilde
    CHECK(period("2007.08——2008.07") == P{"2007.08", "2008.07"});
    CHECK(period("2007.08--2008.07") == P{"2007.08", "2008.07"}); // as the LRMX export writes it
    CHECK(period("2007.08 — 2008.07") == P{"2007.08", "2008.07"});
    CHECK(period("2007/8/1到2008/7/31") == P{"2007/8/1", "2008/7/31"});
    CHECK(period("２００７．０８－２００８．０７") == P{"2007.08", "2008.07"}); // full-width digits and dash
    // An open end: the term's default length applies.
    CHECK(period("2007.08—") == P{"2007.08", ""});
    CHECK(period("2007.08至今") == P{"2007.08", ""});
    CHECK_FALSE(split_period("2007.08"));
    CHECK_FALSE(split_period(""));
    CHECK_FALSE(split_period("一年"));
}

TEST_CASE("roster cells: a unit and a post in one cell") {
    using P = std::pair<std::string, std::string>;
    CHECK(unit_post("白马镇副镇长") == P{"白马镇", "副镇长"});
    CHECK(unit_post("市财政局预算科科长助理") == P{"市财政局", "预算科科长助理"});
    CHECK(unit_post("资中县财政局副局长") == P{"资中县财政局", "副局长"});
    CHECK(unit_post("东兴区司法局办公室副主任") == P{"东兴区司法局", "办公室副主任"});
    CHECK(unit_post("市委办公室副主任") == P{"市委办公室", "副主任"});
    CHECK(unit_post("市委组织部干部科科长") == P{"市委组织部", "干部科科长"});
    CHECK(unit_post("资中县委办公室综合股股长") == P{"资中县委办公室", "综合股股长"});
    CHECK(unit_post("市纪委案件审理室副主任") == P{"市纪委", "案件审理室副主任"});
    CHECK(unit_post("市委副秘书长") == P{"市委", "副秘书长"});
    CHECK(unit_post("县委组织部部长") == P{"县委组织部", "部长"});
    CHECK(unit_post("白马镇党委副书记") == P{"白马镇", "党委副书记"});
    CHECK(unit_post("市外事办科员") == P{"市外事办", "科员"});
    CHECK(unit_post("东兴区西林街道办事处副主任") == P{"东兴区西林街道办事处", "副主任"});
    CHECK(unit_post("市财政局") == P{"市财政局", ""});
    // Rule 1: a space between them, as our own 花名册 writes (an ideographic space is one too).
    CHECK(unit_post("市政协研究室　科长助理") == P{"市政协研究室", "科长助理"});
    CHECK(unit_post("威远县建设局 规划股股长") == P{"威远县建设局", "规划股股长"});
    // Rule 2: a unit already recorded, the longest first.
    CHECK(unit_post("市委政法委综治科副科长", {"市委政法委"}) == P{"市委政法委", "综治科副科长"});
    CHECK(unit_post("市政协研究室科长助理", {"市政协", "市政协研究室"}) == P{"市政协研究室", "科长助理"});
    // Uncertain: never guessed.
    CHECK(unit_post_error("科长助理").find("cannot tell where the unit ends") != std::string::npos);
    CHECK(unit_post_error("白马镇综治") .find("put the unit and the post in columns of their own") != std::string::npos);
    CHECK(unit_post_error("市政协研究室科长助理理").find("'市政协研究室科长助理理'") != std::string::npos);
}

TEST_CASE("roster cells: education as typed keeps the level and the kind apart") {
    auto e = split_education("全日制本科");
    CHECK(e.level == "本科");
    CHECK(e.kind == "fulltime");
    e = split_education("在职研究生");
    CHECK(e.level == "研究生");
    CHECK(e.kind == "inservice");
    e = split_education("全日制大学");
    CHECK(e.level == "大学");
    e = split_education("本科（在职）");
    CHECK(e.level == "本科");
    CHECK(e.kind == "inservice");
    e = split_education("大专");
    CHECK(e.level == "大专");
    CHECK(e.kind.empty());
    CHECK(split_education("全日制本科学历").level == "本科");
}

TEST_CASE("roster cells: names lose their padding, keep the minority name's dot") {
    CHECK(clean_person_name("李\xE3\x80\x80芳") == "李芳");
    CHECK(clean_person_name("王 强") == "王强");
    CHECK(clean_person_name(" 王  强 ") == "王强");
    CHECK(clean_person_name("阿依古丽·买买提") == "阿依古丽·买买提");
    CHECK(clean_person_name("阿依古丽•买买提") == "阿依古丽·买买提");
    CHECK(clean_person_name("阿依古丽・买买提") == "阿依古丽·买买提");
    CHECK(clean_person_name("阿依古丽 · 买买提") == "阿依古丽·买买提");
    CHECK(clean_person_name("Zhang San") == "Zhang San");
    CHECK(clean_person_name("张\xE2\x80\x8B明") == "张明"); // a zero-width space
}
