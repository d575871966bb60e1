// The OLE compound file (MS-CFB) and the BIFF records (MS-XLS) that the .xls reader reads
// itself. Every offset, count and sector number comes from a file that may be hostile, so
// each is checked against the bytes that are there before it is used; sector chains are
// followed with a mark per sector, so a chain that loops is refused rather than followed.
// The work is linear in the file, which is refused above kMaxXlsFileBytes.
#include "util/xls_records.hpp"

#include "error.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <optional>
#include <unordered_map>
#include <utility>

namespace guazhi::util::workbook_detail {
namespace {

// Little-endian integers at `at`; the caller has checked that they are inside `s`.
std::uint16_t u16(std::string_view s, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) |
                                      static_cast<unsigned char>(s[at + 1]) << 8);
}
std::uint32_t u32(std::string_view s, std::size_t at) {
    return static_cast<std::uint32_t>(u16(s, at)) | static_cast<std::uint32_t>(u16(s, at + 2))
                                                        << 16;
}
std::uint64_t u64(std::string_view s, std::size_t at) {
    return static_cast<std::uint64_t>(u32(s, at)) | static_cast<std::uint64_t>(u32(s, at + 4))
                                                        << 32;
}


// UTF-16LE code units as UTF-8; a lone surrogate becomes U+FFFD.
std::string utf16_text(std::string_view bytes) {
    std::string out;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = u16(bytes, i);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size() && u16(bytes, i + 2) >= 0xDC00 &&
            u16(bytes, i + 2) < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (u16(bytes, i + 2) - 0xDC00u);
            i += 2;
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

// Single bytes as the code points they are in BIFF8's "compressed" strings (and, near
// enough for format codes and sheet names we only compare, in Excel 5's code pages).
std::string byte_text(std::string_view bytes) {
    std::string out;
    for (unsigned char c : bytes)
        append_utf8(out, c);
    return out;
}

// ---------------------------------------------------------------------------------------
// The compound file

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kNoEntry = 0xFFFFFFFF;
constexpr std::size_t kHeaderFatIds = 109; // FAT sector numbers in the header (the DIFAT)
constexpr std::size_t kEntryBytes = 128;
constexpr std::size_t kMiniSectorBytes = 64;

struct DirEntry {
    std::string name;
    unsigned type = 0; // 1 storage, 2 stream, 5 root
    std::uint32_t left = kNoEntry, right = kNoEntry, child = kNoEntry;
    std::uint32_t start = kEndOfChain;
    std::uint64_t size = 0;
};

class CompoundFile {
  public:
    CompoundFile(std::string_view file, const std::string& name);
    std::string workbook_stream() const;

  private:
    [[noreturn]] void damaged(const Message& what) const { throw_damaged_xls(name_, what); }
    std::string_view sector(std::uint32_t id) const;
    std::string_view whole_sector(std::uint32_t id) const;
    std::vector<std::uint32_t> fat_sector_ids() const;
    std::vector<std::uint32_t> chain(const std::vector<std::uint32_t>& table, std::uint32_t start,
                                     std::size_t units) const;
    std::string read_stream(std::uint32_t start, std::optional<std::uint64_t> size) const;
    std::string read_mini_stream(const DirEntry& root, std::uint32_t start,
                                 std::uint64_t size) const;
    std::vector<DirEntry> directory() const;
    const DirEntry* find_workbook(const std::vector<DirEntry>& entries) const;

    std::string_view file_;
    const std::string& name_;
    std::size_t sector_bytes_ = 512;
    std::size_t sectors_ = 0; // sectors that start inside the file
    bool version4_ = false;
    std::vector<std::uint32_t> fat_;
};

CompoundFile::CompoundFile(std::string_view file, const std::string& name)
    : file_(file), name_(name) {
    if (file_.size() < 512 || file_.substr(0, 8) != "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
        damaged(msg("it has no OLE header (the file is truncated?)"));
    const unsigned shift = u16(file_, 0x1E);
    if (u16(file_, 0x1C) != 0xFFFE || (shift != 9 && shift != 12) || u16(file_, 0x20) != 6)
        damaged(msg("its OLE header is broken"));
    sector_bytes_ = std::size_t{1} << shift;
    version4_ = shift == 12;
    // The header takes the first sector's room: sector n starts at (n + 1) × its size.
    sectors_ = file_.size() <= sector_bytes_
                   ? 0
                   : (file_.size() - sector_bytes_ + sector_bytes_ - 1) / sector_bytes_;
    for (std::uint32_t id : fat_sector_ids()) {
        const std::string_view s = whole_sector(id);
        for (std::size_t at = 0; at < s.size(); at += 4)
            fat_.push_back(u32(s, at));
    }
}

// The bytes of sector `id` that are in the file (fewer than a sector at a truncated end).
std::string_view CompoundFile::sector(std::uint32_t id) const {
    if (id >= sectors_)
        damaged(msg("sector {} is beyond the end of the file", id));
    return file_.substr((id + std::size_t{1}) * sector_bytes_, sector_bytes_);
}

std::string_view CompoundFile::whole_sector(std::uint32_t id) const {
    const std::string_view s = sector(id);
    if (s.size() < sector_bytes_)
        damaged(msg("the file is truncated"));
    return s;
}

// The sectors of the FAT: up to 109 named in the header, the rest in a chain of DIFAT
// sectors, each ending with the number of the next.
std::vector<std::uint32_t> CompoundFile::fat_sector_ids() const {
    const std::uint32_t count = u32(file_, 0x2C);
    if (count > sectors_)
        damaged(msg("it claims {} FAT sectors in a file of {}", count, sectors_));
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < kHeaderFatIds && ids.size() < count; ++i)
        ids.push_back(u32(file_, 0x4C + 4 * i));
    std::vector<bool> seen(sectors_);
    for (std::uint32_t difat = u32(file_, 0x44); ids.size() < count;) {
        if (difat < sectors_ && seen[difat])
            damaged(msg("a sector chain that loops"));
        const std::string_view s = whole_sector(difat);
        seen[difat] = true;
        for (std::size_t at = 0; at + 4 < s.size() && ids.size() < count; at += 4)
            ids.push_back(u32(s, at));
        difat = u32(s, s.size() - 4);
    }
    return ids;
}

// The sector numbers of a chain through `table` (the FAT or the mini FAT), each below
// `units` (the sectors there are) and none twice.
std::vector<std::uint32_t> CompoundFile::chain(const std::vector<std::uint32_t>& table,
                                               std::uint32_t start, std::size_t units) const {
    std::vector<std::uint32_t> ids;
    std::vector<bool> seen(units);
    for (std::uint32_t id = start; id != kEndOfChain; id = table[id]) {
        if (id >= units || id >= table.size())
            damaged(id >= 0xFFFFFFFA ? msg("a sector chain that ends too early")
                                     : msg("sector {} is beyond the end of the file", id));
        if (seen[id])
            damaged(msg("a sector chain that loops"));
        seen[id] = true;
        ids.push_back(id);
    }
    return ids;
}

// The bytes of a stream in regular sectors: `size` of them, or the whole chain.
std::string CompoundFile::read_stream(std::uint32_t start,
                                      std::optional<std::uint64_t> size) const {
    if (size && *size > file_.size())
        damaged(msg("a stream of {} bytes in a file of {}", *size, file_.size()));
    std::string out;
    for (std::uint32_t id : chain(fat_, start, sectors_)) {
        const std::size_t want =
            size ? static_cast<std::size_t>(*size) - out.size() : sector_bytes_;
        if (want == 0)
            break;
        const std::string_view s = sector(id).substr(0, want);
        if (s.size() < std::min(want, sector_bytes_))
            damaged(msg("the file is truncated"));
        out += s;
    }
    if (size && out.size() < *size)
        damaged(msg("a stream shorter than its size (the file is truncated?)"));
    return out;
}

// The bytes of a stream in 64-byte sectors of the root's mini stream, found by the mini FAT.
std::string CompoundFile::read_mini_stream(const DirEntry& root, std::uint32_t start,
                                           std::uint64_t size) const {
    const std::string mini = read_stream(root.start, root.size);
    const std::string table_bytes = read_stream(u32(file_, 0x3C), std::nullopt);
    std::vector<std::uint32_t> table;
    for (std::size_t at = 0; at + 4 <= table_bytes.size(); at += 4)
        table.push_back(u32(table_bytes, at));
    std::string out;
    for (std::uint32_t id : chain(table, start, mini.size() / kMiniSectorBytes)) {
        if (out.size() >= size)
            break;
        out += std::string_view(mini).substr(
            id * kMiniSectorBytes, std::min<std::uint64_t>(kMiniSectorBytes, size - out.size()));
    }
    if (out.size() < size)
        damaged(msg("a stream shorter than its size (the file is truncated?)"));
    return out;
}

std::vector<DirEntry> CompoundFile::directory() const {
    const std::string bytes = read_stream(u32(file_, 0x30), std::nullopt);
    std::vector<DirEntry> entries;
    for (std::size_t at = 0; at + kEntryBytes <= bytes.size(); at += kEntryBytes) {
        const std::string_view e = std::string_view(bytes).substr(at, kEntryBytes);
        DirEntry d;
        const std::size_t name_bytes = u16(e, 64);
        if (name_bytes >= 2 && name_bytes <= 64)
            d.name = utf16_text(e.substr(0, name_bytes - 2)); // less the terminating NUL
        d.type = static_cast<unsigned char>(e[66]);
        d.left = u32(e, 68);
        d.right = u32(e, 72);
        d.child = u32(e, 76);
        d.start = u32(e, 116);
        // Version 3 files may leave garbage in the high half (MS-CFB 2.6.3).
        d.size = version4_ ? u64(e, 120) : u32(e, 120);
        entries.push_back(std::move(d));
    }
    if (entries.empty() || entries[0].type != 5)
        damaged(msg("its OLE directory has no root"));
    return entries;
}

// The workbook stream among the root's children (a red-black tree of siblings): "Workbook",
// else "Book" (Excel 5/95). Streams in sub-storages (embedded objects) are not looked at.
const DirEntry* CompoundFile::find_workbook(const std::vector<DirEntry>& entries) const {
    const DirEntry* book = nullptr;
    std::vector<bool> seen(entries.size());
    std::vector<std::uint32_t> pending{entries[0].child};
    while (!pending.empty()) {
        const std::uint32_t id = pending.back();
        pending.pop_back();
        if (id == kNoEntry)
            continue;
        if (id >= entries.size())
            damaged(msg("directory entry {} is beyond the directory", id));
        if (seen[id])
            damaged(msg("its OLE directory loops"));
        seen[id] = true;
        const DirEntry& e = entries[id];
        if (e.type == 2 && ascii_lower(e.name) == "workbook")
            return &e;
        if (e.type == 2 && ascii_lower(e.name) == "book")
            book = &e;
        pending.push_back(e.left);
        pending.push_back(e.right);
    }
    return book;
}

std::string CompoundFile::workbook_stream() const {
    const std::vector<DirEntry> entries = directory();
    const DirEntry* book = find_workbook(entries);
    if (book == nullptr)
        damaged(msg("it has no Workbook stream"));
    if (book->size < u32(file_, 0x38)) // below the mini stream cutoff (4096)
        return read_mini_stream(entries[0], book->start, book->size);
    return read_stream(book->start, book->size);
}

// ---------------------------------------------------------------------------------------
// BIFF records

namespace record {
constexpr std::uint16_t kFormula = 0x0006, kEof = 0x000A, kDateMode = 0x0022, kFilePass = 0x002F,
                        kBoundSheet = 0x0085, kMulRk = 0x00BD, kXf = 0x00E0, kMergeCells = 0x00E5,
                        kNumber = 0x0203, kBoolErr = 0x0205, kRow = 0x0208, kRk = 0x027E,
                        kFormat = 0x041E, kBof = 0x0809;
}

constexpr std::size_t kMaxStyles = 65536; // XF indexes are 16 bits
constexpr std::size_t kMaxSheets = 65535;
constexpr std::size_t kMaxCells = 65536 * 256; // BIFF8's grid
constexpr std::uint16_t kMaxColumn = WorkbookLimits::kMaxColumns - 1;

static_assert(sizeof(XlsCell) == 16, "the memory bound util/xls.cpp states");

struct Record {
    std::uint16_t type = 0;
    std::string_view data;
};

// Calls `f` with each record of the substream whose BOF is at `offset`, up to its EOF, and
// the BIFF version its BOF gives (0x0600 for BIFF8, 0x0500 for Excel 5/95, whose strings
// are bytes); records of substreams nested in it (charts) are skipped.
template <class F>
void for_each_record(std::string_view stream, std::size_t offset, const std::string& name, F&& f) {
    unsigned version = 0;
    bool started = false;
    int depth = 0;
    for (std::size_t at = offset; at + 4 <= stream.size();) {
        const Record r{u16(stream, at), stream.substr(at + 4, u16(stream, at + 2))};
        if (r.data.size() < u16(stream, at + 2))
            throw_damaged_xls(name, msg("a record beyond the end of the workbook stream"));
        at += 4 + r.data.size();
        if (depth == 0 && (r.type != record::kBof || r.data.size() < 4))
            throw_damaged_xls(name, msg("no BOF record at offset {}", offset));
        if (r.type == record::kBof && ++depth == 1) {
            version = u16(r.data, 0);
            started = true;
            continue;
        }
        if (r.type == record::kEof && --depth == 0)
            break;
        if (depth == 1)
            f(r, version);
    }
    if (!started)
        throw_damaged_xls(name, msg("no BOF record at offset {}", offset));
}

// The characters of a BIFF8 string whose option byte is at data[at]: `count` of them, one
// byte each or UTF-16; rich-text and phonetic headers skipped. Characters cut off by the
// record's end (continued in a CONTINUE record) are left out: we only match and parse these.
std::string biff8_chars(std::string_view data, std::size_t at, std::size_t count) {
    if (at >= data.size())
        return {};
    const auto flags = static_cast<unsigned char>(data[at++]);
    if (flags & 0x08)
        at += 2; // cRun
    if (flags & 0x04)
        at += 4; // cbExtRst
    if (at >= data.size())
        return {};
    const std::string_view chars = data.substr(at);
    return flags & 0x01 ? utf16_text(chars.substr(0, 2 * count))
                        : byte_text(chars.substr(0, count));
}

// A string with a 16-bit (BIFF8) or 8-bit (BIFF5) length at data[at].
std::string biff_string(std::string_view data, std::size_t at, bool biff8, bool short_length) {
    const std::size_t length_bytes = short_length ? 1 : 2;
    if (at + length_bytes > data.size())
        return {};
    const std::size_t count = short_length ? static_cast<unsigned char>(data[at]) : u16(data, at);
    at += length_bytes;
    return biff8 ? biff8_chars(data, at, count) : byte_text(data.substr(at, count));
}

// An RK number: a 30-bit integer or the top 30 bits of a double, maybe divided by 100.
double rk_value(std::uint32_t rk) {
    const double v = rk & 0x02 ? static_cast<double>(static_cast<std::int32_t>(rk) >> 2)
                               : std::bit_cast<double>(static_cast<std::uint64_t>(rk & ~3u) << 32);
    return rk & 0x01 ? v / 100 : v;
}

double ieee_value(std::string_view data, std::size_t at) {
    return std::bit_cast<double>(u64(data, at));
}

// Reads the records of one sheet substream into an XlsSheet.
class SheetReader {
  public:
    SheetReader(const std::string& name, const std::string& sheet) : name_(name), sheet_(sheet) {}
    void add(const Record& r);
    XlsSheet finish();

  private:
    [[noreturn]] void refuse(const Message& what) const {
        throw Error(msg("{}: sheet \"{}\": {}", name_, printable(sheet_), what));
    }
    void check_length(const Record& r, std::size_t bytes) const {
        if (r.data.size() < bytes)
            throw_damaged_xls(name_, msg("a record {} of {} bytes in sheet \"{}\"",
                                                 fmt::format("0x{:04X}", r.type), r.data.size(), printable(sheet_)));
    }
    void add_cell(std::string_view data, std::size_t at, XlsCell::Type type, double value);
    void add_formula(const Record& r);
    void add_mulrk(const Record& r);
    void add_merges(const Record& r);

    const std::string& name_;
    const std::string& sheet_;
    XlsSheet out_;
};

// A cell whose row, column and XF index are the 6 bytes at data[at].
void SheetReader::add_cell(std::string_view data, std::size_t at, XlsCell::Type type,
                           double value) {
    XlsCell cell{u16(data, at), u16(data, at + 2), u16(data, at + 4), type, value};
    if (cell.column > kMaxColumn)
        refuse(msg("a cell beyond column XFD (the file is damaged or hostile)"));
    if (out_.cells.size() >= kMaxCells)
        refuse(msg("more than {} cells, BIFF8's most (the file is damaged or hostile)",
                           kMaxCells));
    out_.cells.push_back(cell);
}

void SheetReader::add(const Record& r) {
    switch (r.type) {
    case record::kNumber:
        check_length(r, 14);
        add_cell(r.data, 0, XlsCell::Type::number, ieee_value(r.data, 6));
        break;
    case record::kRk:
        check_length(r, 10);
        add_cell(r.data, 0, XlsCell::Type::number, rk_value(u32(r.data, 6)));
        break;
    case record::kMulRk:
        add_mulrk(r);
        break;
    case record::kFormula:
        add_formula(r);
        break;
    case record::kBoolErr:
        check_length(r, 8);
        add_cell(r.data, 0, r.data[7] != 0 ? XlsCell::Type::error : XlsCell::Type::boolean,
                 static_cast<unsigned char>(r.data[6]));
        break;
    case record::kMergeCells:
        add_merges(r);
        break;
    case record::kRow:
        check_length(r, 16);
        if (u16(r.data, 12) & 0x0020) // fDyZero: the row is hidden
            out_.hidden_rows.push_back(u16(r.data, 0));
        break;
    default:
        break;
    }
}

// A formula's saved result: a number, or (marked by 0xFFFF in its last two bytes) a
// boolean, an error, or a string that FreeXL reads from the STRING record after it.
void SheetReader::add_formula(const Record& r) {
    check_length(r, 14);
    if (u16(r.data, 12) != 0xFFFF) {
        add_cell(r.data, 0, XlsCell::Type::number, ieee_value(r.data, 6));
        return;
    }
    const auto value = static_cast<unsigned char>(r.data[8]);
    if (r.data[6] == 1)
        add_cell(r.data, 0, XlsCell::Type::boolean, value);
    else if (r.data[6] == 2)
        add_cell(r.data, 0, XlsCell::Type::error, value);
}

// Row, first column, then (XF index, RK) for each cell, then the last column.
void SheetReader::add_mulrk(const Record& r) {
    check_length(r, 6);
    const std::size_t count = (r.data.size() - 6) / 6;
    const std::uint16_t row = u16(r.data, 0), first = u16(r.data, 2);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = 4 + 6 * i;
        if (first + i > kMaxColumn)
            refuse(msg("a cell beyond column XFD (the file is damaged or hostile)"));
        XlsCell cell{row, static_cast<std::uint16_t>(first + i), u16(r.data, at),
                     XlsCell::Type::number, rk_value(u32(r.data, at + 2))};
        if (out_.cells.size() >= kMaxCells)
            refuse(msg("more than {} cells, BIFF8's most (the file is damaged or hostile)",
                               kMaxCells));
        out_.cells.push_back(cell);
    }
}

