// The workbook readers: .xlsx parts written here into zips (exact control of the XML for the
// hostile cases), .xls fixtures made by LibreOffice (tests/data/make_xls_fixtures.py).
#include "temp_dir.hpp"
#include "util/workbook.hpp"
#include "util/text.hpp"
#include "util/xls_records.hpp"

#include "error.hpp"

#include "fixture.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <minizip/zip.h>
#include <string>
#include <unistd.h>
#include <vector>
#include <zlib.h>

using namespace guazhi;
using namespace guazhi::util;
namespace fs = std::filesystem;
using Cells = std::vector<std::string>;
using Kind = workbook_detail::NumberFormat::Kind;

using guazhi::test::contains;

namespace {

using guazhi::test::TempDir;

using guazhi::test::error_of;

// One entry of a zip written by write_zip.
struct Entry {
    std::string name;
    std::string data;
    int method = Z_DEFLATED;
    const char* password = nullptr; // sets the entry's encryption flag
};

void write_zip(const fs::path& path, const std::vector<Entry>& entries) {
    zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
    REQUIRE(zip != nullptr);
    for (const Entry& e : entries) {
        zip_fileinfo info{};
        const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(e.data.data()),
                                static_cast<uInt>(e.data.size()));
        REQUIRE(zipOpenNewFileInZip3_64(zip, e.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                        e.method, Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS,
                                        DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, e.password, crc,
                                        0) == ZIP_OK);
        REQUIRE(zipWriteInFileInZip(zip, e.data.data(), static_cast<unsigned>(e.data.size())) ==
                ZIP_OK);
        REQUIRE(zipCloseFileInZip(zip) == ZIP_OK);
    }
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
}

// Raw deflate (what a zip entry holds) of `data`.
std::string deflate_raw(const std::string& data) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, DEF_MEM_LEVEL,
                         Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, data.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

// A zip of one entry whose header declares `declared_size` bytes unpacked, whatever it holds.
void write_zip_declaring(const fs::path& path, const std::string& name, const std::string& data,
                         ZPOS64_T declared_size, const std::vector<Entry>& others) {
    write_zip(path, others);
    zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_ADDINZIP);
    REQUIRE(zip != nullptr);
    zip_fileinfo info{};
    const std::string packed = deflate_raw(data);
    REQUIRE(zipOpenNewFileInZip2_64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, Z_DEFAULT_COMPRESSION, 1, 1) == ZIP_OK);
    REQUIRE(zipWriteInFileInZip(zip, packed.data(), static_cast<unsigned>(packed.size())) ==
            ZIP_OK);
    const uLong crc =
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    REQUIRE(zipCloseFileInZipRaw64(zip, declared_size, crc) == ZIP_OK);
    REQUIRE(zipClose(zip, nullptr) == ZIP_OK);
}

constexpr const char* kXmlHead = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook to write: its sheets (name and the XML inside <sheetData>, plus what follows
// it), and the optional parts.
struct Book {
    struct Sheet {
        std::string name;
        std::string rows;
        std::string after; // e.g. <mergeCells>, which Excel writes after <sheetData>
    };
    std::vector<Sheet> sheets;
    std::string shared_strings; // the <si> elements; no part when empty
    std::string styles;         // the inside of <styleSheet>; no part when empty
    std::string workbook_pr;    // e.g. date1904="1"
    std::string sheet_target_prefix = "worksheets/";
};

std::string worksheet_xml(const Book::Sheet& s) {
    return fmt::format(
        R"({}<worksheet xmlns="{}" xmlns:r="{}"><sheetData>{}</sheetData>{}</worksheet>)", kXmlHead,
        kMain, kRel, s.rows, s.after);
}

std::vector<Entry> book_entries(const Book& book) {
    std::string sheets, rels;
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < book.sheets.size(); ++i) {
        sheets += fmt::format(R"(<sheet name="{}" sheetId="{}" r:id="rId{}"/>)",
                              book.sheets[i].name, i + 1, i + 1);
        rels +=
            fmt::format(R"(<Relationship Id="rId{}" Type="{}/worksheet" Target="{}sheet{}.xml"/>)",
                        i + 1, kRel, book.sheet_target_prefix, i + 1);
        entries.push_back(
            {fmt::format("xl/worksheets/sheet{}.xml", i + 1), worksheet_xml(book.sheets[i])});
    }
    if (!book.shared_strings.empty()) {
        rels += fmt::format(
            R"(<Relationship Id="rIdS" Type="{}/sharedStrings" Target="sharedStrings.xml"/>)",
            kRel);
        entries.push_back(
            {"xl/sharedStrings.xml",
             fmt::format(R"({}<sst xmlns="{}">{}</sst>)", kXmlHead, kMain, book.shared_strings)});
    }
    if (!book.styles.empty()) {
        rels += fmt::format(R"(<Relationship Id="rIdT" Type="{}/styles" Target="/xl/styles.xml"/>)",
                            kRel);
        entries.push_back(
            {"xl/styles.xml", fmt::format(R"({}<styleSheet xmlns="{}">{}</styleSheet>)", kXmlHead,
                                          kMain, book.styles)});
    }
    entries.push_back(
        {"[Content_Types].xml",
         fmt::format(
             R"({}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)",
             kXmlHead)});
    entries.push_back(
        {"_rels/.rels",
         fmt::format(
             R"({}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)",
             kXmlHead, kRel)});
    entries.push_back(
        {"xl/workbook.xml",
         fmt::format(
             R"({}<workbook xmlns="{}" xmlns:r="{}"><workbookPr {}/><sheets>{}</sheets></workbook>)",
             kXmlHead, kMain, kRel, book.workbook_pr, sheets)});
    entries.push_back(
        {"xl/_rels/workbook.xml.rels",
         fmt::format(
             R"({}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>)",
             kXmlHead, rels)});
    return entries;
}

std::string write_book(const TempDir& dir, const Book& book,
                       const std::string& file = "book.xlsx") {
    const fs::path path = dir.path / file;
    write_zip(path, book_entries(book));
    return path.string();
}

