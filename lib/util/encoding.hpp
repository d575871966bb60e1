// Turns the bytes of a file from Excel/WPS into UTF-8 text, a chunk at a time, so memory
// does not grow with the file.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace guazhi::util {

// Text encodings we read. GBK and GB2312 files are read as GB18030, their superset.
enum class Encoding { automatic, utf8, gb18030 };

// Parses "auto", "utf-8"/"utf8", "gbk"/"gb2312"/"gb18030" (any case); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);

// Thrown for bytes that are not valid in the chosen encoding; the caller adds the place.
class DecodeError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// UTF-8 text as GB18030 (a superset of GBK, which old Excel and WPS read). Throws Error when
// the text is not valid UTF-8.
std::string to_gb18030(std::string_view utf8);

// Reads raw bytes from a stream and hands out UTF-8. With Encoding::automatic it looks at
// the first 64 KiB: a UTF-8 BOM or valid UTF-8 means UTF-8, anything else GB18030. A UTF-8
// BOM is always dropped.
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
    std::string_view decode_gb18030(bool at_end);

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
