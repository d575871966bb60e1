#include "domain/roster_layout.hpp"

#include <doctest/doctest.h>

using namespace guazhi;

namespace {
using Rows = std::vector<std::vector<std::string>>;

ColumnMeaning field(Field f) { return {ColumnKind::field, f}; }

// The meaning of each column of the header found in `rows`.
std::vector<std::optional<ColumnMeaning>> meanings(const HeaderSearch& s) {
    std::vector<std::optional<ColumnMeaning>> out;
    for (const auto& c : s.layout->columns) out.push_back(c.meaning);
    return out;
}
} // namespace

TEST_CASE("roster layout: headers clerks write") {
    ColumnAliases none;
    CHECK(meaning_of_header("公民身份号码", none) == field(Field::id_number));
    CHECK(meaning_of_header("姓　名", none) == field(Field::name));
    CHECK(meaning_of_header("原工作单位", none) == field(Field::home_unit));
    CHECK(meaning_of_header("现工作单位", none) == field(Field::home_unit));
    CHECK(meaning_of_header("接收单位", none) == field(Field::host_unit));
    CHECK(meaning_of_header("拟挂任职务", none) == field(Field::host_post));
    CHECK(meaning_of_header("挂职开始时间", none) == field(Field::start_date));
    CHECK(meaning_of_header("干部类别", none) == field(Field::categories));
    CHECK(meaning_of_header("挂职方式", none) == field(Field::direction));
    CHECK(meaning_of_header("出生年月（年.月）", none) == field(Field::birth_date)); // a note in brackets
    CHECK(meaning_of_header("所属县（区）", none) == field(Field::home_county));  // an alias with brackets
    CHECK(meaning_of_header("序号", none) == ColumnMeaning{ColumnKind::serial});
    for (auto h : {"挂职时间", "挂职起止时间", "挂职期限"})
        CHECK(meaning_of_header(h, none) == ColumnMeaning{ColumnKind::period});
    for (auto h : {"现工作单位及职务", "派出单位及职务", "工作单位及职务", "单位/职务"})
        CHECK(meaning_of_header(h, none) == ColumnMeaning{ColumnKind::home_unit_post});
    for (auto h : {"挂职单位及职务", "接收单位及挂职职务", "挂职单位和职务"})
        CHECK(meaning_of_header(h, none) == ColumnMeaning{ColumnKind::host_unit_post});
    CHECK(meaning_of_header("状态", none) == ColumnMeaning{ColumnKind::derived});
    CHECK_FALSE(meaning_of_header("爱好", none));
    // A user's alias comes first, even over a built-in header.
    ColumnAliases mine = {{"原单位名称", field(Field::home_unit)}, {"单位", field(Field::host_unit)}};
    CHECK(meaning_of_header("原单位名称", mine) == field(Field::home_unit));
    CHECK(meaning_of_header("单位", mine) == field(Field::host_unit));
    CHECK(meaning_of_target("home_unit") == field(Field::home_unit));
    CHECK(meaning_of_target("派出单位") == field(Field::home_unit));
    CHECK(meaning_of_target("ignore") == ColumnMeaning{ColumnKind::ignored});
    CHECK_FALSE(meaning_of_target("nonsense"));
}

TEST_CASE("roster layout: the header under a title, 填表单位 and 说明 lines") {
    Rows rows = {{"2007年度挂职干部花名册"},
                 {"填表单位：市委组织部", "", "", "填表日期：2007年7月"},
                 {"说明：挂职类型填上挂或下派"},
                 {"序号", "姓名", "身份证号码", "政治面貌", "原单位", "挂职单位", "挂职开始时间"},
                 {"1", "张明", "511025198003150018", "中共党员", "资中县财政局", "市外事办", "2007-08-01"}};
    HeaderSearch s = find_header(rows, {});
    REQUIRE(s.layout);
    CHECK(s.row == 3);
    CHECK(s.layout->header_rows == 1);
    CHECK(meanings(s)[0] == ColumnMeaning{ColumnKind::serial});
    CHECK(meanings(s)[4] == field(Field::home_unit));
}

TEST_CASE("roster layout: a merged title repeated over every column is not a header row") {
    std::vector<std::string> title(7, "2007年度挂职干部花名册");
    Rows rows = {title, {"序号", "姓名", "身份证号", "政治面貌", "派出单位", "接收单位", "开始日期"}};
    HeaderSearch s = find_header(rows, {});
    REQUIRE(s.layout);
    CHECK(s.row == 1);
    CHECK(s.layout->header_rows == 1);
}