// A one-sheet book with these rows.
std::string write_rows(const TempDir& dir, const std::string& rows,
                       const std::string& shared_strings = "", const std::string& styles = "") {
    Book book;
    book.sheets = {{"Sheet1", rows, ""}};
    book.shared_strings = shared_strings;
    book.styles = styles;
    return write_book(dir, book);
}

std::vector<SheetRow> read_all(WorkbookReader& reader) {
    std::vector<SheetRow> rows;
    SheetRow row;
    while (reader.next(row))
        rows.push_back(row);
    return rows;
}

std::vector<SheetRow> read_xlsx(const std::string& path, const std::string& sheet = "") {
    auto reader = open_xlsx(path, sheet, "花名册.xlsx");
    return read_all(*reader);
}

std::string xlsx_error(const std::string& path, const std::string& sheet = "") {
    return error_of([&] { read_xlsx(path, sheet); });
}

// The cells of the first row of a one-sheet book.
Cells first_row(const TempDir& dir, const std::string& rows, const std::string& shared_strings = "",
                const std::string& styles = "") {
    auto all = read_xlsx(write_rows(dir, rows, shared_strings, styles));
    REQUIRE(!all.empty());
    return all.front().cells;
}

// Styles with these cell formats (numFmtId per xf) and custom number formats.
std::string styles_xml(const std::vector<unsigned>& xf_format_ids,
                       const std::string& num_fmts = "") {
    std::string xfs;
    for (unsigned id : xf_format_ids)
        xfs += fmt::format(R"(<xf numFmtId="{}" fontId="0" applyNumberFormat="1"/>)", id);
    return fmt::format(
        R"(<numFmts>{}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>{}</cellXfs>)",
        num_fmts, xfs);
}

const std::string kData = GUAZHI_TEST_DATA;

} // namespace

// ---------------------------------------------------------------------------------------
// Shared helpers

TEST_CASE("workbook: cell_name is column letters and row") {
    CHECK(cell_name(0, 1) == "A1");
    CHECK(cell_name(2, 7) == "C7");
    CHECK(cell_name(25, 3) == "Z3");
    CHECK(cell_name(26, 1) == "AA1");
    CHECK(cell_name(27, 1) == "AB1");
    CHECK(cell_name(701, 2) == "ZZ2");
    CHECK(cell_name(702, 2) == "AAA2");
    CHECK(cell_name(16383, 1) == "XFD1");
}

TEST_CASE("workbook: numbers read as Excel's General format shows them") {
    using workbook_detail::number_text;
    CHECK(number_text(0.0) == "0");
    CHECK(number_text(-0.0) == "0");
    CHECK(number_text(2006) == "2006");
    CHECK(number_text(-42) == "-42");
    CHECK(number_text(999999999999999.0) == "999999999999999");
    CHECK(number_text(1e15) == "1E+15");
    CHECK(number_text(5.11025198003150e17) == "5.1102519800315E+17"); // an ID number Excel mangled
    CHECK(number_text(1979.5) == "1979.5");
    CHECK(number_text(0.1 + 0.2) == "0.3"); // 15 significant digits
    CHECK(number_text(1979.1) == "1979.1");
    CHECK(number_text(0.0001) == "0.0001");
    CHECK(number_text(1.5e-7) == "1.5E-07");
}

TEST_CASE("workbook: fixed decimals round half away from zero from 15 digits") {
    using workbook_detail::number_text;
    const workbook_detail::NumberFormat two{Kind::fixed, 2};
    CHECK(number_text(1979.1, two, false) == "1979.10");
    CHECK(number_text(1979, two, false) == "1979.00");
    CHECK(number_text(0.125, two, false) == "0.13");
    CHECK(number_text(2.675, two, false) == "2.68"); // 2.67499999… in binary, 2.675 to 15 digits
    CHECK(number_text(-1.005, two, false) == "-1.01");
    CHECK(number_text(-0.001, two, false) == "0.00");
    CHECK(number_text(9.999, two, false) == "10.00");
    CHECK(number_text(0.5, {Kind::fixed, 1}, false) == "0.5");
    CHECK(number_text(1234567.891, {Kind::fixed, 1}, false) ==
          "1234567.9"); // no thousands separators
    CHECK(number_text(0.004, {Kind::fixed, 3}, false) == "0.004");
}

TEST_CASE("workbook: built-in number formats") {
    using workbook_detail::builtin_number_format;
    CHECK(builtin_number_format(0).kind == Kind::general);
    CHECK(builtin_number_format(2) == workbook_detail::NumberFormat{Kind::fixed, 2});
    CHECK(builtin_number_format(4) == workbook_detail::NumberFormat{Kind::fixed, 2});
    CHECK(builtin_number_format(49).kind == Kind::general); // text "@"
    for (unsigned id : {14u, 15u, 16u, 22u, 30u, 31u, 58u})
        CHECK(builtin_number_format(id).kind == Kind::date);
    for (unsigned id : {17u, 27u, 36u, 50u, 57u})
        CHECK(builtin_number_format(id).kind == Kind::year_month);
    for (unsigned id : {18u, 20u, 21u, 32u, 45u, 46u, 47u})
        CHECK(builtin_number_format(id).kind == Kind::time);
}

