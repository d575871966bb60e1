#include "util/text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace guazhi::util;

TEST_CASE("text: trim removes ASCII white space and U+3000 from both ends") {
    CHECK(trim("  abc \t\r\n") == "abc");
    CHECK(trim("\xE3\x80\x80姓名\xE3\x80\x80") == "姓名");
    CHECK(trim(" \xE3\x80\x80 \xE3\x80\x80x y\xE3\x80\x80 ") == "x y");
    CHECK(trim("a\xE3\x80\x80" "b") == "a\xE3\x80\x80" "b"); // inner U+3000 stays
    CHECK(trim("") == "");
    CHECK(trim(" \xE3\x80\x80\t") == "");
    // A different 3-byte character that merely starts with E3 80 is not a space.
    CHECK(trim("\xE3\x80\x81") == "\xE3\x80\x81"); // 、
}

TEST_CASE("text: normalize_width turns full-width ASCII into ASCII") {
    CHECK(normalize_width("２００６") == "2006");
    CHECK(normalize_width("，") == ",");
    CHECK(normalize_width("；") == ";");
    CHECK(normalize_width("ＡＢｃ！～") == "ABc!~");   // U+FF01 and U+FF5E are the ends of the range
    CHECK(normalize_width("a\xE3\x80\x80" "b") == "a b"); // U+3000 becomes a space
    CHECK(normalize_width("中文、。") == "中文、。");   // CJK text and CJK punctuation are kept
    CHECK(normalize_width("\xEF\xBD\x9F") == "\xEF\xBD\x9F"); // U+FF5F is outside the range
    CHECK(normalize_width("\xEF\xBC\x80") == "\xEF\xBC\x80"); // U+FF00 is outside the range
    CHECK(normalize_width("ab\xEF\xBC") == "ab\xEF\xBC");     // a cut sequence is left alone
}

TEST_CASE("text: clean normalises then trims") {
    CHECK(clean("\xE3\x80\x80２００６年　") == "2006年");
    CHECK(clean("  ＩＤ ") == "ID");
}

TEST_CASE("text: clean turns line breaks and tabs inside a value into one space") {
    CHECK(clean("办公室主任\n兼科员") == "办公室主任 兼科员");
    CHECK(clean("a\r\n\r\nb\tc") == "a b c");
    CHECK(clean("\n 2006 \t") == "2006");
    CHECK(clean(std::string("a\0b", 3)) == std::string("a\0b", 3)); // left for validation to refuse
}

TEST_CASE("text: split_any splits on several UTF-8 separators and drops empty pieces") {
    std::vector<std::string> expected = {"选调生", "县级后备干部", "女干部"};
    CHECK(split_any("选调生、县级后备干部；女干部", {"、", "；"}) == expected);
    CHECK(split_any("、选调生 、、 县级后备干部 ；；女干部；", {"、", "；"}) == expected);
    CHECK(split_any("a;b,c", {";", ","}) == std::vector<std::string>{"a", "b", "c"});
    CHECK(split_any("", {";"}).empty());
    CHECK(split_any(" ; ; ", {";"}).empty());
    CHECK(split_any("abc", {}) == std::vector<std::string>{"abc"});
}

TEST_CASE("text: is_digits and ascii_lower") {
    CHECK(is_digits("0123456789"));
    CHECK_FALSE(is_digits(""));
    CHECK_FALSE(is_digits("12a"));
    CHECK_FALSE(is_digits("１２")); // full-width digits are not ASCII digits
    CHECK(ascii_lower("ABC中文xYz") == "abc中文xyz");
}

TEST_CASE("text: is_valid_utf8 accepts well-formed text") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("挂职干部"));
    CHECK(is_valid_utf8("\xC2\x80"));                 // U+0080
    CHECK(is_valid_utf8("\xED\x9F\xBF"));             // U+D7FF, just below the surrogates
    CHECK(is_valid_utf8("\xEE\x80\x80"));             // U+E000, just above them
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));         // U+1F600
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));         // U+10FFFF
}

TEST_CASE("text: is_valid_utf8 rejects overlongs, surrogates, truncation and stray bytes") {
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));            // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xC1\xBF"));            // overlong
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));        // overlong 3-byte
    CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));    // overlong 4-byte
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));        // U+D800
    CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));        // U+DFFF
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));    // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));    // lead byte beyond F4
    CHECK_FALSE(is_valid_utf8("abc\xE6\x8C"));         // truncated at the end
    CHECK_FALSE(is_valid_utf8("\xE6\x8C" "a"));        // truncated before ASCII
    CHECK_FALSE(is_valid_utf8("\x80"));                // lone continuation byte
    CHECK_FALSE(is_valid_utf8("\xD0\xD5\xC3\xFB"));    // "姓名" in GBK
}

TEST_CASE("text: utf8_complete_prefix holds back a cut character") {
    const std::string zh = "挂"; // E6 8C 82
    REQUIRE(zh.size() == 3);
    CHECK(utf8_complete_prefix("") == 0);
    CHECK(utf8_complete_prefix("abc") == 3);
    CHECK(utf8_complete_prefix("ab" + zh) == 5);
    CHECK(utf8_complete_prefix("ab" + zh.substr(0, 1)) == 2);
    CHECK(utf8_complete_prefix("ab" + zh.substr(0, 2)) == 2);
    const std::string emoji = "\xF0\x9F\x98\x80";
    CHECK(utf8_complete_prefix("x" + emoji) == 5);
    CHECK(utf8_complete_prefix("x" + emoji.substr(0, 3)) == 1);
    CHECK(utf8_complete_prefix("x" + emoji.substr(0, 1)) == 1);
    CHECK(utf8_complete_prefix("\xC3") == 0);
    // Invalid bytes are not held back: validation reports them.
    CHECK(utf8_complete_prefix("ab\xFF") == 3);
    CHECK(utf8_complete_prefix("\x80\x80\x80\x80") == 4);
}

