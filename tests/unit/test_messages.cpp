// The messages of lib/util, lib/domain and the config loader in both languages (issue 20): the
// English stays the text the code writes, the Chinese comes from the built-in catalog, with the
// value quoted and nested messages (a vocabulary's name, Excel's hint, a list) translated too.
#include "config.hpp"
#include "domain/appraisal.hpp"
#include "domain/filter.hpp"
#include "domain/roster_cells.hpp"
#include "domain/schedule.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "util/catalog.hpp"
#include "util/csv.hpp"
#include "util/date.hpp"
#include "util/encoding.hpp"
#include "util/id_number.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>

using namespace guazhi;

namespace {

std::string zh(const Message& m) { return util::words(m, Lang::zh); }
std::string en(const Message& m) { return util::words(m, Lang::en); }

bool has(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Whether the text holds a CJK ideograph (U+4E00..U+9FFF: E4 B8 80 .. E9 BF BF in UTF-8).
bool has_cjk(std::string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xE4 && c <= 0xE9 && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) return true;
    }
    return false;
}

// The message of the Error that `f` throws.
template <class F> Message thrown(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.message();
    }
    FAIL("nothing was thrown");
    return {};
}

} // namespace

TEST_CASE("messages: a date that is not one, in Chinese and in the English of before") {
    auto bad = util::parse_date("2006-13-01");
    REQUIRE_FALSE(bad);
    CHECK(en(bad.error) == "'2006-13-01' is not a real date");
    CHECK(has_cjk(zh(bad.error)));
    CHECK(has(zh(bad.error), "“2006-13-01”"));
    CHECK(zh(bad.error) == "日历上没有“2006-13-01”这一天");

    auto words = util::parse_date("明年八月");
    CHECK(en(words.error) == "'明年八月' is not a date (2006-08-01, 2006/8/1, 2006.8.1, 2006年8月1日 or an Excel date number)");
    CHECK(zh(words.error).starts_with("“明年八月”不是日期（"));
    CHECK(zh(util::parse_date("").error) == "日期为空");

    auto month = util::parse_year_month("1978.13");
    CHECK(en(month.error) == "'1978.13' has no month 13");
    CHECK(zh(month.error) == "“1978.13”中的月份 13 不存在");
    CHECK(zh(util::parse_year_month("x").error).starts_with("“x”不是年月"));

    auto term = util::parse_term_date("八月", util::MonthDay::first);
    CHECK(has(en(term.error), "a month such as 2006.08 or 2006年8月"));
    CHECK(has(zh(term.error), "或年月如 2006.08"));
}

TEST_CASE("messages: an ID number that is wrong says why in Chinese") {
    auto check = util::parse_id_number("340524198001010010");
    REQUIRE_FALSE(check);
    CHECK(en(check.error) == "ID number '340524198001010010' has a wrong check digit (expected X)");
    CHECK(zh(check.error) == "身份证号“340524198001010010”校验位错误（应为 X）");

    // Excel's hint is a message of its own, translated inside the sentence.
    auto excel = util::parse_id_number("5.10322E+17");
    CHECK(en(excel.error) ==
          "ID number '5.10322E+17': Excel has turned it into a number; format the column as text and re-enter it");
    CHECK(zh(excel.error) == "身份证号“5.10322E+17”：Excel 已把它变成了数字；请把该列设为文本格式后重新录入");
    auto zeros = util::parse_id_number("510322198001010000");
    CHECK(has(zh(zeros.error), "末尾是几个 0"));
    CHECK(has(zh(zeros.error), "设为文本格式"));

    CHECK(zh(util::parse_id_number("").error) == "身份证号为空");
    CHECK(has(zh(util::parse_id_number("340524800101001").error), "旧的 15 位号码"));
    CHECK(has(zh(util::parse_id_number("34052419800101001Y").error), "17 位数字加 1 位校验码"));
    CHECK(has(zh(util::parse_id_number("340***********001X").error), "隐去中间部分"));
    auto born = util::parse_id_number("340524198002300019");
    CHECK(has(en(born.error), "holds no real birth date (19800230)"));
    CHECK(has(zh(born.error), "出生日期（19800230）不存在"));
}

