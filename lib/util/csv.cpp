#include "util/csv.hpp"

#include "error.hpp"

#include <fmt/format.h>

namespace guazhi::util {

bool CsvRecord::blank() const {
    for (const auto& f : fields)
        if (!f.empty()) return false;
    return true;
}

CsvReader::CsvReader(std::istream& in, Encoding encoding, std::string name)
    : source_(in, encoding), name_(std::move(name)) {}

void CsvReader::fail(std::size_t line, std::size_t column, std::string_view what) const {
    throw Error(fmt::format("{}:{}:{}: {}", name_, line, column, what));
}

bool CsvReader::peek(char& c) {
    while (pos_ >= chunk_.size()) {
        if (done_) return false;
        try {
            chunk_ = source_.next_chunk();
        } catch (const DecodeError& e) {
            fail(line_, column_ + 1, e.what());
        }
        pos_ = 0;
        if (chunk_.empty()) {
            done_ = true;
            return false;
        }
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

bool CsvReader::next(CsvRecord& out) {
    out.fields.clear();
    char c;
    if (!peek(c)) return false;
    out.line = line_;
    std::string field;
    std::size_t bytes = 0;
    enum class State { field_start, unquoted, quoted, after_quote } state = State::field_start;
    std::size_t quote_line = 0, quote_column = 0;
    auto end_field = [&] {
        out.fields.push_back(std::move(field));
        field.clear();
        state = State::field_start;
    };
    while (get(c)) {
        if (++bytes > kMaxRecordBytes) fail(out.line, 1, "record larger than 64 MiB");
        switch (state) {
        case State::field_start:
            if (c == '"') {
                state = State::quoted;
                quote_line = line_;
                quote_column = column_;
                continue;
            }
            state = State::unquoted;
            [[fallthrough]];
        case State::unquoted:
            if (c == ',') end_field();
            else if (c == '\n') { end_field(); return true; }
            else if (c == '\r') {
                // A lone CR ends a line too (old Mac files). Count the line before looking
                // ahead: the look-ahead may read the next chunk and fail on it.
                ++line_;
                column_ = 0;
                char n;
                if (peek(n) && n == '\n') ++pos_;
                end_field();
                return true;
            } else field += c;
            break;
        case State::quoted:
            if (c == '"') state = State::after_quote;
            else {
                field += c;
                // A lone CR in a quoted field is a line break too, as it is between records;
                // otherwise every later line number of an old Mac file would be off.
                char n;
                if (c == '\r' && !(peek(n) && n == '\n')) { ++line_; column_ = 0; }
            }
            break;
        case State::after_quote:
            if (c == '"') { field += '"'; state = State::quoted; }
            else if (c == ',') end_field();
            else if (c == '\n') { end_field(); return true; }
            else if (c == '\r') {
                ++line_;
                column_ = 0;
                char n;
                if (peek(n) && n == '\n') ++pos_;
                end_field();
                return true;
            } else {
                fail(line_, column_, "unexpected character after a closing quote (a quote inside a quoted field is written \"\")");
            }
            break;
        }
    }
    if (state == State::quoted)
        fail(quote_line, quote_column, "quoted field is never closed");
    end_field();
    return true;
}

void write_csv_field(std::string& out, std::string_view field) {
    bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                 (!field.empty() && (field.front() == ' ' || field.back() == ' '));
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

void write_csv_record(std::string& out, const std::vector<std::string>& fields, bool crlf) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        write_csv_field(out, fields[i]);
    }
    out += crlf ? "\r\n" : "\n";
}

} // namespace guazhi::util
