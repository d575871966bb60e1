#include "store/stats_query.hpp"

#include "domain/rules.hpp"
#include "store/assignment_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace guazhi {

YearStats compute_stats(SQLite::Database& db, const AssignmentFilter& filter, const Config& config) {
    SqlFilter where = build_filter(filter, config);
    // Non-Party status codes are inlined as bound values after the filter's own, so that the
    // rule is the one in rules.cpp and not restated here.
    auto non_party = non_party_statuses(config);
    std::string in_list;
    for (std::size_t i = 0; i < non_party.size(); ++i) in_list += i ? ",?" : "?";
    if (in_list.empty()) in_list = "NULL";
    std::string sql = fmt::format(R"sql(
SELECT count(*), total(up), total(NOT up), total(np), total(np AND up), total(np AND NOT up),
       total(sg), total(cr), total(sg OR cr),
       total(up AND township), total(up AND township AND sg), total(up AND township AND np)
  FROM (SELECT a.direction = 'up' AS up, h.kind = 'township' AS township,
               c.political_status IN ({}) AS np,
               EXISTS (SELECT 1 FROM cadre_categories cc WHERE cc.cadre_id = c.id AND cc.category = 'selected_graduate') AS sg,
               EXISTS (SELECT 1 FROM cadre_categories cc WHERE cc.cadre_id = c.id AND cc.category = 'county_reserve') AS cr
          FROM assignments a
          JOIN cadres c ON c.id = a.cadre_id
          JOIN units h ON h.id = a.home_unit_id
          JOIN units t ON t.id = a.host_unit_id{})
)sql",
                                  in_list, where.where);
    SQLite::Statement s(db, sql);
    int index = 1;
    for (const auto& code : non_party) s.bind(index++, code);
    for (const auto& text : where.texts) s.bind(index++, text);
    YearStats out;
    out.year = filter.year.value_or(0);
    if (s.executeStep()) {
        auto n = [&](int col) { return static_cast<std::int64_t>(s.getColumn(col).getDouble()); };
        out.total = n(0);
        out.up = n(1);
        out.down = n(2);
        out.non_party = n(3);
        out.non_party_up = n(4);
        out.non_party_down = n(5);
        out.selected_graduate = n(6);
        out.county_reserve = n(7);
        out.selected_or_reserve = n(8);
        out.up_from_township = n(9);
        out.up_from_township_selected_graduate = n(10);
        out.up_from_township_non_party = n(11);
    }
    return out;
}

std::optional<int> latest_batch_year(SQLite::Database& db) {
    SQLite::Statement s(db, "SELECT max(batch_year) FROM assignments");
    s.executeStep();
    if (s.getColumn(0).isNull()) return std::nullopt;
    return s.getColumn(0).getInt();
}

} // namespace guazhi
