// The .xlsx reader: a zip (minizip) of XML parts (expat), read as a stream.
//
// Memory does not grow with the number of rows. A sheet is read twice: first its bytes are
// searched for <mergeCells> (written after the rows; only that element is parsed), then its
// XML is decompressed in 64 KiB chunks into expat, which is paused at the end of every row
// with data, so one row (at most WorkbookLimits::kMaxRowBytes of text, merged copies
// included) is held at a time. What is held beside it is bounded:
//   - the shared-strings table: one arena string plus a 32-bit offset per string, at most
//     WorkbookLimits::kMaxSharedStringBytes (64 MiB) of text and offsets together (the arena's
//     capacity may reach twice that while it grows); beyond it the workbook is refused with
//     advice to save the sheet as CSV;
//   - the cell styles (one small record per style, at most kMaxStyles);
//   - the merged ranges (at most kMaxMergedRanges) and the top-left values of those that the
//     current row is inside (at most kMaxMergedValueBytes);
//   - expat's buffer: one chunk plus the longest token, which is refused beyond
//     kMaxTokenBytes (a tag or text run with no callback for that long).
// Hostile input is refused with an Error: a zip entry that unpacks to more than 200 times its
// compressed size once above 16 MiB, or to more than 4 GiB, whatever its header declares (the
// real bytes are counted); any DOCTYPE or entity declaration (no workbook has one: entity
// expansion); elements nested deeper than kMaxDepth; cells beyond XFD, rows beyond 1,048,576,
// more than 16,384 cells in a row, text beyond Excel's 32,767 characters; encrypted entries.
#include "util/workbook.hpp"

#include "error.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <expat.h>
#include <filesystem>
#include <fmt/format.h>
#include <minizip/unzip.h>
#include <optional>
#include <unordered_map>
#include <utility>

namespace guazhi::util {
namespace {

using workbook_detail::excel_length;
using workbook_detail::NumberFormat;
using util::printable; // util/text.hpp

constexpr std::size_t kChunkBytes = 64u << 10;
constexpr std::uint64_t kBombFloorBytes = 16ull << 20; // any ratio is fine below this
constexpr std::uint64_t kBombRatio = 200;              // uncompressed : compressed, above the floor
constexpr std::uint64_t kMaxEntryBytes = 4ull << 30;   // no part of a real workbook comes near
constexpr std::size_t kMaxTokenBytes = 16u << 20;
constexpr int kMaxDepth = 256;
constexpr std::size_t kMaxRows = 1048576; // Excel's last row
constexpr std::size_t kMaxStyles = 1u << 20;
constexpr std::size_t kMaxMergedValueBytes = 64u << 20;
// Raw bytes of one cell's text before it is decoded: 32,767 characters of up to 4 bytes, or
// of the 7-byte escapes (_x000D_) that OOXML uses for control characters.
constexpr std::size_t kMaxRawCellBytes = WorkbookLimits::kMaxCellChars * 8;

// ---------------------------------------------------------------------------------------
// The zip container

// The workbook's zip file, its entries found by part name (case-insensitively, as OPC says).
class ZipArchive {
  public:
    ZipArchive(const std::string& path, std::string name) : name_(std::move(name)) {
        std::error_code ec;
        file_size_ = std::filesystem::file_size(path, ec);
        zip_ = unzOpen64(path.c_str());
        if (zip_ == nullptr)
            throw Error(msg(
                "{}: the .xlsx file (a zip archive) is damaged or truncated; open it in Excel or "
                "WPS and save it again",
                name_));
    }
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;
    ~ZipArchive() { unzClose(zip_); }

    // Makes `part` the current entry; false when there is none.
    bool locate(const std::string& part) { return unzLocateFile(zip_, part.c_str(), 2) == UNZ_OK; }
    unzFile handle() const { return zip_; }
    const std::string& name() const { return name_; }
    std::uint64_t file_size() const { return file_size_; }

  private:
    std::string name_;
    std::uint64_t file_size_ = 0;
    unzFile zip_ = nullptr;
};

// One entry of the archive, decompressed on demand, its real size counted against the zip
// bomb limit. One entry of an archive is open at a time.
class ZipEntry {
  public:
    ZipEntry(ZipArchive& zip, std::string part) : zip_(zip), part_(std::move(part)) {
        if (!zip_.locate(part_))
            throw Error(msg(
                "{}: the workbook has no part {} (it is damaged or not an .xlsx); open it in "
                "Excel or WPS and save it again",
                zip_.name(), printable(part_)));
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(zip_.handle(), &info, nullptr, 0, nullptr, 0, nullptr, 0) !=
            UNZ_OK)
            damaged();
        if (info.flag & 1u)
            workbook_detail::throw_protected(zip_.name());
        // The real compressed bytes cannot exceed the file, whatever the header says.
        compressed_ = std::min<std::uint64_t>(info.compressed_size, zip_.file_size());
        limit_ = std::clamp(compressed_ * kBombRatio, kBombFloorBytes, kMaxEntryBytes);
        if (info.uncompressed_size > limit_)
            bomb();
        if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
            throw Error(msg(
                "{}: {} is compressed with a method we cannot read (zip method {}); open the "
                "workbook in Excel or WPS and save it again",
                zip_.name(), printable(part_), info.compression_method));
        if (unzOpenCurrentFile(zip_.handle()) != UNZ_OK)
            damaged();
        open_ = true;
    }
    ZipEntry(const ZipEntry&) = delete;
    ZipEntry& operator=(const ZipEntry&) = delete;
    ~ZipEntry() {
        if (open_)
            unzCloseCurrentFile(zip_.handle());
    }

