#include "render/assignment_view.hpp"
#include "fixture.hpp"
#include "render/format.hpp"
#include "util/json.hpp"
#include "render/stats_view.hpp"
#include "render/table.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace guazhi;

using guazhi::test::contains;
using guazhi::test::figure;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

YearStats seed_2006() {
    // The seed's 2006 batch, in YearStats field order.
    YearStats s{2006, 27, 21, 6, 13, 7, 6, 4, 4, 8, 5, 4, 1};
    return s;
}

Assignment sample() {
    Assignment a;
    a.id = 7;
    a.cadre = {"51101119760922324X", "苏莉", "female", "han", "1976-09-22", "cdl", "bachelor",
               {"county_reserve", "female_cadre"}, {}, {}, {}, {}, {}, {}, {}};
    a.direction = "up";
    a.batch_year = 2005;
    a.home_unit = {"东兴区司法局", "county_dept", "东兴区"};
    a.home_post = "办公室副主任,主任科员";
    a.host_unit = {"市司法局", "city_organ", ""};
    a.host_post = "基层工作科副科长";
    a.start = {2005, 8, 1};
    a.end = {2006, 7, 31};
    return a;
}

} // namespace

TEST_CASE("render: display_width counts CJK characters as two cells") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("中文") == 4);
    CHECK(display_width("市财政局") == 8);
    CHECK(display_width("a中b") == 4);
    CHECK(display_width("２００６") == 8); // full-width forms are wide too
    CHECK(display_width("—") == 1);
}

TEST_CASE("render: render_table aligns CJK columns by display width") {
    std::vector<TableColumn> columns = {{"姓名"}, {"单位"}, {"人数", true}};
    std::vector<std::vector<std::string>> rows = {
        {"何俊杰", "市财政局", "1"},
        {"Li", "市委组织部", "12"},
        {"欧阳", "x", "123"},
    };
    std::string text = render_table(columns, rows);
    auto lines = lines_of(text);
    REQUIRE(lines.size() == 5);
    // Widths: 6 (何俊杰), 10 (市委组织部), 4 (人数); two spaces between columns.
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(display_width(line) == 6 + 2 + 10 + 2 + 4);
    }
    CHECK(lines[1] == std::string(24, '-'));
    CHECK(lines[0] == "姓名    单位        人数");
    CHECK(lines[2] == "何俊杰  市财政局       1");
    CHECK(lines[3] == "Li      市委组织部    12");
    CHECK(lines[4] == "欧阳    x            123");
    // Every cell of the second column starts at the same display column.
    for (std::size_t i : {0u, 2u, 3u, 4u}) {
        std::string cell = i == 0 ? std::string("单位") : rows[i - 2][1];
        auto pos = lines[i].find(cell);
        REQUIRE(pos != std::string::npos);
        CHECK(display_width(lines[i].substr(0, pos)) == 8);
    }
}

TEST_CASE("render: render_table trims trailing spaces and tolerates short rows") {
    std::vector<TableColumn> columns = {{"a"}, {"bbbb"}};
    std::string text = render_table(columns, {{"x"}, {"yy", "z"}});
    CHECK(text == "a   bbbb\n--------\nx\nyy  z\n");
    std::vector<TableColumn> one = {TableColumn{"only", false}};
    CHECK(render_table(one, {}) == "only\n----\n");
}

TEST_CASE("render: json_quote escapes quotes, backslashes and control characters") {
    CHECK(json_quote("") == "\"\"");
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(json_quote("a\\b") == "\"a\\\\b\"");
    CHECK(json_quote("l1\nl2\r\t") == "\"l1\\nl2\\r\\t\"");
    CHECK(json_quote(std::string_view("\x01\x1f\0", 3)) == "\"\\u0001\\u001f\\u0000\"");
    CHECK(json_quote("中文/x") == "\"中文/x\"");
    CHECK(json_quote("\x7f") == "\"\x7f\"");
}

TEST_CASE("render: JsonWriter nesting, pretty") {
    JsonWriter json;
    json.begin_object();
    json.key("a").value(1);
    json.key("b").begin_array().value(true).null().value("x").end_array();
    json.key("c").begin_object().end_object();
    json.key("d").begin_array().end_array();
    json.key("e").begin_object().key("f").value(std::int64_t{-2}).end_object();
    json.end_object();
    CHECK(json.str() == "{\n"
                        "  \"a\": 1,\n"
                        "  \"b\": [\n"
                        "    true,\n"
                        "    null,\n"
                        "    \"x\"\n"
                        "  ],\n"
                        "  \"c\": {},\n"
                        "  \"d\": [],\n"
                        "  \"e\": {\n"
                        "    \"f\": -2\n"
                        "  }\n"
                        "}\n");
}

