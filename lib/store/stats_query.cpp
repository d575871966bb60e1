#include "store/stats_query.hpp"

#include "domain/rules.hpp"
#include "store/assignment_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
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
    auto codes = age_band_codes(config);
    std::string out = "CASE";
    for (std::size_t i = 0; i < config.age_bands.size(); ++i)
        out += fmt::format(" WHEN {} <= {} THEN {}", age, config.age_bands[i], literal(codes[i]));
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
    case Dimension::political_status: return "c.political_status";
    case Dimension::party:
        return fmt::format("CASE WHEN c.political_status IN ({}) THEN 'non_party' ELSE 'party' END",
                           in_list(non_party_statuses(config)));
    case Dimension::category: return "coalesce(cc.category, 'none')";
    case Dimension::gender: return "c.gender";
    case Dimension::ethnicity: return "coalesce(nullif(c.ethnicity, ''), 'none')";
    case Dimension::education: return "coalesce(nullif(c.education, ''), 'none')";
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

std::vector<GroupStats> compute_groups(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                                       const std::vector<Dimension>& by) {
    SqlFilter where = build_filter(filter, config);
    // Non-Party as "not one of the few statuses that are not", a shorter list to test per row.
    std::vector<std::string> not_non_party;
    for (const Term& t : political_statuses().terms())
        if (!is_non_party(t.code, config)) not_non_party.emplace_back(t.code);
    std::string np = fmt::format("c.political_status NOT IN ({})", in_list(not_non_party));
    std::string sg = fmt::format("(c.category_mask & {}) <> 0", category_bit("selected_graduate"));
    std::string cr = fmt::format("(c.category_mask & {}) <> 0", category_bit("county_reserve"));
    std::string up = "a.direction = 'up'";
    std::string township = "h.kind = 'township'";
    std::vector<std::string> keys;
    for (Dimension d : by) keys.push_back(dimension_sql(d, filter, config));
    // GROUP BY positions, in the order of --by: with batch_year, direction first this is the
    // batch index's order and needs no sorting.
    std::vector<std::string> positions;
    for (std::size_t i = 1; i <= keys.size(); ++i) positions.push_back(std::to_string(i));
    std::string group = keys.empty() ? std::string() : fmt::format(" GROUP BY {}", fmt::join(positions, ", "));
    bool host = std::find(by.begin(), by.end(), Dimension::host_unit) != by.end();
    bool category = std::find(by.begin(), by.end(), Dimension::category) != by.end();
    bool grade = std::find(by.begin(), by.end(), Dimension::grade) != by.end();
    std::string sql = fmt::format(
        "SELECT {keys}count(*), sum({up}), sum(NOT ({up})), sum({np}), sum({np} AND {up}), sum({np} AND NOT ({up})), "
        "sum({sg}), sum({cr}), sum({sg} OR {cr}), sum({up} AND {township}), sum({up} AND {township} AND {sg}), "
        "sum({up} AND {township} AND {np}), sum(c.gender = 'female'), sum(c.ethnicity NOT IN ('', 'han')) "
        "FROM assignments a JOIN cadres c ON c.id = a.cadre_id JOIN units h ON h.id = a.home_unit_id{joins}{where}"
        "{group}",
        fmt::arg("keys", keys.empty() ? std::string() : fmt::format("{}, ", fmt::join(keys, ", "))),
        fmt::arg("up", up), fmt::arg("np", np), fmt::arg("sg", sg), fmt::arg("cr", cr), fmt::arg("township", township),
        fmt::arg("joins",
                 std::string(host ? " JOIN units t ON t.id = a.host_unit_id" : "") +
                     (category ? " LEFT JOIN cadre_categories cc ON cc.cadre_id = a.cadre_id" : "") +
                     (grade ? " LEFT JOIN annual_assessments x ON x.assignment_id = a.id AND x.year = a.batch_year "
                              "AND x.superseded_by IS NULL"
                            : "")),
        fmt::arg("where", where.where),
        fmt::arg("group", group));
    SQLite::Statement s(db, sql);
    bind_filter(s, where);
    std::vector<GroupStats> out;
    int k = static_cast<int>(keys.size());
    while (s.executeStep()) {
        GroupStats g;
        for (int i = 0; i < k; ++i) g.key.push_back(s.getColumn(i).getString());
        auto n = [&](int col) { return s.getColumn(k + col).getInt64(); };
        YearStats& y = g.stats;
        y.year = filter.year.value_or(0);
        y.total = n(0);
        y.up = n(1);
        y.down = n(2);
        y.non_party = n(3);
        y.non_party_up = n(4);
        y.non_party_down = n(5);
        y.selected_graduate = n(6);
        y.county_reserve = n(7);
        y.selected_or_reserve = n(8);
        y.up_from_township = n(9);
        y.up_from_township_selected_graduate = n(10);
        y.up_from_township_non_party = n(11);
        y.female = n(12);
        y.minority = n(13);
        out.push_back(std::move(g));
    }
    std::vector<ValueOrder> orders;
    for (Dimension d : by) orders.emplace_back(known_values(d, config));
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
        auto values = known_values(d, config);
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
    for (Dimension d : by) orders.emplace_back(known_values(d, config));
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

} // namespace guazhi
