#include "store/schema.hpp"

namespace guazhi {

const std::vector<std::string_view>& migrations() {
    static const std::vector<std::string_view> steps = {
        // 1: cadres, units, assignments. Enumerations are stored as codes; dates as ISO
        // text, which sorts and compares correctly. Every filter of `assign list` and
        // `stats` has an index.
        R"sql(
CREATE TABLE units (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    kind    TEXT NOT NULL CHECK (kind IN ('city_organ', 'county_dept', 'township')),
    county  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX units_county ON units (county);

CREATE TABLE cadres (
    id               INTEGER PRIMARY KEY,
    id_number        TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),
    name             TEXT NOT NULL CHECK (name <> ''),
    gender           TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    ethnicity        TEXT NOT NULL DEFAULT '',
    birth_date       TEXT NOT NULL,
    political_status TEXT NOT NULL,
    education        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cadres_political_status ON cadres (political_status);

CREATE TABLE cadre_categories (
    cadre_id INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    PRIMARY KEY (cadre_id, category)
) WITHOUT ROWID;
CREATE INDEX cadre_categories_category ON cadre_categories (category, cadre_id);

CREATE TABLE assignments (
    id           INTEGER PRIMARY KEY,
    cadre_id     INTEGER NOT NULL REFERENCES cadres (id),
    direction    TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    batch_year   INTEGER NOT NULL,
    home_unit_id INTEGER NOT NULL REFERENCES units (id),
    home_post    TEXT NOT NULL DEFAULT '',
    host_unit_id INTEGER NOT NULL REFERENCES units (id),
    host_post    TEXT NOT NULL DEFAULT '',
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX assignments_batch ON assignments (batch_year, direction);
CREATE INDEX assignments_cadre ON assignments (cadre_id, start_date);
CREATE INDEX assignments_home ON assignments (home_unit_id, batch_year);
CREATE INDEX assignments_host ON assignments (host_unit_id, batch_year);
CREATE INDEX assignments_dates ON assignments (start_date, end_date);
)sql",
    };
    return steps;
}

} // namespace guazhi
