#include "store/cadre_values.hpp"

#include "domain/stats.hpp"
#include "domain/vocabulary.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <stdexcept>

namespace guazhi {

namespace {

// The latest change of `attribute` on or before `day`, or NULL.
std::string latest_sql(std::string_view attribute, std::string_view day, std::string_view cadre) {
    return fmt::format("(SELECT v.value FROM cadre_values v WHERE v.cadre_id = {0}.id AND v.attribute = '{1}' "
                       "AND v.since <= {2} ORDER BY v.since DESC LIMIT 1)",
                       cadre, attribute, day);
}

void require_dated(std::string_view attribute) {
    if (!is_dated_attribute(attribute)) throw std::logic_error(fmt::format("{} is not a dated attribute", attribute));
}

} // namespace

std::string in_force_sql(std::string_view attribute, std::string_view day, std::string_view cadre) {
    require_dated(attribute);
    if (attribute == "categories") throw std::logic_error("in_force_sql: categories go by category_mask_in_force_sql");
    return fmt::format("CASE WHEN {0}.dated_values = 0 THEN {0}.{1} ELSE coalesce({2}, {0}.{1}) END", cadre,
                       attribute, latest_sql(attribute, day, cadre));
}

std::string category_mask_in_force_sql(std::string_view day, std::string_view cadre) {
    // The codes joined by ';' as the bits of migration 5.
    std::string latest = latest_sql("categories", day, cadre);
    std::string mask;
    for (const Term& t : categories().terms())
        mask += fmt::format("{}((instr(';' || l.v || ';', ';{};') > 0) * {})", mask.empty() ? "" : " | ", t.code,
                            category_bit(t.code));
    return fmt::format("CASE WHEN {0}.dated_values = 0 THEN {0}.category_mask ELSE coalesce((SELECT {1} FROM (SELECT "
                       "{2} AS v) l WHERE l.v IS NOT NULL), {0}.category_mask) END",
                       cadre, mask, latest);
}

std::vector<DatedValue> dated_values_of(SQLite::Database& db, std::int64_t cadre_id) {
    SQLite::Statement q(db, "SELECT id, attribute, since, value, reason, recorded_by, recorded_at FROM cadre_values "
                            "WHERE cadre_id = ? ORDER BY attribute, since");
    q.bind(1, cadre_id);
    std::vector<DatedValue> out;
    while (q.executeStep()) {
        DatedValue v;
        v.id = q.getColumn(0).getInt64();
        v.attribute = q.getColumn(1).getString();
        auto since = util::parse_date(q.getColumn(2).getString());
        if (since) v.since = *since.value;
        v.value = q.getColumn(3).getString();
        v.reason = q.getColumn(4).getString();
        v.recorded_by = q.getColumn(5).getString();
        v.recorded_at = q.getColumn(6).getString();
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<CadreCorrection> corrections_of(SQLite::Database& db, std::int64_t cadre_id) {
    SQLite::Statement q(db, "SELECT id, field, before, after, reason, recorded_by, recorded_at FROM cadre_corrections "
                            "WHERE cadre_id = ? ORDER BY id");
    q.bind(1, cadre_id);
    std::vector<CadreCorrection> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                       q.getColumn(6).getString()});
    return out;
}

bool record_dated_value(SQLite::Database& db, std::int64_t cadre_id, std::string_view attribute, util::Date since,
                        const std::string& value, const std::string& reason, const std::string& by) {
    require_transaction(db, "record_dated_value");
    require_dated(attribute);
    SQLite::Statement same(db, "SELECT value FROM cadre_values WHERE cadre_id = ? AND attribute = ? AND since = ?");
    same.bind(1, cadre_id);
    same.bind(2, std::string(attribute));
    same.bind(3, since.iso());
    if (same.executeStep() && same.getColumn(0).getString() == value) return false;
    SQLite::Statement s(db, "INSERT INTO cadre_values (cadre_id, attribute, since, value, reason, recorded_by) "
                            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (cadre_id, attribute, since) DO UPDATE SET "
                            "value = excluded.value, reason = excluded.reason, recorded_by = excluded.recorded_by, "
                            "recorded_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    s.bind(1, cadre_id);
    s.bind(2, std::string(attribute));
    s.bind(3, since.iso());
    s.bind(4, value);
    s.bind(5, reason);
    s.bind(6, by);
    s.exec();
    return true;
}

bool record_correction(SQLite::Database& db, std::int64_t cadre_id, std::string_view field, const std::string& value,
                       const std::string& reason, const std::string& by) {
    require_transaction(db, "record_correction");
    const auto& fields = correctable_fields();
    if (std::find(fields.begin(), fields.end(), field) == fields.end())
        throw std::logic_error(fmt::format("{} cannot be corrected", field));
    std::string before;
    if (field == "categories") {
        SQLite::Statement q(db, "SELECT category FROM cadre_categories WHERE cadre_id = ?");
        q.bind(1, cadre_id);
        Cadre c;
        std::string list;
        while (q.executeStep()) list += (list.empty() ? "" : ";") + q.getColumn(0).getString();
        set_attribute(c, "categories", list); // in vocabulary order
        before = attribute_value(c, "categories");
    } else {
        SQLite::Statement q(db, fmt::format("SELECT \"{}\" FROM cadres WHERE id = ?", field));
        q.bind(1, cadre_id);
        if (!q.executeStep()) throw std::logic_error("record_correction: no such cadre");
        before = q.getColumn(0).getString();
    }
    if (before == value) return false;
    if (field == "categories") {
        SQLite::Statement drop(db, "DELETE FROM cadre_categories WHERE cadre_id = ?");
        drop.bind(1, cadre_id);
        drop.exec();
        Cadre c;
        set_attribute(c, "categories", value);
        SQLite::Statement add(db, "INSERT INTO cadre_categories (cadre_id, category) VALUES (?, ?)");
        for (const auto& k : c.categories) {
            add.bind(1, cadre_id);
            add.bind(2, k);
            add.exec();
            add.reset();
        }
    } else {
        SQLite::Statement u(db, fmt::format("UPDATE cadres SET \"{}\" = ? WHERE id = ?", field));
        u.bind(1, value);
        u.bind(2, cadre_id);
        u.exec();
    }
    SQLite::Statement log(db, "INSERT INTO cadre_corrections (cadre_id, field, before, after, reason, recorded_by) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
    log.bind(1, cadre_id);
    log.bind(2, std::string(field));
    log.bind(3, before);
    log.bind(4, value);
    log.bind(5, reason);
    log.bind(6, by);
    log.exec();
    return true;
}

} // namespace guazhi
