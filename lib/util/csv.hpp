// Streaming RFC 4180 CSV: one record at a time, quoted fields with commas, quotes and line
// breaks, CRLF or LF, any encoding Utf8Source reads. Tab-separated text (a copy and paste
// from Excel, or Excel's "Unicode 文本") is read the same way: the delimiter is taken from
// the header line (see choose_delimiter).
#pragma once

#include "util/encoding.hpp"

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi::util {

// One CSV record and the physical line it starts on (1-based), for error messages.
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;

    // True when every field is empty: Excel writes ",,,," for blank rows.
    bool blank() const;
};

// Reads records from a stream. Malformed input throws guazhi::Error whose message starts
// with "NAME:LINE:COLUMN: ".
class CsvReader {
  public:
    // `delimiter` ',' or '\t', or 0 to take it from the header line (choose_delimiter).
    CsvReader(std::istream& in, Encoding encoding, std::string name, char delimiter = 0);

    // Reads the next record into out; false at the end of input.
    bool next(CsvRecord& out);

    // The encoding in use (known after the first record).
    Encoding encoding() const { return source_.encoding(); }
    // ',' or '\t' (known after the first record).
    char delimiter() const { return delimiter_; }

    // Refuses a record larger than this many bytes rather than buffering without limit.
    static constexpr std::size_t kMaxRecordBytes = 64 * 1024 * 1024;

  private:
    bool get(char& c);
    bool peek(char& c);
    [[noreturn]] void fail(std::size_t line, std::size_t column, const Message& what) const;

    // Consumes the bytes of the current chunk from pos_ up to (not including) the next line
    // break or delimiter (a quote in a quoted field, else a comma), appending them to field_
    // and counting their characters: the plain run of a field, taken at once instead of a
    // byte at a time. `bytes` is the record's size so far.
    void take_run(bool quoted, std::size_t& bytes, std::size_t record_line);

    Utf8Source source_;
    std::string name_;
    std::string field_; // the field being read; its storage is reused from record to record
    std::string_view chunk_;
    std::size_t pos_ = 0;
    bool done_ = false;
    std::size_t line_ = 1;
    std::size_t column_ = 0; // characters consumed on the current line
    char delimiter_ = 0;     // chosen from the first chunk
};

// The delimiter of a text table from its first chunk: the header line's — the first line that
// names 姓名/身份证/name — else the line with the most separators; a tab when that line has
// more tabs than commas, else a comma.
char choose_delimiter(std::string_view head);

// Writes one CSV field, quoted when it holds a comma, quote, CR or LF (or leading/trailing
// space, which spreadsheets would otherwise eat).
void write_csv_field(std::string& out, std::string_view field);

// Writes a whole record and the line ending ("\r\n" when crlf, else "\n").
void write_csv_record(std::string& out, std::span<const std::string> fields, bool crlf = false);
inline void write_csv_record(std::string& out, const std::vector<std::string>& fields, bool crlf = false) {
    write_csv_record(out, std::span<const std::string>(fields), crlf);
}

} // namespace guazhi::util
