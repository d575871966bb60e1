// Fuzzes util/date.hpp (parse_date, parse_year_month, from_excel_serial, Date arithmetic) and
// util/id_number.hpp (parse_id_number, id_check_char, id_birth_date, id_is_female,
// mask_id_number, is_masked_id_number) on arbitrary text, raw and after util::clean() as the
// importer and the command line pass it.
//
// The parsers return values, never throw: any exception is a failure. Oracles:
//   - a parsed date is real and reads back the same from every format DOMAIN.md lists
//     (2006-08-01, 2006/8/1, 2006.8.1, 2006年8月1日, 20060801, Excel serial); likewise months;
//   - a parsed ID number is 18 characters with the right check character and a real birth
//     date; its masked form has the same length, is recognised as masked and is refused;
//   - the first 17 digits found in the input, completed with id_check_char(), parse exactly
//     when they hold a real birth date from 1900 on (so the fuzzer reaches valid numbers).
#include "fuzz_common.hpp"

#include "domain/rules.hpp"
#include "util/date.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace guazhi;
using util::Date;
using util::YearMonth;

namespace {

const long kExcelEpochDays = Date{1899, 12, 30}.days(); // serial 0 for serials from 61 on

void check_date(std::string_view text) {
    auto parsed = util::parse_date(text);
    FUZZ_CHECK(parsed.value.has_value() == parsed.error.empty(), "parse_date({}): value and error disagree",
               fuzz::show(text));
    if (!parsed) return;
    const Date d = *parsed.value;
    FUZZ_CHECK(Date::valid(d.year, d.month, d.day), "parse_date({}) gave {}-{}-{}", fuzz::show(text), d.year,
               d.month, d.day);
    FUZZ_CHECK(Date::from_days(d.days()) == d, "days() round trip of {}", d.iso());
    FUZZ_CHECK(d.plus_days(0) == d && d.plus_months(0) == d, "adding nothing to {} changes it", d.iso());
    FUZZ_CHECK(d.plus_days(1).days() == d.days() + 1, "plus_days(1) of {}", d.iso());

    // Every format DOMAIN.md lists gives the same date back.
    for (const std::string& form :
         {d.iso(), fmt::format("{:04}/{}/{}", d.year, d.month, d.day), fmt::format("{:04}.{}.{}", d.year, d.month, d.day),
          fmt::format("{:04}年{}月{}日", d.year, d.month, d.day), fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day)}) {
        auto again = util::parse_date(form);
        FUZZ_CHECK(again && *again.value == d, "parse_date({}) = {}, but parse_date({}) {}", fuzz::show(text), d.iso(),
                   fuzz::show(form), again ? again.value->iso() : again.error);
        auto month = util::parse_year_month(form);
        FUZZ_CHECK(month && *month.value == (YearMonth{d.year, d.month}), "parse_year_month({}) {}", fuzz::show(form),
                   month ? month.value->iso() : month.error);
    }
    long serial = d.days() - kExcelEpochDays;
    if (serial >= 18264 && serial <= 73415) { // the serials parse_date takes: 1950..2100
        auto from_serial = util::from_excel_serial(serial);
        FUZZ_CHECK(from_serial && *from_serial == d, "from_excel_serial({}) is not {}", serial, d.iso());
        auto again = util::parse_date(std::to_string(serial));
        FUZZ_CHECK(again && *again.value == d, "Excel serial {} of {} does not parse back", serial, d.iso());
    }
    // The default end of a term of 1..120 months (rules.hpp) is a real date after the start.
    if (d.year <= 9000)
        for (int months : {1, 12, 120}) {
            Date end = default_end_date(d, months);
            FUZZ_CHECK(Date::valid(end.year, end.month, end.day) && d < end, "default_end_date({}, {}) = {}", d.iso(),
                       months, end.iso());
        }
}

