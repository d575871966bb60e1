// Turns the bytes of a file from Excel/WPS into UTF-8 text, a chunk at a time, so memory
// does not grow with the file.
#pragma once

#include "util/message.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace guazhi::util {

// Text encodings we read. GBK and GB2312 files are read as GB18030, their superset. UTF-16
// is what Excel's "Unicode 文本" (Unicode text) saves: little-endian with a BOM.
enum class Encoding { automatic, utf8, gb18030, utf16le, utf16be };

// "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE" (for summaries).
std::string_view encoding_name(Encoding encoding);

// Parses "auto", "utf-8"/"utf8", "gbk"/"gb2312"/"gb18030" (any case); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);

// Thrown for bytes that are not valid in the chosen encoding; the caller adds the place.
// `not_utf8()`: the bytes were read as UTF-8 and are not (the caller suggests the encoding).
// what() is the English; message() the Message, for the reader's language.
class DecodeError : public std::runtime_error {
  public:
    enum class Kind { other, not_utf8 };
    explicit DecodeError(Message m, Kind kind = Kind::other)
        : std::runtime_error(english(m)), message_(std::move(m)), kind_(kind) {}
    bool not_utf8() const { return kind_ == Kind::not_utf8; }
    const Message& message() const { return message_; }

  private:
    Message message_;
    Kind kind_ = Kind::other;
};

// UTF-8 text as GB18030 (a superset of GBK, which old Excel and WPS read). Throws Error when
// the text is not valid UTF-8.
std::string to_gb18030(std::string_view utf8);

// A whole small file's bytes as UTF-8, decided on all of them (not only the first 64 KiB):
// a UTF-16 BOM means UTF-16, valid UTF-8 stays UTF-8, anything else is read as GB18030 (so
// GBK); a BOM is dropped. Throws DecodeError for bytes valid in neither.
std::string decode_text(std::string_view bytes);

// Reads raw bytes from a stream and hands out UTF-8. With Encoding::automatic it looks at
// the first 64 KiB: a UTF-16 BOM means UTF-16 of that byte order, a UTF-8 BOM or valid UTF-8
// means UTF-8, anything else GB18030. A BOM is always dropped.
class Utf8Source {
  public:
    Utf8Source(std::istream& in, Encoding encoding);
    ~Utf8Source();
    Utf8Source(const Utf8Source&) = delete;
    Utf8Source& operator=(const Utf8Source&) = delete;

    // The next piece of UTF-8 text, ending on a character boundary; empty at the end.
    std::string_view next_chunk();

    // The encoding in use (resolved after the first chunk when it was automatic).
    Encoding encoding() const { return encoding_; }

  private:
    bool fill_raw();
    std::string_view decode_utf8(bool at_end);
    // GB18030 or UTF-16 through iconv.
    std::string_view decode_iconv(bool at_end);

    std::istream& in_;
    Encoding encoding_;
    bool started_ = false;
    bool eof_ = false;
    std::string raw_;     // undecoded bytes, including a carried-over partial character
    std::string decoded_; // the chunk handed out last
    struct Iconv;
    std::unique_ptr<Iconv> iconv_;
};

} // namespace guazhi::util
