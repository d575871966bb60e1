#include "util/table.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <fstream>
#include <minizip/unzip.h>

namespace guazhi::util {

bool TableRow::blank() const {
    for (const auto& c : cells)
        if (!trim(c).empty()) return false;
    return true;
}

namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

std::string extension_of(const std::string& path) {
    auto dot = path.rfind('.');
    auto slash = path.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    return ascii_lower(std::string_view(path).substr(dot + 1));
}

// The first `n` bytes of a file.
std::string head_of(const std::string& path, std::size_t n) {
    std::ifstream in(path, std::ios::binary);
    std::string head(n, '\0');
    in.read(head.data(), static_cast<std::streamsize>(n));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

bool contains_utf16(std::string_view bytes, std::string_view ascii) {
    std::string wide;
    for (char c : ascii) {
        wide += c;
        wide += '\0';
    }
    return bytes.find(wide) != std::string_view::npos;
}

// A zip: an Office Open XML workbook, or what else it holds.
Sniffed sniff_zip(const std::string& path, const std::string& name) {
    unzFile zip = unzOpen64(path.c_str());
    if (!zip)
        return {TableKind::not_a_table,
                msg("{}: is a damaged zip file (an .xlsx cut short or corrupted?): open it in Excel or WPS "
                            "and save it again",
                            name)};
    auto has = [&](const char* entry) { return unzLocateFile(zip, entry, 1) == UNZ_OK; };
    Sniffed s;
    if (has("xl/workbook.xml")) s.kind = TableKind::xlsx;
    else if (has("word/document.xml"))
        s = {TableKind::not_a_table, msg("{}: is a Word document (.docx), not a roster: put the table in an "
                                                "Excel or WPS sheet and save it as .xlsx or .csv",
                                                name)};
    else if (has("ppt/presentation.xml"))
        s = {TableKind::not_a_table, msg("{}: is a PowerPoint file, not a roster", name)};
    else if (has("content.xml") && has("mimetype"))
        s = {TableKind::not_a_table, msg("{}: is an OpenDocument file (.ods/.odt): open it and save it as "
                                                ".xlsx or .csv",
                                                name)};
    else
        s = {TableKind::not_a_table, msg("{}: is a zip archive, not a workbook: unpack it and import the "
                                                ".xlsx or .csv inside",
                                                name)};
    unzClose(zip);
    return s;
}

// An OLE compound file: an Excel 97–2003 workbook, or a Word/WPS document, or an encrypted
// Office file (which Office writes as OLE whatever its extension).
Sniffed sniff_ole(const std::string& path, const std::string& name) {
    std::string head = head_of(path, 1 << 20);
    std::string ext = extension_of(path);
    if (contains_utf16(head, "EncryptedPackage"))
        return {TableKind::not_a_table, msg("{}: is password-protected: save an unprotected copy (remove the "
                                                   "password in Excel or WPS) and import that",
                                                   name)};
    if (contains_utf16(head, "WordDocument") || ext == "doc" || ext == "wps")
        return {TableKind::not_a_table, msg("{}: is a Word document (.doc), not a roster: put the table in an "
                                                   "Excel or WPS sheet and save it as .xlsx or .csv",
                                                   name)};
    if (ext == "et" || ext == "ett")
        return {TableKind::not_a_table, msg("{}: is a WPS 表格 (.et) file: in WPS choose 文件 → 另存为 and save "
                                                   "it as an Excel workbook (.xlsx)",
                                                   name)};
    return {TableKind::xls, {}};
}

} // namespace

Sniffed sniff_table(const std::string& path, const std::string& name) {
    std::string head = head_of(path, 512);
    std::string_view h(head);
    if (h.starts_with(kZipMagic)) return sniff_zip(path, name);
    if (h.starts_with(kOleMagic)) return sniff_ole(path, name);
    if (h.starts_with("%PDF"))
        return {TableKind::not_a_table, msg("{}: is a PDF document, not a roster: ask for the Excel file it "
                                                   "was made from",
                                                   name)};
    if (h.starts_with("{\\rtf"))
        return {TableKind::not_a_table, msg("{}: is an RTF document, not a roster", name)};
    std::string lower = ascii_lower(trim(h.substr(h.starts_with("\xEF\xBB\xBF") ? 3 : 0)));
    if (lower.starts_with("<html") || lower.starts_with("<!doctype html") || lower.starts_with("<table"))
        return {TableKind::not_a_table, msg("{}: is a web page (an .xls some systems export is HTML): open it "
                                                   "in Excel or WPS and save it as .xlsx",
                                                   name)};
    if (lower.starts_with("<?xml"))
        return {TableKind::not_a_table, msg("{}: is an XML file (Excel 2003 XML?): open it in Excel or WPS and "
                                                   "save it as .xlsx",
                                                   name)};
    return {TableKind::text, {}};
}

TableReader::TableReader(std::istream& in, const std::string& path, const std::string& name,
                         const TableOptions& options)
    : name_(name) {
    Sniffed sniffed = path.empty() ? Sniffed{} : sniff_table(path, name);
    switch (sniffed.kind) {
    case TableKind::not_a_table: throw Error(sniffed.refusal);
    case TableKind::xlsx:
        kind_ = "xlsx";
        workbook_ = open_xlsx(path, options.sheet, name);
        return;
    case TableKind::xls:
        kind_ = "xls";
        workbook_ = open_xls(path, options.sheet, name);
        return;
    case TableKind::text: break;
    }
    if (!options.sheet.empty())
        throw ProblemError(problem(Parameter::sheet, ProblemCode::sheet_of_text_file, name));
    csv_ = std::make_unique<CsvReader>(in, options.encoding, name);
}

TableReader::~TableReader() = default;

bool TableReader::next(TableRow& row) {
    if (workbook_) {
        if (!workbook_->next(sheet_row_)) return false;
        row.cells.swap(sheet_row_.cells);
        row.line = sheet_row_.number;
        row.hidden = sheet_row_.hidden;
        return true;
    }
    if (!csv_->next(record_)) return false;
    row.cells.swap(record_.fields);
    row.line = record_.line;
    row.hidden = false;
    return true;
}

std::string TableReader::place(std::size_t line, std::optional<std::size_t> column) const {
    if (!workbook_) return fmt::format("{}:{}", name_, line);
    const std::string& sheet = workbook_->sheet_name();
    // Excel quotes a sheet name that is not one word: '2007 年'!C7.
    bool quote = sheet.find_first_of(" -!'()") != std::string::npos;
    std::string where = column ? cell_name(*column, line) : std::to_string(line);
    return quote ? fmt::format("{}:'{}'!{}", name_, sheet, where) : fmt::format("{}:{}!{}", name_, sheet, where);
}

std::string TableReader::cell_place(std::size_t line, std::size_t column) const {
    return workbook_ ? place(line, column) : fmt::format("{}:{}:{}", name_, line, column + 1);
}

Message TableReader::describe() const {
    if (workbook_) return msg("{}, sheet {}", kind_, workbook_->sheet_name());
    std::string encoding(encoding_name(csv_->encoding()));
    if (csv_->delimiter() == '\t') return msg("{}, tab-separated", encoding);
    return encoding;
}

} // namespace guazhi::util