// A count, then (first row, last row, first column, last column) for each range.
void SheetReader::add_merges(const Record& r) {
    check_length(r, 2);
    const std::size_t count = u16(r.data, 0);
    check_length(r, 2 + 8 * count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = 2 + 8 * i;
        const std::uint16_t row_a = u16(r.data, at), row_b = u16(r.data, at + 2);
        const std::uint16_t column_a = u16(r.data, at + 4), column_b = u16(r.data, at + 6);
        const std::uint16_t r0 = std::min(row_a, row_b), r1 = std::max(row_a, row_b);
        const std::uint16_t c0 = std::min(column_a, column_b), c1 = std::max(column_a, column_b);
        if (c1 > kMaxColumn)
            refuse(msg("a merged range beyond column XFD (the file is damaged or hostile)"));
        if (r0 == r1 && c0 == c1)
            continue; // one cell: nothing to spread
        if (out_.merges.size() >= WorkbookLimits::kMaxMergedRanges)
            refuse(msg("more than {} merged ranges; unmerge the cells or save the sheet "
                               "as CSV",
                               WorkbookLimits::kMaxMergedRanges));
        out_.merges.push_back({r0, r1, c0, c1});
    }
}

XlsSheet SheetReader::finish() {
    auto position = [](const XlsCell& c) { return std::pair(c.row, c.column); };
    std::stable_sort(out_.cells.begin(), out_.cells.end(),
                     [&](const XlsCell& a, const XlsCell& b) { return position(a) < position(b); });
    // Two records for one cell (which Excel never writes): the later one, as FreeXL keeps.
    std::vector<XlsCell> unique;
    unique.reserve(out_.cells.size());
    for (const XlsCell& c : out_.cells) {
        if (!unique.empty() && position(unique.back()) == position(c))
            unique.back() = c;
        else
            unique.push_back(c);
    }
    out_.cells = std::move(unique);
    std::stable_sort(
        out_.merges.begin(), out_.merges.end(),
        [](const XlsRange& a, const XlsRange& b) { return a.first_row < b.first_row; });
    std::sort(out_.hidden_rows.begin(), out_.hidden_rows.end());
    out_.hidden_rows.erase(std::unique(out_.hidden_rows.begin(), out_.hidden_rows.end()),
                           out_.hidden_rows.end());
    return std::move(out_);
}

