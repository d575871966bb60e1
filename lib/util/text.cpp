#include "util/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <utf8proc.h>

namespace guazhi::util {

namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// Byte length of the UTF-8 sequence that starts with lead byte c, 0 if c cannot lead.
std::size_t sequence_length(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

// The code point of one well-formed UTF-8 sequence.
char32_t code_point(std::string_view seq) {
    char32_t cp = static_cast<unsigned char>(seq[0]) & (0x7F >> seq.size());
    for (std::size_t k = 1; k < seq.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(seq[k]) & 0x3F);
    return cp;
}

// True when every character of s is one that NFC leaves alone wherever it stands (quick-check
// Yes, combining class 0, never the second of a composition): ASCII and Latin-1, CJK
// punctuation but its combining tone marks (U+302A..U+302F), kana but the combining voiced
// marks (U+3099, U+309A), CJK ideographs, general punctuation from U+2010, full-width forms.
// Nearly every value a roster holds is such a string; the rest go through utf8proc.
bool surely_nfc(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c0 = static_cast<unsigned char>(s[i]);
        if (c0 < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = sequence_length(c0);
        if (n < 2 || i + n > s.size()) return false;
        char32_t cp = code_point(s.substr(i, n));
        bool stable = cp < 0x300 || (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3000 && cp <= 0x3029) ||
                      (cp >= 0x3030 && cp <= 0x3098) || (cp >= 0x309B && cp <= 0x9FFF) || (cp >= 0xFF01 && cp <= 0xFFEF);
        if (!stable) return false;
        i += n;
    }
    return true;
}

// s in Unicode Normalization Form C, in place; left as it is if it is not valid UTF-8 (the
// readers have refused such input already).
void to_nfc(std::string& s) {
    utf8proc_uint8_t* composed = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                          &composed, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n >= 0) s.assign(reinterpret_cast<const char*>(composed), static_cast<std::size_t>(n));
    std::free(composed);
}

} // namespace

std::size_t invisible_length(std::string_view s) {
    if (s.size() < 2) return 0;
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (b(0) == 0xC2 && b(1) == 0xAD) return 2;              // U+00AD soft hyphen
    if (b(0) == 0xD8 && b(1) == 0x9C) return 2;              // U+061C Arabic letter mark
    if (s.size() < 3) return 0;
    if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3; // U+FEFF zero-width no-break space (BOM)
    if (b(0) != 0xE2) return 0;
    unsigned cp = ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    bool zero_width = cp >= 0x200B && cp <= 0x200F;          // ZWSP, ZWNJ, ZWJ, LRM, RLM
    bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); // embeddings, isolates
    bool word_joiner = cp >= 0x2060 && cp <= 0x2064;         // word joiner, invisible operators
    return zero_width || bidi || word_joiner ? 3 : 0;
}

std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
        else if (s.starts_with(kIdeographicSpace)) s.remove_prefix(kIdeographicSpace.size());
        else break;
    }
    for (;;) {
        if (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
        else if (s.ends_with(kIdeographicSpace)) s.remove_suffix(kIdeographicSpace.size());
        else break;
    }
    return s;
}

namespace {

// The ASCII character a full-width form at the start of `s` stands for — U+3000 for a space,
// U+FF01..U+FF5E (EF BC 81..EF BD 9E) for '!'..'~' — or 0 when `s` starts otherwise. Both
// normalize_width and clean_into read full-width forms through this one function.
char ascii_of_full_width(std::string_view s) {
    if (s.size() < 3) return 0;
    if (s.substr(0, 3) == kIdeographicSpace) return ' ';
    auto c0 = static_cast<unsigned char>(s[0]);
    auto c1 = static_cast<unsigned char>(s[1]);
    auto c2 = static_cast<unsigned char>(s[2]);
    if (c0 != 0xEF || (c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return 0;
    unsigned cp = ((c0 & 0x0Fu) << 12) | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu);
    return cp >= 0xFF01 && cp <= 0xFF5E ? static_cast<char>(cp - 0xFEE0) : 0;
}

} // namespace

std::string normalize_width(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (char ascii = ascii_of_full_width(s.substr(i))) {
            out += ascii;
            i += 3;
            continue;
        }
        out += s[i];
        ++i;
    }
    return out;
}

std::string clean(std::string_view s) {
    std::string out;
    clean_into(out, s);
    return out;
}