void check_month(std::string_view text) {
    auto parsed = util::parse_year_month(text);
    FUZZ_CHECK(parsed.value.has_value() == parsed.error.empty(), "parse_year_month({}): value and error disagree",
               fuzz::show(text));
    if (!parsed) return;
    const YearMonth m = *parsed.value;
    FUZZ_CHECK(m.month >= 1 && m.month <= 12, "parse_year_month({}) gave month {}", fuzz::show(text), m.month);
    for (const std::string& form : {m.iso(), fmt::format("{:04}/{}", m.year, m.month), fmt::format("{:04}.{:02}", m.year, m.month),
                                    fmt::format("{:04}年{}月", m.year, m.month), fmt::format("{:04}{:02}", m.year, m.month)}) {
        auto again = util::parse_year_month(form);
        FUZZ_CHECK(again && *again.value == m, "parse_year_month({}) = {}, but parse_year_month({}) {}",
                   fuzz::show(text), m.iso(), fuzz::show(form), again ? again.value->iso() : again.error);
    }
}

void check_id(std::string_view text) {
    auto parsed = util::parse_id_number(text);
    FUZZ_CHECK(parsed.value.has_value() == parsed.error.empty(), "parse_id_number({}): value and error disagree",
               fuzz::show(text));
    std::string masked_text = util::mask_id_number(text);
    FUZZ_CHECK(masked_text.size() == text.size(), "mask_id_number({}) = {}", fuzz::show(text), fuzz::show(masked_text));
    (void)util::is_masked_id_number(text);
    if (!parsed) return;
    const std::string& id = *parsed.value;
    FUZZ_CHECK(id.size() == 18 && util::is_digits(std::string_view(id).substr(0, 17)),
               "parse_id_number({}) gave {}", fuzz::show(text), fuzz::show(id));
    FUZZ_CHECK(id[17] == util::id_check_char(id), "check character of {}", id);
    Date born = util::id_birth_date(id);
    FUZZ_CHECK(Date::valid(born.year, born.month, born.day) && born.year >= 1900, "birth date of {}", id);
    FUZZ_CHECK(util::id_is_female(id) == ((id[16] - '0') % 2 == 0), "gender of {}", id);
    std::string masked = util::mask_id_number(id);
    FUZZ_CHECK(masked.size() == 18 && util::is_masked_id_number(masked) && !util::parse_id_number(masked),
               "masked {} → {}", id, masked);
    FUZZ_CHECK(masked.compare(0, 3, id, 0, 3) == 0 && masked.compare(14, 4, id, 14, 4) == 0, "masked {} → {}", id,
               masked);
    if (id[17] == 'X') {
        std::string lower = id;
        lower[17] = 'x';
        auto again = util::parse_id_number(lower);
        FUZZ_CHECK(again && *again.value == id, "lower-case x in {}", lower);
    }
}

// The first 17 digits of the input with their check character: a well-formed number whose
// birth date decides whether it is accepted.
void check_constructed_id(std::string_view text) {
    std::string digits;
    for (char c : text)
        if (c >= '0' && c <= '9' && digits.size() < 17) digits += c;
    if (digits.size() < 17) return;
    std::string id = digits + util::id_check_char(digits);
    int y = std::stoi(id.substr(6, 4));
    auto m = static_cast<unsigned>(std::stoi(id.substr(10, 2)));
    auto d = static_cast<unsigned>(std::stoi(id.substr(12, 2)));
    bool real = Date::valid(y, m, d) && y >= 1900;
    auto parsed = util::parse_id_number(id);
    FUZZ_CHECK(parsed.value.has_value() == real, "parse_id_number({}) {} but the birth date is {}real", id,
               parsed ? "accepts" : parsed.error, real ? "" : "not ");
    check_id(id);
    // Any other last character is refused.
    for (char wrong : std::string_view("0123456789X")) {
        if (wrong == id[17]) continue;
        std::string bad = digits + wrong;
        FUZZ_CHECK(!util::parse_id_number(bad), "wrong check character accepted: {}", bad);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view raw(reinterpret_cast<const char*>(data), size);
    const std::string cleaned = util::clean(raw);
    for (std::string_view text : {raw, std::string_view(cleaned)}) {
        check_date(text);
        check_month(text);
        check_id(text);
    }
    check_constructed_id(raw);

    // Excel serials: whatever the number, a real date or nothing.
    long serial = 0;
    for (char c : raw.substr(0, 9))
        if (c >= '0' && c <= '9') serial = serial * 10 + (c - '0');
    if (!raw.empty() && raw.front() == '-') serial = -serial;
    if (auto d = util::from_excel_serial(serial))
        FUZZ_CHECK(Date::valid(d->year, d->month, d->day), "from_excel_serial({}) = {}", serial, d->iso());
    return 0;
}