// Reads the records of the globals substream into an XlsGlobals.
class GlobalsReader {
  public:
    explicit GlobalsReader(const std::string& name) : name_(name) {}
    void add(const Record& r, bool biff8);
    XlsGlobals finish();

  private:
    void check_count(std::size_t n, std::size_t most, const char* what) const {
        if (n >= most)
            throw_damaged_xls(name_, msg("more than {} {}", most, Message(what)));
    }

    const std::string& name_;
    XlsGlobals out_;
    std::unordered_map<unsigned, NumberFormat> custom_; // FORMAT records by id
    std::vector<std::uint16_t> style_format_ids_;       // XF records' format ids
};

void GlobalsReader::add(const Record& r, bool biff8) {
    switch (r.type) {
    case record::kFilePass: // what follows is encrypted
        throw_protected(name_);
    case record::kDateMode:
        out_.date1904 = r.data.size() >= 2 && u16(r.data, 0) == 1;
        break;
    case record::kBoundSheet:
        if (r.data.size() < 7)
            throw_damaged_xls(name_, msg("a sheet record too short"));
        check_count(out_.sheets.size(), kMaxSheets, N_("sheets"));
        out_.sheets.push_back({biff_string(r.data, 6, biff8, true), u32(r.data, 0)});
        break;
    case record::kFormat:
        if (r.data.size() >= 2) {
            check_count(custom_.size(), kMaxStyles, N_("number formats"));
            custom_[u16(r.data, 0)] = parse_format_code(biff_string(r.data, 2, biff8, !biff8));
        }
        break;
    case record::kXf:
        if (r.data.size() >= 4) {
            check_count(style_format_ids_.size(), kMaxStyles, N_("cell styles"));
            style_format_ids_.push_back(u16(r.data, 2));
        }
        break;
    default:
        break;
    }
}