TEST_CASE("render: JsonWriter nesting, compact") {
    JsonWriter json(JsonLayout::one_line);
    json.begin_array();
    json.begin_object().key("k").value("v").key("n").value(false).end_object();
    json.begin_array().value(1).value(2).end_array();
    json.value(0.5);
    json.end_array();
    CHECK(json.str() == "[{\"k\":\"v\",\"n\":false},[1,2],0.5]");
}

TEST_CASE("render: JsonWriter numbers") {
    JsonWriter json(JsonLayout::one_line);
    json.begin_array().value(13.0 / 27.0).value(std::numeric_limits<double>::infinity()).value(0.1).end_array();
    const std::string& text = json.str();
    CHECK(text.starts_with("[0.48148148148148"));
    CHECK(text.ends_with(",null,0.1]"));
}

TEST_CASE("render: percent with one decimal") {
    auto fs = figures(seed_2006());
    CHECK(percent(figure(fs, "non_party")) == "48.1%");
    CHECK(percent(figure(fs, "selected_or_reserve")) == "29.6%");
    CHECK(percent(figure(fs, "up")) == "77.8%");
    CHECK(percent(figure(fs, "non_party_down")) == "100.0%");
    CHECK(percent(figure(fs, "total")) == ""); // a plain count
    auto empty = figures(YearStats{});
    CHECK(percent(figure(empty, "non_party")) == "—");
}

namespace {
Summary summary_of(const YearStats& y) {
    Summary s;
    s.stats = y;
    s.as_of = {2007, 1, 1};
    return s;
}
} // namespace

TEST_CASE("render: summary as JSON") {
    Config config;
    std::string text = render_summary(summary_of(seed_2006()), Format::json, Lang::zh);
    CHECK(text.starts_with("{\n  \"batch_year\": 2006,\n  \"as_of\": \"2007-01-01\",\n  \"total\": {\n    \"count\": 27\n  },\n"));
    CHECK(contains(text, "\"non_party\": {\n    \"count\": 13,\n    \"denominator\": 27,\n    \"of\": \"total\",\n"
                         "    \"share\": 0.48148148148148"));
    CHECK_FALSE(contains(text, "null"));
    CHECK(text.ends_with("}\n"));

    YearStats none;
    none.year = 2010;
    std::string zero = render_summary(summary_of(none), Format::json, Lang::zh);
    CHECK(contains(zero, "\"batch_year\": 2010"));
    CHECK(contains(zero, "\"share\": null"));
    CHECK(contains(zero, "\"up_from_township_non_party\": {\n    \"count\": 0,\n    \"denominator\": 0,\n"
                         "    \"of\": \"up_from_township\",\n    \"share\": null\n  }"));
    CHECK_FALSE(contains(zero, "nan"));
}

TEST_CASE("render: summary as CSV, table and markdown") {
    Config config;
    std::string csv = render_summary(summary_of(seed_2006()), Format::csv, Lang::zh);
    auto lines = lines_of(csv);
    REQUIRE(lines.size() == 15);
    CHECK(lines[0] == "key,label,count,denominator,share");
    CHECK(lines[1] == "total,挂职干部总数,27,,");
    CHECK(lines[4] == "non_party,党外干部,13,27,48.1%");
    CHECK(lines[9] == "selected_or_reserve,选调生和县级后备干部,8,27,29.6%");
    CHECK(render_summary(summary_of(seed_2006()), Format::csv, Lang::en).find("non_party,non-Party cadres,13,27,48.1%") !=
          std::string::npos);

    std::string table = render_summary(summary_of(seed_2006()), Format::table, Lang::zh);
    auto rows = lines_of(table);
    REQUIRE(rows.size() == 17);
    CHECK(rows[0] == "2006 年度挂职干部统计");
    CHECK(rows[1].starts_with("指标"));
    CHECK(rows[6].starts_with("党外干部 "));
    CHECK(rows[6].ends_with("48.1%"));
    CHECK(rows[7].starts_with("  其中上挂")); // a breakdown is indented
    CHECK(render_summary(summary_of(seed_2006()), Format::table, Lang::en).starts_with("Secondment batch 2006\n"));

    std::string md = render_summary(summary_of(seed_2006()), Format::markdown, Lang::zh);
    CHECK(md.starts_with("## 2006 年度挂职干部统计\n\n| 指标 | 人数 | 基数 | 占比 |\n|---|---:|---:|---:|\n"));
    CHECK(contains(md, "| 党外干部 | 13 | 27 | 48.1% |\n"));
}

