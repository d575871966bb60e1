// The roster columns (花名册) that describe one assignment, and the validation that turns
// the text of one row — from a CSV file or from `assign add` flags — into an Assignment.
#pragma once

#include "domain/policy.hpp"
#include "domain/model.hpp"
#include "problem_text.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// The roster fields, in canonical column order.
enum class Field {
    id_number, name, gender, ethnicity, birth_date, political_status, education, categories,
    home_unit, home_county, home_level, home_post, direction, host_unit, host_post,
    start_date, end_date, batch_year,
    // Migration 9: the rest of what a 花名册 carries (after the first 18, so that files of
    // the first 18 columns read as before).
    education_fulltime, education_inservice, native_place, started_work, joined_party, rank, phone, remark,
    programme,
};
inline constexpr std::size_t kFieldCount = 27;

struct FieldSpec {
    Field field;
    std::string_view key; // canonical English column name, also the JSON key
    std::string_view zh;  // Chinese column name
    bool required;
    std::vector<std::string_view> aliases; // other headers clerks use
};

// All fields in canonical order.
const std::array<FieldSpec, kFieldCount>& roster_fields();
const FieldSpec& spec(Field f);

// The field a header names (canonical, Chinese or alias; ASCII case-insensitive).
std::optional<Field> field_for_header(std::string_view header);


// The raw text of each field of one row (already cleaned), indexed by Field.
using RowValues = std::array<std::string, kFieldCount>;

// A problem with one field of a row: a sentence, or (for those that name a parameter of the
// command) a typed Problem; describe() words either.
struct FieldProblem {
    Field field;
    Message message;
    std::optional<Problem> problem = std::nullopt;
};

// The problem's sentence, naming parameters through `name`.
Message describe(const FieldProblem& p, const Namer& name);

// The outcome of validating one row: an assignment, or the problems found.
struct RowResult {
    std::optional<Assignment> assignment;
    std::vector<FieldProblem> problems;
    // What was read other than as written, for the import's summary: a month for a start or
    // end date (its first or last day), the direction taken from the host unit.
    bool start_month_only = false, end_month_only = false, direction_inferred = false;
};

// The longest text the field takes, in characters (domain/limits.hpp).
std::size_t max_length(Field f);

// Validates and normalises one row: ID check digit, enumerations, dates, end after start,
// birth date and gender agreeing with the ID number. Units' kinds are inferred where the
// row does not give them.
RowResult validate_row(const RowValues& values, const Policy& policy);

// The cadre's fields of a row (ID number, name … phone) validated by the same rules as in
// validate_row; the other fields are not read. `cadre edit` checks what it is given with it.
struct CadreResult {
    Cadre cadre;
    std::vector<FieldProblem> problems;
};
CadreResult validate_cadre(const RowValues& values);
bool is_cadre_field(Field f);

// The canonical text of each field of a stored assignment (codes, ISO dates), as written
// by `export assignments` and read back by `assign import`. (By value: a stream of rows moves
// each assignment in rather than copying its strings.)
RowValues to_row(Assignment a);

} // namespace guazhi
