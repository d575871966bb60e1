// The text of a final appraisal (鉴定) read from a file, because appraisals are long:
// TOML or JSON with the same fields. Flags given on the command line override it.
//
//   date = "2007-07-20"            # or a TOML date
//   author_unit = "市财政局"         # default: the host unit
//   conclusion = """该同志……"""
//   [ideology]                     # also work, study, life, integrity
//   rating = "优秀"
//   comment = "……"
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace guazhi {

// Every field is optional here; what is missing is reported when the appraisal is checked.
struct AppraisalDraft {
    std::array<std::optional<std::string>, 5> rating, comment; // in kDimensions order
    std::optional<std::string> conclusion, author_unit, date;
};

// Parses the file's bytes: UTF-8, or GBK/GB18030 when they are not valid UTF-8 (a BOM is
// dropped); JSON when `name` ends in .json or the text starts with '{', else TOML.
// Throws Error naming name:line:column for syntax errors, unknown keys and wrong types.
AppraisalDraft parse_appraisal_file(std::string_view bytes, std::string_view name);

} // namespace guazhi
