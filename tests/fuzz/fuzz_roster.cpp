// Fuzzes domain/roster.hpp: validate_row() on one roster row, as `assign import` and
// `assign add` call it (each value through util::clean() first, lib/store/importer.cpp).
//
// Input format (so that seeds are readable and every column is easy to mutate): one value
// per line, in canonical column order (Field: id_number, name, gender, ethnicity,
// birth_date, political_status, education, categories, home_unit, home_county, home_level,
// home_post, direction, host_unit, host_post, start_date, end_date, batch_year, then the
// fields of schema version 9: education_fulltime … programme); missing lines are empty
// values. An optional line after the last field (the 28th) sets Policy::term_months (1..120).
// Every line is also looked up as a column header (field_for_header).
//
// validate_row never throws (problems are values), so any exception is a failure. Oracles:
//   - an assignment exactly when there are no problems;
//   - an accepted row is normalised: valid ID, real dates in order, known codes;
//   - export → import: to_row() of an accepted assignment, cleaned as the importer does,
//     validates again to the same assignment; with the ID number masked it is refused.
#include "fuzz_common.hpp"

#include "domain/policy.hpp"
#include "domain/roster.hpp"
#include "domain/vocabulary.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace guazhi;

namespace {

std::string describe(const RowResult& r) {
    std::string s;
    for (const auto& p : r.problems) s += fmt::format("\n       {}: {}", spec(p.field).key, describe(p, by_domain_name));
    return s;
}

std::string describe(const RowValues& v) {
    std::string s;
    for (std::size_t i = 0; i < kFieldCount; ++i)
        s += fmt::format("\n       {} = {}", roster_fields()[i].key, fuzz::show(v[i]));
    return s;
}

bool known_code(const Vocabulary& v, std::string_view code) {
    auto c = v.code_of(code);
    return c && *c == code;
}

void check_accepted(const Assignment& a, const RowValues& values) {
    auto id = util::parse_id_number(a.cadre.id_number);
    FUZZ_CHECK(id && *id.value == a.cadre.id_number, "accepted ID {} does not parse", fuzz::show(a.cadre.id_number));
    FUZZ_CHECK(a.cadre.birth_date == util::id_birth_date(a.cadre.id_number).iso(), "birth date {} vs ID {}",
               a.cadre.birth_date, a.cadre.id_number);
    FUZZ_CHECK(a.cadre.gender == (util::id_is_female(a.cadre.id_number) ? "female" : "male"), "gender {} vs ID {}",
               a.cadre.gender, a.cadre.id_number);
    FUZZ_CHECK(!a.cadre.name.empty(), "accepted without a name");
    FUZZ_CHECK(known_code(political_statuses(), a.cadre.political_status), "political status {}",
               fuzz::show(a.cadre.political_status));
    FUZZ_CHECK(a.cadre.ethnicity.empty() || known_code(ethnicities(), a.cadre.ethnicity), "ethnicity {}",
               fuzz::show(a.cadre.ethnicity));
    FUZZ_CHECK(a.cadre.education.empty() || known_code(educations(), a.cadre.education), "education {}",
               fuzz::show(a.cadre.education));
    for (const auto& c : a.cadre.categories) FUZZ_CHECK(known_code(categories(), c), "category {}", fuzz::show(c));
    FUZZ_CHECK(a.direction == "up" || a.direction == "down", "direction {}", fuzz::show(a.direction));
    FUZZ_CHECK(known_code(unit_kinds(), a.home_unit.kind), "home unit kind {}", fuzz::show(a.home_unit.kind));
    FUZZ_CHECK(known_code(unit_kinds(), a.host_unit.kind), "host unit kind {}", fuzz::show(a.host_unit.kind));
    FUZZ_CHECK(!a.home_unit.name.empty() && !a.host_unit.name.empty() && a.home_unit.name != a.host_unit.name,
               "units {} / {}", fuzz::show(a.home_unit.name), fuzz::show(a.host_unit.name));
    FUZZ_CHECK(util::Date::valid(a.start.year, a.start.month, a.start.day), "start {}", a.start.iso());
    FUZZ_CHECK(util::Date::valid(a.end.year, a.end.month, a.end.day), "end {}", a.end.iso());
    FUZZ_CHECK(a.start <= a.end, "start {} after end {}", a.start.iso(), a.end.iso());
    for (const auto& v : values)
        for (char ch : v) FUZZ_CHECK(!((ch >= 0 && ch < 0x20) || ch == 0x7F), "control character accepted in {}", fuzz::show(v));
}

// What `export assignments` writes and `assign import` reads back.
void check_round_trip(const Assignment& a, const Policy& config) {
    RowValues exported = to_row(a);
    for (auto& v : exported) v = util::clean(v);
    RowResult again = validate_row(exported, config);
    FUZZ_CHECK(again.assignment.has_value(), "an accepted row, exported, is refused on import:{}\n     exported:{}",
               describe(again), describe(exported));
    const Assignment& b = *again.assignment;
    FUZZ_CHECK(b.cadre == a.cadre, "cadre changes on export → import:{}", describe(exported));
    FUZZ_CHECK(b.home_unit == a.home_unit && b.host_unit == a.host_unit, "units change on export → import:{}",
               describe(exported));
    FUZZ_CHECK(b.direction == a.direction && b.home_post == a.home_post && b.host_post == a.host_post &&
                   b.batch_year == a.batch_year && b.start == a.start && b.end == a.end,
               "assignment changes on export → import:{}", describe(exported));

    // A masked export (the default) must be refused on import, and say so on the ID column.
    exported[static_cast<std::size_t>(Field::id_number)] = util::mask_id_number(a.cadre.id_number);
    RowResult masked = validate_row(exported, config);
    bool refused_id = false;
    for (const auto& p : masked.problems) refused_id |= p.field == Field::id_number;
    FUZZ_CHECK(!masked.assignment && refused_id, "a masked ID number is accepted on import:{}", describe(exported));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);

    RowValues values;
    Policy config;
    std::size_t line = 0;
    while (!input.empty() || line == 0) {
        std::size_t nl = input.find('\n');
        std::string_view raw = input.substr(0, nl);
        input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
        if (line < kFieldCount) {
            values[line] = util::clean(raw);
        } else if (line == kFieldCount && util::is_digits(raw) && raw.size() <= 3) {
            int months = std::stoi(std::string(raw));
            if (months >= 1 && months <= 120) config.term_months = months;
        }
        if (auto field = field_for_header(raw))
            FUZZ_CHECK(static_cast<std::size_t>(*field) < kFieldCount, "header maps to a field out of range");
        ++line;
        if (nl == std::string_view::npos) break;
    }

    RowResult result = validate_row(values, config);
    FUZZ_CHECK(result.assignment.has_value() == result.problems.empty(), "assignment and problems disagree:{}",
               describe(result));
    for (const auto& p : result.problems) {
        FUZZ_CHECK(static_cast<std::size_t>(p.field) < kFieldCount, "problem on a field out of range");
        FUZZ_CHECK(!describe(p, by_domain_name).empty(), "a problem without a message on {}", spec(p.field).key);
    }
    if (result.assignment) {
        check_accepted(*result.assignment, values);
        check_round_trip(*result.assignment, config);
    }
    return 0;
}
