#include "domain/limits.hpp"

#include "problem.hpp"

#include <fmt/format.h>

namespace guazhi::limits {

std::size_t char_count(std::string_view utf8) {
    std::size_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // lead bytes only
    return n;
}

std::optional<Message> length_problem(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::nullopt; // no more bytes than the limit: surely within
    std::size_t n = char_count(text);
    if (n <= limit) return std::nullopt;
    return msg("is {} characters long; at most {} are taken", n, limit);
}

bool has_control_character(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
        // C1 controls U+0080..U+009F (CSI U+009B among them) are C2 80..C2 9F in UTF-8.
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
            static_cast<unsigned char>(text[i + 1]) >= 0x80)
            return true;
    }
    return false;
}

void require_within(std::initializer_list<Bounded> values) {
    for (const auto& v : values) {
        if (v.text.size() > v.limit && char_count(v.text) > v.limit)
            throw ProblemError(problem(v.what, ProblemCode::too_long, char_count(v.text), v.limit));
        // An escape or a NUL stored would reach every table, document and terminal later.
        if (has_control_character(v.text)) throw ProblemError(problem(v.what, ProblemCode::control_character));
    }
}

} // namespace guazhi::limits
