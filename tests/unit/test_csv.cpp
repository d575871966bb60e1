#include "error.hpp"
#include "flags.hpp"
#include "util/csv.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using guazhi::util::CsvReader;
using guazhi::util::CsvRecord;
using guazhi::util::Encoding;

namespace {

std::vector<CsvRecord> read_all(const std::string& text, Encoding encoding = Encoding::automatic) {
    std::istringstream in(text);
    CsvReader reader(in, encoding, "t.csv");
    std::vector<CsvRecord> out;
    CsvRecord r;
    while (reader.next(r)) out.push_back(r);
    return out;
}

using Fields = std::vector<std::string>;

// The message of the guazhi::Error that reading `text` throws; empty when it does not throw.
std::string read_error(const std::string& text, Encoding encoding = Encoding::automatic) {
    try {
        read_all(text, encoding);
    } catch (const guazhi::Error& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("csv: plain records with LF endings") {
    auto rs = read_all("a,b,c\n1,2,3\n");
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].fields == Fields{"a", "b", "c"});
    CHECK(rs[1].fields == Fields{"1", "2", "3"});
    CHECK(rs[0].line == 1);
    CHECK(rs[1].line == 2);
}

TEST_CASE("csv: the last record needs no line break") {
    auto rs = read_all("a,b\n1,2");
    REQUIRE(rs.size() == 2);
    CHECK(rs[1].fields == Fields{"1", "2"});
}

TEST_CASE("csv: empty input has no records") { CHECK(read_all("").empty()); }

TEST_CASE("csv: empty fields are kept, including a trailing one") {
    auto rs = read_all("a,,c,\n");
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].fields == Fields{"a", "", "c", ""});
}

TEST_CASE("csv: quoted fields with commas, doubled quotes and line breaks") {
    auto rs = read_all("name,post\n"
                       "苏莉,\"办公室副主任,主任科员\"\n"
                       "x,\"say \"\"hi\"\"\"\n"
                       "y,\"line one\nline two\r\nline three\"\n"
                       "z,after\n");
    REQUIRE(rs.size() == 5);
    CHECK(rs[1].fields == Fields{"苏莉", "办公室副主任,主任科员"});
    CHECK(rs[2].fields == Fields{"x", "say \"hi\""});
    CHECK(rs[3].fields == Fields{"y", "line one\nline two\r\nline three"});
    CHECK(rs[3].line == 4);
    // The record after the multi-line field starts on physical line 7.
    CHECK(rs[4].line == 7);
    CHECK(rs[4].fields == Fields{"z", "after"});
}

TEST_CASE("csv: an empty quoted field and a quoted field at the end of input") {
    auto rs = read_all("\"\",\"a\"");
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].fields == Fields{"", "a"});
}

TEST_CASE("csv: CRLF, LF and lone CR all end records and count lines") {
    auto rs = read_all("a,b\r\nc,d\ne,f\rg,h\r");
    REQUIRE(rs.size() == 4);
    CHECK(rs[0].fields == Fields{"a", "b"});
    CHECK(rs[1].fields == Fields{"c", "d"});
    CHECK(rs[2].fields == Fields{"e", "f"});
    CHECK(rs[3].fields == Fields{"g", "h"});
    CHECK(rs[0].line == 1);
    CHECK(rs[1].line == 2);
    CHECK(rs[2].line == 3);
    CHECK(rs[3].line == 4);
}

TEST_CASE("csv: a quoted field followed by CRLF or CR") {
    auto rs = read_all("\"a\"\r\n\"b\"\r\"c\"\n");
    REQUIRE(rs.size() == 3);
    CHECK(rs[0].fields == Fields{"a"});
    CHECK(rs[1].fields == Fields{"b"});
    CHECK(rs[2].fields == Fields{"c"});
    CHECK(rs[2].line == 3);
}

TEST_CASE("csv: line breaks inside quoted fields count like those between records") {
    auto rs = read_all("\"a\rb\",x\rnext,y\r\"c\r\nd\"\rlast\r\"e\nf\",\"g\r\r\"\nend");
    REQUIRE(rs.size() == 6);
    CHECK(rs[0].fields == Fields{"a\rb", "x"});
    CHECK(rs[1].fields == Fields{"next", "y"});
    CHECK(rs[2].fields == Fields{"c\r\nd"});
    CHECK(rs[3].fields == Fields{"last"});
    CHECK(rs[4].fields == Fields{"e\nf", "g\r\r"});
    CHECK(rs[5].fields == Fields{"end"});
    CHECK(rs[0].line == 1);
    CHECK(rs[1].line == 3);
    CHECK(rs[2].line == 4);
    CHECK(rs[3].line == 6);
    CHECK(rs[4].line == 7);
    CHECK(rs[5].line == 11);
}

