#include "store/allowance.hpp"

#include "domain/rules.hpp"

#include <cmath>
#include <fmt/format.h>
#include <map>

namespace guazhi {

namespace {

std::int64_t rate_fen(const Config& config) { return std::llround(config.policy.allowance_per_day * 100.0); }

AllowanceLine total_of(const std::vector<AllowanceLine>& lines, std::string label) {
    AllowanceLine total{0, std::move(label), "", 0, 0, 0};
    for (const auto& l : lines) {
        total.people += l.people;
        total.days += l.days;
        total.amount_fen += l.amount_fen;
    }
    return total;
}

} // namespace

std::string yuan(std::int64_t fen) { return fmt::format("{}.{:02}", fen / 100, fen % 100); }

std::vector<AllowanceLine> allowance_by_assignment(AssignmentStore& store, const AssignmentFilter& filter,
                                                   const Config& config) {
    std::vector<AllowanceLine> lines;
    store.for_each(filter, config, [&](const Assignment& a) {
        std::int64_t days = allowance_days(a);
        lines.push_back({a.id, a.cadre.name, a.home_unit.name, 1, days, days * rate_fen(config)});
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
        l.people += 1;
        l.days += allowance_days(a);
        l.amount_fen += allowance_days(a) * rate_fen(config);
    });
    std::vector<AllowanceLine> lines;
    for (auto& [name, line] : units) lines.push_back(std::move(line));
    lines.push_back(total_of(lines, "total"));
    return lines;
}

} // namespace guazhi
