// The BIFF records FreeXL does not read (util/xls_records): the compound file, formats, the
// date system, merges and hidden rows, and hostile files. Split from test_workbook.cpp.
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
using guazhi::test::error_of;
using guazhi::test::TempDir;

namespace {
const std::string kData = GUAZHI_TEST_DATA;
} // namespace

// ---------------------------------------------------------------------------------------
// .xls: the compound file and the BIFF records we read ourselves (util/xls_records.hpp)

namespace {

void put16(std::string& s, std::size_t at, unsigned v) {
    s[at] = static_cast<char>(v & 0xFF);
    s[at + 1] = static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, std::size_t at, std::uint32_t v) {
    put16(s, at, v & 0xFFFF);
    put16(s, at + 2, v >> 16);
}

constexpr std::uint32_t kEnd = 0xFFFFFFFE, kFree = 0xFFFFFFFF;

// A version 3 compound file (512-byte sectors) holding one stream "Workbook" of at least
// 4096 bytes (so in regular sectors): sector 0 the FAT, 1 the directory, 2… the stream.
struct OleFile {
    std::string bytes;
    std::size_t stream_sectors = 0;
    static constexpr std::size_t kFat = 512, kDir = 1024;
    explicit OleFile(const std::string& stream) {
        stream_sectors = (stream.size() + 511) / 512;
        bytes.assign(512 * (3 + stream_sectors), '\0');
        bytes.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        put16(bytes, 0x18, 0x3E);
        put16(bytes, 0x1A, 3);
        put16(bytes, 0x1C, 0xFFFE);
        put16(bytes, 0x1E, 9);
        put16(bytes, 0x20, 6);
        put32(bytes, 0x2C, 1);    // FAT sectors
        put32(bytes, 0x30, 1);    // the directory's first sector
        put32(bytes, 0x38, 4096); // the mini stream cutoff
        put32(bytes, 0x3C, kEnd); // no mini FAT
        put32(bytes, 0x44, kEnd); // no DIFAT sectors
        for (std::size_t i = 0; i < 109; ++i)
            put32(bytes, 0x4C + 4 * i, i == 0 ? 0 : kFree);
        for (std::size_t i = 0; i < 128; ++i)
            fat(i, kFree);
        fat(0, 0xFFFFFFFD); // the FAT's own sector
        fat(1, kEnd);
        for (std::size_t i = 0; i < stream_sectors; ++i)
            fat(2 + i, i + 1 == stream_sectors ? kEnd : static_cast<std::uint32_t>(3 + i));
        entry(0, "Root Entry", 5, 1, kEnd, 0);
        entry(1, "Workbook", 2, kFree, 2, static_cast<std::uint32_t>(stream.size()));
        entry(2, "", 0, kFree, kFree, 0);
        entry(3, "", 0, kFree, kFree, 0);
        bytes.replace(512 * 3, stream.size(), stream);
    }
    void fat(std::size_t i, std::uint32_t next) { put32(bytes, kFat + 4 * i, next); }
    void entry(std::size_t i, const std::string& ascii_name, unsigned type, std::uint32_t child,
               std::uint32_t start, std::uint32_t size) {
        const std::size_t at = kDir + 128 * i;
        for (std::size_t k = 0; k < ascii_name.size(); ++k)
            put16(bytes, at + 2 * k, static_cast<unsigned char>(ascii_name[k]));
        put16(bytes, at + 64,
              ascii_name.empty() ? 0 : static_cast<unsigned>(2 * ascii_name.size() + 2));
        bytes[at + 66] = static_cast<char>(type);
        put32(bytes, at + 68, kFree); // left
        put32(bytes, at + 72, kFree); // right
        put32(bytes, at + 76, child);
        put32(bytes, at + 116, start);
        put32(bytes, at + 120, size);
    }
};

std::string ole_error(const std::string& bytes) {
    return error_of([&] { workbook_detail::ole_workbook_stream(bytes, "b.xls"); });
}

// A BIFF record: type, length, data.
std::string biff(unsigned type, const std::string& data) {
    std::string r(4, '\0');
    put16(r, 0, type);
    put16(r, 2, static_cast<unsigned>(data.size()));
    return r + data;
}
std::string le16(unsigned v) {
    std::string s(2, '\0');
    put16(s, 0, v);
    return s;
}
std::string le32(std::uint32_t v) {
    std::string s(4, '\0');
    put32(s, 0, v);
    return s;
}
std::string le_double(double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return le32(static_cast<std::uint32_t>(bits)) + le32(static_cast<std::uint32_t>(bits >> 32));
}
std::string bof(unsigned kind) {
    return biff(0x0809, le16(0x0600) + le16(kind) + std::string(12, '\0'));
}
std::string eof() {
    return biff(0x000A, "");
}
// Row, column, XF index.
std::string cell_head(unsigned row, unsigned column, unsigned xf) {
    return le16(row) + le16(column) + le16(xf);
}

// A BIFF8 workbook stream: the 1904 date system, XF 0 General, XF 1 the custom format
// yyyy.mm (id 164), XF 2 built-in 0.00; one sheet whose records are `sheet_records`.
std::string biff_stream(const std::string& sheet_records) {
    const std::string format_code = "yyyy\\.mm";
    std::string globals = bof(0x0005) + biff(0x0022, le16(1)) +
                          biff(0x041E, le16(164) + le16(static_cast<unsigned>(format_code.size())) +
                                           std::string(1, '\0') + format_code);
    for (unsigned id : {0u, 164u, 2u})
        globals += biff(0x00E0, le16(0) + le16(id) + std::string(16, '\0'));
    const std::string name = "名单"; // UTF-16 in the record: 0x540D 0x5355
    const std::string sheet_record_head = std::string("\x02\x01") + "\x0D\x54\x55\x53";
    const std::size_t boundsheet_bytes = 4 + 4 + 2 + sheet_record_head.size();
    const std::size_t sheet_offset = globals.size() + boundsheet_bytes + 4;
    globals += biff(0x0085, le32(static_cast<std::uint32_t>(sheet_offset)) + std::string(2, '\0') +
                                sheet_record_head) +
               eof();
    (void)name;
    return globals + bof(0x0010) + sheet_records + eof();
}

} // namespace