    // Up to `size` bytes into `out`; 0 at the end of the entry (whose CRC is then checked).
    std::size_t read(char* out, std::size_t size) {
        if (!open_)
            return 0;
        const int got = unzReadCurrentFile(zip_.handle(), out, static_cast<unsigned>(size));
        if (got < 0)
            damaged();
        if (got == 0) {
            open_ = false;
            if (unzCloseCurrentFile(zip_.handle()) != UNZ_OK)
                damaged(); // UNZ_CRCERROR
            return 0;
        }
        total_ += static_cast<std::uint64_t>(got);
        if (total_ > limit_)
            bomb();
        return static_cast<std::size_t>(got);
    }
    const std::string& part() const { return part_; }
    const std::string& name() const { return zip_.name(); }

  private:
    [[noreturn]] void damaged() const {
        throw Error(msg(
            "{}: {} is damaged in the zip archive (the file is corrupt or truncated); open "
            "it in Excel or WPS and save it again",
            zip_.name(), printable(part_)));
    }
    [[noreturn]] void bomb() const {
        throw Error(msg(
            "{}: {} unpacks to more than {} MiB from {} KiB in the file (a zip bomb?); the "
            "workbook is refused",
            zip_.name(), printable(part_), limit_ >> 20, (compressed_ + 1023) >> 10));
    }

    ZipArchive& zip_;
    std::string part_;
    std::uint64_t compressed_ = 0;
    std::uint64_t limit_ = 0;
    std::uint64_t total_ = 0;
    bool open_ = false;
};

// ---------------------------------------------------------------------------------------
// XML

using Attributes = const XML_Char**;

// "row" for "row" and for "x:row": prefixes are compared away rather than resolved.
std::string_view local_name(const XML_Char* name) {
    std::string_view s(name);
    const std::size_t colon = s.rfind(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

// The value of the attribute with this local name, or nullptr.
const char* attribute(Attributes atts, std::string_view local) {
    for (std::size_t i = 0; atts[i] != nullptr; i += 2)
        if (local_name(atts[i]) == local)
            return atts[i + 1];
    return nullptr;
}

bool attribute_true(Attributes atts, std::string_view local) {
    const char* v = attribute(atts, local);
    return v != nullptr && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
}

// What a part's parse does with its elements. A handler reports a problem by throwing Error;
// the parser catches it inside the expat callback (exceptions must not cross expat's C
// frames) and throws it again once expat has returned.
class XmlHandler {
  public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, Attributes atts) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    // Asked after each end tag: true pauses the parse so that the caller can take a row.
    virtual bool pause() { return false; }
};

// An expat parser fed from a zip entry, with the defences every part gets.
class XmlParser {
  public:
    // `head`: bytes already taken from the entry, parsed before the rest of it.
    XmlParser(ZipEntry& entry, XmlHandler& handler, std::string head = {})
        : entry_(entry), handler_(handler), parser_(XML_ParserCreate(nullptr)),
          head_(std::move(head)) {
        if (parser_ == nullptr)
            throw std::bad_alloc();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, on_start, on_end);
        XML_SetCharacterDataHandler(parser_, on_text);
        XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
        XML_SetEntityDeclHandler(parser_, on_entity);
        XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
    }
    XmlParser(const XmlParser&) = delete;
    XmlParser& operator=(const XmlParser&) = delete;
    ~XmlParser() { XML_ParserFree(parser_); }

    // Parses until the handler pauses or the part ends; false once it has ended.
    bool resume();
    // Parses the whole part.
    void parse_all() {
        while (resume()) {
        }
    }

  private:
    template <class F> void guard(F&& f);
    [[noreturn]] void fail(const Message& what) const;
    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** atts);
    static void XMLCALL on_end(void* self, const XML_Char* name);
    static void XMLCALL on_text(void* self, const XML_Char* s, int len);
    static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*,
                                   int);
    static void XMLCALL on_entity(void* self, const XML_Char*, int, const XML_Char*, int,
                                  const XML_Char*, const XML_Char*, const XML_Char*,
                                  const XML_Char*);

    ZipEntry& entry_;
    XmlHandler& handler_;
    XML_Parser parser_;
    std::string head_;
    std::exception_ptr failure_;
    std::size_t bytes_without_callback_ = 0;
    int depth_ = 0;
    bool suspended_ = false;
    bool final_ = false;
    bool done_ = false;
};

template <class F> void XmlParser::guard(F&& f) {
    bytes_without_callback_ = 0;
    if (failure_)
        return; // expat may still call after a stop
    try {
        f();
    } catch (...) {
        failure_ = std::current_exception();
        XML_StopParser(parser_, XML_FALSE);
    }
}

void XmlParser::fail(const Message& what) const {
    throw Error(msg("{}: {} line {}: {}", entry_.name(), printable(entry_.part()),
                            XML_GetCurrentLineNumber(parser_), what));
}

void XMLCALL XmlParser::on_start(void* data, const XML_Char* name, const XML_Char** atts) {
    auto* self = static_cast<XmlParser*>(data);
    self->guard([&] {
        if (++self->depth_ > kMaxDepth)
            self->fail(msg(
                "elements nested more than {} deep (the file is damaged or hostile)", kMaxDepth));
        self->handler_.start(local_name(name), atts);
    });
}

void XMLCALL XmlParser::on_end(void* data, const XML_Char* name) {
    auto* self = static_cast<XmlParser*>(data);
    self->guard([&] {
        --self->depth_;
        self->handler_.end(local_name(name));
        if (self->handler_.pause())
            XML_StopParser(self->parser_, XML_TRUE);
    });
}

void XMLCALL XmlParser::on_text(void* data, const XML_Char* s, int len) {
    auto* self = static_cast<XmlParser*>(data);
    self->guard([&] { self->handler_.text(std::string_view(s, static_cast<std::size_t>(len))); });
}

void XMLCALL XmlParser::on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*,
                                   int) {
    auto* self = static_cast<XmlParser*>(data);
    self->guard([&] {
        self->fail(msg("a DOCTYPE declaration, which no workbook has (an entity expansion attack?); "
                   "the file is refused"));
    });
}