TEST_CASE("text: utf8_valid_prefix stops at the first bad byte") {
    CHECK(utf8_valid_prefix("") == 0);
    CHECK(utf8_valid_prefix("挂职") == 6);
    CHECK(utf8_valid_prefix("ab\xD0\xD5" "cd") == 2);       // GBK after ASCII
    CHECK(utf8_valid_prefix("挂\xED\xA0\x80") == 3);         // a surrogate after a good character
    CHECK(utf8_valid_prefix("挂\xE0\x80\xAF") == 3);         // an overlong
    CHECK(utf8_valid_prefix("abc\xE6\x8C") == 3);            // a cut sequence
    CHECK(utf8_valid_prefix("\xFF" "abc") == 0);
}

TEST_CASE("text: clean removes zero-width characters, bidi controls and soft hyphens") {
    using guazhi::util::clean;
    CHECK(clean("市\xE2\x80\x8B财政局") == "市财政局");          // U+200B zero-width space
    CHECK(clean("\xE2\x80\x8E市财政局\xE2\x80\x8F") == "市财政局"); // LRM, RLM
    CHECK(clean("市\xE2\x80\xAE财政局\xE2\x80\xAC") == "市财政局"); // RLO, PDF
    CHECK(clean("市\xE2\x81\xA6财政局\xE2\x81\xA9") == "市财政局"); // isolates
    CHECK(clean("市\xEF\xBB\xBF财政局") == "市财政局");          // U+FEFF
    CHECK(clean("市\xC2\xAD财政局") == "市财政局");               // soft hyphen
    CHECK(clean("市\xE2\x80\x94财政局") == "市—财政局");          // an em dash is kept
    CHECK(clean("阿依古丽\xC2\xB7买买提") == "阿依古丽·买买提");    // the middle dot is kept
}

TEST_CASE("text: printable escapes control characters and broken UTF-8, and cuts long text") {
    using guazhi::util::printable;
    CHECK(printable("名单\x1B[31m") == "名单\\x1B[31m");
    CHECK(printable("a\xFF" "b") == "a\\xFFb");
    CHECK(printable(std::string(100, 'x'), 10) == std::string(10, 'x') + "…");
}

TEST_CASE("text: normalize_header") {
    using guazhi::util::normalize_header;
    CHECK(normalize_header(" 姓\xE3\x80\x80名 ") == "姓名");
    CHECK(normalize_header("*姓名：") == "姓名");
    CHECK(normalize_header("ID_Number") == "id_number");
}

TEST_CASE("text: clean puts text in Unicode NFC, so that names that look the same are the same") {
    // Compatibility ideographs (as some input methods and GBK conversions give them) become
    // the unified ideographs they stand for.
    CHECK(clean("资中县\uF90A财政局") == "资中县金财政局");
    CHECK(clean("张\uF9B4") == "张\u9818");
    // A decomposed accent and a kana with a combining voiced mark are composed.
    CHECK(clean("Rene\u0301") == "Ren\u00E9");
    CHECK(clean("\u304B\u3099") == "\u304C");
    // Hangul jamo compose into the syllable.
    CHECK(clean("\u1100\u1161") == "\uAC00");
    // A CJK tone mark (combining, U+302A) is reordered or kept, never dropped.
    CHECK(clean("\u5B57\u302A") == "\u5B57\u302A");
    // What is already NFC is returned as it is: CJK, full-width forms made ASCII, Latin-1.
    CHECK(clean("内江市资中县财政局（预算股）") == "内江市资中县财政局(预算股)");
    CHECK(clean("阿依古丽·买买提") == "阿依古丽·买买提");
    CHECK(clean("Zoë “quoted” — ok…") == "Zoë “quoted” — ok…");
    // Invisible characters go first, then NFC: e + ZWSP + U+0301 composes.
    CHECK(clean("e\u200B\u0301") == "\u00E9");
}

TEST_CASE("text: printable names invisible characters by code point") {
    CHECK(printable("资中县财政局\u200B") == "资中县财政局\\u200B");
    CHECK(printable("苏\u202E莉") == "苏\\u202E莉");
    CHECK(printable("a\u2066b\u2069") == "a\\u2066b\\u2069");
    CHECK(printable("\xEF\xBB\xBFx") == "\\uFEFFx");
    CHECK(printable("soft\u00ADhyphen") == "soft\\u00ADhyphen");
    CHECK(printable("\x1B[31m") == "\\x1B[31m");
}

TEST_CASE("text: read_count reads digits or Chinese numerals from the front") {
    auto count = [](std::string_view s) {
        int n = read_count(s);
        return std::to_string(n) + "|" + std::string(s);
    };
    CHECK(count("30天") == "30|天");
    CHECK(count("一季度") == "1|季度");
    CHECK(count("两个月") == "2|个月");
    CHECK(count("十") == "10|");
    CHECK(count("十二") == "12|");
    CHECK(count("二十") == "20|");
    CHECK(count("二十五天") == "25|天");
    CHECK(count("十两") == "10|两");
    CHECK(count("零") == "-1|零");
    CHECK(count("季度") == "-1|季度");
    CHECK(count("") == "-1|");
    CHECK(count("123456") == "-1|123456");
}
