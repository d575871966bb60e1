#include "store/allowance.hpp"

#include "domain/rules.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>

namespace guazhi {

namespace {

std::int64_t rate_fen(const Config& config) { return std::llround(config.policy.allowance_per_day * 100.0); }

// Adds `l`'s people, days and amounts to `to`.
void add(AllowanceLine& to, const AllowanceLine& l) {
    to.people += l.people;
    to.days += l.days;
    to.amount_fen += l.amount_fen;
    to.days_to_date += l.days_to_date;
    to.amount_to_date_fen += l.amount_to_date_fen;
}

// One assignment's line: the full term, and up to `as_of`.
AllowanceLine line_of(const Assignment& a, util::Date as_of, const Config& config) {
    std::int64_t days = allowance_days(a), to_date = allowance_days_to(a, as_of);
    return {a.id, a.cadre.name, a.home_unit.name, 1, days, days * rate_fen(config), to_date,
            to_date * rate_fen(config)};
}

AllowanceLine total_of(const std::vector<AllowanceLine>& lines, std::string label) {
    AllowanceLine total{0, std::move(label), "", 0, 0, 0};
    for (const auto& l : lines) add(total, l);
    return total;
}

} // namespace

std::string yuan(std::int64_t fen) { return fmt::format("{}.{:02}", fen / 100, fen % 100); }

std::vector<AllowanceLine> allowance_by_assignment(AssignmentStore& store, const AssignmentFilter& filter,
                                                   const Config& config) {
    std::vector<AllowanceLine> lines;
    store.for_each(filter, config, [&](const Assignment& a) {
        lines.push_back(line_of(a, filter.as_of, config));
    });
    lines.push_back(total_of(lines, "total"));
    return lines;
}

std::vector<AllowanceLine> allowance_by_home_unit(AssignmentStore& store, const AssignmentFilter& filter,
                                                  const Config& config) {
    std::map<std::string, AllowanceLine> units;
    store.for_each(filter, config, [&](const Assignment& a) {
        AllowanceLine& l = units[a.home_unit.name];
        l.name = l.home_unit = a.home_unit.name;
        add(l, line_of(a, filter.as_of, config));
    });
    std::vector<AllowanceLine> lines;
    for (auto& [name, line] : units) lines.push_back(std::move(line));
    lines.push_back(total_of(lines, "total"));
    return lines;
}

} // namespace guazhi
