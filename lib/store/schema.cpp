#include "store/schema.hpp"

#include "store/permanent_ids.hpp"

namespace guazhi {

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> steps = {
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
        // 2: the life of a secondment. The term's changes live on the assignment (so that
        // status and allowance are plain SQL); every change is also an event with a date, who
        // recorded it and why. Appointment details, host applications (申报) per batch.
        R"sql(
ALTER TABLE assignments ADD COLUMN extended_until TEXT;
ALTER TABLE assignments ADD COLUMN recalled_on TEXT;
ALTER TABLE assignments ADD COLUMN recall_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX assignments_recalled ON assignments (recalled_on);

CREATE TABLE appointments (
    assignment_id       INTEGER PRIMARY KEY REFERENCES assignments (id) ON DELETE CASCADE,
    post_level          TEXT NOT NULL DEFAULT '',
    doc_number          TEXT NOT NULL DEFAULT '',
    doc_date            TEXT,
    filed_on            TEXT,
    united_front_on     TEXT,
    election_date       TEXT,
    election_result     TEXT CHECK (election_result IN ('elected', 'not_elected')),
    mentor              TEXT NOT NULL DEFAULT '',
    division_of_work    TEXT NOT NULL DEFAULT '',
    party_transfer_on   TEXT
);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER REFERENCES assignments (id) ON DELETE CASCADE,
    cadre_id      INTEGER NOT NULL REFERENCES cadres (id),
    kind          TEXT NOT NULL,
    date          TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    reason        TEXT NOT NULL DEFAULT '',
    details       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_assignment ON events (assignment_id, date);
CREATE INDEX events_cadre ON events (cadre_id, kind, date);
CREATE INDEX events_kind ON events (kind, assignment_id);

CREATE TABLE applications (
    host_unit_id INTEGER NOT NULL REFERENCES units (id),
    batch_year   INTEGER NOT NULL,
    requested    INTEGER NOT NULL CHECK (requested >= 0),
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (host_unit_id, batch_year)
) WITHOUT ROWID;
CREATE INDEX applications_year ON applications (batch_year);
)sql",
        // 3: reports secondees submit, with their attached documents stored in the database
        // (name, size, SHA-256 and the bytes), so that nothing depends on a shared drive. A
        // replaced submission stays, pointing at the one that replaced it.
        R"sql(
CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('quarterly', 'semiannual', 'final')),
    period        TEXT NOT NULL,
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL,
    submitted_on  TEXT NOT NULL,
    recipient     TEXT NOT NULL CHECK (recipient IN ('home', 'orgdept', 'both')),
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    superseded_by INTEGER REFERENCES reports (id)
);
CREATE UNIQUE INDEX reports_current ON reports (assignment_id, kind, period_start) WHERE superseded_by IS NULL;
CREATE INDEX reports_submitted ON reports (submitted_on);

CREATE TABLE attachments (
    report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    size      INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    content   BLOB NOT NULL
);
)sql",
        // 4: appraisals. An annual assessment (年度考核) belongs to the cadre and a year; it
        // points at the assignment whose term covers that year, or at none for the grades of
        // earlier years the recommendation rule looks back on. The democratic evaluation is
        // stored as vote counts (the share is derived). Replaced records stay as history.
        R"sql(
CREATE TABLE annual_assessments (
    id                        INTEGER PRIMARY KEY,
    cadre_id                  INTEGER NOT NULL REFERENCES cadres (id),
    assignment_id             INTEGER REFERENCES assignments (id),
    year                      INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    grade                     TEXT CHECK (grade IN ('excellent', 'competent', 'basically_competent',
                                                    'incompetent', 'undetermined', 'not_assessed')),
    decided_on                TEXT,
    unit                      TEXT NOT NULL DEFAULT '',
    votes_excellent           INTEGER CHECK (votes_excellent >= 0),
    votes_competent           INTEGER CHECK (votes_competent >= 0),
    votes_basically_competent INTEGER CHECK (votes_basically_competent >= 0),
    votes_incompetent         INTEGER CHECK (votes_incompetent >= 0),
    outstanding               INTEGER NOT NULL DEFAULT 0 CHECK (outstanding IN (0, 1)),
    home_note                 TEXT NOT NULL DEFAULT '',
    recorded_by               TEXT NOT NULL DEFAULT '',
    recorded_at               TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    superseded_by             INTEGER REFERENCES annual_assessments (id)
);
CREATE UNIQUE INDEX annual_assessments_current ON annual_assessments (cadre_id, year) WHERE superseded_by IS NULL;
CREATE INDEX annual_assessments_year ON annual_assessments (year, assignment_id) WHERE superseded_by IS NULL;
CREATE INDEX annual_assessments_assignment ON annual_assessments (assignment_id);

