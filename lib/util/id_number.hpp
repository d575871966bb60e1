// Resident identity numbers (居民身份证号码, GB 11643-1999).
#pragma once

#include "util/date.hpp"

#include <string>
#include <string_view>

namespace guazhi::util {

// The check character for the first 17 digits: "10X98765432"[Σ dᵢ·wᵢ mod 11].
char id_check_char(std::string_view first17);

// Validates a cleaned ID number (a lower-case x is accepted) and returns it upper-cased,
// or a message that says what is wrong — with the Excel hint when the number was mangled
// into 5.10322E+17 or lost its last digits.
Parsed<std::string> parse_id_number(std::string_view text);

// The birth date encoded in a valid ID number.
Date id_birth_date(std::string_view id);

// True when the sequence digit of a valid ID number says female (even).
bool id_is_female(std::string_view id);

// "510***********123X": the first 3 and last 4 characters kept, for exports and listings.
// Wherever it is shown, the birth date must be shown as a month only, or the full date (the
// ID's digits 7..14) and the county would give the number back.
std::string mask_id_number(std::string_view id);

// A telephone number masked like an ID number: "138****5678" — of its digits the first 3 and
// the last 4 kept (of a shorter number only the last 2), separators as written.
std::string mask_phone(std::string_view phone);

// True for a value in the masked form, so that importing a masked export is refused clearly.
bool is_masked_id_number(std::string_view text);

} // namespace guazhi::util