TEST_CASE("render: bar charts scale to the largest value, in blocks or ASCII") {
    std::vector<Bar> bars = {{"资中县", 8, "29.6%"}, {"市直", 4, ""}, {"A", 0, ""}};
    auto text = render_bars("人数", bars, true, 8);
    auto lines = lines_of(text);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "人数");
    CHECK(lines[1] == "资中县 │ ████████ 8 (29.6%)");
    CHECK(lines[2] == "市直   │ ████ 4");
    CHECK(lines[3] == "A      │ 0");
    auto ascii = lines_of(render_bars("", bars, false, 8));
    CHECK(ascii[0] == "资中县 | ######## 8 (29.6%)");
    CHECK(ascii[1] == "市直   | #### 4");
    CHECK(lines_of(render_bars("", {{"x", 3, ""}, {"y", 1, ""}}, true, 4))[1] == "y │ █▍ 1"); // 4/3 cells
}

TEST_CASE("render: parse_format") {
    CHECK(parse_format("table") == Format::table);
    CHECK(parse_format("csv") == Format::csv);
    CHECK(parse_format("json") == Format::json);
    CHECK_FALSE(parse_format("JSON").has_value());
    CHECK_FALSE(parse_format("xml").has_value());
}

TEST_CASE("render: an assignment in a listing, in JSON and shown") {
    Assignment a = sample();
    Config cfg;
    util::Date during{2006, 1, 1};

    auto cells = list_cells(a, Lang::zh, during);
    REQUIRE(cells.size() == list_columns(Lang::zh).size());
    CHECK(cells == std::vector<std::string>{"7", "苏莉", "上挂", "2005", "东兴区司法局", "市司法局", "基层工作科副科长",
                                            "民盟盟员", "2005-08-01~2006-07-31", "在岗"});
    CHECK(list_cells(a, Lang::en, {2006, 8, 1})[9] == "completed");
    CHECK(list_columns(Lang::en)[1].header == "name");

    JsonWriter masked(JsonLayout::one_line);
    write_assignment_json(masked, a, during, cfg, false);
    CHECK(masked.str().starts_with("{\"id\":7,\"status\":\"active\",\"non_party\":true,\"id_number\":\"511***********324X\","));
    CHECK(contains(masked.str(), "\"categories\":[\"county_reserve\",\"female_cadre\"]"));
    CHECK(contains(masked.str(), "\"batch_year\":2005,\"education_fulltime\":\"\",\"education_inservice\":\"\","
                                 "\"native_place\":\"\",\"started_work\":\"\",\"joined_party\":\"\",\"rank\":\"\","
                                 "\"phone\":\"\",\"remark\":\"\",\"programme\":\"\",\"extended_until\":null,"
                                 "\"recalled_on\":null,\"recall_reason\":\"\",\"effective_end\":\"2006-07-31\"}"));
    // The phone is personal data: masked as the ID number is, unless revealed.
    Assignment with_phone = a;
    with_phone.cadre.phone = "13812345678";
    JsonWriter phone_masked(JsonLayout::one_line), phone_revealed(JsonLayout::one_line);
    write_assignment_json(phone_masked, with_phone, during, cfg, false);
    write_assignment_json(phone_revealed, with_phone, during, cfg, true);
    CHECK(contains(phone_masked.str(), "\"phone\":\"138****5678\""));
    CHECK(contains(phone_revealed.str(), "\"phone\":\"13812345678\""));
    CHECK(contains(show_text(with_phone, Lang::zh, during, cfg, false), "138****5678"));
    CHECK_FALSE(contains(show_text(with_phone, Lang::zh, during, cfg, false), "13812345678"));
    CHECK_FALSE(contains(masked.str(), "51101119760922324X"));
    JsonWriter revealed(JsonLayout::one_line);
    write_assignment_json(revealed, a, during, cfg, true);
    CHECK(contains(revealed.str(), "\"id_number\":\"51101119760922324X\""));
    CHECK(contains(revealed.str(), "\"home_post\":\"办公室副主任,主任科员\""));

    std::string shown = show_text(a, Lang::zh, during, cfg, false);
    CHECK(contains(shown, "511***********324X"));
    CHECK_FALSE(contains(shown, "51101119760922324X"));
    CHECK(contains(shown, "民盟盟员（党外干部）"));
    CHECK(contains(shown, "县级后备干部、女干部"));
    CHECK(contains(shown, "东兴区司法局 (县区部门, 东兴区)"));
    // Labels are padded to one display width, so values line up.
    for (const auto& line : lines_of(shown)) {
        CAPTURE(line);
        auto pos = line.find("  ");
        REQUIRE(pos != std::string::npos);
        std::size_t value_at = line.find_first_not_of(' ', pos);
        CHECK(display_width(line.substr(0, value_at)) == 14); // 参加工作时间: 12 cells + 2 spaces
    }
    Config excluded;
    excluded.policy.non_party_exclude = {"cdl"};
    CHECK_FALSE(contains(show_text(a, Lang::zh, during, excluded, true), "党外干部"));
}
