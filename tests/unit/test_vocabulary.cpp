#include "domain/dimension.hpp"
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
    std::string msg = english(political_statuses().unknown("火星人"));
    CHECK(msg.starts_with("unknown political status '火星人' (expected one of: "));
    CHECK(contains(msg, "中共党员 (cpc_member)"));
    CHECK(contains(msg, "无党派人士 (non_partisan)"));
    CHECK(contains(msg, "群众 (masses)"));
    CHECK(msg.ends_with(")"));
    std::string d = english(directions().unknown("横挂"));
    CHECK(d == "unknown direction '横挂' (expected one of: 上挂 (up), 下派 (down))");
    // Long lists are cut after 14 choices.
    std::string e = english(ethnicities().unknown("x"));
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
                                &educations(), &ethnicities(), &statuses(), &recall_reasons(), &report_kinds(),
                                &grades(), &recipients(), &note_kinds()}) {
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

TEST_CASE("vocabulary: recall reasons by the labels and the spellings --help shows") {
    const auto& v = recall_reasons();
    for (auto text : {"promotion", "提拔", "提拔使用", "提拔任用"}) CHECK(code(v, text) == "promotion");
    for (auto text : {"education_campaign", "education-campaign", "先进性教育活动", "参加先进性教育活动", "先教活动"})
        CHECK(code(v, text) == "education_campaign");
    for (auto text : {"special", "特殊工作", "特殊工作需要"}) CHECK(code(v, text) == "special");
    CHECK(code(v, "调动") == "<none>");
    CHECK(code(v, "提") == "<none>");
}

TEST_CASE("vocabulary: 挂职 alone is an ambiguous direction, refused with every accepted spelling") {
    CHECK(code(directions(), "挂职") == "<none>");
    CHECK(code(directions(), "挂职锻炼") == "<none>");
    CHECK(code(directions(), "上挂锻炼") == "up");
    CHECK(code(directions(), "上派") == "up");
    CHECK(code(directions(), "下派锻炼") == "down");
    const std::string expected = "ambiguous direction '挂职': say which (accepted: 上挂/up/上挂锻炼/上派 (up), "
                                 "下派/down/下挂/下派锻炼 (down))";
    CHECK(directions().unknown("挂职") == expected);
    CHECK(english(directions().unknown("挂职锻炼")).starts_with("ambiguous direction '挂职锻炼': say which (accepted: 上挂/up/"));
    // Any other miss keeps the short message.
    CHECK(directions().unknown("横挂") == "unknown direction '横挂' (expected one of: 上挂 (up), 下派 (down))");
    CHECK(english(statuses().unknown("挂职")).starts_with("unknown status '挂职'"));
}

namespace {
// codes_of_list as "code code | unknown: piece piece".
std::string list(std::string_view text) {
    std::vector<std::string> unknown;
    auto codes = categories().codes_of_list(text, unknown);
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : " ") + c;
    if (!unknown.empty()) {
        out += " | unknown:";
        for (const auto& u : unknown) out += " " + u;
    }
    return out;
}
} // namespace

TEST_CASE("vocabulary: a category list separated by spaces as well as , 、 ， /") {
    for (auto text : {"选调生;县级后备干部", "选调生、县级后备干部", "选调生，县级后备干部", "选调生,县级后备干部",
                      "选调生；县级后备干部", "选调生/县级后备干部", "选调生 县级后备干部", "选调生  县级后备干部",
                      " 选调生 、 后备干部 ", "选调生 县级后备干部 选调生"}) {
        CAPTURE(text);
        CHECK(list(text) == "selected_graduate county_reserve");
    }
    CHECK(list("后备干部 选调生 少数民族 女干部") == "county_reserve selected_graduate ethnic_minority female_cadre");
    CHECK(list("选调生") == "selected_graduate");
    CHECK(list("") == "");
    // English labels have spaces of their own: a run of words that is one spelling is one piece.
    CHECK(list("selected graduate county_reserve") == "selected_graduate county_reserve");
    CHECK(list("selected graduate; county-level reserve cadre") == "selected_graduate county_reserve");
    CHECK(list("ethnic minority female cadre") == "ethnic_minority female_cadre");
    // What is no category is reported, consecutive unknown words as one piece.
    CHECK(list("选调生 党员") == "selected_graduate | unknown: 党员");
    CHECK(list("选调 生、后备干部") == "county_reserve | unknown: 选调 生");
    CHECK(list("selected 选调生 graduate") == "selected_graduate | unknown: selected graduate");
}

