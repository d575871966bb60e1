#include "domain/roster.hpp"
#include "fixture.hpp"
#include "flags.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace guazhi;

using guazhi::test::contains;

namespace {

std::string& at(RowValues& v, Field f) { return v[static_cast<std::size_t>(f)]; }

// 罗鸿灵, from DOMAIN.md's 2005 batch, with only the required fields (and a few more).
RowValues minimal_row() {
    RowValues v;
    at(v, Field::id_number) = "511028197003141730";
    at(v, Field::name) = "罗鸿灵";
    at(v, Field::political_status) = "中共党员";
    at(v, Field::home_unit) = "隆昌县国土资源局";
    at(v, Field::direction) = "上挂";
    at(v, Field::host_unit) = "市国土资源局";
    at(v, Field::start_date) = "2005-08-01";
    return v;
}

// 郑晓婷, born in October 1978.
RowValues october_row() {
    RowValues v = minimal_row();
    at(v, Field::id_number) = "511028197810304380";
    at(v, Field::name) = "郑晓婷";
    at(v, Field::home_unit) = "隆昌县发展和改革局";
    at(v, Field::host_unit) = "市发改委";
    return v;
}

// The messages for one field, joined.
std::string problems_for(const RowResult& r, Field f) {
    std::string out;
    for (const auto& p : r.problems)
        if (p.field == f) out += (out.empty() ? "" : " | ") + english(p.message);
    return out;
}

bool only_problem_in(const RowResult& r, Field f) {
    return !r.problems.empty() &&
           std::all_of(r.problems.begin(), r.problems.end(), [&](const FieldProblem& p) { return p.field == f; });
}

} // namespace

TEST_CASE("roster: the fields and their specs") {
    const auto& fields = roster_fields();
    CHECK(fields.size() == kFieldCount);
    for (std::size_t i = 0; i < fields.size(); ++i) CHECK(static_cast<std::size_t>(fields[i].field) == i);
    CHECK(spec(Field::id_number).zh == "身份证号");
    CHECK(spec(Field::host_unit).key == "host_unit");
    std::vector<std::string_view> required;
    for (const auto& s : fields)
        if (s.required) required.push_back(s.key);
    CHECK(required == std::vector<std::string_view>{"id_number", "name", "political_status", "home_unit", "host_unit",
                                                    "start_date"});
}

TEST_CASE("roster: field_for_header with Chinese, English, aliases and stray spaces") {
    CHECK(field_for_header("身份证号") == Field::id_number);
    CHECK(field_for_header("身份证号码") == Field::id_number);
    CHECK(field_for_header("公民身份号码") == Field::id_number);
    CHECK(field_for_header("id_number") == Field::id_number);
    CHECK(field_for_header("ID_Number") == Field::id_number);
    CHECK(field_for_header("  姓名 ") == Field::name);
    CHECK(field_for_header("\xE3\x80\x80姓名\xE3\x80\x80") == Field::name);
    CHECK(field_for_header("ＮＡＭＥ") == Field::name);
    CHECK(field_for_header("出生日期") == Field::birth_date);
    CHECK(field_for_header("派员单位") == Field::home_unit);
    CHECK(field_for_header("原单位") == Field::home_unit);
    CHECK(field_for_header("所属县（区）") == Field::home_county);
    CHECK(field_for_header("所属县(区)") == Field::home_county);
    CHECK(field_for_header("挂职单位") == Field::host_unit);
    CHECK(field_for_header("挂职方式") == Field::direction);
    CHECK(field_for_header("挂职开始日期") == Field::start_date);
    CHECK(field_for_header("截止日期") == Field::end_date);
    CHECK(field_for_header("批次") == Field::batch_year);
    CHECK(field_for_header("batch_year") == Field::batch_year);
    CHECK(field_for_header("备注") == Field::remark);
    CHECK(field_for_header("公民身份号码") == Field::id_number);
    CHECK(field_for_header("现工作单位") == Field::home_unit);
    CHECK(field_for_header("原任职务") == Field::home_post);
    CHECK(field_for_header("拟挂任职务") == Field::host_post);
    CHECK(field_for_header("挂职结束时间") == Field::end_date);
    CHECK(field_for_header("人员类别") == Field::categories);
    CHECK(field_for_header("挂职类型") == Field::direction);
    CHECK(field_for_header("*姓名") == Field::name);
    CHECK(field_for_header("姓名：") == Field::name);
    CHECK_FALSE(field_for_header("").has_value());
    CHECK_FALSE(field_for_header("爱好").has_value());
    // Spaces inside a header do not count: 姓　名 is 姓名.
    CHECK(field_for_header("姓 名") == Field::name);
    CHECK(field_for_header("姓\xE3\x80\x80名") == Field::name);
}