TEST_CASE("xls records: a compound file's Workbook stream, through the FAT") {
    std::string stream(5000, '\0');
    for (std::size_t i = 0; i < stream.size(); ++i)
        stream[i] = static_cast<char>('a' + i % 26);
    CHECK(workbook_detail::ole_workbook_stream(OleFile(stream).bytes, "b.xls") == stream);
    // The LibreOffice fixtures keep theirs in the mini stream (under 4096 bytes).
    const std::string fixture = workbook_detail::read_xls_file(kData + "/formats.xls", "b.xls");
    const std::string small = workbook_detail::ole_workbook_stream(fixture, "b.xls");
    CHECK(small.size() < 4096);
    CHECK(small.substr(0, 2) == "\x09\x08"); // a BOF record
}

TEST_CASE("xls records: hostile compound files are refused, never followed") {
    const std::string stream(5000, 'x');
    const std::string damaged = "b.xls: the Excel 97–2003 workbook is damaged (";
    OleFile loop(stream);
    loop.fat(2 + loop.stream_sectors - 1, 3); // the last sector leads back to the second
    CHECK(ole_error(loop.bytes) ==
          damaged + "a sector chain that loops); open it in Excel or WPS and save it again");
    OleFile beyond(stream);
    beyond.fat(3, 999999);
    CHECK(
        contains(ole_error(beyond.bytes), damaged + "sector 999999 is beyond the end of the file"));
    OleFile broken(stream);
    broken.fat(3, kFree);
    CHECK(contains(ole_error(broken.bytes), damaged + "a sector chain that ends too early"));
    const std::string whole = OleFile(stream).bytes;
    CHECK(contains(ole_error(whole.substr(0, whole.size() - 700)), damaged));
    CHECK(contains(ole_error(whole.substr(0, 300)), damaged + "it has no OLE header"));
    OleFile huge(stream);
    huge.entry(1, "Workbook", 2, kFree, 2, 0x7FFFFFFF);
    CHECK(contains(ole_error(huge.bytes), damaged + "a stream of 2147483647 bytes"));
    OleFile fats(stream);
    put32(fats.bytes, 0x2C, 0xFFFFFF);
    CHECK(contains(ole_error(fats.bytes), damaged + "it claims 16777215 FAT sectors"));
    OleFile difat(stream); // FAT sectors beyond the header's 109, in a DIFAT chain that loops
    put32(difat.bytes, 0x2C, 200);
    put32(difat.bytes, 0x44, 2);
    for (std::size_t i = 0; i < 127; ++i)
        put32(difat.bytes, 512 * 3 + 4 * i, 0);
    put32(difat.bytes, 512 * 3 + 508, 2);
    CHECK(contains(ole_error(difat.bytes), damaged));
    OleFile tree(stream); // a directory whose siblings loop, before any Workbook
    tree.entry(1, "Other", 2, kFree, 2, 5000);
    put32(tree.bytes, OleFile::kDir + 128 + 68, 1);
    CHECK(contains(ole_error(tree.bytes), damaged + "its OLE directory loops"));
    OleFile no_book(stream);
    no_book.entry(1, "WordDocument", 2, kFree, 2, 5000);
    CHECK(contains(ole_error(no_book.bytes), damaged + "it has no Workbook stream"));
}