TEST_CASE("workbook: custom format codes: dates by y/m/d outside quotes, brackets and escapes") {
    using workbook_detail::parse_format_code;
    CHECK(parse_format_code("yyyy-mm-dd").kind == Kind::date);
    CHECK(parse_format_code("yyyy/m/d h:mm").kind == Kind::date);
    CHECK(parse_format_code(R"(yyyy"年"m"月"d"日")").kind == Kind::date);
    CHECK(parse_format_code("[$-804]yyyy年m月d日").kind == Kind::date);
    CHECK(parse_format_code("[DBNum1][$-804]yyyy\"年\"m\"月\"").kind == Kind::year_month);
    CHECK(parse_format_code("yyyy.mm").kind == Kind::year_month);
    CHECK(parse_format_code(R"(yyyy"年"m"月")").kind == Kind::year_month);
    CHECK(parse_format_code("mmm-yy").kind == Kind::year_month);
    CHECK(parse_format_code("yyyy").kind == Kind::year);
    CHECK(parse_format_code(R"(yyyy"年")").kind == Kind::year);
    CHECK(parse_format_code("h:mm").kind == Kind::time);  // m beside h is minutes
    CHECK(parse_format_code("mm:ss").kind == Kind::time); // m beside s is minutes
    CHECK(parse_format_code("[h]:mm:ss").kind == Kind::time);
    CHECK(parse_format_code("h:mm AM/PM").kind == Kind::time);
    CHECK(parse_format_code(R"("day "0)").kind == Kind::general); // the d is quoted
    CHECK(parse_format_code(R"(0\d)").kind == Kind::general);     // an escaped d
    CHECK(parse_format_code("[Red]0.00").kind == Kind::fixed);    // the d of [Red] is no day
    CHECK(parse_format_code("0.0") == workbook_detail::NumberFormat{Kind::fixed, 1});
    CHECK(parse_format_code("#,##0.00_);[Red](#,##0.00)") ==
          workbook_detail::NumberFormat{Kind::fixed, 2});
    CHECK(parse_format_code("0.000_ ") == workbook_detail::NumberFormat{Kind::fixed, 3});
    CHECK(parse_format_code("0").kind == Kind::general);
    CHECK(parse_format_code("0.00%").kind == Kind::general);
    CHECK(parse_format_code("0.00E+00").kind == Kind::general);
    CHECK(parse_format_code("@").kind == Kind::general);
    CHECK(parse_format_code("General").kind == Kind::general);
}

TEST_CASE("workbook: serial dates, the 1900 leap-year bug and the 1904 system") {
    using workbook_detail::number_text;
    const workbook_detail::NumberFormat date{Kind::date, 0};
    CHECK(number_text(38930, date, false) == "2006-08-01");
    CHECK(number_text(1, date, false) == "1900-01-01");
    CHECK(number_text(59, date, false) == "1900-02-28");
    CHECK(number_text(60, date, false) == "1900-02-29"); // the day Excel invented
    CHECK(number_text(61, date, false) == "1900-03-01");
    CHECK(number_text(38930.5729166667, date, false) == "2006-08-01 13:45:00");
    CHECK(number_text(38930.99999999, date, false) == "2006-08-02"); // rounds to the next midnight
    CHECK(number_text(37468, date, true) == "2006-08-01");           // 1904 system
    CHECK(number_text(0, date, true) == "1904-01-01");
    CHECK(number_text(38930, {Kind::year_month, 0}, false) == "2006-08");
    CHECK(number_text(38930, {Kind::year, 0}, false) == "2006");
    CHECK(number_text(0.5729166667, {Kind::time, 0}, false) == "13:45:00");
    CHECK(number_text(-1, date, false) == "-1"); // Excel shows ##### : we show the number
}

TEST_CASE("workbook: printable escapes control characters and broken UTF-8") {
    using util::printable; // util/text.hpp
    CHECK(printable("名单") == "名单");
    CHECK(printable("a\nb\x1b[31m") == "a\\x0Ab\\x1B[31m");
    CHECK(printable("\xE5\x90") == "\\xE5\\x90");
    CHECK(printable(std::string(200, 'x')).size() < 100);
}

// ---------------------------------------------------------------------------------------
// .xlsx: cells

TEST_CASE(
    "xlsx: shared strings, rich text runs without phonetic runs, inline and formula strings") {
    TempDir dir;
    const std::string sst =
        R"(<si><t>罗鸿灵</t></si>)"
        R"(<si><r><rPr><b/></rPr><t>隆昌县</t></r><r><t xml:space="preserve">国土资源局 </t></r></si>)"
        R"(<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>)"
        R"(<si><t>line_x000D_
break _x005F_x0041_</t></si>)";
    const std::string rows =
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
        R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>内联</t><rPh><t>x</t></rPh></is></c>)"
        R"(<c r="E1" t="str"><f>A1&amp;""</f><v>公式</v></c><c r="F1" t="s"><v>3</v></c>)"
        R"(<c r="G1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>)";
    CHECK(first_row(dir, rows, sst) == Cells{"罗鸿灵", "隆昌县国土资源局 ", "東京", "内联", "公式",
                                             "line\r\nbreak _x0041_", "ab"});
}

TEST_CASE("xlsx: numbers, booleans, errors and an empty formula string") {
    TempDir dir;
    const std::string rows =
        R"(<row r="1"><c r="A1"><v>2006</v></c><c r="B1" t="n"><v>1979.5</v></c>)"
        R"(<c r="C1"><v>5.11025198003150E+17</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>)"
        R"(<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1" t="e"><v>#N/A</v></c>)"
        R"(<c r="H1" t="str"><f>""</f><v></v></c><c r="I1"><f>1+1</f><v>2</v></c>)"
        R"(<c r="J1"><v>0.30000000000000004</v></c></row>)";
    CHECK(first_row(dir, rows) == Cells{"2006", "1979.5", "5.1102519800315E+17", "TRUE", "FALSE",
                                        "#DIV/0!", "#N/A", "", "2", "0.3"});
}

