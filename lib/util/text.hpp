// Small string helpers shared by parsers: trimming, splitting, width normalisation.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi::util {

// Removes ASCII white space and U+3000 (ideographic space) from both ends.
std::string_view trim(std::string_view s);

// Replaces full-width ASCII forms (U+FF01..U+FF5E) by ASCII and U+3000 by a space, because
// Chinese input methods produce "２００６" and "，" where a clerk meant "2006" and ",".
std::string normalize_width(std::string_view s);

// normalize_width(), line breaks and tabs inside the text (Excel's Alt+Enter) turned into one
// space each run, U+00A0 (no-break space) read as a space, invisible characters (zero-width, bidi controls) removed, trim(), then
// Unicode NFC (a compatibility ideograph such as U+F9B4 becomes the ideograph U+9818 it stands
// for; e + U+0301 becomes é): how every imported value is cleaned before parsing, so that two
// names that look the same are the same.
std::string clean(std::string_view s);

// The byte length of the invisible character that s starts with — zero-width characters,
// bidi controls, a soft hyphen, U+FEFF — or 0. clean() removes them.
std::size_t invisible_length(std::string_view s);

// clean(s) written into `out`, reusing its storage (the importer cleans millions of values).
void clean_into(std::string& out, std::string_view s);

// Splits on any of the given separators (each a UTF-8 string), dropping empty pieces.
std::vector<std::string> split_any(std::string_view s, const std::vector<std::string_view>& seps);

// A column header as it is compared: cleaned, ASCII lower case, without the spaces inside it
// (姓　名 is 姓名), '*' marks (*姓名) or a trailing colon (姓名：).
std::string normalize_header(std::string_view header);

// Whether a header, normalized (normalize_header), names the column known as `key`, `zh` or
// one of `aliases`: the one rule the roster's and the batch imports' headers are read by.
bool header_names(std::string_view normalized, std::string_view key, std::string_view zh,
                  std::span<const std::string_view> aliases = {});

// True when s is entirely ASCII digits (and not empty).
bool is_digits(std::string_view s);

// Reads a count from the front of `s` and advances `s` past it: ASCII digits (at most 5), or
// Chinese numerals up to 九十九 (一, 两, 十, 十二, 二十, 二十五). -1 when there is none.
int read_count(std::string_view& s);

// ASCII lower-casing; other bytes untouched.
std::string ascii_lower(std::string_view s);

// Length of the longest prefix of s that is well-formed UTF-8 (no overlongs, no
// surrogates, nothing above U+10FFFF, no cut sequence).
std::size_t utf8_valid_prefix(std::string_view s);

// True when all of s is well-formed UTF-8.
inline bool is_valid_utf8(std::string_view s) { return utf8_valid_prefix(s) == s.size(); }

// Length of the longest prefix of s that ends on a complete UTF-8 sequence boundary, used
// to leave a split multi-byte character for the next chunk of a stream.
std::size_t utf8_complete_prefix(std::string_view s);

// Text from a file made safe to echo in a message: control characters and broken UTF-8
// escaped as \xNN, invisible characters (zero-width, bidi controls: they would hide or
// reorder what the message says) as \uXXXX, cut to `max_bytes` with "…".
std::string printable(std::string_view text, std::size_t max_bytes = 80);

// Appends the UTF-8 encoding of a code point (the workbook readers decode UTF-16 and XML
// character references with it).
void append_utf8(std::string& out, std::uint32_t cp);

// Escapes & < > " for XML and HTML: element content and double-quoted attribute values.
std::string xml_escape(std::string_view text);

} // namespace guazhi::util
