#include "domain/vocabulary.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace guazhi;

using guazhi::test::contains;

namespace {

std::string code(const Vocabulary& v, std::string_view text) {
    auto c = v.code_of(text);
    return c ? std::string(*c) : "<none>";
}

} // namespace

TEST_CASE("vocabulary: political status labels and aliases") {
    const auto& v = political_statuses();
    CHECK(code(v, "党员") == "cpc_member");
    CHECK(code(v, "中国共产党党员") == "cpc_member");
    CHECK(code(v, "中共党员") == "cpc_member");
    CHECK(code(v, "cpc_member") == "cpc_member");
    CHECK(code(v, "CPC_MEMBER") == "cpc_member");
    CHECK(code(v, "cpc member") == "cpc_member");
    CHECK(code(v, "中共预备党员") == "cpc_probationary");
    CHECK(code(v, "预备党员") == "cpc_probationary");
    CHECK(code(v, "无党派民主人士") == "non_partisan");
    CHECK(code(v, "无党派人士") == "non_partisan");
    CHECK(code(v, "团员") == "cyl_member");
    CHECK(code(v, "共青团员") == "cyl_member");
    CHECK(code(v, "群众") == "masses");
    CHECK(code(v, "民革会员") == "rcckmt");
    CHECK(code(v, "九三学社社员") == "jiusan");
    CHECK(code(v, "农工党党员") == "cpwdp");
    CHECK(code(v, "党") == "<none>");
    CHECK(code(v, "") == "<none>");
    CHECK(code(v, " 党员") == "<none>"); // callers clean input first
    CHECK(v.terms().size() == 13);
    CHECK(v.what() == "political status");
}

TEST_CASE("vocabulary: labels in Chinese and English") {
    CHECK(political_statuses().label("cpc_member", Lang::zh) == "中共党员");
    CHECK(political_statuses().label("cpc_member", Lang::en) == "CPC member");
    CHECK(political_statuses().label("masses", Lang::zh) == "群众");
    CHECK(directions().label("up", Lang::zh) == "上挂");
    CHECK(directions().label("down", Lang::zh) == "下派");
    CHECK(directions().label("down", Lang::en) == "down");
    CHECK(unit_kinds().label("city_organ", Lang::zh) == "市级机关");
    CHECK(unit_kinds().label("county_dept", Lang::en) == "county department");
    CHECK(categories().label("selected_graduate", Lang::zh) == "选调生");
    CHECK(categories().label("county_reserve", Lang::zh) == "县级后备干部");
    CHECK(genders().label("female", Lang::zh) == "女");
    CHECK(statuses().label("active", Lang::zh) == "在岗");
    // An unknown code is shown as itself.
    CHECK(political_statuses().label("martian", Lang::zh) == "martian");
    CHECK(political_statuses().label("", Lang::en) == "");
}

TEST_CASE("vocabulary: unknown() names the kind, the text and the choices") {
    std::string msg = political_statuses().unknown("火星人");
    CHECK(msg.starts_with("unknown political status '火星人' (expected one of: "));
    CHECK(contains(msg, "中共党员 (cpc_member)"));
    CHECK(contains(msg, "无党派人士 (non_partisan)"));
    CHECK(contains(msg, "群众 (masses)"));
    CHECK(msg.ends_with(")"));
    std::string d = directions().unknown("横挂");
    CHECK(d == "unknown direction '横挂' (expected one of: 上挂 (up), 下派 (down))");
    // Long lists are cut after 14 choices.
    std::string e = ethnicities().unknown("x");
    CHECK(contains(e, "汉族 (han)"));
    CHECK(contains(e, ", …)"));
    CHECK_FALSE(contains(e, "基诺族"));
}

TEST_CASE("vocabulary: 56 ethnicities with the short form as an alias") {
    const auto& v = ethnicities();
    CHECK(v.terms().size() == 56);
    CHECK(code(v, "汉族") == "han");
    CHECK(code(v, "汉") == "han");
    CHECK(code(v, "回族") == "hui");
    CHECK(code(v, "回") == "hui");
    CHECK(code(v, "彝族") == "yi");
    CHECK(code(v, "蒙古") == "mongol");
    CHECK(code(v, "土家族") == "tujia");
    CHECK(code(v, "土族") == "tu");
    CHECK(code(v, "土") == "tu");
    CHECK(code(v, "基诺族") == "jino");
    CHECK(code(v, "HAN") == "han");
    CHECK(v.label("han", Lang::zh) == "汉族");
    CHECK(code(v, "族") == "<none>");
    std::set<std::string_view> codes;
    for (const auto& t : v.terms()) codes.insert(t.code);
    CHECK(codes.size() == 56);
}

TEST_CASE("vocabulary: every spelling of every term leads back to its own code") {
    // Catches two terms sharing a label or alias (the second would silently lose it).
    for (const Vocabulary* v : {&directions(), &political_statuses(), &unit_kinds(), &categories(), &genders(),
                                &educations(), &ethnicities(), &statuses()}) {
        for (const Term& t : v->terms()) {
            CAPTURE(v->what());
            CAPTURE(t.code);
            CHECK(code(*v, t.code) == t.code);
            CHECK(code(*v, t.zh) == t.code);
            CHECK(code(*v, t.en) == t.code);
            for (auto a : t.aliases) {
                CAPTURE(a);
                CHECK(code(*v, a) == t.code);
            }
        }
    }
}

TEST_CASE("vocabulary: full-width forms of labels match as their ASCII forms") {
    // Imported values pass through util::clean(), which turns "（" into "("; the aliases
    // written with full-width brackets must still match.
    CHECK(code(unit_kinds(), "乡镇（街道）") == "township");
    CHECK(code(unit_kinds(), "乡镇(街道)") == "township");
    CHECK(code(educations(), "研究生(硕士)") == "master");
    CHECK(code(educations(), "研究生（博士）") == "doctorate");
}

TEST_CASE("vocabulary: other enumerations") {
    CHECK(code(directions(), "上挂") == "up");
    CHECK(code(directions(), "下派") == "down");
    CHECK(code(directions(), "下挂") == "down");
    CHECK(code(directions(), "UP") == "up");
    CHECK(code(unit_kinds(), "乡镇") == "township");
    CHECK(code(unit_kinds(), "县区部门") == "county_dept");
    CHECK(code(unit_kinds(), "市直") == "city_organ");
    CHECK(code(categories(), "后备干部") == "county_reserve");
    CHECK(code(categories(), "选调生") == "selected_graduate");
    CHECK(code(genders(), "男") == "male");
    CHECK(code(genders(), "F") == "female");
    CHECK(code(educations(), "本科") == "bachelor");
    CHECK(code(educations(), "大专") == "associate");
    CHECK(code(educations(), "研究生") == "master");
    CHECK(code(statuses(), "期满") == "completed");
}

TEST_CASE("vocabulary: parse_lang") {
    CHECK(parse_lang("zh") == Lang::zh);
    CHECK(parse_lang("zh-CN") == Lang::zh);
    CHECK(parse_lang("Chinese") == Lang::zh);
    CHECK(parse_lang("中文") == Lang::zh);
    CHECK(parse_lang("EN") == Lang::en);
    CHECK(parse_lang("english") == Lang::en);
    CHECK_FALSE(parse_lang("fr").has_value());
    CHECK_FALSE(parse_lang("").has_value());
}