TEST_CASE("xlsx: dates and fixed decimals by the cell's style") {
    TempDir dir;
    const std::string num_fmts =
        R"(<numFmt numFmtId="164" formatCode="yyyy.mm"/>)"
        R"(<numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>)"
        R"(<numFmt numFmtId="166" formatCode="yyyy"/>)"
        R"(<numFmt numFmtId="167" formatCode="0.0"/>)"
        R"(<numFmt numFmtId="168" formatCode="yyyy/m/d\ h:mm:ss"/>)"
        R"(<numFmt numFmtId="169" formatCode="h:mm"/>)";
    //                        s=0 1   2   3    4    5    6    7  8  9    10   11  12
    const std::string styles =
        styles_xml({0, 14, 164, 165, 166, 167, 168, 2, 4, 49, 169, 57, 31}, num_fmts);
    const std::string rows =
        R"(<row r="1"><c r="A1" s="1"><v>38930</v></c><c r="B1" s="2"><v>38930</v></c>)"
        R"(<c r="C1" s="3"><v>38930</v></c><c r="D1" s="4"><v>38930</v></c>)"
        R"(<c r="E1" s="5"><v>1979.14</v></c><c r="F1" s="6"><v>38930.5729166667</v></c>)"
        R"(<c r="G1" s="7"><v>1979.1</v></c><c r="H1" s="8"><v>1234567.5</v></c>)"
        R"(<c r="I1" s="9"><v>511025198003150</v></c><c r="J1" s="10"><v>0.5729166667</v></c>)"
        R"(<c r="K1" s="11"><v>38930</v></c><c r="L1" s="12"><v>38930</v></c>)"
        R"(<c r="M1" s="6"><v>38930</v></c><c r="N1" s="99"><v>7</v></c></row>)";
    CHECK(first_row(dir, rows, "", styles) == Cells{"2006-08-01", "2006-08", "2006-08", "2006",
                                                    "1979.1", "2006-08-01 13:45:00", "1979.10",
                                                    "1234567.50", "511025198003150", "13:45:00",
                                                    "2006-08", "2006-08-01", "2006-08-01", "7"});
}

TEST_CASE("xlsx: the 1904 date system and the 1900 leap-year bug") {
    TempDir dir;
    Book book;
    book.styles = styles_xml({0, 14});
    book.sheets = {{"Sheet1", R"(<row r="1"><c r="A1" s="1"><v>37468</v></c></row>)", ""}};
    book.workbook_pr = R"(date1904="1")";
    CHECK(read_xlsx(write_book(dir, book)).at(0).cells == Cells{"2006-08-01"});
    book.workbook_pr = "";
    book.sheets = {
        {"Sheet1", R"(<row r="1"><c r="A1" s="1"><v>60</v></c><c r="B1" s="1"><v>61</v></c></row>)",
         ""}};
    CHECK(read_xlsx(write_book(dir, book, "b.xlsx")).at(0).cells ==
          Cells{"1900-02-29", "1900-03-01"});
}

TEST_CASE("xlsx: a formula without a saved value is refused with its cell named") {
    TempDir dir;
    const std::string path = write_rows(
        dir, R"(<row r="7"><c r="A7"><v>1</v></c><c r="C7"><f>SUM(A1:A6)</f></c></row>)");
    CHECK(
        xlsx_error(path) ==
        "花名册.xlsx:Sheet1!C7: a formula without a saved value (open the workbook in Excel or WPS "
        "and save it again)");
    const std::string empty_value =
        write_rows(dir, R"(<row r="2"><c r="B2"><f>A1</f><v></v></c></row>)");
    CHECK(contains(xlsx_error(empty_value), "Sheet1!B2: a formula without a saved value"));
}

// ---------------------------------------------------------------------------------------
// .xlsx: rows, merges and sheets

TEST_CASE("xlsx: rows and cells without r follow the previous ones, empty rows are skipped") {
    TempDir dir;
    const std::string rows =
        R"(<row r="2"><c><v>1</v></c><c r="C2"><v>3</v></c><c><v>4</v></c></row>)"
        R"(<row><c r="B3"><v>5</v></c></row>)"
        R"(<row r="5" spans="1:3"><c r="A5" s="0"/><c r="B5" t="s"/></row>)"
        R"(<row r="6"><c r="B6" t="inlineStr"><is><t></t></is></c><c r="D6"><v>9</v></c><c r="F6" s="1"/></row>)";
    auto all = read_xlsx(write_rows(dir, rows));
    REQUIRE(all.size() == 3);
    CHECK(all[0].number == 2);
    CHECK(all[0].cells == Cells{"1", "", "3", "4"});
    CHECK(all[1].number == 3);
    CHECK(all[1].cells == Cells{"", "5"});
    CHECK(all[2].number == 6);
    CHECK(all[2].cells == Cells{"", "", "", "9"}); // trailing empty cells are not returned
}

TEST_CASE("xlsx: hidden rows are read, flagged and counted when they have data") {
    TempDir dir;
    const std::string rows = R"(<row r="1"><c r="A1"><v>1</v></c></row>)"
                             R"(<row r="2" hidden="1"><c r="A2"><v>2</v></c></row>)"
                             R"(<row r="3" hidden="true"/>)"
                             R"(<row r="4" hidden="0"><c r="A4"><v>4</v></c></row>)";
    auto reader = open_xlsx(write_rows(dir, rows), "", "b.xlsx");
    auto all = read_all(*reader);
    REQUIRE(all.size() == 3);
    CHECK_FALSE(all[0].hidden);
    CHECK(all[1].hidden);
    CHECK_FALSE(all[2].hidden);
    CHECK(reader->hidden_rows() == 1);
}

TEST_CASE(
    "xlsx: a merged range gives its top-left value to every cell, header and data rows alike") {
    TempDir dir;
    const std::string sst =
        "<si><t>干部信息</t></si><si><t>姓名</t></si><si><t>单位</t></si><si><t>市财政局</t></si>"
        "<si><t>甲</t></si><si><t>乙</t></si><si><t>丙</t></si><si><t>丁</t></si>";
    const std::string rows =
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"/></row>)"
        R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>)"
        R"(<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>3</v></c></row>)"
        R"(<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4"/></row>)"
        R"(<row r="5"><c r="A5" t="s"><v>6</v></c><c r="B5"><v>99</v></c></row>)"
        R"(<row r="6"><c r="A6" t="s"><v>7</v></c></row>)";
    Book book;
    book.shared_strings = sst;
    book.sheets = {
        {"Sheet1", rows,
         R"(<mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="B3:B5"/><mergeCell ref="C9"/></mergeCells>)"}};
    auto all = read_xlsx(write_book(dir, book));
    REQUIRE(all.size() == 6);
    CHECK(all[0].cells == Cells{"干部信息", "干部信息"});
    CHECK(all[2].cells == Cells{"甲", "市财政局"});
    CHECK(all[3].cells == Cells{"乙", "市财政局"});
    CHECK(all[4].cells == Cells{"丙", "市财政局"}); // the range's value, not a stray one
    CHECK(all[5].cells == Cells{"丁"});
}