TEST_CASE("roster: validate_row happy path fills defaults from the ID and the start") {
    Policy cfg;
    auto r = validate_row(minimal_row(), cfg);
    REQUIRE(r.problems.empty());
    REQUIRE(r.assignment);
    const Assignment& a = *r.assignment;
    CHECK(a.id == 0);
    CHECK(a.cadre.id_number == "511028197003141730");
    CHECK(a.cadre.name == "罗鸿灵");
    CHECK(a.cadre.gender == "male");        // from the ID number
    CHECK(a.cadre.birth_date == "1970-03-14"); // from the ID number
    CHECK(a.cadre.political_status == "cpc_member");
    CHECK(a.cadre.ethnicity.empty());
    CHECK(a.cadre.education.empty());
    CHECK(a.cadre.categories.empty());
    CHECK(a.direction == "up");
    CHECK(a.home_unit == Unit{"隆昌县国土资源局", "county_dept", ""});
    CHECK(a.host_unit == Unit{"市国土资源局", "city_organ", ""});
    CHECK(a.start == util::Date{2005, 8, 1});
    CHECK(a.end == util::Date{2006, 7, 31}); // start + 12 months - 1 day
    CHECK(a.batch_year == 2005);             // the start's year
}

TEST_CASE("roster: validate_row with every field given") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::id_number) = "51101119760922324x";
    at(v, Field::name) = "苏莉";
    at(v, Field::gender) = "女";
    at(v, Field::ethnicity) = "汉族";
    at(v, Field::birth_date) = "1976-09";
    at(v, Field::political_status) = "党员";
    at(v, Field::education) = "本科";
    at(v, Field::categories) = "县级后备干部、选调生、选调生";
    at(v, Field::home_unit) = "东兴区司法局";
    at(v, Field::home_county) = "东兴区";
    at(v, Field::home_level) = "县区部门";
    at(v, Field::home_post) = "办公室副主任,主任科员";
    at(v, Field::host_unit) = "市司法局";
    at(v, Field::host_post) = "基层工作科副科长";
    at(v, Field::start_date) = "2005/8/1";
    at(v, Field::end_date) = "2006年7月31日";
    at(v, Field::batch_year) = "2005";
    auto r = validate_row(v, cfg);
    REQUIRE(r.problems.empty());
    const Assignment& a = *r.assignment;
    CHECK(a.cadre.id_number == "51101119760922324X");
    CHECK(a.cadre.gender == "female");
    CHECK(a.cadre.ethnicity == "han");
    CHECK(a.cadre.birth_date == "1976-09-22");
    CHECK(a.cadre.education == "bachelor");
    // Vocabulary order, duplicates dropped.
    CHECK(a.cadre.categories == std::vector<std::string>{"selected_graduate", "county_reserve"});
    CHECK(a.home_unit == Unit{"东兴区司法局", "county_dept", "东兴区"});
    CHECK(a.home_post == "办公室副主任,主任科员");
    CHECK(a.host_post == "基层工作科副科长");
    CHECK(a.end == util::Date{2006, 7, 31});
}

TEST_CASE("roster: a masked ID number is a typed problem that names the way to the full number") {
    RowValues v = minimal_row();
    v[static_cast<std::size_t>(Field::id_number)] = "511***********1730";
    auto r = validate_row(v, Policy{});
    REQUIRE(r.problems.size() == 1);
    const FieldProblem& p = r.problems[0];
    CHECK(p.field == Field::id_number);
    REQUIRE(p.problem);
    CHECK(p.problem->code == ProblemCode::id_masked);
    CHECK(p.problem->subject == Parameter::reveal_id);
    // The command line names its flag; lib's own wording names the parameter.
    CHECK(describe(p, guazhi::cli::flag_of) ==
          "ID number '511***********1730' is masked; export again with --reveal-id to import");
    CHECK(describe(p, by_domain_name) == "ID number '511***********1730' is masked; export again with reveal_id to import");
}

TEST_CASE("roster: term_months from the config sets the default end") {
    Policy cfg;
    cfg.term_months = 6;
    auto r = validate_row(minimal_row(), cfg);
    REQUIRE(r.assignment);
    CHECK(r.assignment->end == util::Date{2006, 1, 31});
}