TEST_CASE("messages: a vocabulary's miss names the vocabulary in the reader's language") {
    auto m = political_statuses().unknown("火星人");
    CHECK(en(m).starts_with("unknown political status '火星人' (expected one of: 中共党员 (cpc_member), "));
    CHECK(zh(m).starts_with("未知的政治面貌“火星人”（应为以下之一：中共党员 (cpc_member)、"));
    CHECK(zh(directions().unknown("横挂")) == "未知的挂职类型“横挂”（应为以下之一：上挂 (up)、下派 (down)）");
    // Long lists are cut after 14 choices, in Chinese too.
    CHECK(zh(ethnicities().unknown("x")).ends_with("、…）"));
    CHECK(has(zh(directions().unknown("挂职")), "有歧义"));
}

TEST_CASE("messages: periods, votes, a unit and post, an appraisal") {
    CHECK(has(zh(parse_period("3x").error), "“3x”不是时长"));

    Assignment a;
    a.start = {2006, 8, 1};
    a.end = {2007, 7, 31};
    auto schedule = report_schedule(a, Policy{});
    auto outside = resolve_period(schedule, "quarterly", "Q9");
    CHECK(en(outside.error).starts_with("Q9 is outside the term; its quarterly periods are: Q1 (2006-08-01..2006-10-31), Q2"));
    CHECK(zh(outside.error).starts_with("Q9 不在挂职期内；各季度为：Q1 (2006-08-01..2006-10-31)、Q2"));
    CHECK(has(zh(resolve_period(schedule, "semiannual", "2009H1").error), "挂职期内没有在 2009H1 结束的半年"));
    CHECK(has(zh(resolve_period(schedule, "quarterly", "final").error), "不是季度期次"));

    auto votes = parse_votes("优秀=abc");
    CHECK(en(votes.error) == "优秀: 'abc' is not a whole number of votes");
    CHECK(zh(votes.error) == "优秀: “abc”不是整数票数");
    CHECK(zh(parse_votes("优秀=0,称职=0").error) == "各项票数均为 0：没有投票");

    auto split = split_unit_post("某某某", {});
    REQUIRE_FALSE(split.value);
    CHECK(has(en(split.error), "cannot tell where the unit ends and the post begins in '某某某'"));
    CHECK(zh(split.error).starts_with("无法分辨“某某某”中单位到哪里为止"));

    FinalAppraisal f;
    auto problems = appraisal_problems(f, {"优秀", "良好"});
    REQUIRE(!problems.empty());
    CHECK(en(problems[0]) == "ideology.rating: missing (one of: 优秀, 良好)");
    CHECK(zh(problems[0]) == "ideology.rating: 缺少评价（应为以下之一：优秀、良好）");
}

TEST_CASE("messages: the config file's errors keep FILE:LINE: key and speak Chinese") {
    auto lang = thrown([] { parse_config("lang = \"fr\"\n", "guazhi.toml"); });
    CHECK(en(lang) == "guazhi.toml:1: lang: 'fr' is not \"zh\" or \"en\"");
    CHECK(zh(lang) == "guazhi.toml:1: lang: “fr”不是 \"zh\" 或 \"en\"");
    auto type = thrown([] { parse_config("\nterm_months = \"x\"\n", "guazhi.toml"); });
    CHECK(en(type) == "guazhi.toml:2: term_months: must be an integer number of months");
    CHECK(zh(type) == "guazhi.toml:2: term_months: 应为整数（月数）");
    auto status = thrown([] { parse_config("non_party_exclude = [\"火星人\"]\n", "guazhi.toml"); });
    CHECK(zh(status).starts_with("guazhi.toml:1: non_party_exclude: 未知的政治面貌“火星人”"));
    auto key = thrown([] { parse_config("x = 1\n", "guazhi.toml"); });
    CHECK(zh(key).starts_with("guazhi.toml:1: x: 未知的设置项"));
}

TEST_CASE("messages: a CSV file's and an encoding's errors") {
    std::istringstream in("a,b\n\"x,y\n");
    util::CsvReader reader(in, util::Encoding::utf8, "花名册.csv");
    auto m = thrown([&] {
        util::CsvRecord r;
        while (reader.next(r)) {
        }
    });
    CHECK(en(m) == "花名册.csv:2:1: quoted field is never closed");
    CHECK(zh(m) == "花名册.csv:2:1: 带引号的字段没有结束引号");

    try {
        util::decode_text("\xFF\xFE\xD8"); // a UTF-16 BOM and half a surrogate
        FAIL("decoded");
    } catch (const util::DecodeError& e) {
        CHECK(has_cjk(zh(e.message())));
        CHECK(e.what() == en(e.message()));
    }
}