TEST_CASE("xlsx: a merged range over rows with nothing else still gives them its value") {
    TempDir dir;
    Book book;
    book.sheets = {
        {"Sheet1",
         R"(<row r="2"><c r="A2" t="inlineStr"><is><t>隆昌县</t></is></c></row><row r="3"/><row r="4" hidden="1"/>)",
         R"(<mergeCells><mergeCell ref="A2:A4"/></mergeCells>)"}};
    auto reader = open_xlsx(write_book(dir, book), "", "b.xlsx");
    auto all = read_all(*reader);
    REQUIRE(all.size() == 3);
    CHECK(all[2].number == 4);
    CHECK(all[2].cells == Cells{"隆昌县"});
    CHECK(reader->hidden_rows() == 1);
}

TEST_CASE(
    "xlsx: merged ranges are found wherever <mergeCells> falls in the stream, with a prefix") {
    // The sheet is searched for <mergeCells> chunk by chunk (64 KiB): put the tag across and
    // beside the first chunk boundary.
    for (std::size_t before_boundary : {0u, 1u, 3u, 8u, 12u, 40u}) {
        CAPTURE(before_boundary);
        TempDir dir;
        std::string rows = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>)";
        for (int r = 2; r <= 1000; ++r)
            rows += fmt::format(R"(<row r="{0}"><c r="A{0}"><v>{0}</v></c></row>)", r);
        Book::Sheet sheet{"Sheet1", rows,
                          R"(<x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells>)"};
        const std::size_t tag_at = worksheet_xml(sheet).find("<x:mergeCells");
        REQUIRE(tag_at < 65536 - before_boundary);
        sheet.rows += std::string(65536 - before_boundary - tag_at, ' ');
        REQUIRE(worksheet_xml(sheet).find("<x:mergeCells") == 65536 - before_boundary);
        Book book;
        book.sheets = {sheet};
        auto all = read_xlsx(write_book(dir, book));
        REQUIRE(all.size() == 1000);
        CHECK(all[0].cells == Cells{"标题", "标题", "标题"});
        CHECK(all[1].cells == Cells{"2"});
    }
}

TEST_CASE("xlsx: sheets by position, index and name, an unknown one lists them") {
    TempDir dir;
    Book book;
    book.sheets = {{"名单", R"(<row r="1"><c r="A1"><v>1</v></c></row>)", ""},
                   {"2023", R"(<row r="1"><c r="A1"><v>2</v></c></row>)", ""},
                   {"Sheet 3", R"(<row r="1"><c r="A1"><v>3</v></c></row>)", ""}};
    const std::string path = write_book(dir, book);
    auto first = open_xlsx(path, "", "b.xlsx");
    CHECK(first->sheet_name() == "名单");
    CHECK(open_xlsx(path, "2", "b.xlsx")->sheet_name() == "2023");
    CHECK(open_xlsx(path, "2023", "b.xlsx")->sheet_name() == "2023"); // no 2023rd sheet: the name
    CHECK(open_xlsx(path, " Sheet 3 ", "b.xlsx")->sheet_name() == "Sheet 3");
    CHECK(read_xlsx(path, "3").at(0).cells == Cells{"3"});
    CHECK(error_of([&] { open_xlsx(path, "干部", "b.xlsx"); }) ==
          R"(b.xlsx: no sheet "干部"; the workbook has 3 sheets: "名单", "2023", "Sheet 3")");
    CHECK(contains(error_of([&] { open_xlsx(path, "4", "b.xlsx"); }), R"(no sheet "4")"));
}

TEST_CASE("xlsx: absolute targets, other part names and namespace prefixes") {
    TempDir dir;
    const std::string ws = fmt::format(
        R"({}<x:worksheet xmlns:x="{}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>)"
        R"(<x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c></x:row></x:sheetData>)"
        R"(<x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>)",
        kXmlHead, kMain);
    const std::string rels = fmt::format(
        R"({}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="a" Type="{}/worksheet" Target="/xl/data/roster.xml"/>)"
        R"(<Relationship Id="b" Type="{}/sharedStrings" Target="../xl/strings/sst.xml"/></Relationships>)",
        kXmlHead, kRel, kRel);
    const fs::path path = dir.path / "ns.xlsx";
    write_zip(
        path,
        {{"_rels/.rels",
          fmt::format(
              R"({}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="{}/officeDocument" Target="/xl/workbook.xml"/></Relationships>)",
              kXmlHead, kRel)},
         {"xl/workbook.xml",
          fmt::format(
              R"({}<x:workbook xmlns:x="{}" xmlns:r="{}"><x:sheets><x:sheet name="数据" sheetId="1" r:id="a"/></x:sheets></x:workbook>)",
              kXmlHead, kMain, kRel)},
         {"xl/_rels/workbook.xml.rels", rels},
         {"xl/data/roster.xml", ws},
         {"xl/strings/sst.xml",
          fmt::format(R"({}<x:sst xmlns:x="{}"><x:si><x:t>a</x:t></x:si></x:sst>)", kXmlHead,
                      kMain)}});
    auto all = read_xlsx(path.string());
    REQUIRE(all.size() == 1);
    CHECK(all[0].cells == Cells{"a", "b", "b"});
}

TEST_CASE("xlsx: a stored (uncompressed) workbook reads the same") {
    TempDir dir;
    Book book;
    book.sheets = {{"Sheet1", R"(<row r="1"><c r="A1"><v>1</v></c></row>)", ""}};
    auto entries = book_entries(book);
    for (auto& e : entries)
        e.method = 0;
    write_zip(dir.path / "s.xlsx", entries);
    CHECK(read_xlsx((dir.path / "s.xlsx").string()).at(0).cells == Cells{"1"});
}

