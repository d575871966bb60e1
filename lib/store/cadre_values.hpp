// A cadre's dated values and corrections in the database (migration 11; the rule is
// domain/cadre_history.hpp). The writers run in the caller's transaction (lib/app).
#pragma once

#include "domain/cadre_history.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// SQL of a dated attribute's value in force on `day` (an SQL expression) for the cadre row
// aliased `cadre`: the cadre's own column unless it has dated changes (dated_values, one
// integer test per row), else the latest change on or before the day. For "categories" use
// category_mask_in_force_sql.
std::string in_force_sql(std::string_view attribute, std::string_view day = "a.start_date",
                         std::string_view cadre = "c");
// The category mask (domain/stats.hpp category_bit) in force on `day`.
std::string category_mask_in_force_sql(std::string_view day = "a.start_date", std::string_view cadre = "c");

std::vector<DatedValue> dated_values_of(SQLite::Database& db, std::int64_t cadre_id);
std::vector<CadreCorrection> corrections_of(SQLite::Database& db, std::int64_t cadre_id);

// Records that from `since` on the cadre's `attribute` is `value` (a second change on the same
// day replaces the first). Returns false when that value is already the one recorded from that
// day, and nothing changed.
bool record_dated_value(SQLite::Database& db, std::int64_t cadre_id, std::string_view attribute,
                        util::Date since, const std::string& value, const std::string& reason,
                        const std::string& by);

// Corrects the value recorded "since the first record" of `field` (the cadre row), keeping the
// old one in cadre_corrections. Returns false when it already is `value`.
bool record_correction(SQLite::Database& db, std::int64_t cadre_id, std::string_view field,
                       const std::string& value, const std::string& reason, const std::string& by);

} // namespace guazhi
