// The whole database as one JSON document (`export all --format json`) and back
// (`import-all`): how a city combines the files its counties keep, and a plain-text copy of
// everything that any tool can read.
//
// The document: {"format": "guazhi-all", "schema_version": N, "guazhi": VERSION,
// "exported_on": DATE, "id_numbers_masked": BOOL, "tables": {TABLE: [ROW, ...], ...}} with
// every stored column of every table under its own name (attachments' content in base64),
// in the order a table's rows refer to earlier tables. Derived columns (the cadres' category
// mask, kept by triggers) are left out and rebuilt on import.
#pragma once

#include "store/database.hpp"

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// The tables in the document, in order. Every table of the schema is one of them (a test
// holds the two together, so a migration that adds a table must say how it merges).
std::vector<std::string_view> exchange_tables();

// Columns kept by triggers from other rows (the cadres' category mask): not exchanged, not
// audited, never restored — they follow the rows they derive from.
bool derived_column(std::string_view table, std::string_view column);
// Columns that hold a file (attachments' content): base64 in the document.
bool blob_column(std::string_view table, std::string_view column);

// Streams the document to `sink` in chunks; ID numbers masked (and birth dates cut to the
// month) unless `reveal_id` — a masked document says so and cannot be imported. Returns the
// number of rows written.
std::size_t write_exchange(SQLite::Database& db, bool reveal_id, const std::function<void(std::string_view)>& sink);

struct ExchangeReport {
    struct Counts {
        std::size_t added = 0, identical = 0;
    };
    std::vector<std::pair<std::string, Counts>> tables; // in document order, those with rows in it
    std::vector<Message> conflicts;       // "TABLE KEY: what differs", at most max_conflicts
    std::size_t conflict_count = 0;       // all conflicts, including those not listed
    bool committed = false;
};

// Reads a document from `in` (named `name` in messages) into `db`, in one transaction.
// Into an empty database it rebuilds the exported one exactly (the same ids). Into one with
// records it merges: a record is the same one when its natural key matches (a unit's name, a
// cadre's ID number, an assignment's cadre and start date, …); the same record with the same
// content is skipped, with other content it is a conflict. New records get new ids and every
// reference follows them. Any conflict — or a record the document refers to but does not
// hold — and nothing is written; so too with `dry_run`. A document that is not one (bad JSON,
// another schema version, masked ID numbers, unknown tables or columns) throws Error naming
// the place.
ExchangeReport import_exchange(Database& db, std::istream& in, const std::string& name, bool dry_run,
                               std::size_t max_conflicts = 50);

} // namespace guazhi