XlsGlobals GlobalsReader::finish() {
    for (std::uint16_t id : style_format_ids_) {
        const auto custom = custom_.find(id);
        out_.style_formats.push_back(custom != custom_.end() ? custom->second
                                                             : builtin_number_format(id));
    }
    return std::move(out_);
}

} // namespace

void throw_damaged_xls(const std::string& name, const Message& what) {
    throw Error(msg("{}: the Excel 97–2003 workbook is damaged ({}); open it in Excel or "
                            "WPS and save it again",
                            name, what));
}

std::string read_xls_file(const std::string& path, const std::string& name) {
    auto too_large = [&] {
        throw Error(msg("{}: the file is larger than {} MiB, more than an Excel 97–2003 "
                                "workbook holds; save the sheet as CSV and import that",
                                name, kMaxXlsFileBytes >> 20));
    };
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > kMaxXlsFileBytes)
        too_large(); // refused before it is read; the count below is for pipes
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(msg("{}: cannot be read: {}", name, std::strerror(errno)));
    std::string bytes;
    std::vector<char> chunk(1 << 16);
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
        bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > kMaxXlsFileBytes)
            too_large();
    }
    if (in.bad())
        throw Error(msg("{}: cannot be read: {}", name, std::strerror(errno)));
    return bytes;
}

