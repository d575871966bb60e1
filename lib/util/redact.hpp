// What a message may show of the text it quotes: ID numbers masked, terminal controls escaped.
// Every diagnostic guazhi prints goes through here (cli/context.hpp, diag()), so a mistyped ID
// number echoed in an error, or a cell holding an escape sequence, can neither leak the
// number nor retitle the clerk's terminal.
#pragma once

#include <string>
#include <string_view>

namespace guazhi::util {

// Every ID-number-like token — 15 to 18 digits (the last may be X) standing alone, as typed,
// quoted, inside ="…" or with Excel's zeros — masked as mask_id_number() does (the first 3
// and the last 4 kept: enough to find the row).
std::string mask_id_numbers(std::string_view text);

// A full ISO birth date of an ID number shown to the month only (1980-03-15 → 1980-03), for
// messages that quote the date an ID number carries.
std::string birth_month(std::string_view iso_date);

// A row image of the audit log (a JSON object, as SQLite's json_object writes it) with its
// personal fields masked as the exports mask them: "id_number" (and any ID-like token),
// "birth_date" to the month, "phone".
std::string redact_row_image(std::string_view json);

// mask_id_numbers(), then control characters other than line breaks (\n, and \r for progress
// lines) and broken UTF-8 escaped as \xNN.
std::string redact(std::string_view message);

} // namespace guazhi::util