TEST_CASE("xls records: formats, the date system, cells, merges and hidden rows") {
    const std::string hidden_row =
        biff(0x0208, le16(3) + std::string(10, '\0') + le16(0x0020) + le16(0));
    const std::string shown_row = biff(0x0208, le16(4) + std::string(14, '\0'));
    const std::string records =
        hidden_row + shown_row + biff(0x0203, cell_head(0, 0, 1) + le_double(38930)) + // 2010-08-02
        biff(0x027E, cell_head(0, 1, 2) + le32((19791u << 2) | 3)) +                   // 197.91
        biff(0x00BD, le16(1) + le16(2) + le16(0) + le32(0x3FF00000u) + le16(2) +
                         le32(1234u << 2 | 2) + le16(3)) +
        biff(0x0205, cell_head(2, 0, 0) + std::string("\x01\x00", 2)) +
        biff(0x0205, cell_head(2, 1, 0) + "\x07\x01") +
        biff(0x0006, cell_head(2, 2, 0) + std::string("\x01\x00\x00\x00\x00\x00\xFF\xFF", 8) +
                         std::string(6, '\0')) +
        biff(0x00E5, le16(2) + le16(5) + le16(6) + le16(0) + le16(1) + le16(3) + le16(3) + le16(2) +
                         le16(0));
    const std::string stream = biff_stream(records);
    const auto globals = workbook_detail::read_xls_globals(stream, "b.xls");
    CHECK(globals.date1904);
    REQUIRE(globals.sheets.size() == 1);
    CHECK(globals.sheets[0].name == "名单");
    REQUIRE(globals.style_formats.size() == 3);
    CHECK(globals.style_formats[1].kind == Kind::year_month);
    CHECK(globals.style_formats[2] == workbook_detail::NumberFormat{Kind::fixed, 2});
    const auto sheet =
        workbook_detail::read_xls_sheet(stream, globals.sheets[0].offset, "b.xls", "名单");
    REQUIRE(sheet.cells.size() == 7);
    const auto* a1 = sheet.find(0, 0);
    REQUIRE(a1 != nullptr);
    CHECK(workbook_detail::number_text(a1->value, globals.style_formats[a1->style], true) ==
          "2010-08");
    CHECK(sheet.find(0, 1)->value == doctest::Approx(197.91));
    CHECK(sheet.find(1, 2)->value == 1.0);
    CHECK(sheet.find(1, 3)->value == 1234.0);
    CHECK(sheet.find(1, 3)->style == 2);
    CHECK(sheet.find(2, 0)->type == workbook_detail::XlsCell::Type::boolean);
    CHECK(sheet.find(2, 1)->type == workbook_detail::XlsCell::Type::error);
    CHECK(workbook_detail::xls_error_text(static_cast<unsigned>(sheet.find(2, 1)->value)) ==
          "#DIV/0!");
    CHECK(sheet.find(2, 2)->type == workbook_detail::XlsCell::Type::boolean);
    CHECK(sheet.find(2, 3) == nullptr);
    REQUIRE(sheet.merges.size() == 2);
    CHECK(sheet.merges[0].first_row == 3); // sorted by first row: A4:C4, given as C4:A4
    CHECK(sheet.merges[0].first_column == 0);
    CHECK(sheet.merges[0].last_column == 2);
    CHECK(sheet.merges[1].last_row == 6);
    CHECK(sheet.hidden_rows == std::vector<std::uint16_t>{3});
}