CREATE TABLE final_appraisals (
    id                 INTEGER PRIMARY KEY,
    assignment_id      INTEGER NOT NULL REFERENCES assignments (id),
    ideology_rating    TEXT NOT NULL,
    ideology_comment   TEXT NOT NULL DEFAULT '',
    work_rating        TEXT NOT NULL,
    work_comment       TEXT NOT NULL DEFAULT '',
    study_rating       TEXT NOT NULL,
    study_comment      TEXT NOT NULL DEFAULT '',
    life_rating        TEXT NOT NULL,
    life_comment       TEXT NOT NULL DEFAULT '',
    integrity_rating   TEXT NOT NULL,
    integrity_comment  TEXT NOT NULL DEFAULT '',
    conclusion         TEXT NOT NULL CHECK (conclusion <> ''),
    author_unit        TEXT NOT NULL CHECK (author_unit <> ''),
    written_on         TEXT NOT NULL,
    early_reason       TEXT NOT NULL DEFAULT '',
    recorded_by        TEXT NOT NULL DEFAULT '',
    recorded_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    superseded_by      INTEGER REFERENCES final_appraisals (id)
);
CREATE UNIQUE INDEX final_appraisals_current ON final_appraisals (assignment_id) WHERE superseded_by IS NULL;
)sql",
        // 5: statistics at scale. A cadre's categories also as a bit mask on the cadre (bits
        // in categories() order, kept by triggers), so that counting 选调生 and 后备干部 needs no
        // lookup per row; and the batch index covers what the yearly figures read from an
        // assignment, in GROUP BY order, so a trend is one pass over the index.
        R"sql(
ALTER TABLE cadres ADD COLUMN category_mask INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER cadre_categories_mask_insert AFTER INSERT ON cadre_categories BEGIN
    UPDATE cadres SET category_mask = category_mask | (CASE NEW.category WHEN 'selected_graduate' THEN 1
        WHEN 'county_reserve' THEN 2 WHEN 'ethnic_minority' THEN 4 WHEN 'female_cadre' THEN 8 ELSE 0 END)
     WHERE id = NEW.cadre_id;
END;
CREATE TRIGGER cadre_categories_mask_delete AFTER DELETE ON cadre_categories BEGIN
    UPDATE cadres SET category_mask = category_mask & ~(CASE OLD.category WHEN 'selected_graduate' THEN 1
        WHEN 'county_reserve' THEN 2 WHEN 'ethnic_minority' THEN 4 WHEN 'female_cadre' THEN 8 ELSE 0 END)
     WHERE id = OLD.cadre_id;
END;
UPDATE cadres SET category_mask = (SELECT coalesce(sum(CASE category WHEN 'selected_graduate' THEN 1
    WHEN 'county_reserve' THEN 2 WHEN 'ethnic_minority' THEN 4 WHEN 'female_cadre' THEN 8 ELSE 0 END), 0)
      FROM cadre_categories cc WHERE cc.cadre_id = cadres.id);
DROP INDEX assignments_batch;
CREATE INDEX assignments_batch ON assignments (batch_year, direction, cadre_id, home_unit_id);
)sql",
        // 6: `import-all` finds a record by its natural key, replaced ones included; the
        // indexes of current records (partial, WHERE superseded_by IS NULL) cannot serve that.
        R"sql(
CREATE INDEX reports_assignment ON reports (assignment_id, kind, period_start);
CREATE INDEX annual_assessments_cadre ON annual_assessments (cadre_id, year);
CREATE INDEX final_appraisals_assignment ON final_appraisals (assignment_id);
)sql",
        // 7: the audit log (store/audit.hpp). One row per change a command made; one per row it
        // inserted, updated or deleted, with the row before and after as JSON objects.
        R"sql(
CREATE TABLE changes (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    by        TEXT NOT NULL,
    command   TEXT NOT NULL,
    undoes    INTEGER REFERENCES changes (id),
    undone_by INTEGER REFERENCES changes (id)
);
CREATE INDEX changes_at ON changes (at);
CREATE INDEX changes_by ON changes (by, at);
CREATE TABLE changed_rows (
    id         INTEGER PRIMARY KEY,
    change_id  INTEGER NOT NULL REFERENCES changes (id),
    table_name TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before     TEXT,
    after      TEXT
);
CREATE INDEX changed_rows_change ON changed_rows (change_id);
)sql",
        // 8: listings and exports are in the order batch year, up before down, id. With this
        // index SQLite reads the rows in that order instead of sorting them all: a million-row
        // export's query 4.3 s -> 2.4 s, and no sorter's memory.
        R"sql(