TEST_CASE("xlsx: many rows stream one at a time") {
    TempDir dir;
    std::string rows;
    for (int r = 1; r <= 20000; ++r)
        rows += fmt::format(
            R"(<row r="{0}"><c r="A{0}"><v>{0}</v></c><c r="B{0}" t="inlineStr"><is><t>x</t></is></c></row>)",
            r);
    auto reader = open_xlsx(write_rows(dir, rows), "", "b.xlsx");
    SheetRow row;
    std::size_t n = 0;
    while (reader->next(row)) {
        ++n;
        if (row.number != n || row.cells != Cells{std::to_string(n), "x"})
            break;
    }
    CHECK(n == 20000);
    CHECK_FALSE(reader->next(row)); // and stays at the end
}

// ---------------------------------------------------------------------------------------
// .xlsx: files that are refused

TEST_CASE("xlsx: not a zip, empty, truncated or corrupt") {
    TempDir dir;
    const fs::path text = dir.path / "t.xlsx";
    std::ofstream(text) << "姓名,身份证号\n";
    CHECK(contains(xlsx_error(text.string()),
                   "花名册.xlsx: not an .xlsx workbook (not a zip archive)"));
    const fs::path html = dir.path / "h.xlsx";
    std::ofstream(html) << "<html><table></table></html>";
    CHECK(contains(xlsx_error(html.string()), "web page"));
    const fs::path empty = dir.path / "e.xlsx";
    std::ofstream{empty};
    CHECK(xlsx_error(empty.string()) == "花名册.xlsx: the file is empty");
    CHECK(contains(xlsx_error((dir.path / "missing.xlsx").string()), "cannot be read"));

    std::string rows;
    for (int r = 1; r <= 2000; ++r)
        rows += fmt::format(R"(<row r="{0}"><c r="A{0}"><v>{0}</v></c></row>)", r);
    const std::string good = write_rows(dir, rows);
    std::ifstream in(good, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path cut = dir.path / "cut.xlsx";
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    CHECK(contains(xlsx_error(cut.string()), "damaged or truncated"));

    // Bytes changed inside the sheet's compressed data: inflate or the CRC check fails.
    std::string corrupt = bytes;
    const std::size_t at = corrupt.find("xl/worksheets/sheet1.xml");
    REQUIRE(at != std::string::npos);
    for (std::size_t i = at + 60; i < at + 400; i += 7)
        corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
    const fs::path bad = dir.path / "bad.xlsx";
    std::ofstream(bad, std::ios::binary) << corrupt;
    const std::string message = xlsx_error(bad.string());
    CHECK(
        (contains(message, "is damaged in the zip archive") || contains(message, "malformed XML")));
}

TEST_CASE("xlsx: a zip with no workbook part is not an Excel workbook") {
    TempDir dir;
    write_zip(dir.path / "w.xlsx", {{"word/document.xml", "<w/>"}});
    CHECK(contains(xlsx_error((dir.path / "w.xlsx").string()),
                   "not an Excel workbook: the zip archive has no xl/workbook.xml"));
}

TEST_CASE("xlsx: a zip bomb is refused, by its declared size or by its bytes") {
    TempDir dir;
    Book book;
    book.sheets = {{"Sheet1", std::string(20u << 20, ' '), ""}}; // 20 MiB that deflate to ~20 KiB
    CHECK(contains(xlsx_error(write_book(dir, book)),
                   "xl/worksheets/sheet1.xml unpacks to more than 16 MiB"));

    book.sheets = {{"Sheet1", R"(<row r="1"><c r="A1"><v>1</v></c></row>)", ""}};
    auto entries = book_entries(book);
    entries.erase(entries.begin()); // the sheet, written below with a lying header
    const std::string sheet = worksheet_xml(book.sheets[0]);
    write_zip_declaring(dir.path / "declared.xlsx", "xl/worksheets/sheet1.xml", sheet, 5ull << 30,
                        entries);
    CHECK(contains(xlsx_error((dir.path / "declared.xlsx").string()), "a zip bomb?"));

    // A header that says less than the entry holds: the bytes beyond it are not taken.
    const std::string big = worksheet_xml(
        {"Sheet1", std::string(40u << 20, ' ') + R"(<row r="1"><c r="A1"><v>1</v></c></row>)", ""});
    write_zip_declaring(dir.path / "lying.xlsx", "xl/worksheets/sheet1.xml", big, 1000, entries);
    const std::string message = xlsx_error((dir.path / "lying.xlsx").string());
    CHECK((contains(message, "a zip bomb?") || contains(message, "damaged") ||
           contains(message, "malformed XML")));
}

TEST_CASE("xlsx: DOCTYPE and entity declarations are refused (entity expansion)") {
    TempDir dir;
    const std::string laughs =
        R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>)"
        R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)";
    Book book;
    book.sheets = {{"Sheet1", "", ""}};
    auto entries = book_entries(book);
    entries[0].data = laughs;
    write_zip(dir.path / "lol.xlsx", entries);
    CHECK(contains(xlsx_error((dir.path / "lol.xlsx").string()),
                   "xl/worksheets/sheet1.xml line 1: a DOCTYPE declaration"));

    entries = book_entries(book);
    entries.back().data =
        R"(<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><Relationships/>)";
    write_zip(dir.path / "ext.xlsx", entries);
    CHECK(contains(xlsx_error((dir.path / "ext.xlsx").string()), "DOCTYPE"));
}

TEST_CASE("xlsx: malformed XML is refused with expat's error and line") {
    TempDir dir;
    const std::string path = write_rows(dir, "<row r=\"1\">\n<c r=\"A1\"><v>1</v></c>\n</rows>");
    CHECK(contains(xlsx_error(path),
                   "花名册.xlsx: xl/worksheets/sheet1.xml line 3: malformed XML: mismatched tag"));
    const std::string entity = write_rows(
        dir, R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&undefined;</t></is></c></row>)");
    CHECK(contains(xlsx_error(entity), "malformed XML: undefined entity"));
}