void XMLCALL XmlParser::on_entity(void* data, const XML_Char*, int, const XML_Char*, int,
                                  const XML_Char*, const XML_Char*, const XML_Char*,
                                  const XML_Char*) {
    auto* self = static_cast<XmlParser*>(data);
    self->guard(
        [&] { self->fail(msg("an entity declaration, which no workbook has; the file is refused")); });
}

bool XmlParser::resume() {
    if (failure_)
        std::rethrow_exception(failure_);
    if (done_)
        return false;
    XML_Status status;
    if (suspended_) {
        suspended_ = false;
        status = XML_ResumeParser(parser_);
    } else {
        // Data is read into expat's own buffer, which keeps it while the parse is paused.
        void* buffer =
            XML_GetBuffer(parser_, static_cast<int>(std::max(kChunkBytes, head_.size())));
        if (buffer == nullptr)
            throw std::bad_alloc();
        std::size_t got = head_.size();
        if (got > 0) {
            std::memcpy(buffer, head_.data(), got);
            head_.clear();
        } else {
            got = entry_.read(static_cast<char*>(buffer), kChunkBytes);
        }
        final_ = got == 0;
        bytes_without_callback_ += got;
        if (bytes_without_callback_ > kMaxTokenBytes)
            fail(msg(
                "an XML tag or text longer than {} MiB (the file is damaged or hostile)",
                kMaxTokenBytes >> 20));
        status = XML_ParseBuffer(parser_, static_cast<int>(got), final_ ? XML_TRUE : XML_FALSE);
    }
    if (failure_)
        std::rethrow_exception(failure_);
    if (status == XML_STATUS_ERROR) {
        const std::string what = XML_ErrorString(XML_GetErrorCode(parser_));
        failure_ = std::make_exception_ptr(Error(msg(
            "{}: {} line {}: malformed XML: {} (the file is damaged; open it in Excel or WPS and "
            "save it again)",
            entry_.name(), printable(entry_.part()), XML_GetCurrentLineNumber(parser_), what)));
        std::rethrow_exception(failure_);
    }
    if (status == XML_STATUS_SUSPENDED) {
        suspended_ = true;
        return true;
    }
    if (final_)
        done_ = true;
    return !done_;
}

// Parses a whole part with a handler.
void parse_part(ZipArchive& zip, const std::string& part, XmlHandler& handler) {
    ZipEntry entry(zip, part);
    XmlParser parser(entry, handler);
    parser.parse_all();
}

// Appends, refusing the raw text of one cell beyond kMaxRawCellBytes before it can grow
// further (its decoded length is checked against Excel's limit when it is complete).
bool append_bounded(std::string& out, std::string_view text) {
    if (out.size() + text.size() > kMaxRawCellBytes)
        return false;
    out += text;
    return true;
}


// The code unit of an "_xHHHH_" escape at s[i], if there is one.
std::optional<std::uint32_t> xstring_escape(std::string_view s, std::size_t i) {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_')
        return std::nullopt;
    std::uint32_t unit = 0;
    auto [end, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, unit, 16);
    if (ec != std::errc() || end != s.data() + i + 6)
        return std::nullopt;
    return unit;
}