TEST_CASE("csv: a UTF-8 BOM is dropped from the first field") {
    auto rs = read_all("\xEF\xBB\xBF身份证号,姓名\n");
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].fields == Fields{"身份证号", "姓名"});
}

TEST_CASE("csv: blank() is true for Excel's empty rows only") {
    auto rs = read_all("a,b\n,,,,\n\n\"\",\n , \n");
    REQUIRE(rs.size() == 5);
    CHECK_FALSE(rs[0].blank());
    CHECK(rs[1].blank());
    CHECK(rs[1].fields.size() == 5);
    CHECK(rs[2].blank());
    CHECK(rs[2].fields == Fields{""});
    CHECK(rs[3].blank());
    CHECK_FALSE(rs[4].blank()); // spaces are values to the reader; the importer trims
    CHECK(rs[4].line == 5);
}

TEST_CASE("csv: an unterminated quote names the file, line and column of the quote") {
    std::string msg = read_error("a,b\nc,\"never closed\nmore\n");
    CHECK(msg.starts_with("t.csv:2:3: "));
    CHECK(msg.find("quoted field is never closed") != std::string::npos);
}

TEST_CASE("csv: columns are counted in characters, not bytes") {
    std::string msg = read_error("姓名,\"x");
    CHECK(msg.starts_with("t.csv:1:4: "));
}

TEST_CASE("csv: junk after a closing quote is an error at its place") {
    std::string msg = read_error("a,b\n\"x\"y,z\n");
    CHECK(msg.starts_with("t.csv:2:4: "));
    CHECK(msg.find("unexpected character after a closing quote") != std::string::npos);
}

TEST_CASE("csv: a decoding failure becomes an error with the place") {
    // Forced UTF-8 on GBK bytes ("姓名").
    std::string msg = read_error("\xD0\xD5\xC3\xFB,b\n", Encoding::utf8);
    CHECK(msg.starts_with("t.csv:1:1: "));
    CHECK(msg.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("csv: a decoding failure later in the file names its line") {
    std::string msg = read_error("a,b\nc,d\ne,\xD0\xD5\n", Encoding::utf8);
    CHECK(msg.starts_with("t.csv:3:3: "));
    CHECK(msg.find("invalid UTF-8") != std::string::npos);
    std::string gb = read_error("\xD0\xD5,b\nc,\xFF\xFF\n", Encoding::gb18030);
    CHECK(gb.starts_with("t.csv:2:3: "));
    CHECK(gb.find("neither UTF-8 nor GB18030") != std::string::npos);
}

TEST_CASE("csv: GBK input is decoded") {
    auto rs = read_all("\xD0\xD5\xC3\xFB,\xC2\xDE\xBA\xE8\xC1\xE9\r\n");
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].fields == Fields{"姓名", "罗鸿灵"});
}

TEST_CASE("csv: a record spanning the 64 KiB chunk boundary parses correctly") {
    // The quoted field starts well before byte 65536 and ends well after it, and holds
    // commas, doubled quotes, line breaks and multi-byte characters all the way.
    std::string piece = "挂职,\"\"x\"\"\n";         // decoded: 挂职,"x"<LF>
    std::string decoded_piece = "挂职,\"x\"\n";
    std::string body, expected;
    while (body.size() < 100 * 1024) {
        body += piece;
        expected += decoded_piece;
    }
    std::string text = "head1,head2\n" "first,\"" + body + "\",last\n" "tail1,tail2\n";
    auto rs = read_all(text);
    REQUIRE(rs.size() == 3);
    CHECK(rs[0].fields == Fields{"head1", "head2"});
    REQUIRE(rs[1].fields.size() == 3);
    CHECK(rs[1].fields[0] == "first");
    CHECK(rs[1].fields[1] == expected);
    CHECK(rs[1].fields[2] == "last");
    std::size_t breaks = 0;
    for (char c : body)
        if (c == '\n') ++breaks;
    CHECK(rs[2].fields == Fields{"tail1", "tail2"});
    CHECK(rs[2].line == 3 + breaks);
}

TEST_CASE("csv: many short records across several chunks keep their line numbers") {
    std::string text;
    for (int i = 1; i <= 20000; ++i) text += std::to_string(i) + ",值" + std::to_string(i) + "\r\n";
    REQUIRE(text.size() > 3 * 64 * 1024);
    auto rs = read_all(text);
    REQUIRE(rs.size() == 20000);
    for (std::size_t i = 0; i < rs.size(); ++i) {
        if (rs[i].line != i + 1 || rs[i].fields != Fields{std::to_string(i + 1), "值" + std::to_string(i + 1)}) {
            FAIL("record " << i + 1 << " read wrongly");
        }
    }
}