TEST_CASE("dimension: stats --by takes keys, Chinese labels and the usual names") {
    auto one = [](std::string_view text) { return std::string(info(parse_dimensions(text).at(0)).key); };
    for (auto [text, key] : std::vector<std::pair<std::string_view, std::string_view>>{
             {"县区", "home_county"}, {"所属县区", "home_county"}, {"county", "home_county"}, {"区县", "home_county"},
             {"派出单位", "home_unit"}, {"派员单位", "home_unit"}, {"接收单位", "host_unit"}, {"挂职单位", "host_unit"},
             {"政治面貌", "political_status"}, {"性别", "gender"}, {"民族", "ethnicity"}, {"学历", "education"},
             {"年龄段", "age_band"}, {"年龄", "age_band"}, {"类别", "category"}, {"干部类别", "category"},
             {"状态", "status"}, {"等次", "grade"}, {"年度考核等次", "grade"}, {"考核等次", "grade"},
             {"挂职类型", "direction"}, {"方向", "direction"}, {"年度", "batch_year"}, {"批次", "batch_year"},
             {"党内外", "party"}, {"原单位层级", "origin_level"}, {"HOME_COUNTY", "home_county"},
         }) {
        CAPTURE(text);
        CHECK(one(text) == key);
    }
    // Several, separated by ASCII or full-width commas or spaces.
    auto keys = [](std::string_view text) {
        std::string out;
        for (Dimension d : parse_dimensions(text)) out += (out.empty() ? "" : ",") + std::string(info(d).key);
        return out;
    };
    CHECK(keys("县区,性别") == "home_county,gender");
    CHECK(keys("县区，性别") == "home_county,gender");
    CHECK(keys("县区 性别 民族") == "home_county,gender,ethnicity");
    CHECK(keys("挂职类型，政治面貌") == "direction,political_status");
    // An unknown or repeated one is refused.
    CHECK_THROWS(parse_dimensions("籍贯"));
    CHECK_THROWS(parse_dimensions("县区,所属县区"));
    // Every alias leads to one dimension only.
    std::set<std::string_view> seen;
    for (const auto& d : dimensions()) {
        CHECK(seen.insert(d.key).second);
        CHECK(seen.insert(d.zh).second);
        for (auto a : d.aliases) {
            CAPTURE(a);
            CHECK(seen.insert(a).second);
        }
    }
}

TEST_CASE("dimension: --where keys in English and Chinese") {
    auto key = [](std::string_view text) {
        auto k = filter_key(text);
        return k ? std::string(*k) : std::string("<none>");
    };
    CHECK(key("county") == "county");
    CHECK(key("home_county") == "county");
    CHECK(key("home-county") == "county");
    CHECK(key("所属县区") == "county");
    CHECK(key("县区") == "county");
    CHECK(key("政治面貌") == "political_status");
    CHECK(key("political_status") == "political_status");
    CHECK(key("年度") == "year");
    CHECK(key("batch_year") == "year");
    CHECK(key("挂职类型") == "direction");
    CHECK(key("状态") == "status");
    CHECK(key("派出单位") == "home");
    CHECK(key("接收单位") == "host");
    CHECK(key("类别") == "category");
    CHECK(key("干部类别") == "category");
    CHECK(key("党外干部") == "non_party");
    CHECK(key("NON-PARTY") == "non_party");
    CHECK(key("籍贯") == "<none>");
}