TEST_CASE("roster: a down-dispatched cadre gets a township host and the given batch year") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::id_number) = "511002197205055810";
    at(v, Field::name) = "付强";
    at(v, Field::political_status) = "民盟盟员";
    at(v, Field::home_unit) = "市规划局";
    at(v, Field::direction) = "下派";
    at(v, Field::host_unit) = "白马镇";
    at(v, Field::start_date) = "2006-08-01";
    at(v, Field::batch_year) = "2007";
    auto r = validate_row(v, cfg);
    REQUIRE(r.assignment);
    CHECK(r.assignment->direction == "down");
    CHECK(r.assignment->home_unit.kind == "city_organ");
    CHECK(r.assignment->host_unit.kind == "township");
    CHECK(r.assignment->batch_year == 2007);
}

TEST_CASE("roster: the birth month must agree with the ID number") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::birth_date) = "1970.03";
    CHECK(validate_row(v, cfg).problems.empty());
    at(v, Field::birth_date) = "1970年3月";
    CHECK(validate_row(v, cfg).problems.empty());
    at(v, Field::birth_date) = "1970.04";
    auto r = validate_row(v, cfg);
    CHECK_FALSE(r.assignment);
    CHECK(only_problem_in(r, Field::birth_date));
    CHECK(problems_for(r, Field::birth_date) == "'1970.04' does not agree with the ID number's birth month 1970-03");
    at(v, Field::birth_date) = "1971-03";
    CHECK(only_problem_in(validate_row(v, cfg), Field::birth_date));
    at(v, Field::birth_date) = "March 1970";
    auto bad = validate_row(v, cfg);
    CHECK(only_problem_in(bad, Field::birth_date));
    CHECK(contains(problems_for(bad, Field::birth_date), "is not a month"));
}

TEST_CASE("roster: 1985.1 is accepted as a mangled 1985.10 when the ID says October") {
    Policy cfg;
    RowValues v = october_row();
    at(v, Field::birth_date) = "1978.1";
    auto r = validate_row(v, cfg);
    CHECK(r.problems.empty());
    REQUIRE(r.assignment);
    CHECK(r.assignment->cadre.birth_date == "1978-10-30");
    at(v, Field::birth_date) = "1978.10";
    CHECK(validate_row(v, cfg).problems.empty());
    // Other spellings of January are not mangled Octobers.
    at(v, Field::birth_date) = "1978.01";
    CHECK(only_problem_in(validate_row(v, cfg), Field::birth_date));
    at(v, Field::birth_date) = "1978-1";
    CHECK(only_problem_in(validate_row(v, cfg), Field::birth_date));
    // And 1970.1 for someone born in March is wrong.
    RowValues m = minimal_row();
    at(m, Field::birth_date) = "1970.1";
    CHECK(only_problem_in(validate_row(m, cfg), Field::birth_date));
}

TEST_CASE("roster: the gender must agree with the ID number") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::gender) = "男";
    CHECK(validate_row(v, cfg).problems.empty());
    at(v, Field::gender) = "女";
    auto r = validate_row(v, cfg);
    CHECK_FALSE(r.assignment);
    CHECK(only_problem_in(r, Field::gender));
    CHECK(problems_for(r, Field::gender) == "'女' does not agree with the ID number (男)");
    at(v, Field::gender) = "未知";
    auto u = validate_row(v, cfg);
    CHECK(only_problem_in(u, Field::gender));
    CHECK(contains(problems_for(u, Field::gender), "unknown gender '未知'"));
}

TEST_CASE("roster: the end date may not be before the start") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::end_date) = "2005-07-31";
    auto r = validate_row(v, cfg);
    CHECK(only_problem_in(r, Field::end_date));
    CHECK(problems_for(r, Field::end_date) == "2005-07-31 is before the start date 2005-08-01");
    at(v, Field::end_date) = "2005-08-01"; // a one-day term is allowed
    CHECK(validate_row(v, cfg).problems.empty());
}

TEST_CASE("roster: bad dates and years are reported on their fields") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::start_date) = "2005-02-30";
    auto r = validate_row(v, cfg);
    CHECK(only_problem_in(r, Field::start_date));
    CHECK(problems_for(r, Field::start_date) == "'2005-02-30' is not a real date");
    v = minimal_row();
    at(v, Field::end_date) = "someday";
    CHECK(only_problem_in(validate_row(v, cfg), Field::end_date));
    v = minimal_row();
    at(v, Field::batch_year) = "05";
    auto y = validate_row(v, cfg);
    CHECK(only_problem_in(y, Field::batch_year));
    CHECK(problems_for(y, Field::batch_year) == "'05' is not a year");
}