CREATE INDEX assignments_listing ON assignments (batch_year, direction DESC);
)sql",
        // 9: the rest of what a 花名册 carries (issue "real rosters"): on the cadre the education
        // by kind (全日制/在职), native place, when work and Party membership began, rank and
        // phone; on the assignment the roster's remark and an optional programme tag. '' is
        // "not recorded", as for the other optional fields, so older records read as before.
        R"sql(
ALTER TABLE cadres ADD COLUMN education_fulltime TEXT NOT NULL DEFAULT '';
ALTER TABLE cadres ADD COLUMN education_inservice TEXT NOT NULL DEFAULT '';
ALTER TABLE cadres ADD COLUMN native_place TEXT NOT NULL DEFAULT '';
ALTER TABLE cadres ADD COLUMN started_work TEXT NOT NULL DEFAULT '';
ALTER TABLE cadres ADD COLUMN joined_party TEXT NOT NULL DEFAULT '';
ALTER TABLE cadres ADD COLUMN rank TEXT NOT NULL DEFAULT '';
ALTER TABLE cadres ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE assignments ADD COLUMN remark TEXT NOT NULL DEFAULT '';
ALTER TABLE assignments ADD COLUMN programme TEXT NOT NULL DEFAULT '';
)sql",
        // 10: ids are never handed out twice (issue "personal data", item 12): an assignment
        // id freed by `undo` went to the next person, and ids are written on paper. Every table
        // whose ids a clerk sees becomes AUTOINCREMENT, its sequence starting after the largest id
        // it had or the audit log saw deleted (store/permanent_ids.hpp). Rows stay as they were.
        {"", make_ids_permanent},
        // 11: a cadre's record over time (issue "corrections"). What the cadre row holds is the
        // value "since the first record"; a later change of a dated attribute (政治面貌, the
        // educations, 职级, the categories) is a row of cadre_values with the day it took
        // effect, so that a batch's figures keep the value in force when it began
        // (store/cadre_values.hpp). dated_values counts a cadre's rows (kept by triggers, like
        // category_mask): the figures look a value up only for the few cadres who have any.
        // A correction of a field recorded wrongly keeps the old value in cadre_corrections.
        R"sql(
CREATE TABLE cadre_values (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cadre_id    INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
    attribute   TEXT NOT NULL CHECK (attribute IN ('political_status', 'education', 'education_fulltime',
                                                   'education_inservice', 'rank', 'categories')),
    since       TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    value       TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX cadre_values_since ON cadre_values (cadre_id, attribute, since);
ALTER TABLE cadres ADD COLUMN dated_values INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER cadre_values_count_insert AFTER INSERT ON cadre_values BEGIN
    UPDATE cadres SET dated_values = dated_values + 1 WHERE id = NEW.cadre_id;
END;
CREATE TRIGGER cadre_values_count_delete AFTER DELETE ON cadre_values BEGIN
    UPDATE cadres SET dated_values = dated_values - 1 WHERE id = OLD.cadre_id;
END;
CREATE TABLE cadre_corrections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cadre_id    INTEGER NOT NULL REFERENCES cadres (id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason <> ''),
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX cadre_corrections_cadre ON cadre_corrections (cadre_id, id);
)sql",
        // 12: the host assesses and writes the 鉴定 (issue "rules"): an annual assessment or a
        // final appraisal by another unit is refused unless the rule is set aside, and then
        // the reason is kept with the record. '' is "the rule held", as for every older record.
        R"sql(
ALTER TABLE annual_assessments ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE final_appraisals ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
)sql",
        // 13: a report goes to two recipients (issue 19): a quarterly report is owed to the home
        // unit and to the Organization Department, so one sent to each is two current
        // submissions of the same period. "both" counts for each; two current submissions may
        // not cover the same recipient twice — one unique index per recipient. Older rows keep
        // the recipient they were recorded with (the default was both).
        R"sql(
DROP INDEX reports_current;
CREATE UNIQUE INDEX reports_current_home ON reports (assignment_id, kind, period_start)
    WHERE superseded_by IS NULL AND recipient IN ('home', 'both');
CREATE UNIQUE INDEX reports_current_orgdept ON reports (assignment_id, kind, period_start)
    WHERE superseded_by IS NULL AND recipient IN ('orgdept', 'both');
)sql",
        // 14: terms ending soon (issue 19, assign list --ending-within): an index on the last day
        // served, written as store/assignment_store.hpp's kServedEndSql is, so that a range of
        // ends (and --no-inspection's window, --returned) is one index search, not a scan.
        R"sql(
CREATE INDEX assignments_served_end ON assignments (coalesce(recalled_on, extended_until, end_date));
)sql",
    };
    return steps;
}

void apply_migration(SQLite::Database& db, std::size_t i) {
    const Migration& m = migrations().at(i);
    if (!m.sql.empty()) db.exec(std::string(m.sql));
    if (m.then) m.then(db);
}

} // namespace guazhi