void clean_into(std::string& out, std::string_view s) {
    // normalize_width, the line breaks, invisible characters and trim() in one pass. Runs of
    // bytes that none of them touch (anything but CR, LF, tab and the lead bytes C2, D8, E2, E3
    // and EF) are copied whole.
    out.clear();
    auto special = [](unsigned char c) {
        return c == '\r' || c == '\n' || c == '\t' || c == 0xC2 || c == 0xD8 || c == 0xE2 || c == 0xE3 || c == 0xEF;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t run = i;
        while (run < s.size() && !special(static_cast<unsigned char>(s[run]))) ++run;
        out.append(s.data() + i, run - i);
        if (run == s.size()) break;
        i = run;
        auto c0 = static_cast<unsigned char>(s[i]);
        char c = s[i];
        std::size_t width = 1;
        if (std::size_t n = invisible_length(s.substr(i))) {
            i += n; // two unit names that look the same must be the same unit
            continue;
        }
        if (c0 == 0xE3 || c0 == 0xEF) {
            if (char ascii = ascii_of_full_width(s.substr(i))) {
                c = ascii;
                width = 3;
            }
        } else if (c0 == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            c = ' '; // U+00A0, the no-break space Excel and web pages leave around values
            width = 2;
        }
        i += width;
        if (c == '\r' || c == '\n' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    // trim(): after normalising no U+3000 is left, only ASCII white space.
    std::size_t end = out.size();
    while (end > 0 && is_ascii_space(out[end - 1])) --end;
    std::size_t begin = 0;
    while (begin < end && is_ascii_space(out[begin])) ++begin;
    out.resize(end);
    if (begin > 0) out.erase(0, begin);
    if (!surely_nfc(out)) to_nfc(out);
}

std::string normalize_header(std::string_view header) {
    std::string h = ascii_lower(clean(header));
    std::erase(h, ' '); // the full-width space is a space after clean()
    while (!h.empty() && h.front() == '*') h.erase(0, 1);
    while (!h.empty() && h.back() == '*') h.pop_back();
    if (h.ends_with(":")) h.pop_back(); // also '：', which clean() made ASCII
    return h;
}

bool header_names(std::string_view normalized, std::string_view key, std::string_view zh,
                  std::span<const std::string_view> aliases) {
    if (normalized.empty()) return false;
    if (normalized == key || normalized == zh) return true;
    return std::find(aliases.begin(), aliases.end(), normalized) != aliases.end();
}

std::vector<std::string> split_any(std::string_view s, const std::vector<std::string_view>& seps) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    std::size_t i = 0;
    auto flush = [&](std::size_t end) {
        auto piece = trim(s.substr(start, end - start));
        if (!piece.empty()) parts.emplace_back(piece);
    };
    while (i < s.size()) {
        bool matched = false;
        for (auto sep : seps) {
            if (!sep.empty() && s.substr(i).starts_with(sep)) {
                flush(i);
                i += sep.size();
                start = i;
                matched = true;
                break;
            }
        }
        if (!matched) ++i;
    }
    flush(s.size());
    return parts;
}

namespace {
// The value of one Chinese numeral digit (一 … 九, 两), or -1.
int chinese_digit(std::string_view s) {
    static constexpr std::string_view digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (s == "两") return 2;
    for (std::size_t i = 0; i < std::size(digits); ++i)
        if (s == digits[i]) return static_cast<int>(i);
    return -1;
}
} // namespace

int read_count(std::string_view& s) {
    std::size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    if (n > 0) {
        if (n > 5) return -1;
        int v = 0;
        for (std::size_t i = 0; i < n; ++i) v = v * 10 + (s[i] - '0');
        s.remove_prefix(n);
        return v;
    }
    // Chinese numerals are three bytes each in UTF-8.
    auto next = [&](std::size_t at) { return s.size() >= at + 3 ? s.substr(at, 3) : std::string_view(); };
    int tens = -1, units = -1;
    std::size_t at = 0;
    int first = chinese_digit(next(0));
    if (next(0) == "十") tens = 1, at = 3;
    else if (first > 0 && next(3) == "十") tens = first, at = 6;
    else if (first > 0) units = first, at = 3;
    else return -1;
    if (tens > 0) {
        int u = chinese_digit(next(at));
        if (u > 0 && next(at) != "两") units = u, at += 3;
    }
    s.remove_prefix(at);
    return (tens > 0 ? tens * 10 : 0) + (units > 0 ? units : 0);
}

bool is_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::size_t utf8_valid_prefix(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c0 = static_cast<unsigned char>(s[i]);
        auto n = sequence_length(c0);
        if (n == 0 || i + n > s.size()) return i;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        if (n >= 3) {
            auto c1 = static_cast<unsigned char>(s[i + 1]);
            if (c0 == 0xE0 && c1 < 0xA0) return i; // overlong
            if (c0 == 0xED && c1 >= 0xA0) return i; // UTF-16 surrogate
            if (c0 == 0xF0 && c1 < 0x90) return i; // overlong
            if (c0 == 0xF4 && c1 >= 0x90) return i; // above U+10FFFF
        }
        i += n;
    }
    return i;
}

std::size_t utf8_complete_prefix(std::string_view s) {
    // Look back at most 4 bytes for the lead byte of the last sequence.
    std::size_t n = s.size();
    for (std::size_t back = 1; back <= 4 && back <= n; ++back) {
        auto c = static_cast<unsigned char>(s[n - back]);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
        auto len = sequence_length(c);
        if (len == 0 || len <= back) return n;  // complete (or invalid: let validation say so)
        return n - back;                         // the last sequence is cut: hold it back
    }
    return n;
}

std::string xml_escape(std::string_view text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += ch;
        }
    }
    return out;
}

} // namespace guazhi::util

namespace guazhi::util {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string printable(std::string_view text, std::size_t max_bytes) {
    static constexpr char hex[] = "0123456789ABCDEF";
    auto escape = [&](std::string& out, unsigned char c) {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 0xF];
    };
    std::string out;
    std::size_t i = 0;
    while (i < text.size() && out.size() < max_bytes) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F) escape(out, c);
            else out += static_cast<char>(c);
            ++i;
            continue;
        }
        // A whole UTF-8 sequence is kept; a broken one is escaped byte by byte; an invisible
        // one (a zero-width space, a bidi override that would reorder the message) is named
        // by its code point.
        std::size_t len = sequence_length(c);
        std::string_view seq = text.substr(i, len ? len : 1);
        if (std::size_t n = invisible_length(text.substr(i))) {
            char32_t cp = code_point(text.substr(i, n));
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
            i += n;
        } else if (len && seq.size() == len && is_valid_utf8(seq)) {
            out += seq;
            i += len;
        } else {
            escape(out, c);
            ++i;
        }
    }
    if (i < text.size()) out += "…";
    return out;
}

} // namespace guazhi::util
