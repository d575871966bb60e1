#include "domain/limits.hpp"

#include "problem.hpp"

#include <fmt/format.h>

namespace guazhi::limits {

std::size_t char_count(std::string_view utf8) {
    std::size_t n = 0;
    for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // lead bytes only
    return n;
}

std::optional<std::string> length_problem(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::nullopt; // no more bytes than the limit: surely within
    std::size_t n = char_count(text);
    if (n <= limit) return std::nullopt;
    return fmt::format("is {} characters long; at most {} are taken", n, limit);
}

void require_within(std::initializer_list<Bounded> values) {
    for (const auto& v : values)
        if (v.text.size() > v.limit && char_count(v.text) > v.limit)
            throw ProblemError(problem(v.what, ProblemCode::too_long, char_count(v.text), v.limit));
}

} // namespace guazhi::limits
