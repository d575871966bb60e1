#include "store/units.hpp"
#include "store/database.hpp"

#include "domain/limits.hpp"

#include "domain/rules.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace guazhi {

std::vector<UnitRow> list_units(SQLite::Database& db, const std::optional<std::string>& kind,
                                const std::optional<std::string>& county) {
    SQLite::Statement s(db, R"sql(
SELECT u.name, u.kind, u.county,
       (SELECT count(*) FROM assignments a WHERE a.home_unit_id = u.id),
       (SELECT count(*) FROM assignments a WHERE a.host_unit_id = u.id)
  FROM units u
 WHERE (?1 IS NULL OR u.kind = ?1) AND (?2 IS NULL OR u.county = ?2)
 ORDER BY CASE u.kind WHEN 'city_organ' THEN 0 WHEN 'county_dept' THEN 1 ELSE 2 END, u.county, u.name)sql");
    if (kind) s.bind(1, *kind);
    if (county) s.bind(2, *county);
    std::vector<UnitRow> rows;
    while (s.executeStep())
        rows.push_back({{s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getString()},
                        s.getColumn(3).getInt64(), s.getColumn(4).getInt64()});
    return rows;
}

Unit correct_unit(SQLite::Database& db, const std::string& name, const std::optional<std::string>& kind,
                  const std::optional<std::string>& county) {
    limits::require_within({{Parameter::county, county.value_or(""), limits::kShort}});
    require_transaction(db, "correct_unit");
    SQLite::Statement find(db, "SELECT id, kind, county FROM units WHERE name = ?");
    find.bind(1, name);
    if (!find.executeStep()) {
        // A unit not yet recorded is recorded with the kind given, so that a secondment can go to
        // it with a kind its name does not say (rules::host_name_contradicts).
        if (!kind) throw Error(msg("no unit named '{}' is recorded (give its kind to record it)", name));
        limits::require_within({{Parameter::none, name, limits::kUnit}});
        SQLite::Statement insert(db, "INSERT INTO units (name, kind, county) VALUES (?, ?, ?)");
        insert.bind(1, name);
        insert.bind(2, *kind);
        insert.bind(3, county.value_or(""));
        insert.exec();
        return Unit{name, "", ""};
    }
    std::int64_t id = find.getColumn(0).getInt64();
    Unit before{name, find.getColumn(1).getString(), find.getColumn(2).getString()};

    if (kind && *kind != before.kind) {
        // A host's kind is fixed by the direction of what it receives; refuse a change that
        // would make recorded secondments contradict it.
        SQLite::Statement hosted(db, "SELECT direction, count(*) FROM assignments WHERE host_unit_id = ? GROUP BY direction");
        hosted.bind(1, id);
        while (hosted.executeStep()) {
            std::string direction = hosted.getColumn(0).getString();
            if (host_kind_for(direction) != *kind)
                throw Error(msg("'{}' receives {} {} secondee(s), so it must stay {} ({}); nothing was changed",
                                        name, hosted.getColumn(1).getInt64(), directions().label(direction, Lang::zh),
                                        unit_kinds().label(host_kind_for(direction), Lang::zh),
                                        host_kind_for(direction)));
        }
    }
    SQLite::Statement update(db, "UPDATE units SET kind = ?, county = ? WHERE id = ?");
    update.bind(1, kind.value_or(before.kind));
    update.bind(2, county.value_or(before.county));
    update.bind(3, id);
    update.exec();
    return before;
}

} // namespace guazhi
