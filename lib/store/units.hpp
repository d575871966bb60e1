// Units (单位) on their own: listing them and correcting a kind or county that was guessed
// or mistyped on import.
#pragma once

#include "domain/model.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

struct UnitRow {
    Unit unit;
    std::int64_t sent = 0;     // assignments with this unit as home unit
    std::int64_t received = 0; // assignments with this unit as host unit
};

// Units ordered by kind and name, optionally only one kind and/or county.
std::vector<UnitRow> list_units(SQLite::Database& db, const std::optional<std::string>& kind,
                                const std::optional<std::string>& county);

// Sets a unit's kind and/or county, in the caller's transaction (app::correct_unit). Throws
// Error when the new kind contradicts the secondments it hosts (rules::host_kind_for). A unit
// not recorded is recorded when `kind` is given (else Error). Returns the unit as it was
// before: kind "" for one just recorded.
Unit correct_unit(SQLite::Database& db, const std::string& name, const std::optional<std::string>& kind,
                  const std::optional<std::string>& county);

} // namespace guazhi