// Undoes OOXML's escaping of characters XML cannot hold (ECMA-376 22.9.2.19 ST_Xstring):
// Excel writes a carriage return as "_x000D_" and a literal "_x" as "_x005F_x".
std::string decode_xstring(std::string_view s) {
    if (s.find("_x") == std::string_view::npos)
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto unit = xstring_escape(s, i);
        if (!unit) {
            out += s[i++];
            continue;
        }
        i += 7;
        std::uint32_t cp = *unit;
        if (cp >= 0xD800 && cp < 0xDC00) { // a surrogate pair is written as two escapes
            auto low = xstring_escape(s, i);
            if (low && *low >= 0xDC00 && *low < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xDC00 && cp < 0xE000) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Cell references

struct CellRef {
    std::size_t column = 0; // 0-based
    std::size_t row = 0;    // 1-based; 0 when the reference has no row ("C")
};

// "C7" → column 2, row 7; nullopt for anything else, or beyond XFD / row 1,048,576.
std::optional<CellRef> parse_cell_ref(std::string_view ref) {
    CellRef out;
    std::size_t i = 0, column = 0;
    for (; i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'));
         ++i) {
        if (i >= 3)
            return std::nullopt;
        column = column * 26 + static_cast<std::size_t>((ref[i] | 0x20) - 'a' + 1);
    }
    if (i == 0 || column > WorkbookLimits::kMaxColumns)
        return std::nullopt;
    out.column = column - 1;
    const std::string_view digits = ref.substr(i);
    if (digits.empty())
        return out;
    if (!is_digits(digits) || digits.size() > 7)
        return std::nullopt;
    std::from_chars(digits.data(), digits.data() + digits.size(), out.row);
    if (out.row < 1 || out.row > kMaxRows)
        return std::nullopt;
    return out;
}

// ---------------------------------------------------------------------------------------
// Relationships and the workbook part

// "xl/" for "xl/workbook.xml", "" for "workbook.xml".
std::string part_folder(const std::string& part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// xl/workbook.xml → xl/_rels/workbook.xml.rels.
std::string rels_part(const std::string& part) {
    return part_folder(part) + "_rels/" + part.substr(part_folder(part).size()) + ".rels";
}

// A relationship's target as a part name: absolute ("/xl/worksheets/sheet1.xml") or relative
// to the folder of the part that names it ("worksheets/sheet1.xml", "../xl/styles.xml").
std::string resolve_target(const std::string& folder, std::string_view target) {
    std::string path =
        target.starts_with('/') ? std::string(target.substr(1)) : folder + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos)
            slash = path.size();
        std::string seg = path.substr(start, slash - start);
        if (seg == "..") {
            if (!segments.empty())
                segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(std::move(seg));
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& seg : segments)
        out += (out.empty() ? "" : "/") + seg;
    return out;
}

struct Relationship {
    std::string id, type, part;
};

// The relationships of a part (its .rels part), targets resolved to part names.
class RelsHandler : public XmlHandler {
  public:
    explicit RelsHandler(std::string folder) : folder_(std::move(folder)) {}
    void start(std::string_view name, Attributes atts) override {
        if (name != "Relationship")
            return;
        const char* id = attribute(atts, "Id");
        const char* target = attribute(atts, "Target");
        const char* type = attribute(atts, "Type");
        const char* mode = attribute(atts, "TargetMode");
        if (id == nullptr || target == nullptr ||
            (mode != nullptr && std::strcmp(mode, "External") == 0))
            return;
        rels.push_back({id, type != nullptr ? type : "", resolve_target(folder_, target)});
    }
    void end(std::string_view) override {}
    std::vector<Relationship> rels;

  private:
    std::string folder_;
};

std::vector<Relationship> read_rels(ZipArchive& zip, const std::string& part) {
    RelsHandler handler(part_folder(part));
    const std::string rels = rels_part(part);
    if (zip.locate(rels))
        parse_part(zip, rels, handler);
    return std::move(handler.rels);
}

// The part of the first relationship whose type ends with `/kind`, else `fallback`.
std::string related_part(const std::vector<Relationship>& rels, std::string_view kind,
                         std::string fallback) {
    for (const auto& r : rels)
        if (r.type.ends_with(kind) && r.type.size() > kind.size() &&
            r.type[r.type.size() - kind.size() - 1] == '/')
            return r.part;
    return fallback;
}

struct SheetEntry {
    std::string name;
    std::string part;
};

// The sheets of workbook.xml in tab order and the date system.
class WorkbookHandler : public XmlHandler {
  public:
    struct Sheet {
        std::string name, rel_id;
    };
    void start(std::string_view name, Attributes atts) override {
        if (name == "workbookPr") {
            date1904 = attribute_true(atts, "date1904");
        } else if (name == "sheet") {
            const char* sheet_name = attribute(atts, "name");
            const char* id = attribute(atts, "id"); // r:id
            sheets.push_back({sheet_name != nullptr ? sheet_name : "", id != nullptr ? id : ""});
        }
    }
    void end(std::string_view) override {}
    std::vector<Sheet> sheets;
    bool date1904 = false;
};

// What the workbook part says: its sheets and where the shared strings and styles are.
struct WorkbookIndex {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    std::string shared_strings_part;
    std::string styles_part;
};

WorkbookIndex read_workbook_index(ZipArchive& zip) {
    const std::string workbook_part =
        related_part(read_rels(zip, ""), "officeDocument", "xl/workbook.xml");
    if (!zip.locate(workbook_part))
        throw Error(msg(
            "{}: not an Excel workbook: the zip archive has no {} (is it a Word or other "
            "Office file?)",
            zip.name(), printable(workbook_part)));
    WorkbookHandler handler;
    parse_part(zip, workbook_part, handler);
    const std::vector<Relationship> rels = read_rels(zip, workbook_part);
    const std::string folder = part_folder(workbook_part);
    WorkbookIndex index;
    index.date1904 = handler.date1904;
    index.shared_strings_part = related_part(rels, "sharedStrings", folder + "sharedStrings.xml");
    index.styles_part = related_part(rels, "styles", folder + "styles.xml");
    for (auto& sheet : handler.sheets) {
        auto rel = std::find_if(rels.begin(), rels.end(),
                                [&](const Relationship& r) { return r.id == sheet.rel_id; });
        if (rel == rels.end())
            throw Error(msg(
                "{}: the sheet \"{}\" has no part in the workbook (it is damaged); open it in "
                "Excel or WPS and save it again",
                zip.name(), printable(sheet.name)));
        index.sheets.push_back({std::move(sheet.name), rel->part});
    }
    if (index.sheets.empty())
        throw Error(msg("{}: the workbook has no sheets", zip.name()));
    return index;
}

// ---------------------------------------------------------------------------------------
// Shared strings

// The shared-strings table: every string in one arena, found by its start offset (the next
// string's start is its end). See the top of the file for the bound.
class SharedStrings {
  public:
    std::size_t size() const { return starts_.size(); }
    std::string_view at(std::size_t i) const {
        const std::size_t end = i + 1 < starts_.size() ? starts_[i + 1] : arena_.size();
        return std::string_view(arena_).substr(starts_[i], end - starts_[i]);
    }
    // False when the table would pass its bound.
    bool add(std::string_view text) {
        if (arena_.size() + text.size() + (starts_.size() + 1) * sizeof(std::uint32_t) >
            WorkbookLimits::kMaxSharedStringBytes)
            return false;
        starts_.push_back(static_cast<std::uint32_t>(arena_.size()));
        arena_ += text;
        return true;
    }
    void shrink() {
        arena_.shrink_to_fit();
        starts_.shrink_to_fit();
    }

  private:
    std::string arena_;
    std::vector<std::uint32_t> starts_;
};

// Reads xl/sharedStrings.xml: each <si> is the text of its <t> elements, rich-text runs
// (<r><t>) concatenated; phonetic runs (<rPh>, the furigana/pinyin guides of CJK files) are
// not part of the text.
class SharedStringsHandler : public XmlHandler {
  public:
    SharedStringsHandler(SharedStrings& table, const std::string& name, const std::string& part)
        : table_(table), name_(name), part_(part) {}
    void start(std::string_view name, Attributes) override {
        if (name == "si") {
            in_si_ = true;
            text_.clear();
        } else if (name == "t") {
            in_t_ = true;
        } else if (name == "rPh") {
            ++phonetic_depth_;
        }
    }
    void end(std::string_view name) override {
        if (name == "t")
            in_t_ = false;
        else if (name == "rPh")
            --phonetic_depth_;
        else if (name == "si")
            finish();
    }
    void text(std::string_view s) override {
        if (in_si_ && in_t_ && phonetic_depth_ == 0 && !append_bounded(text_, s))
            too_long();
    }

  private:
    void finish() {
        in_si_ = false;
        const std::string decoded = decode_xstring(text_);
        if (excel_length(decoded) > WorkbookLimits::kMaxCellChars)
            too_long();
        if (!table_.add(decoded))
            throw Error(msg(
                "{}: the workbook's shared strings take more than {} MiB; open it in Excel or "
                "WPS, save the sheet as CSV (UTF-8) and import that",
                name_, WorkbookLimits::kMaxSharedStringBytes >> 20));
    }
    [[noreturn]] void too_long() const {
        throw Error(msg(
            "{}: {}: shared string {} is longer than Excel's {} characters (the file is "
            "damaged or hostile)",
            name_, printable(part_), table_.size() + 1, WorkbookLimits::kMaxCellChars));
    }

    SharedStrings& table_;
    const std::string& name_;
    const std::string& part_;
    std::string text_;
    bool in_si_ = false, in_t_ = false;
    int phonetic_depth_ = 0;
};

SharedStrings read_shared_strings(ZipArchive& zip, const std::string& part) {
    SharedStrings table;
    if (!zip.locate(part))
        return table; // a workbook without text has none
    SharedStringsHandler handler(table, zip.name(), part);
    parse_part(zip, part, handler);
    table.shrink();
    return table;
}

// ---------------------------------------------------------------------------------------
// Styles

// Reads the number format of each cell style (xl/styles.xml: cellXfs/xf numFmtId, custom
// numFmt formatCode); a cell's s attribute is an index into them.
class StylesHandler : public XmlHandler {
  public:
    explicit StylesHandler(const std::string& name) : name_(name) {}
    void start(std::string_view name, Attributes atts) override {
        if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "numFmt") {
            const char* id = attribute(atts, "numFmtId");
            const char* code = attribute(atts, "formatCode");
            if (id != nullptr && code != nullptr) {
                check_count(custom_.size());
                custom_[number(id)] = workbook_detail::parse_format_code(code);
            }
        } else if (name == "xf" && in_cell_xfs_) {
            check_count(xf_format_ids_.size());
            const char* id = attribute(atts, "numFmtId");
            xf_format_ids_.push_back(id != nullptr ? number(id) : 0);
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs")
            in_cell_xfs_ = false;
    }
    // The number format of each style.
    std::vector<NumberFormat> formats() const {
        std::vector<NumberFormat> out;
        out.reserve(xf_format_ids_.size());
        for (unsigned id : xf_format_ids_) {
            auto custom = custom_.find(id);
            out.push_back(custom != custom_.end() ? custom->second
                                                  : workbook_detail::builtin_number_format(id));
        }
        return out;
    }

  private:
    static unsigned number(const char* s) {
        unsigned v = 0;
        std::from_chars(s, s + std::strlen(s), v);
        return v;
    }
    void check_count(std::size_t n) const {
        if (n >= kMaxStyles)
            throw Error(msg("{}: more than {} cell styles (the file is damaged or hostile)",
                                    name_, kMaxStyles));
    }

    const std::string& name_;
    std::unordered_map<unsigned, NumberFormat> custom_;
    std::vector<unsigned> xf_format_ids_;
    bool in_cell_xfs_ = false;
};

std::vector<NumberFormat> read_styles(ZipArchive& zip, const std::string& part) {
    if (!zip.locate(part))
        return {};
    StylesHandler handler(zip.name());
    parse_part(zip, part, handler);
    return handler.formats();
}

// ---------------------------------------------------------------------------------------
// Merged cells

struct CellRange {
    std::size_t first_row, last_row, first_column, last_column;
};

// The merged ranges of a sheet's <mergeCells> element, which ends the parse.
class MergeScanHandler : public XmlHandler {
  public:
    MergeScanHandler(const std::string& name, const std::string& sheet)
        : name_(name), sheet_(sheet) {}
    void start(std::string_view name, Attributes atts) override {
        if (name != "mergeCell")
            return;
        const char* ref = attribute(atts, "ref");
        if (ref == nullptr)
            return;
        const std::string_view text(ref);
        const std::size_t colon = text.find(':');
        if (colon == std::string_view::npos)
            return; // one cell: nothing to spread
        auto a = parse_cell_ref(text.substr(0, colon));
        auto b = parse_cell_ref(text.substr(colon + 1));
        if (!a || !b || a->row == 0 || b->row == 0)
            throw Error(msg("{}: sheet \"{}\": a merged range \"{}\" beyond Excel's last "
                                    "row or column XFD (the file "
                                    "is damaged or hostile)",
                                    name_, printable(sheet_), printable(text)));
        if (ranges.size() >= WorkbookLimits::kMaxMergedRanges)
            throw Error(msg("{}: sheet \"{}\": more than {} merged ranges; unmerge the "
                                    "cells or save the sheet as CSV",
                                    name_, printable(sheet_), WorkbookLimits::kMaxMergedRanges));
        ranges.push_back({std::min(a->row, b->row), std::max(a->row, b->row),
                          std::min(a->column, b->column), std::max(a->column, b->column)});
    }
    void end(std::string_view name) override { finished_ = finished_ || name == "mergeCells"; }
    bool pause() override { return finished_; }
    bool finished() const { return finished_; }
    std::vector<CellRange> ranges;

  private:
    const std::string& name_;
    const std::string& sheet_;
    bool finished_ = false;
};

// Where "<mergeCells" (with any prefix: "<x:mergeCells") starts in `text`, if it does.
std::optional<std::size_t> merge_cells_start(std::string_view text) {
    constexpr std::string_view tag = "mergeCells";
    for (std::size_t at = text.find(tag); at != std::string_view::npos;
         at = text.find(tag, at + 1)) {
        const std::size_t after = at + tag.size();
        if (after < text.size() && text[after] != '>' && text[after] != '/' && text[after] != ' ' &&
            text[after] != '\t' && text[after] != '\r' && text[after] != '\n')
            continue; // another name, or cut at the end of the text (the caller keeps the tail)
        std::size_t i = at;
        if (i > 0 && text[i - 1] == ':') { // a prefix: name characters back to the '<'
            --i;
            while (i > 0 && at - i < 40 &&
                   (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_' ||
                    text[i - 1] == '-' || text[i - 1] == '.'))
                --i;
        }
        if (i > 0 && text[i - 1] == '<')
            return i - 1;
    }
    return std::nullopt;
}

// The first pass over a sheet: its merged ranges, which Excel writes after <sheetData> and
// which must be known before the rows are streamed. The bytes are searched for
// <mergeCells> rather than parsed (the zip bomb limit is checked all the same); only that
// element is parsed, from where it starts. Malformed XML before it is found by the second
// pass, which parses everything.
std::vector<CellRange> scan_merges(ZipArchive& zip, const std::string& part,
                                   const std::string& name, const std::string& sheet) {
    constexpr std::size_t kKeep = 64; // the tail of a chunk kept for a tag cut across chunks
    ZipEntry entry(zip, part);
    std::string window;
    std::vector<char> chunk(kChunkBytes);
    while (const std::size_t got = entry.read(chunk.data(), chunk.size())) {
        window.append(chunk.data(), got);
        if (auto start = merge_cells_start(window)) {
            MergeScanHandler handler(name, sheet);
            XmlParser parser(entry, handler, window.substr(*start));
            while (!handler.finished() && parser.resume()) {
            }
            return std::move(handler.ranges);
        }
        window.erase(0, window.size() - std::min(window.size(), kKeep));
    }
    return {};
}

// Gives every cell of a merged range the value of its top-left cell, row by row. A range
// is active from its first row to its last, holding the top-left value meanwhile.
class MergeFill {
  public:
    MergeFill(std::vector<CellRange> ranges, const std::string& name, const std::string& sheet)
        : ranges_(std::move(ranges)), name_(name), sheet_(sheet) {
        std::stable_sort(
            ranges_.begin(), ranges_.end(),
            [](const CellRange& a, const CellRange& b) { return a.first_row < b.first_row; });
    }
    void apply(std::size_t row, std::vector<std::string>& cells);

  private:
    struct Active {
        const CellRange* range;
        std::string value;
    };
    std::vector<CellRange> ranges_;
    std::size_t next_ = 0; // the first range not yet reached
    std::vector<Active> active_;
    std::size_t held_bytes_ = 0;
    const std::string& name_;
    const std::string& sheet_;
};

void MergeFill::apply(std::size_t row, std::vector<std::string>& cells) {
    std::erase_if(active_, [&](const Active& a) {
        const bool over = a.range->last_row < row;
        if (over)
            held_bytes_ -= a.value.size();
        return over;
    });
    // Top-left values are taken before any range is spread, so overlapping ranges (which
    // Excel never writes) cannot feed each other.
    for (; next_ < ranges_.size() && ranges_[next_].first_row <= row; ++next_) {
        const CellRange& r = ranges_[next_];
        if (r.last_row < row)
            continue;
        std::string value = r.first_row == row && r.first_column < cells.size()
                                ? cells[r.first_column]
                                : std::string();
        held_bytes_ += value.size();
        if (held_bytes_ > kMaxMergedValueBytes)
            throw Error(msg("{}: merged cells hold more than {} MiB of text; unmerge them or save the sheet as CSV",
                            fmt::format("{}:{}!{}", name_, printable(sheet_), cell_name(r.first_column, r.first_row)),
                            kMaxMergedValueBytes >> 20));
        active_.push_back({&r, std::move(value)});
    }
    for (const Active& a : active_) {
        if (cells.size() <= a.range->last_column)
            cells.resize(a.range->last_column + 1);
        for (std::size_t c = a.range->first_column; c <= a.range->last_column; ++c)
            cells[c] = a.value;
    }
}

// ---------------------------------------------------------------------------------------
// Sheet rows

// The second pass over a sheet: <sheetData> rows into SheetRow, one at a time (the parse
// pauses after each row with data).
class SheetHandler : public XmlHandler {
  public:
    struct Context {
        const std::string& name;
        const std::string& sheet;
        const SharedStrings& strings;
        const std::vector<NumberFormat>& formats;
        bool date1904;
    };
    SheetHandler(Context context, MergeFill& merges) : ctx_(context), merges_(merges) {}

    void start(std::string_view name, Attributes atts) override;
    void end(std::string_view name) override;
    void text(std::string_view s) override {
        if ((in_value_ || (in_inline_ && in_t_ && phonetic_depth_ == 0)) &&
            !append_bounded(value_, s))
            too_long();
    }
    bool pause() override { return ready_; }

    // Moves the row that paused the parse into `row`; false when there is none.
    bool take(SheetRow& row) {
        if (!ready_)
            return false;
        std::swap(row, row_);
        ready_ = false;
        return true;
    }
    std::size_t hidden_rows() const { return hidden_rows_; }

  private:
    enum class Type : unsigned char {
        number,
        shared,
        inline_string,
        formula_string,
        boolean,
        error,
        iso_date
    };
    void start_row(Attributes atts);
    void start_cell(Attributes atts);
    void finish_cell();
    void finish_row();
    std::string cell_text() const;
    std::string number_cell_text() const;
    [[noreturn]] void fail_cell(const Message& what) const {
        throw Error(msg(N_("{}: {}"),
                        fmt::format("{}:{}!{}", ctx_.name, printable(ctx_.sheet), cell_name(column_, row_number_)),
                        what));
    }
    [[noreturn]] void fail_row(const Message& what) const {
        throw Error(msg("{}: sheet \"{}\" row {}: {}", ctx_.name, printable(ctx_.sheet),
                                row_number_, what));
    }
    [[noreturn]] void too_long() const {
        fail_cell(
            msg("a cell longer than Excel's {} characters (the file is damaged or hostile)",
                        WorkbookLimits::kMaxCellChars));
    }

    Context ctx_;
    MergeFill& merges_;
    SheetRow row_;
    bool ready_ = false;
    std::size_t hidden_rows_ = 0;
    // The row being read.
    bool in_sheet_data_ = false;
    std::size_t row_number_ = 0;
    bool row_hidden_ = false;
    std::vector<std::string> cells_;
    std::size_t cell_count_ = 0;
    std::size_t row_bytes_ = 0;
    std::size_t next_column_ = 0;
    // The cell being read.
    std::size_t column_ = 0;
    Type type_ = Type::number;
    std::size_t style_ = 0;
    bool has_formula_ = false, has_value_ = false;
    bool in_value_ = false, in_inline_ = false, in_t_ = false;
    int phonetic_depth_ = 0;
    std::string value_;
};

void SheetHandler::start(std::string_view name, Attributes atts) {
    if (name == "sheetData")
        in_sheet_data_ = true;
    if (!in_sheet_data_)
        return;
    if (name == "row")
        start_row(atts);
    else if (name == "c")
        start_cell(atts);
    else if (name == "v")
        in_value_ = has_value_ = true;
    else if (name == "f")
        has_formula_ = true;
    else if (name == "is")
        in_inline_ = true;
    else if (name == "t")
        in_t_ = true;
    else if (name == "rPh")
        ++phonetic_depth_;
}

void SheetHandler::end(std::string_view name) {
    if (!in_sheet_data_)
        return;
    if (name == "v")
        in_value_ = false;
    else if (name == "t")
        in_t_ = false;
    else if (name == "rPh")
        --phonetic_depth_;
    else if (name == "is")
        in_inline_ = false;
    else if (name == "c")
        finish_cell();
    else if (name == "row")
        finish_row();
    else if (name == "sheetData")
        in_sheet_data_ = false;
}

void SheetHandler::start_row(Attributes atts) {
    const char* r = attribute(atts, "r");
    std::size_t number = row_number_ + 1; // a row without r follows the previous one
    if (r != nullptr) {
        const std::string_view text(r);
        if (!is_digits(text) || text.size() > 7)
            number = kMaxRows + 1;
        else
            std::from_chars(text.data(), text.data() + text.size(), number);
    }
    if (number < 1 || number > kMaxRows) {
        throw Error(msg("{}: sheet \"{}\": a row numbered \"{}\", beyond Excel's last row "
                                "{} (the file is damaged or "
                                "hostile)",
                                ctx_.name, printable(ctx_.sheet),
                                printable(r != nullptr ? r : std::to_string(number)), kMaxRows));
    }
    // The format has rows in ascending order (and vertical merges rely on it): one that is not
    // is a damaged or hand-made file, refused rather than read out of place.
    if (number <= row_number_)
        throw Error(msg("{}: sheet \"{}\": row {} comes after row {} (the file is damaged: open it in "
                                "Excel or WPS and save it again)",
                                ctx_.name, printable(ctx_.sheet), number, row_number_));
    row_number_ = number;
    row_hidden_ = attribute_true(atts, "hidden");
    cells_.clear();
    cell_count_ = 0;
    row_bytes_ = 0;
    next_column_ = 0;
}

void SheetHandler::start_cell(Attributes atts) {
    if (++cell_count_ > WorkbookLimits::kMaxColumns)
        fail_row(msg("more than {} cells, Excel's most (the file is damaged or hostile)",
                             WorkbookLimits::kMaxColumns));
    column_ = next_column_; // a cell without r follows the previous one
    if (const char* r = attribute(atts, "r")) {
        auto ref = parse_cell_ref(r);
        if (!ref)
            fail_row(msg(
                "a cell reference \"{}\" beyond column XFD or Excel's last row (the file is "
                "damaged or hostile)",
                printable(r)));
        column_ = ref->column;
    }
    if (column_ >= WorkbookLimits::kMaxColumns)
        fail_row(msg("a cell beyond column XFD (the file is damaged or hostile)"));
    const char* t = attribute(atts, "t");
    const std::string_view type = t != nullptr ? t : "n";
    type_ = type == "s"           ? Type::shared
            : type == "inlineStr" ? Type::inline_string
            : type == "str"       ? Type::formula_string
            : type == "b"         ? Type::boolean
            : type == "e"         ? Type::error
            : type == "d"         ? Type::iso_date
                                  : Type::number;
    style_ = 0;
    if (const char* s = attribute(atts, "s"))
        std::from_chars(s, s + std::strlen(s), style_);
    has_formula_ = has_value_ = in_value_ = in_inline_ = in_t_ = false;
    phonetic_depth_ = 0;
    value_.clear();
}

void SheetHandler::finish_cell() {
    next_column_ = column_ + 1;
    std::string text = cell_text();
    if (text.empty())
        return;
    row_bytes_ += text.size();
    if (row_bytes_ > WorkbookLimits::kMaxRowBytes)
        fail_row(msg("more than {} MiB of text (the file is damaged or hostile)",
                             WorkbookLimits::kMaxRowBytes >> 20));
    if (cells_.size() <= column_)
        cells_.resize(column_ + 1);
    cells_[column_] = std::move(text);
}

std::string SheetHandler::cell_text() const {
    const bool no_cached_value =
        !has_value_ || (type_ != Type::formula_string && trim(value_).empty());
    if (has_formula_ && no_cached_value && type_ != Type::inline_string)
        fail_cell(msg("a formula without a saved value (open the workbook in Excel or WPS and save it "
                  "again)"));
    switch (type_) {
    case Type::shared: {
        const std::string_view v = trim(value_);
        std::size_t index = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
        if (v.empty())
            return {};
        if (ec != std::errc() || end != v.data() + v.size() || index >= ctx_.strings.size())
            fail_cell(msg("shared string \"{}\" does not exist (the file is damaged)",
                                  printable(v)));
        return std::string(ctx_.strings.at(index));
    }
    case Type::inline_string:
    case Type::formula_string: {
        std::string text = decode_xstring(value_);
        if (excel_length(text) > WorkbookLimits::kMaxCellChars)
            too_long();
        return text;
    }
    case Type::boolean: {
        const std::string_view v = trim(value_);
        return v.empty() ? "" : (v == "1" || v == "true") ? "TRUE" : "FALSE";
    }
    case Type::error:
        return std::string(trim(value_));
    case Type::iso_date: {
        // Strict OOXML's t="d": ISO 8601 text, shown as our dates are.
        std::string text(trim(value_).substr(0, 19));
        if (text.size() > 10 && text[10] == 'T')
            text[10] = ' ';
        if (text.ends_with(" 00:00:00") || text.ends_with(" 00:00"))
            text.resize(10);
        return text;
    }
    case Type::number:
        return number_cell_text();
    }
    return {};
}

std::string SheetHandler::number_cell_text() const {
    const std::string_view v = trim(value_);
    if (v.empty())
        return {};
    double number = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
    if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(number))
        fail_cell(
            msg("\"{}\" is not a number, though the cell says it is (the file is damaged)",
                        printable(v)));
    const NumberFormat format =
        style_ < ctx_.formats.size() ? ctx_.formats[style_] : NumberFormat{};
    return workbook_detail::number_text(number, format, ctx_.date1904);
}

void SheetHandler::finish_row() {
    merges_.apply(row_number_, cells_);
    while (!cells_.empty() && cells_.back().empty())
        cells_.pop_back();
    if (cells_.empty())
        return; // no data: next() skips it
    std::size_t bytes = 0;
    for (const auto& c : cells_)
        bytes += c.size();
    if (bytes > WorkbookLimits::kMaxRowBytes)
        fail_row(msg(
            "more than {} MiB of text with its merged cells (the file is damaged or hostile)",
            WorkbookLimits::kMaxRowBytes >> 20));
    std::swap(row_.cells, cells_);
    row_.number = row_number_;
    row_.hidden = row_hidden_;
    if (row_hidden_)
        ++hidden_rows_;
    ready_ = true;
}

// ---------------------------------------------------------------------------------------
// The reader

// Why a file that should be an .xlsx is not one, for the kinds that sniff_file tells apart.
void check_is_zip(const std::string& path, const std::string& name) {
    using workbook_detail::FileKind;
    switch (workbook_detail::sniff_file(path)) {
    case FileKind::zip:
        return;
    case FileKind::unreadable:
        throw Error(msg("{}: cannot be read: {}", name, std::strerror(errno)));
    case FileKind::empty:
        throw Error(msg("{}: the file is empty", name));
    case FileKind::ole_encrypted:
        workbook_detail::throw_protected(name);
    case FileKind::ole:
        throw Error(msg(
            "{}: not an .xlsx workbook: it is an Excel 97–2003 (.xls) or other Office file; "
            "name it .xls, or save it as .xlsx in Excel or WPS",
            name));
    case FileKind::markup:
        throw Error(msg(
            "{}: not an .xlsx workbook but a web page or XML file (some systems export these "
            "under an Excel name); open it in Excel or WPS and save it as .xlsx",
            name));
    case FileKind::other:
        break;
    }
    throw Error(msg("{}: not an .xlsx workbook (not a zip archive); open it in Excel or "
                            "WPS and save it as .xlsx",
                            name));
}

class XlsxReader final : public WorkbookReader {
  public:
    XlsxReader(const std::string& path, const std::string& selector, const std::string& name);
    bool next(SheetRow& row) override {
        while (!handler_->take(row))
            if (!parser_->resume())
                return false;
        return true;
    }
    const std::string& sheet_name() const override { return sheet_; }
    std::size_t hidden_rows() const override { return handler_->hidden_rows(); }

  private:
    std::string name_;
    ZipArchive zip_;
    std::string sheet_;
    bool date1904_ = false;
    SharedStrings strings_;
    std::vector<NumberFormat> formats_;
    std::optional<MergeFill> merges_;
    std::optional<ZipEntry> entry_;
    std::optional<SheetHandler> handler_;
    std::optional<XmlParser> parser_;
};

XlsxReader::XlsxReader(const std::string& path, const std::string& selector,
                       const std::string& name)
    : name_(name), zip_(path, name) {
    WorkbookIndex index = read_workbook_index(zip_);
    std::vector<std::string> names;
    for (const auto& s : index.sheets)
        names.push_back(s.name);
    const SheetEntry& sheet = index.sheets[workbook_detail::select_sheet(names, selector, name_)];
    sheet_ = sheet.name;
    date1904_ = index.date1904;
    formats_ = read_styles(zip_, index.styles_part);
    strings_ = read_shared_strings(zip_, index.shared_strings_part);
    merges_.emplace(scan_merges(zip_, sheet.part, name_, sheet_), name_, sheet_);
    entry_.emplace(zip_, sheet.part);
    handler_.emplace(SheetHandler::Context{name_, sheet_, strings_, formats_, date1904_}, *merges_);
    parser_.emplace(*entry_, *handler_);
}

} // namespace

std::unique_ptr<WorkbookReader> open_xlsx(const std::string& path, const std::string& sheet,
                                          const std::string& name) {
    check_is_zip(path, name);
    return std::make_unique<XlsxReader>(path, sheet, name);
}

} // namespace guazhi::util