std::string ole_workbook_stream(std::string_view file, const std::string& name) {
    return CompoundFile(file, name).workbook_stream();
}

XlsGlobals read_xls_globals(std::string_view stream, const std::string& name) {
    GlobalsReader reader(name);
    for_each_record(stream, 0, name,
                    [&](const Record& r, unsigned version) { reader.add(r, version >= 0x0600); });
    return reader.finish();
}

XlsSheet read_xls_sheet(std::string_view stream, std::uint32_t offset, const std::string& name,
                        const std::string& sheet) {
    if (offset >= stream.size())
        throw_damaged_xls(
            name, msg("sheet \"{}\" starts beyond the workbook stream", printable(sheet)));
    SheetReader reader(name, sheet);
    for_each_record(stream, offset, name, [&](const Record& r, unsigned) { reader.add(r); });
    return reader.finish();
}

const XlsCell* XlsSheet::find(std::size_t row, std::size_t column) const {
    const auto at =
        std::lower_bound(cells.begin(), cells.end(), std::pair(row, column),
                         [](const XlsCell& c, const std::pair<std::size_t, std::size_t>& p) {
                             return std::pair<std::size_t, std::size_t>(c.row, c.column) < p;
                         });
    return at != cells.end() && at->row == row && at->column == column ? &*at : nullptr;
}

std::string_view xls_error_text(unsigned code) {
    switch (code) {
    case 0x00:
        return "#NULL!";
    case 0x07:
        return "#DIV/0!";
    case 0x0F:
        return "#VALUE!";
    case 0x17:
        return "#REF!";
    case 0x1D:
        return "#NAME?";
    case 0x24:
        return "#NUM!";
    case 0x2B:
        return "#GETTING_DATA";
    default:
        return "#N/A"; // 0x2A, and codes Excel does not define
    }
}

} // namespace guazhi::util::workbook_detail