TEST_CASE("xlsx: a million columns is refused") {
    TempDir dir;
    CHECK(contains(
        xlsx_error(write_rows(dir, R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")),
        "花名册.xlsx: sheet \"Sheet1\" row 1: a cell reference \"XFE1\" beyond column XFD"));
    CHECK(contains(xlsx_error(write_rows(dir, R"(<row r="1"><c r="AAAAAAA1"><v>1</v></c></row>)")),
                   "beyond column XFD"));
    std::string many = "<row r=\"2\">";
    for (int i = 0; i < 16385; ++i)
        many += "<c/>";
    CHECK(contains(xlsx_error(write_rows(dir, many + "</row>")),
                   "花名册.xlsx: sheet \"Sheet1\" row 2: more than 16384 cells"));
    std::string following =
        "<row r=\"2\"><c r=\"XFD2\"><v>1</v></c><c><v>2</v></c></row>"; // the next cell is XFE
    CHECK(contains(xlsx_error(write_rows(dir, following)), "beyond column XFD"));
    CHECK(contains(xlsx_error(write_rows(dir, R"(<row r="1048577"><c><v>1</v></c></row>)")),
                   "beyond Excel's last row"));
    Book book;
    book.sheets = {{"Sheet1", "", R"(<mergeCells><mergeCell ref="A1:XFE1"/></mergeCells>)"}};
    CHECK(contains(xlsx_error(write_book(dir, book)), "merged range \"A1:XFE1\""));
}

TEST_CASE("xlsx: a 10 MB cell is refused in shared strings, inline strings and values") {
    TempDir dir;
    const std::string huge(10u << 20, 'x');
    CHECK(
        contains(xlsx_error(write_rows(dir, R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)",
                                       "<si><t>" + huge + "</t></si>")),
                 "xl/sharedStrings.xml: shared string 1 is longer than Excel's 32767 characters"));
    CHECK(contains(xlsx_error(write_rows(dir, R"(<row r="3"><c r="B3" t="inlineStr"><is><t>)" +
                                                  huge + "</t></is></c></row>")),
                   "Sheet1!B3: a cell longer than Excel's 32767 characters"));
    CHECK(contains(xlsx_error(write_rows(dir, R"(<row r="3"><c r="C3" t="str"><f>A1</f><v>)" +
                                                  huge + "</v></c></row>")),
                   "Sheet1!C3: a cell longer"));
    // 32,767 characters of Chinese (3 bytes each) are fine; one more is not.
    std::string longest;
    for (int i = 0; i < 32767; ++i)
        longest += "字";
    CHECK(first_row(dir, R"(<row r="1"><c t="inlineStr"><is><t>)" + longest + "</t></is></c></row>")
              .at(0) == longest);
    CHECK(contains(xlsx_error(write_rows(dir, R"(<row r="1"><c t="inlineStr"><is><t>)" + longest +
                                                  "字</t></is></c></row>")),
                   "longer than Excel's"));
}

TEST_CASE("xlsx: shared strings beyond the memory bound are refused with advice to use CSV") {
    TempDir dir;
    // Text that does not compress (random letters), stored, so that the zip bomb limit is
    // not what refuses it: 2,300 strings of 30,000 characters, 69 MB.
    std::string sst;
    std::uint32_t seed = 12345;
    std::string text(30000, 'a');
    for (int i = 0; i < 2300; ++i) {
        for (char& c : text) {
            seed = seed * 1103515245u + 12345u;
            c = static_cast<char>('a' + (seed >> 16) % 26);
        }
        sst += "<si><t>" + text + "</t></si>";
    }
    Book book;
    book.shared_strings = sst;
    book.sheets = {{"Sheet1", R"(<row r="1"><c t="s"><v>0</v></c></row>)", ""}};
    auto entries = book_entries(book);
    for (auto& e : entries)
        e.method = 0;
    write_zip(dir.path / "big.xlsx", entries);
    CHECK(xlsx_error((dir.path / "big.xlsx").string()) ==
          "花名册.xlsx: the workbook's shared strings take more than 64 MiB; open it in Excel or "
          "WPS, save the sheet as "
          "CSV (UTF-8) and import that");
}

TEST_CASE("xlsx: elements nested absurdly deep are refused") {
    TempDir dir;
    std::string deep;
    for (int i = 0; i < 1000; ++i)
        deep += "<a>";
    CHECK(contains(xlsx_error(write_rows(dir, deep)), "nested more than 256 deep"));
}

TEST_CASE("xlsx: an encrypted zip entry or an encrypted package is refused as protected") {
    TempDir dir;
    Book book;
    book.sheets = {{"Sheet1", R"(<row r="1"><c r="A1"><v>1</v></c></row>)", ""}};
    auto entries = book_entries(book);
    entries[0].password = "secret";
    write_zip(dir.path / "p.xlsx", entries);
    const std::string protected_message =
        "花名册.xlsx: the workbook is protected by a password; open it in Excel or WPS, "
        "remove the password and save an unprotected copy to import";
    CHECK(xlsx_error((dir.path / "p.xlsx").string()) == protected_message);
    // What Excel saves with a password: an OLE file holding EncryptedPackage.
    CHECK(xlsx_error(kData + "/encrypted.xls") == protected_message);
    CHECK(contains(xlsx_error(kData + "/workbook.xls"),
                   "not an .xlsx workbook: it is an Excel 97–2003 (.xls)"));
}

TEST_CASE("xlsx: a cell pointing at a missing shared string or holding no number is refused") {
    TempDir dir;
    CHECK(contains(xlsx_error(write_rows(dir, R"(<row r="4"><c r="D4" t="s"><v>3</v></c></row>)",
                                         "<si><t>a</t></si>")),
                   "Sheet1!D4: shared string \"3\" does not exist"));
    CHECK(contains(xlsx_error(write_rows(dir, R"(<row r="4"><c r="D4"><v>12abc</v></c></row>)")),
                   "Sheet1!D4: \"12abc\" is not a number"));
    CHECK(contains(xlsx_error(write_rows(dir, "<row r=\"4\"><c r=\"D4\"><v>1\x1b</v></c></row>")),
                   "malformed XML")); // ESC is not allowed in XML at all
}

// ---------------------------------------------------------------------------------------
// .xls (FreeXL, with the records it drops read by util/xls_records.cpp)

TEST_CASE("xls: cells of a LibreOffice-saved workbook") {
    auto reader = open_xls(kData + "/workbook.xls", "", "花名册.xls");
    CHECK(reader->sheet_name() == "花名册");
    auto all = read_all(*reader);
    REQUIRE(all.size() == 4);
    CHECK(all[0].number == 1);
    CHECK(all[0].cells ==
          Cells{"姓名", "身份证号", "年份", "工资", "派出时间", "登记时间", "派出单位"});
    CHECK(all[1].cells == Cells{"罗鸿灵", "511028197003141730", "2006", "1979.5", "2006-08-01",
                                "2006-08-01 13:45:00", "隆昌县国土资源局"});
    // The merged range G2:G3 gives its value to G3; a date-time at midnight is a date.
    CHECK(all[2].cells == Cells{"何俊杰", "511002198104161811", "2007", "2100", "2006-09-01",
                                "2006-09-01", "隆昌县国土资源局"});
    CHECK_FALSE(all[2].hidden);
    CHECK(all[3].number == 5); // the empty row 4 is skipped
    CHECK(all[3].cells == Cells{"王五", "5.1102519800315E+17", "2008", "0.1"});
    CHECK(all[3].hidden);
    CHECK(reader->hidden_rows() == 1);
}

TEST_CASE("xls: every cell reads as in the .xlsx that LibreOffice saved it from") {
    auto xlsx = open_xlsx(kData + "/formats.xlsx", "", "formats.xlsx");
    auto xls = open_xls(kData + "/formats.xls", "", "formats.xls");
    CHECK(xls->sheet_name() == xlsx->sheet_name());
    const auto want = read_all(*xlsx);
    const auto got = read_all(*xls);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(want[i].number);
        CHECK(got[i].number == want[i].number);
        CHECK(got[i].cells == want[i].cells);
        CHECK(got[i].hidden == want[i].hidden);
    }
    CHECK(xls->hidden_rows() == xlsx->hidden_rows());
    // What both read, spelled out: booleans and errors (LibreOffice writes them as formulas),
    // dates without a day, fixed decimals, merged ranges across, down and both, hidden rows
    // (row 8 has data only from the range above it).
    REQUIRE(got.size() == 9);
    CHECK(got[1].cells ==
          Cells{"罗鸿灵", "TRUE", "2006-08", "2008-07", "1979.10", "2006-08-01 13:45:00", "FALSE"});
    CHECK(got[2].cells ==
          Cells{"何俊杰", "FALSE", "2007-03", "2009-02", "2100.00", "2007-03-01", "#N/A"});
    CHECK(got[3].cells == Cells{"王五", "#DIV/0!", "2008-01", "", "0.13", "", "12.5"});
    CHECK(got[3].hidden);
    CHECK(got[4].cells ==
          Cells{"合并到右", "合并到右", "合并到右", "下一格", "-3.14", "", "#VALUE!"});
    CHECK(got[5].cells == Cells{"赵六", "TRUE", "2010-12", "2011-11", "2011-11", "", "隐藏"});
    CHECK(got[6].cells == Cells{"", "", "", "2011-11", "2011-11", "", "合并到下"});
    CHECK(got[7].number == 8);
    CHECK(got[7].cells == Cells{"", "", "", "", "", "", "合并到下"});
    CHECK(got[7].hidden);
    CHECK(got[8].cells == Cells{"孙七", "", "2012-05", "", "0.01", "", "最后"});
    CHECK(xls->hidden_rows() == 3);
}