TEST_CASE("roster: an unknown direction is reported with the choices") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::direction) = "横挂";
    auto r = validate_row(v, cfg);
    CHECK_FALSE(r.assignment);
    CHECK(only_problem_in(r, Field::direction));
    CHECK(problems_for(r, Field::direction) == "unknown direction '横挂' (expected one of: 上挂 (up), 下派 (down))");
}

TEST_CASE("roster: unknown enumeration values name their field") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::political_status) = "火星人";
    CHECK(only_problem_in(validate_row(v, cfg), Field::political_status));
    v = minimal_row();
    at(v, Field::ethnicity) = "火星族";
    CHECK(only_problem_in(validate_row(v, cfg), Field::ethnicity));
    v = minimal_row();
    at(v, Field::categories) = "选调生;专家";
    auto c = validate_row(v, cfg);
    CHECK(only_problem_in(c, Field::categories));
    CHECK(contains(problems_for(c, Field::categories), "'专家'"));
    v = minimal_row();
    at(v, Field::home_level) = "省直";
    CHECK(only_problem_in(validate_row(v, cfg), Field::home_level));
    v = minimal_row();
    at(v, Field::id_number) = "511028197003141731";
    CHECK(only_problem_in(validate_row(v, cfg), Field::id_number));
}

TEST_CASE("roster: the host unit may not be the home unit") {
    Policy cfg;
    RowValues v = minimal_row();
    at(v, Field::host_unit) = "隆昌县国土资源局";
    auto r = validate_row(v, cfg);
    CHECK(only_problem_in(r, Field::host_unit));
    CHECK(problems_for(r, Field::host_unit) == "is the same unit as the home unit");
}

TEST_CASE("roster: each missing required field is reported on its Field") {
    Policy cfg;
    for (Field f : {Field::id_number, Field::name, Field::political_status, Field::home_unit, Field::host_unit,
                    Field::start_date}) {
        CAPTURE(spec(f).key);
        RowValues v = minimal_row();
        at(v, f).clear();
        auto r = validate_row(v, cfg);
        CHECK_FALSE(r.assignment);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].field == f);
        CHECK(r.problems[0].message == "is required");
    }
    // An empty row reports every required field.
    auto r = validate_row(RowValues{}, cfg);
    CHECK(r.problems.size() == 6);
}

TEST_CASE("roster: optional fields may be empty") {
    Policy cfg;
    for (Field f : {Field::gender, Field::ethnicity, Field::birth_date, Field::education, Field::categories,
                    Field::home_county, Field::home_level, Field::home_post, Field::host_post, Field::end_date,
                    Field::batch_year}) {
        CAPTURE(spec(f).key);
        CHECK_FALSE(spec(f).required);
    }
    CHECK(validate_row(minimal_row(), cfg).problems.empty());
}

TEST_CASE("roster: to_row round trip") {
    Policy cfg;
    RowValues v = october_row();
    at(v, Field::gender) = "女";
    at(v, Field::ethnicity) = "回族";
    at(v, Field::birth_date) = "1978.1";
    at(v, Field::education) = "硕士";
    at(v, Field::categories) = "县级后备干部；女干部；选调生";
    at(v, Field::home_county) = "隆昌县";
    at(v, Field::home_post) = "投资股副股长";
    at(v, Field::host_post) = "投资科副科长";
    at(v, Field::end_date) = "2006-06-30";
    at(v, Field::batch_year) = "2005";
    auto first = validate_row(v, cfg);
    REQUIRE(first.assignment);
    RowValues row = to_row(*first.assignment);
    CHECK(at(row, Field::id_number) == "511028197810304380");
    CHECK(at(row, Field::gender) == "female");
    CHECK(at(row, Field::ethnicity) == "hui");
    CHECK(at(row, Field::birth_date) == "1978-10-30");
    CHECK(at(row, Field::political_status) == "cpc_member");
    CHECK(at(row, Field::education) == "master");
    CHECK(at(row, Field::categories) == "selected_graduate;county_reserve;female_cadre");
    CHECK(at(row, Field::home_level) == "county_dept");
    CHECK(at(row, Field::direction) == "up");
    CHECK(at(row, Field::start_date) == "2005-08-01");
    CHECK(at(row, Field::end_date) == "2006-06-30");
    CHECK(at(row, Field::batch_year) == "2005");

    auto second = validate_row(row, cfg);
    REQUIRE(second.problems.empty());
    guazhi::test::check_same(*second.assignment, *first.assignment);
    CHECK(to_row(*second.assignment) == row);
}
