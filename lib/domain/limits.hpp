// How long a value guazhi takes may be (issue "personal data", item 10): a million-character
// unit name was accepted, and the xlsx export then had to drop the cell. Each limit is far
// above any real value and below Excel's 32,767 characters per cell, so that whatever is
// recorded also fits every export. Counted in characters (Unicode code points), not bytes.
// README, "Length limits", lists them.
#pragma once

#include "problem.hpp"
#include "util/message.hpp"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace guazhi::limits {

inline constexpr std::size_t kName = 50;      // a person's name (a transliterated one with · is long)
inline constexpr std::size_t kUnit = 100;     // a unit's full name
inline constexpr std::size_t kPost = 100;     // a post, a post level
inline constexpr std::size_t kShort = 100;    // county, native place, rank, education, programme, codes
inline constexpr std::size_t kNote = 2000;    // a remark, a reason, a note, a consent
inline constexpr std::size_t kComment = 5000; // a 鉴定's comment or conclusion

// How many characters (code points) UTF-8 text holds.
std::size_t char_count(std::string_view utf8);

// "is N characters long; at most LIMIT are taken", or nothing when `text` is within `limit`.
std::optional<Message> length_problem(std::string_view text, std::size_t limit);

// A value with the parameter it is given as and its limit.
struct Bounded {
    Parameter what;
    std::string_view text;
    std::size_t limit;
};

// Whether text holds a control character other than a line break or a tab: C0, DEL, or a C1
// control (U+0080..U+009F).
bool has_control_character(std::string_view text);

// Throws ProblemError for the first value over its limit (too_long: its length, the limit) or
// holding a control character (control_character): for commands that take a few texts at once
// (reasons, notes, comments).
void require_within(std::initializer_list<Bounded> values);

} // namespace guazhi::limits