TEST_CASE("roster layout: two-row headers, as CSV (group label beside empty cells) and as merged cells") {
    // CSV / .xls: the group label in the first row, the cells beside it empty.
    Rows csv = {{"姓名", "身份证号", "政治面貌", "派出单位", "", "挂职单位", "", "挂职起止时间", ""},
                {"", "", "", "单位", "职务", "单位", "职务", "起", "止"},
                {"张明", "511025198003150018", "中共党员", "资中县财政局", "副局长", "市外事办", "科长助理", "2007.08", "2008.07"}};
    // .xlsx: merged cells give their value to every cell they span, across and down.
    Rows merged = {{"姓名", "身份证号", "政治面貌", "派出单位", "派出单位", "挂职单位", "挂职单位", "挂职起止时间",
                    "挂职起止时间"},
                   {"姓名", "身份证号", "政治面貌", "单位", "职务", "单位", "职务", "起", "止"},
                   csv[2]};
    for (const Rows* rows : {&csv, &merged}) {
        HeaderSearch s = find_header(*rows, {});
        REQUIRE(s.layout);
        CHECK(s.row == 0);
        CHECK(s.layout->header_rows == 2);
        auto m = meanings(s);
        CHECK(m[0] == field(Field::name));
        CHECK(m[3] == field(Field::home_unit));
        CHECK(m[4] == field(Field::home_post));
        CHECK(m[5] == field(Field::host_unit));
        CHECK(m[6] == field(Field::host_post));
        CHECK(m[7] == field(Field::start_date));
        CHECK(m[8] == field(Field::end_date));
        CHECK(s.layout->columns[4].header == "派出单位/职务");
    }
}

TEST_CASE("roster layout: a group row of our own words over the real headers") {
    Rows rows = {{"基本情况", "基本情况", "基本情况", "挂职情况", "挂职情况", "挂职情况"},
                 {"姓名", "身份证号", "政治面貌", "派出单位", "接收单位", "开始日期"},
                 {"张明", "511025198003150018", "中共党员", "资中县财政局", "市外事办", "2007-08-01"}};
    HeaderSearch s = find_header(rows, {});
    REQUIRE(s.layout);
    // Either reading gives the same columns; the data starts on the third row.
    CHECK(s.row + s.layout->header_rows == 2);
    CHECK(meanings(s)[3] == field(Field::home_unit));
}

TEST_CASE("roster layout: 学历 over 全日制教育 and 在职教育") {
    Rows rows = {{"姓名", "身份证号", "政治面貌", "学历", "学历", "派出单位", "接收单位", "开始日期"},
                 {"姓名", "身份证号", "政治面貌", "全日制教育", "在职教育", "派出单位", "接收单位", "开始日期"},
                 {"张明", "511025198003150018", "中共党员", "本科", "研究生", "资中县财政局", "市外事办", "2007-08-01"}};
    HeaderSearch s = find_header(rows, {});
    REQUIRE(s.layout);
    CHECK(s.layout->header_rows == 2);
    CHECK(meanings(s)[3] == field(Field::education_fulltime));
    CHECK(meanings(s)[4] == field(Field::education_inservice));
}

TEST_CASE("roster layout: without a header, the closest row and what it lacks") {
    Rows rows = {{"花名册"}, {"姓名", "身份证号", "单位"}, {"张明", "511025198003150018", "资中县财政局"}};
    HeaderSearch s = find_header(rows, {});
    CHECK_FALSE(s.layout);
    REQUIRE(s.closest);
    CHECK(*s.closest == 1);
    CHECK(s.missing == std::vector<std::string>{"政治面貌 (political_status)", "接收单位 (host_unit)",
                                                "开始日期 (start_date)"});
}

TEST_CASE("roster layout: footer lines, and rows that are not") {
    using C = std::vector<std::string>;
    for (const C& footer : {C{"填表人：王科员", "", "审核人：李科长"}, C{"", "合计", "27人"}, C{"共计：27人"},
                            C{"备注：挂职期间工资由派出单位发放"}, C{"说明:1.本表一式两份"}, C{"制表：市委组织部"},
                            C{"负责人：张三"}, C{"（以下空白）"}, C{"以下空白"}})
        CHECK(is_footer_row(footer));
    for (const C& data : {C{"1", "张明", "511025198003150018"}, C{"备注", "x"}, C{""},
                          C{"合计", "511025198003150018"}}) // an ID number: a secondee's row, however it begins
        CHECK_FALSE(is_footer_row(data));
}
