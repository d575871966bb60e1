// Fuzzes the .xlsx reader (util/xlsx.cpp) and the roster layout (domain/roster_layout.hpp)
// behind it, as `assign import` runs them on a workbook.
//
// Input format: the XML of the sheet, then optionally a line "--sst--" and the shared
// strings part, then optionally "--styles--" and the styles part. The target puts them in a
// well-formed zip with a fixed workbook, so that the fuzzer mutates the XML the reader
// parses rather than the zip container (minizip, Debian's, is not ours to fuzz).
//
// Every Error is an expected refusal; anything else (a crash, UB, another exception, a hang)
// is a failure. Oracles: a row's cells never exceed Excel's 16,384 columns, its number
// increases, and find_header() over the first rows never throws.
#include "fuzz_common.hpp"

#include "domain/roster_layout.hpp"
#include "error.hpp"
#include "util/workbook.hpp"

#include <cstddef>
#include <cstdint>
#include <minizip/zip.h>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

using namespace guazhi;

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>)";
constexpr std::string_view kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr std::string_view kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

void add(zipFile zip, const char* name, std::string_view data) {
    zipOpenNewFileInZip(zip, name, nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 1);
    zipWriteInFileInZip(zip, data.data(), static_cast<unsigned>(data.size()));
    zipCloseFileInZip(zip);
}

// The part of `input` between `after` (or the start) and `before` (or the end).
std::string_view part(std::string_view input, std::string_view after, std::string_view before) {
    std::size_t from = 0;
    if (!after.empty()) {
        auto at = input.find(after);
        if (at == std::string_view::npos) return {};
        from = at + after.size();
    }
    auto to = before.empty() ? std::string_view::npos : input.find(before, from);
    return input.substr(from, to == std::string_view::npos ? std::string_view::npos : to - from);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1 << 20) return 0;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    static const std::string path = "/tmp/guazhi-fuzz-xlsx-" + std::to_string(::getpid()) + ".xlsx";
    zipFile zip = zipOpen(path.c_str(), APPEND_STATUS_CREATE);
    if (!zip) return 0;
    add(zip, "[Content_Types].xml", kContentTypes);
    add(zip, "xl/workbook.xml", kWorkbook);
    add(zip, "xl/_rels/workbook.xml.rels", kRels);
    add(zip, "xl/worksheets/sheet1.xml", part(input, "", "\n--sst--\n"));
    if (input.find("\n--sst--\n") != std::string_view::npos)
        add(zip, "xl/sharedStrings.xml", part(input, "\n--sst--\n", "\n--styles--\n"));
    if (input.find("\n--styles--\n") != std::string_view::npos)
        add(zip, "xl/styles.xml", part(input, "\n--styles--\n", ""));
    zipClose(zip, nullptr);

    try {
        auto reader = util::open_xlsx(path, "", "f.xlsx");
        util::SheetRow row;
        std::vector<std::vector<std::string>> first;
        std::size_t last = 0;
        while (reader->next(row)) {
            FUZZ_CHECK(row.cells.size() <= util::WorkbookLimits::kMaxColumns, "a row of {} cells", row.cells.size());
            FUZZ_CHECK(row.number > last, "row {} after row {}", row.number, last);
            last = row.number;
            if (first.size() < 30) first.push_back(row.cells);
        }
        find_header(first, {});
    } catch (const Error&) {
        // a refusal, with its message: expected
    }
    return 0;
}
