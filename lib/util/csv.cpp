#include "util/csv.hpp"

#include "error.hpp"
#include "problem.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>

namespace guazhi::util {

namespace {
// What makes a spreadsheet read a cell as a formula: =, + and @ first (not -, which starts
// negative numbers and dates such as -1).
bool is_formula_start(char c) { return c == '=' || c == '+' || c == '@'; }
} // namespace

bool CsvRecord::blank() const {
    for (const auto& f : fields)
        if (!f.empty()) return false;
    return true;
}

CsvReader::CsvReader(std::istream& in, Encoding encoding, std::string name, char delimiter)
    : source_(in, encoding), name_(std::move(name)), delimiter_(delimiter) {}

void CsvReader::fail(std::size_t line, std::size_t column, const Message& what) const {
    throw Error(msg(N_("{}: {}"), fmt::format("{}:{}:{}", name_, line, column), what));
}

bool CsvReader::peek(char& c) {
    while (pos_ >= chunk_.size()) {
        if (done_) return false;
        try {
            chunk_ = source_.next_chunk();
        } catch (const DecodeError& e) {
            if (e.not_utf8())
                throw ProblemError(problem(Parameter::encoding, ProblemCode::not_utf8,
                                           fmt::format("{}:{}:{}", name_, line_, column_ + 1)));
            fail(line_, column_ + 1, e.message());
        }
        pos_ = 0;
        if (chunk_.empty()) {
            done_ = true;
            return false;
        }
        if (!delimiter_) delimiter_ = choose_delimiter(chunk_);
    }
    c = chunk_[pos_];
    return true;
}

bool CsvReader::get(char& c) {
    if (!peek(c)) return false;
    ++pos_;
    if (c == '\n') {
        ++line_;
        column_ = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column_; // count characters, not bytes: continuation bytes do not start one
    }
    return true;
}

void CsvReader::take_run(bool quoted, std::size_t& bytes, std::size_t record_line) {
    const char delimiter = quoted ? '"' : delimiter_;
    std::size_t end = pos_;
    std::size_t characters = 0;
    while (end < chunk_.size()) {
        char d = chunk_[end];
        if (d == delimiter || d == '\n' || d == '\r') break;
        if ((static_cast<unsigned char>(d) & 0xC0) != 0x80) ++characters;
        ++end;
    }
    if (end == pos_) return;
    bytes += end - pos_;
    if (bytes > kMaxRecordBytes) fail(record_line, 1, msg("record larger than 64 MiB"));
    field_.append(chunk_.data() + pos_, end - pos_);
    column_ += characters;
    pos_ = end;
}

bool CsvReader::next(CsvRecord& out) {
    char c;
    if (!peek(c)) {
        out.fields.clear();
        return false;
    }
    out.line = line_;
    // Fields are swapped into the record's existing strings, so that their storage is reused
    // rather than allocated again for every field of every record.
    std::size_t count = 0;
    field_.clear();
    std::size_t bytes = 0;
    enum class State { field_start, unquoted, quoted, after_quote } state = State::field_start;
    std::size_t quote_line = 0, quote_column = 0;
    auto end_field = [&] {
        // Excel's text marker before what would be a formula ('=…, as write_csv_field writes
        // it): the value is the text after it, as Excel shows it.
        if (field_.size() >= 2 && field_[0] == '\'' && is_formula_start(field_[1])) field_.erase(0, 1);
        if (count < out.fields.size()) out.fields[count].swap(field_);
        else out.fields.push_back(std::move(field_));
        ++count;
        field_.clear();
        state = State::field_start;
    };
    auto end_record = [&] {
        end_field();
        out.fields.resize(count);
        return true;
    };
    while (get(c)) {
        if (++bytes > kMaxRecordBytes) fail(out.line, 1, msg("record larger than 64 MiB"));
        switch (state) {
        case State::field_start:
            if (c == '"') {
                state = State::quoted;
                quote_line = line_;
                quote_column = column_;
                take_run(true, bytes, out.line);
                continue;
            }
            state = State::unquoted;
            [[fallthrough]];
        case State::unquoted:
            if (c == delimiter_) end_field();
            else if (c == '\n') return end_record();
            else if (c == '\r') {
                // A lone CR ends a line too (old Mac files). Count the line before looking
                // ahead: the look-ahead may read the next chunk and fail on it.
                ++line_;
                column_ = 0;
                char n;
                if (peek(n) && n == '\n') ++pos_;
                return end_record();
            } else {
                field_ += c;
                take_run(false, bytes, out.line);
            }
            break;
        case State::quoted:
            if (c == '"') state = State::after_quote;
            else {
                field_ += c;
                // A lone CR in a quoted field is a line break too, as it is between records;
                // otherwise every later line number of an old Mac file would be off.
                char n;
                if (c == '\r' && !(peek(n) && n == '\n')) { ++line_; column_ = 0; }
                take_run(true, bytes, out.line);
            }
            break;
        case State::after_quote:
            if (c == '"') {
                field_ += '"';
                state = State::quoted;
                take_run(true, bytes, out.line);
            }
            else if (c == delimiter_) end_field();
            else if (c == '\n') return end_record();
            else if (c == '\r') {
                ++line_;
                column_ = 0;
                char n;
                if (peek(n) && n == '\n') ++pos_;
                return end_record();
            } else {
                fail(line_, column_, msg("unexpected character after a closing quote (a quote inside a quoted field is written \"\")"));
            }
            break;
        }
    }
    if (state == State::quoted)
        fail(quote_line, quote_column, msg("quoted field is never closed"));
    return end_record();
}

char choose_delimiter(std::string_view head) {
    std::size_t best_tabs = 0, best_commas = 0;
    for (int lines = 0; !head.empty() && lines < 50; ++lines) {
        std::size_t end = head.find_first_of("\r\n");
        std::string_view line = head.substr(0, end);
        head = end == std::string_view::npos ? std::string_view() : head.substr(end + 1);
        auto tabs = static_cast<std::size_t>(std::count(line.begin(), line.end(), '\t'));
        auto commas = static_cast<std::size_t>(std::count(line.begin(), line.end(), ','));
        bool header = line.find("姓名") != std::string_view::npos || line.find("身份证") != std::string_view::npos ||
                      line.find("name") != std::string_view::npos;
        if (header && tabs + commas > 0) return tabs > commas ? '\t' : ',';
        if (tabs + commas > best_tabs + best_commas) best_tabs = tabs, best_commas = commas;
    }
    return best_tabs > best_commas ? '\t' : ',';
}

namespace {

// True when `field` holds a comma, quote, CR or LF. An export writes tens of millions of
// fields: eight bytes are looked at a time, each compared with the four at once (a byte of
// x ^ pattern is zero where x has that byte).
bool needs_quotes(std::string_view field) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto has_byte = [](std::uint64_t x, unsigned char b) {
        std::uint64_t v = x ^ (ones * b);
        return ((v - ones) & ~v & highs) != 0;
    };
    std::size_t i = 0;
    for (; i + 8 <= field.size(); i += 8) {
        std::uint64_t x;
        std::memcpy(&x, field.data() + i, 8);
        if (has_byte(x, ',') || has_byte(x, '"') || has_byte(x, '\r') || has_byte(x, '\n')) return true;
    }
    for (; i < field.size(); ++i) {
        char c = field[i];
        if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
    }
    return false;
}

} // namespace

void write_csv_field(std::string& out, std::string_view field) {
    // A field Excel or WPS would run as a formula (=HYPERLINK(…) typed as a name) gets Excel's
    // text marker: Excel shows the text without it, and the reader above drops it.
    std::string marked;
    if (!field.empty() && is_formula_start(field.front())) {
        marked = "'" + std::string(field);
        field = marked;
    }
    bool quote = (!field.empty() && (field.front() == ' ' || field.back() == ' ')) || needs_quotes(field);
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void write_csv_record(std::string& out, std::span<const std::string> fields, bool crlf) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        write_csv_field(out, fields[i]);
    }
    out += crlf ? "\r\n" : "\n";
}

} // namespace guazhi::util
