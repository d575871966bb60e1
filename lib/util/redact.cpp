#include "util/redact.hpp"

#include "util/id_number.hpp"
#include "util/text.hpp"

#include <cctype>

namespace guazhi::util {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
} // namespace

std::string mask_id_numbers(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (!digit(text[i]) || (i > 0 && digit(text[i - 1]))) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && digit(text[end])) ++end;
        // An ID number typed with its area code set apart (511025-198003150018, 511025 19800315…)
        // is one token: the six digits, one '-' or space, and the rest.
        std::string digits(text.substr(i, end - i));
        if (end - i == 6 && end + 1 < text.size() && (text[end] == '-' || text[end] == ' ') && digit(text[end + 1])) {
            std::size_t rest = end + 1;
            while (rest < text.size() && digit(text[rest])) ++rest;
            if (digits.size() + (rest - end - 1) >= 15) {
                digits += text.substr(end + 1, rest - end - 1);
                end = rest;
            }
        }
        if (end < text.size() && (text[end] == 'X' || text[end] == 'x') && digits.size() == 17) {
            digits += text[end];
            ++end;
        }
        std::size_t n = digits.size();
        bool alone = end == text.size() || !(digit(text[end]) || std::isalpha(static_cast<unsigned char>(text[end])));
        // Longer runs hold an ID number too (one typed with a digit too many): masked alike.
        if (n >= 15 && alone) out += mask_id_number(digits);
        else out.append(text, i, end - i);
        i = end;
    }
    return out;
}

std::string birth_month(std::string_view iso_date) { return std::string(iso_date.substr(0, 7)); }

std::string redact_row_image(std::string_view json) {
    std::string out = mask_id_numbers(json);
    // The value of "key":"…" in place; SQLite writes no space after the colon.
    auto each_value = [&](std::string_view key, auto&& rewrite) {
        std::string pattern = "\"" + std::string(key) + "\":\"";
        for (std::size_t at = out.find(pattern); at != std::string::npos; at = out.find(pattern, at + 1)) {
            std::size_t begin = at + pattern.size(), end = begin;
            while (end < out.size() && out[end] != '"') end += out[end] == '\\' ? 2 : 1;
            if (end > out.size()) break;
            std::string value = rewrite(std::string_view(out).substr(begin, end - begin));
            out.replace(begin, end - begin, value);
        }
    };
    each_value("birth_date", [](std::string_view v) { return birth_month(v); });
    each_value("phone", [](std::string_view v) { return mask_phone(v); });
    return out;
}

std::string redact(std::string_view message) {
    std::string masked = mask_id_numbers(message);
    std::string out;
    // printable() escapes \n and \r too; the lines and a progress line's return are kept.
    std::size_t start = 0;
    for (std::size_t i = 0; i <= masked.size(); ++i) {
        if (i < masked.size() && masked[i] != '\n' && masked[i] != '\r') continue;
        out += printable(std::string_view(masked).substr(start, i - start), SIZE_MAX);
        if (i < masked.size()) out += masked[i];
        start = i + 1;
    }
    return out;
}

} // namespace guazhi::util