TEST_CASE("xls: sheets by index and name, an unknown one lists them") {
    CHECK(read_all(*open_xls(kData + "/workbook.xls", "2", "b.xls")).at(0).cells ==
          Cells{"只有一格"});
    CHECK(open_xls(kData + "/workbook.xls", "第二页", "b.xls")->sheet_name() == "第二页");
    CHECK(error_of([&] { open_xls(kData + "/workbook.xls", "Sheet9", "b.xls"); }) ==
          R"(b.xls: no sheet "Sheet9"; the workbook has 2 sheets: "花名册", "第二页")");
}

TEST_CASE("xls: protected, other OLE files, xlsx, text and damaged files are refused") {
    TempDir dir;
    auto xls_error = [](const std::string& path) {
        return error_of([&] { open_xls(path, "", "b.xls"); });
    };
    CHECK(contains(xls_error(kData + "/encrypted.xls"),
                   "b.xls: the workbook is protected by a password"));
    CHECK(contains(xls_error(kData + "/not_excel.doc"),
                   "b.xls: not an Excel 97–2003 workbook: an Office file of another kind"));
    Book book;
    book.sheets = {{"Sheet1", "", ""}};
    CHECK(contains(xls_error(write_book(dir, book)), "not an Excel 97–2003 workbook but an .xlsx"));
    const fs::path text = dir.path / "t.xls";
    std::ofstream(text) << "姓名\t身份证号\n";
    CHECK(contains(xls_error(text.string()), "b.xls: not an Excel 97–2003 workbook"));
    const fs::path html = dir.path / "h.xls";
    std::ofstream(html) << "\xEF\xBB\xBF  <table><tr><td>1</td></tr></table>";
    CHECK(contains(xls_error(html.string()), "web page"));

    std::ifstream in(kData + "/workbook.xls", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path cut = dir.path / "cut.xls";
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, 1536);
    CHECK(contains(xls_error(cut.string()), "b.xls: "));
    CHECK(xls_error(cut.string()) != "(no error)");
}
