#include "store/stats_query.hpp"

#include "domain/rules.hpp"
#include "store/assignment_store.hpp"
#include "store/cadre_values.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace guazhi {

namespace {

// A quoted SQL literal of one of our codes (ASCII identifiers; quotes doubled regardless).
std::string literal(std::string_view code) {
    std::string out = "'";
    for (char ch : code) out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + "'";
}

std::string in_list(const std::vector<std::string>& codes) {
    std::vector<std::string> quoted;
    for (const auto& c : codes) quoted.push_back(literal(c));
    return quoted.empty() ? "NULL" : fmt::format("{}", fmt::join(quoted, ","));
}

std::string age_band_sql(const Config& config) {
    constexpr std::string_view age = "(CAST(substr(a.start_date, 1, 4) AS INTEGER) - CAST(substr(c.birth_date, 1, 4) AS "
                                     "INTEGER) - (substr(a.start_date, 6) < substr(c.birth_date, 6)))";
    auto codes = age_band_codes(config.policy);
    std::string out = "CASE";
    for (std::size_t i = 0; i < config.policy.age_bands.size(); ++i)
        out += fmt::format(" WHEN {} <= {} THEN {}", age, config.policy.age_bands[i], literal(codes[i]));
    return out + fmt::format(" ELSE {} END", literal(codes.back()));
}

// The SQL of a dimension's value over the aliases a (assignment), c (cadre), h (home unit),
// t (host unit), cc (a category row), x (the batch year's annual assessment).
std::string dimension_sql(Dimension d, const AssignmentFilter& filter, const Config& config) {
    switch (d) {
    case Dimension::batch_year: return "a.batch_year";
    case Dimension::direction: return "a.direction";
    case Dimension::home_county: return "coalesce(nullif(h.county, ''), 'none')";
    case Dimension::home_unit: return "h.name";
    case Dimension::host_unit: return "t.name";
    case Dimension::political_status: return in_force_sql("political_status");
    case Dimension::party:
        return fmt::format("CASE WHEN {} IN ({}) THEN 'non_party' ELSE 'party' END", in_force_sql("political_status"),
                           in_list(non_party_statuses(config.policy)));
    case Dimension::category: return "coalesce(cc.category, 'none')";
    case Dimension::gender: return "c.gender";
    case Dimension::ethnicity: return "coalesce(nullif(c.ethnicity, ''), 'none')";
    case Dimension::education: return fmt::format("coalesce(nullif({}, ''), 'none')", in_force_sql("education"));
    case Dimension::age_band: return age_band_sql(config);
    case Dimension::origin_level: return "h.kind";
    case Dimension::status: return status_sql(filter.as_of);
    case Dimension::grade: return "coalesce(x.grade, 'none')";
    }
    return "NULL";
}

// Where a value sorts within its dimension: the natural order first, then the rest.
struct ValueOrder {
    std::map<std::string, std::size_t, std::less<>> rank;
    explicit ValueOrder(const std::vector<std::string>& known) {
        for (std::size_t i = 0; i < known.size(); ++i) rank.emplace(known[i], i);
    }
    std::pair<std::size_t, std::string_view> of(std::string_view v) const {
        auto it = rank.find(v);
        // 'none' last: "no category" after the categories, 市直 after the counties.
        return {it != rank.end() ? it->second : v == kNone ? rank.size() + 1 : rank.size(), v};
    }
};

} // namespace