TEST_CASE("xls records: hostile records are refused with the file named") {
    const std::string damaged = "b.xls: the Excel 97–2003 workbook is damaged (";
    auto sheet_error = [](const std::string& records) {
        return error_of([&] {
            const std::string stream = biff_stream(records);
            const auto globals = workbook_detail::read_xls_globals(stream, "b.xls");
            workbook_detail::read_xls_sheet(stream, globals.sheets.at(0).offset, "b.xls", "名单");
        });
    };
    // A record longer than the stream: its length says 8000, 10 bytes follow.
    CHECK(contains(
        sheet_error(biff(0x0203, cell_head(0, 0, 0)).substr(0, 2) + le16(8000) + "0123456789"),
        damaged + "a record beyond the end of the workbook stream"));
    CHECK(contains(sheet_error(biff(0x0203, cell_head(0, 0, 0))),
                   damaged + "a record 0x0203 of 6 bytes"));
    CHECK(contains(sheet_error(biff(0x00E5, le16(5000) + std::string(16, '\0'))),
                   damaged + "a record 0x00E5 of 18 bytes"));
    CHECK(sheet_error(biff(0x0203, cell_head(0, 20000, 0) + le_double(1))) ==
          "b.xls: sheet \"名单\": a cell beyond column XFD (the file is damaged or hostile)");
    std::string many;
    for (unsigned r = 0; r < 100; ++r) {
        std::string ranges = le16(1020);
        for (unsigned i = 0; i < 1020; ++i)
            ranges += le16(r * 1020 + i) + le16(r * 1020 + i) + le16(0) + le16(1);
        many += biff(0x00E5, ranges);
    }
    CHECK(contains(sheet_error(many), "b.xls: sheet \"名单\": more than 100000 merged ranges"));
    const std::string stream = biff_stream("");
    CHECK(contains(
        error_of([&] { workbook_detail::read_xls_sheet(stream, 1 << 20, "b.xls", "名单"); }),
        damaged + "sheet \"名单\" starts beyond the workbook stream"));
    CHECK(contains(error_of([&] { workbook_detail::read_xls_sheet(stream, 5, "b.xls", "名单"); }),
                   damaged + "no BOF record at offset 5"));
    CHECK(contains(error_of([&] {
                       workbook_detail::read_xls_globals(std::string("\x0A\x00\x00\x00", 4),
                                                         "b.xls");
                   }),
                   damaged + "no BOF record at offset 0"));
    CHECK(contains(error_of([&] { workbook_detail::read_xls_globals("", "b.xls"); }),
                   damaged + "no BOF record at offset 0"));
    const std::string file_pass = bof(0x0005) + biff(0x002F, std::string(6, '\0')) + eof();
    CHECK(contains(error_of([&] { workbook_detail::read_xls_globals(file_pass, "b.xls"); }),
                   "protected by a password"));
}

TEST_CASE("xls records: a file beyond 256 MiB is not read into memory") {
    TempDir dir;
    const fs::path big = dir.path / "big.xls";
    { std::ofstream(big, std::ios::binary) << "x"; }
    fs::resize_file(big, (256u << 20) + 1); // sparse: no disk is used
    CHECK(contains(error_of([&] { workbook_detail::read_xls_file(big.string(), "b.xls"); }),
                   "b.xls: the file is larger than 256 MiB"));
}

TEST_CASE("xls records: damaged bytes anywhere give an Error or a reading, never a crash") {
    // Run under ASan: every read of a mutated fixture stays inside the bytes there are.
    const std::string fixture = workbook_detail::read_xls_file(kData + "/formats.xls", "b.xls");
    std::uint32_t seed = 12345;
    auto random = [&] { return seed = seed * 1103515245u + 12345u, seed >> 8; };
    std::size_t refused = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string bytes = fixture;
        for (int k = 0; k < 4; ++k)
            bytes[random() % bytes.size()] = static_cast<char>(random());
        try {
            const std::string stream = workbook_detail::ole_workbook_stream(bytes, "b.xls");
            const auto globals = workbook_detail::read_xls_globals(stream, "b.xls");
            for (const auto& sheet : globals.sheets)
                workbook_detail::read_xls_sheet(stream, sheet.offset, "b.xls", sheet.name);
        } catch (const Error&) {
            ++refused;
        }
    }
    CHECK(refused > 0);
}