TEST_CASE("csv: CRLF split across the chunk boundary is one line ending") {
    // Put the CR at byte 65535 and the LF at byte 65536.
    std::string first(65535 - 2, 'a');
    std::string text = first + ",b\r\nc,d\n";
    REQUIRE(text[65535] == '\r');
    auto rs = read_all(text);
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].fields[1] == "b");
    CHECK(rs[1].fields == Fields{"c", "d"});
    CHECK(rs[1].line == 2);
}

TEST_CASE("csv: write_csv_field quotes only when needed") {
    auto w = [](std::string_view f) {
        std::string out;
        guazhi::util::write_csv_field(out, f);
        return out;
    };
    CHECK(w("plain") == "plain");
    CHECK(w("中文") == "中文");
    CHECK(w("") == "");
    CHECK(w("a,b") == "\"a,b\"");
    CHECK(w("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(w("two\nlines") == "\"two\nlines\"");
    CHECK(w("cr\r") == "\"cr\r\"");
    CHECK(w(" lead") == "\" lead\"");
    CHECK(w("trail ") == "\"trail \"");
    CHECK(w("in side") == "in side");
}

TEST_CASE("csv: write_csv_record joins fields and ends the line") {
    std::string out;
    guazhi::util::write_csv_record(out, {"a", "b,c", ""});
    CHECK(out == "a,\"b,c\",\n");
    out.clear();
    guazhi::util::write_csv_record(out, {"x"}, true);
    CHECK(out == "x\r\n");
}

TEST_CASE("csv: what write_csv_record writes reads back the same") {
    std::vector<Fields> records = {
        {"身份证号", "姓名", "原职务"},
        {"51101119760922324X", "苏莉", "办公室副主任,主任科员"},
        {"x", "say \"hi\"", "two\nlines"},
        {" lead", "", "trail "},
    };
    std::string text;
    for (const auto& r : records) guazhi::util::write_csv_record(text, r, true);
    auto rs = read_all(text);
    REQUIRE(rs.size() == records.size());
    for (std::size_t i = 0; i < records.size(); ++i) CHECK(rs[i].fields == records[i]);
}

TEST_CASE("csv: tab-separated text (a copy and paste from Excel) is read by its header line's delimiter") {
    auto rows = read_all("2007年度花名册\t\t\n姓名\t身份证号\t备注\n张明\t511025198003150018\t\"a, b\"\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == std::vector<std::string>{"姓名", "身份证号", "备注"});
    CHECK(rows[2].fields == std::vector<std::string>{"张明", "511025198003150018", "a, b"});
    // A comma inside a tab-separated value stays in the value; a tab in a CSV value too.
    CHECK(read_all("姓名,备注\n张明,a\tb\n")[1].fields == std::vector<std::string>{"张明", "a\tb"});
    CHECK(guazhi::util::choose_delimiter("title\n姓名,身份证号,政治面貌\n") == ',');
    CHECK(guazhi::util::choose_delimiter("title\t\t\n姓名\t身份证号\t政治面貌\n") == '\t');
    CHECK(guazhi::util::choose_delimiter("a\tb\tc\n1\t2\t3\n") == '\t');
    CHECK(guazhi::util::choose_delimiter("") == ',');
}

TEST_CASE("csv: bytes that are not UTF-8 read as UTF-8 are a typed problem naming the encoding flag") {
    std::istringstream in("姓名\n\xD0\xD5\xC3\xFB\n");
    CsvReader reader(in, Encoding::utf8, "t.csv");
    guazhi::util::CsvRecord row;
    try {
        while (reader.next(row)) {
        }
        FAIL("no error");
    } catch (const guazhi::ProblemError& e) {
        CHECK(e.problem().code == guazhi::ProblemCode::not_utf8);
        CHECK(guazhi::cli::words(e) == "t.csv:2:1: invalid UTF-8 (if the file is GBK, use --encoding gbk)");
    }
}

TEST_CASE("csv: a field a spreadsheet would run as a formula is written as text and read back as it was") {
    for (std::string value : {"=HYPERLINK(\"http://x\",\"点我\")", "+8613800000000", "@SUM(A1)", "=1+1"}) {
        std::string out;
        guazhi::util::write_csv_field(out, value);
        CHECK(out.front() != '=');
        CHECK(out.find('\'') != std::string::npos);
        auto records = read_all(out + "\n");
        REQUIRE(records.size() == 1);
        CHECK(records[0].fields.at(0) == value);
    }
    std::string plain;
    guazhi::util::write_csv_field(plain, "-1");
    CHECK(plain == "-1"); // a negative number stays a number
}