namespace {

// A row per category in force on the start date (cc.category), none for a cadre without.
std::string category_join() {
    std::string bits;
    for (const Term& t : categories().terms())
        bits += fmt::format("{}SELECT {} AS bit, '{}' AS category", bits.empty() ? "" : " UNION ALL ",
                            category_bit(t.code), t.code);
    return fmt::format(" LEFT JOIN ({}) cc ON ({} & cc.bit) <> 0", bits, category_mask_in_force_sql());
}

// The facts of one assignment as the bits of one integer, computed once per row in SQL.
enum FactBit { up_bit = 1, non_party_bit = 2, sg_bit = 4, cr_bit = 8, township_bit = 16, female_bit = 32, minority_bit = 64 };

std::string facts_sql(const Config& config) {
    // Non-Party as "not one of the few statuses that are not", a shorter list to test per row.
    std::vector<std::string> not_non_party;
    for (const Term& t : political_statuses().terms())
        if (!is_non_party(t.code, config.policy)) not_non_party.emplace_back(t.code);
    // Minority as "not one of the values that are not" ("" unrecorded, Han), from the rule.
    std::vector<std::string> not_minority;
    if (!is_ethnic_minority("")) not_minority.emplace_back("");
    for (const Term& t : ethnicities().terms())
        if (!is_ethnic_minority(t.code)) not_minority.emplace_back(t.code);
    // The political status and categories are those in force on the start date.
    return fmt::format("((a.direction = 'up') | (({} NOT IN ({})) << 1) | "
                       "((({} & {}) <> 0) << 2) | ((({} & {}) <> 0) << 3) | "
                       "((h.kind = 'township') << 4) | ((c.gender = 'female') << 5) | "
                       "((c.ethnicity NOT IN ({})) << 6))",
                       in_force_sql("political_status"), in_list(not_non_party), category_mask_in_force_sql(),
                       category_bit("selected_graduate"), category_mask_in_force_sql(), category_bit("county_reserve"),
                       in_list(not_minority));
}

AssignmentFacts facts_of(std::int64_t bits) {
    return {(bits & up_bit) != 0,       (bits & non_party_bit) != 0, (bits & sg_bit) != 0,
            (bits & cr_bit) != 0,       (bits & township_bit) != 0,  (bits & female_bit) != 0,
            (bits & minority_bit) != 0};
}

// Runs SELECT <columns>, <facts> over the filtered assignments and calls `visit` per row with
// the statement (columns from 0) and the facts. The joins are those the columns need.
void scan(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
          const std::vector<std::string>& columns, const std::vector<Dimension>& uses,
          const std::function<void(SQLite::Statement&, const AssignmentFacts&)>& visit) {
    SqlFilter where = build_filter(filter, config);
    auto needs = [&](Dimension d) { return std::find(uses.begin(), uses.end(), d) != uses.end(); };
    std::string joins = std::string(needs(Dimension::host_unit) ? " JOIN units t ON t.id = a.host_unit_id" : "") +
                        (needs(Dimension::category) ? category_join() : "") +
                        (needs(Dimension::grade) ? " LEFT JOIN annual_assessments x ON x.assignment_id = a.id AND "
                                                   "x.year = a.batch_year AND x.superseded_by IS NULL"
                                                 : "");
    std::string select;
    for (const auto& c : columns) select += c + ", ";
    SQLite::Statement s(db, fmt::format("SELECT {}{} FROM assignments a JOIN cadres c ON c.id = a.cadre_id "
                                        "JOIN units h ON h.id = a.home_unit_id{}{}",
                                        select, facts_sql(config), joins, where.where));
    bind_filter(s, where);
    int facts = static_cast<int>(columns.size());
    while (s.executeStep()) visit(s, facts_of(s.getColumn(facts).getInt64()));
}

} // namespace

std::vector<GroupStats> compute_groups(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                                       const std::vector<Dimension>& by) {
    std::vector<std::string> keys;
    for (Dimension d : by) keys.push_back(dimension_sql(d, filter, config));
    // Rows arrive in the batch index's order for (batch_year, direction), so the group of the
    // previous row is tried before the map.
    std::map<std::vector<std::string>, YearStats> groups;
    std::vector<std::string> key(keys.size());
    YearStats* last = nullptr;
    std::vector<std::string> last_key;
    scan(db, filter, config, keys, by, [&](SQLite::Statement& s, const AssignmentFacts& facts) {
        for (std::size_t i = 0; i < keys.size(); ++i) key[i] = s.getColumn(static_cast<int>(i)).getString();
        if (!last || key != last_key) {
            last = &groups[key];
            last_key = key;
        }
        last->add(facts);
    });
    if (by.empty() && groups.empty()) groups[{}] = YearStats{};
    std::vector<GroupStats> out;
    for (auto& [k, stats] : groups) {
        out.push_back({k, stats});
        out.back().stats.year = filter.year.value_or(0);
    }
    std::vector<ValueOrder> orders;
    for (Dimension d : by) orders.emplace_back(known_values(d, config.policy));
    std::sort(out.begin(), out.end(), [&](const GroupStats& x, const GroupStats& y) {
        for (std::size_t i = 0; i < by.size(); ++i) {
            if (by[i] == Dimension::batch_year) {
                if (x.key[i] != y.key[i]) return std::stoi(x.key[i]) < std::stoi(y.key[i]);
                continue;
            }
            auto a = orders[i].of(x.key[i]), b = orders[i].of(y.key[i]);
            if (a != b) return a < b;
        }
        return false;
    });
    return out;
}

