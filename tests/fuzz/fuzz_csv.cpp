// Fuzzes util::CsvReader over arbitrary bytes, through util::Utf8Source in each encoding
// mode (automatic detection, forced UTF-8, forced GB18030), as `assign import` reads files.
//
// Expected failures are guazhi::Error ("NAME:LINE:COLUMN: ..."). Besides crashes and UB, the
// oracles check what the headers promise:
//   - every record has at least one field, its line numbers increase, its text is UTF-8;
//   - write_csv_record() output reads back as the same fields (export → import);
//   - the 64 KiB read chunks of Utf8Source are invisible: the same bytes placed across a
//     chunk boundary give the same records, or fail the same way.
#include "fuzz_common.hpp"

#include "domain/roster.hpp"
#include "error.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/text.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace guazhi;
using util::Encoding;

namespace {

constexpr std::size_t kChunk = 64 * 1024; // Utf8Source's read size (lib/util/encoding.cpp)
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kName = "fuzz.csv";

// Reading across a chunk boundary needs ~64 KiB of filler in front of the input, which costs
// some 15 ms per read in this instrumented build (against ~0.3 ms for everything else), so it
// is done for one input in kStraddleEvery (chosen by a hash of the input, so a crash
// reproduces), in one of the two forced encodings, and only for inputs up to kMaxStraddled.
#ifndef GUAZHI_FUZZ_STRADDLE_EVERY
#define GUAZHI_FUZZ_STRADDLE_EVERY 32 // 1 to straddle every input (slow, thorough)
#endif
constexpr std::uint32_t kStraddleEvery = GUAZHI_FUZZ_STRADDLE_EVERY;
constexpr std::size_t kMaxStraddled = 16 * 1024;

std::uint32_t fnv1a(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

struct Outcome {
    std::vector<std::vector<std::string>> records;
    std::optional<std::string> error; // set when reading failed
    Encoding encoding = Encoding::automatic;
    char delimiter = 0;
};

// `delimiter` 0 lets the reader choose it from the head of the input, as the importer does;
// the comparisons below fix it, since a filler or a rewrite changes that head.
Outcome read_all(const std::string& bytes, Encoding encoding, char delimiter = 0) {
    std::istringstream in(bytes, std::ios::in | std::ios::binary);
    Outcome out;
    util::CsvReader reader(in, encoding, std::string(kName), delimiter);
    util::CsvRecord record;
    std::size_t last_line = 0;
    try {
        while (reader.next(record)) {
            FUZZ_CHECK(!record.fields.empty(), "a record with no fields at line {}", record.line);
            FUZZ_CHECK(record.line > last_line, "record line {} after line {}", record.line, last_line);
            last_line = record.line;
            for (const auto& f : record.fields)
                FUZZ_CHECK(f.size() >= kChunk - 8 /* the straddling filler */ || util::is_valid_utf8(f),
                           "field {} of line {} is not UTF-8 ({})", fuzz::show(f),
                           record.line, encoding_name(reader.encoding()));
            out.records.push_back(record.fields);
        }
        out.encoding = reader.encoding();
        out.delimiter = reader.delimiter();
        FUZZ_CHECK(out.encoding != Encoding::automatic, "encoding still automatic after reading {} records",
                   out.records.size());
    } catch (const Error& e) {
        std::string_view what = e.what();
        FUZZ_CHECK(what.starts_with(std::string(kName) + ":"), "error without NAME:LINE:COLUMN: {}", fuzz::show(what));
        out.error = e.what();
        out.encoding = reader.encoding();
        out.delimiter = reader.delimiter();
    }
    return out;
}

std::string describe(const Outcome& o) {
    if (o.error) return "error " + fuzz::show(*o.error);
    std::string s = fmt::format("{} records:", o.records.size());
    for (std::size_t i = 0; i < o.records.size() && i < 8; ++i) {
        s += " [";
        for (const auto& f : o.records[i]) s += fuzz::show(f) + ",";
        s += "]";
    }
    return s;
}

// What the importer does with the first row: clean each header and look it up.
void headers(const std::vector<std::string>& fields) {
    for (const auto& f : fields) {
        auto field = field_for_header(f);
        if (field) FUZZ_CHECK(static_cast<std::size_t>(*field) < kFieldCount, "field index out of range");
    }
}

// Written records (after a BOM, which the reader drops, so that a leading U+FEFF in the first
// field survives) read back as the same fields.
void round_trip(const Outcome& o) {
    std::string written(kBom);
    for (std::size_t i = 0; i < o.records.size(); ++i) util::write_csv_record(written, o.records[i], i % 2 == 1);
    Outcome again = read_all(written, Encoding::utf8, ',');
    FUZZ_CHECK(!again.error && again.records == o.records, "write_csv_record output reads back differently\n"
               "     first read:  {}\n     read back:   {}", describe(o), describe(again));
}

// The same input placed so that byte `at` of it is the first byte of the second 64 KiB chunk.
// The filler is one ASCII record; a BOM stays in front so that it is still dropped.
void straddled(const std::string& bytes, Encoding encoding, const Outcome& direct) {
    // A file that starts as a workbook or document does (PK…, an OLE header, %PDF) is refused
    // by its first bytes, which the filler moves away: nothing to compare.
    if (direct.error && direct.error->find("not text") != std::string::npos) return;
    std::size_t at = bytes.size() / 2;
    std::string_view body(bytes);
    std::string shifted;
    if (body.starts_with(kBom)) {
        shifted = kBom;
        body.remove_prefix(kBom.size());
        at = at > kBom.size() ? at - kBom.size() : 0;
    }
    std::size_t filler = kChunk - shifted.size() - at; // bytes before body[at]
    shifted += std::string(filler - 1, 'a');
    shifted += '\n';
    shifted += body;
    Outcome o = read_all(shifted, encoding, direct.delimiter ? direct.delimiter : ',');
    FUZZ_CHECK(o.error.has_value() == direct.error.has_value(),
               "chunk boundary at input byte {} changes the outcome ({})\n     direct:    {}\n     straddled: {}", at,
               encoding_name(encoding), describe(direct), describe(o));
    if (o.error) return;
    FUZZ_CHECK(!o.records.empty() && o.records.front() == std::vector<std::string>{std::string(filler - 1, 'a')},
               "filler record lost");
    std::vector<std::vector<std::string>> rest(o.records.begin() + 1, o.records.end());
    FUZZ_CHECK(rest == direct.records,
               "chunk boundary at input byte {} changes the records ({})\n     direct:    {}\n     straddled: {} (after the filler)",
               at, encoding_name(encoding), describe(direct), describe(Outcome{rest, {}, o.encoding}));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::uint32_t hash = fnv1a(bytes);

    Outcome automatic = read_all(bytes, Encoding::automatic);
    if (!automatic.error) {
        if (!automatic.records.empty()) headers(automatic.records.front());
        round_trip(automatic);
    }
    for (Encoding forced : {Encoding::utf8, Encoding::gb18030}) {
        Outcome o = read_all(bytes, forced, automatic.delimiter ? automatic.delimiter : ',');
        if (!o.error) round_trip(o);
        // Automatic detection of a small file decides on all of it, so it agrees with
        // forcing the encoding it chose.
        if (automatic.encoding == forced && size <= kChunk)
            FUZZ_CHECK(o.error == automatic.error && o.records == automatic.records,
                       "automatic ({}) and forced {} differ\n     automatic: {}\n     forced:    {}",
                       encoding_name(automatic.encoding), encoding_name(forced), describe(automatic), describe(o));
        if (size <= kMaxStraddled && hash % kStraddleEvery == 0 && (forced == Encoding::utf8) == ((hash >> 8) % 2 == 0))
            straddled(bytes, forced, o);
    }
    return 0;
}
