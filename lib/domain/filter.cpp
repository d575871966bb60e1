#include "domain/filter.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <array>

namespace guazhi {

util::Date Period::last_day_from(util::Date from) const {
    switch (unit) {
    case Unit::day: return from.plus_days(count);
    case Unit::week: return from.plus_days(7 * count);
    case Unit::month: return from.plus_months(count);
    }
    return from;
}

ParsedPeriod parse_period(std::string_view text) {
    std::string cleaned = util::clean(text);
    std::string lower = util::ascii_lower(cleaned);
    auto bad = [&] {
        return ParsedPeriod{std::nullopt,
                            msg("'{}' is not a period: give days, weeks or months, e.g. 30, 30d, 60天, 4w, 2m, "
                                        "2个月 or 两个月 (at least 1, at most 10 years)",
                                        cleaned)};
    };
    std::string_view s = lower;
    int count = util::read_count(s); // digits, or Chinese numerals (两, 三十)
    if (count < 0) return bad();
    s = util::trim(s);
    struct Spelling {
        std::string_view text;
        Period::Unit unit;
        int months_each; // 12 for a year, else 1
    };
    static const std::array<Spelling, 18> spellings = {{
        {"", Period::Unit::day, 1},        {"d", Period::Unit::day, 1},       {"day", Period::Unit::day, 1},
        {"days", Period::Unit::day, 1},    {"天", Period::Unit::day, 1},      {"日", Period::Unit::day, 1},
        {"w", Period::Unit::week, 1},      {"week", Period::Unit::week, 1},   {"weeks", Period::Unit::week, 1},
        {"周", Period::Unit::week, 1},     {"星期", Period::Unit::week, 1},   {"个星期", Period::Unit::week, 1},
        {"m", Period::Unit::month, 1},     {"month", Period::Unit::month, 1}, {"months", Period::Unit::month, 1},
        {"月", Period::Unit::month, 1},    {"个月", Period::Unit::month, 1},  {"年", Period::Unit::month, 12},
    }};
    for (const auto& sp : spellings) {
        if (s != sp.text && !(sp.text == "年" && (s == "y" || s == "year" || s == "years"))) continue;
        Period p{count * sp.months_each, sp.unit};
        const int most = p.unit == Period::Unit::day ? 3660 : p.unit == Period::Unit::week ? 520 : 120;
        if (p.count < 1 || p.count > most) return bad();
        return {p, {}};
    }
    return bad();
}

} // namespace guazhi