SummaryCounts compute_summary(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                              const std::vector<Dimension>& distributions) {
    SummaryCounts out;
    out.stats.year = filter.year.value_or(0);
    std::vector<std::string> columns;
    std::vector<std::map<std::string, std::int64_t>> counts(distributions.size());
    for (Dimension d : distributions) columns.push_back(dimension_sql(d, filter, config));
    scan(db, filter, config, columns, distributions, [&](SQLite::Statement& s, const AssignmentFacts& facts) {
        out.stats.add(facts);
        for (std::size_t i = 0; i < columns.size(); ++i) ++counts[i][s.getColumn(static_cast<int>(i)).getString()];
    });
    for (std::size_t i = 0; i < distributions.size(); ++i) {
        std::vector<std::pair<std::string, std::int64_t>> values;
        for (const auto& v : known_values(distributions[i], config.policy)) values.emplace_back(v, 0);
        for (const auto& [value, n] : counts[i]) {
            auto it = std::find_if(values.begin(), values.end(), [&v = value](const auto& p) { return p.first == v; });
            if (it == values.end()) values.emplace_back(value, n);
            else it->second = n;
        }
        out.distributions.emplace_back(distributions[i], std::move(values));
    }
    return out;
}

std::vector<GroupStats> compute_trend(SQLite::Database& db, AssignmentFilter filter, const Config& config,
                                      const std::vector<Dimension>& by, int from, int to) {
    filter.year_from = from;
    filter.year_to = to;
    std::vector<Dimension> keys = {Dimension::batch_year};
    keys.insert(keys.end(), by.begin(), by.end());
    auto found = compute_groups(db, filter, config, keys);
    // The combinations every year shows: the known values of each dimension.
    std::vector<std::vector<std::string>> combos = {{}};
    for (Dimension d : by) {
        auto values = known_values(d, config.policy);
        if (values.empty()) {
            combos.clear();
            break;
        }
        std::vector<std::vector<std::string>> next;
        for (const auto& c : combos)
            for (const auto& v : values) {
                next.push_back(c);
                next.back().push_back(v);
            }
        combos = std::move(next);
    }
    std::map<std::vector<std::string>, YearStats> by_key;
    for (auto& g : found) by_key[g.key] = g.stats;
    for (int year = from; year <= to; ++year)
        for (const auto& c : combos) {
            std::vector<std::string> key = {std::to_string(year)};
            key.insert(key.end(), c.begin(), c.end());
            by_key.try_emplace(key, YearStats{});
        }
    std::vector<GroupStats> out;
    for (auto& [key, stats] : by_key) {
        GroupStats g{key, stats};
        g.stats.year = std::stoi(key[0]);
        out.push_back(std::move(g));
    }
    std::vector<ValueOrder> orders;
    for (Dimension d : by) orders.emplace_back(known_values(d, config.policy));
    std::stable_sort(out.begin(), out.end(), [&](const GroupStats& x, const GroupStats& y) {
        if (x.stats.year != y.stats.year) return x.stats.year < y.stats.year;
        for (std::size_t i = 0; i < by.size(); ++i) {
            auto a = orders[i].of(x.key[i + 1]), b = orders[i].of(y.key[i + 1]);
            if (a != b) return a < b;
        }
        return false;
    });
    return out;
}

YearStats compute_stats(SQLite::Database& db, const AssignmentFilter& filter, const Config& config) {
    auto groups = compute_groups(db, filter, config, {});
    YearStats out = groups.empty() ? YearStats{} : groups[0].stats;
    out.year = filter.year.value_or(0);
    return out;
}

std::optional<int> latest_batch_year(SQLite::Database& db) {
    SQLite::Statement s(db, "SELECT max(batch_year) FROM assignments");
    s.executeStep();
    if (s.getColumn(0).isNull()) return std::nullopt;
    return s.getColumn(0).getInt();
}

std::optional<int> earliest_batch_year(SQLite::Database& db) {
    SQLite::Statement s(db, "SELECT min(batch_year) FROM assignments");
    s.executeStep();
    if (s.getColumn(0).isNull()) return std::nullopt;
    return s.getColumn(0).getInt();
}

bool any_grade_recorded(SQLite::Database& db) {
    return db.execAndGet("SELECT EXISTS (SELECT 1 FROM annual_assessments WHERE grade IS NOT NULL)").getInt() != 0;
}

} // namespace guazhi
