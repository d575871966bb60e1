#include "app/imports.hpp"
#include "app/record.hpp"
#include "fixture.hpp"
#include "store/audit.hpp"
#include "store/exchange.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

using namespace guazhi;
using guazhi::test::contains;
using guazhi::test::error_of;

namespace {

std::string document_of(Database& db, bool reveal_id = true) {
    std::string text;
    write_exchange(db.sql(), reveal_id, [&](std::string_view chunk) { text += chunk; });
    return text;
}

ExchangeReport read_into(Database& db, const std::string& text, bool dry_run = false) {
    std::istringstream in(text);
    return app::import_exchange(db, in, "doc.json", dry_run);
}

} // namespace

TEST_CASE("exchange: every table of records is exchanged, so a new table must say how it merges") {
    Database db = Database::in_memory();
    // The audit log is the history of one file, not records to hand on (store/audit.hpp).
    SQLite::Statement q(db.sql(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                  "AND name NOT IN ('changes', 'changed_rows')");
    auto tables = exchange_tables();
    while (q.executeStep()) {
        std::string name = q.getColumn(0).getString();
        CAPTURE(name);
        CHECK(std::find(tables.begin(), tables.end(), name) != tables.end());
    }
}

TEST_CASE("exchange: a document read into a new database gives the same document, into itself, nothing new") {
    test::StoreFixture f;
    f.add(test::luo());
    f.add(test::he());
    std::string doc = document_of(f.db);
    Database copy = Database::in_memory();
    ExchangeReport r = read_into(copy, doc);
    CHECK(r.committed);
    CHECK(r.conflict_count == 0);
    CHECK(document_of(copy) == doc);
    ExchangeReport again = read_into(copy, doc);
    CHECK(again.committed);
    for (const auto& [table, counts] : again.tables) {
        CAPTURE(table);
        CHECK(counts.added == 0);
    }
    CHECK(document_of(copy) == doc);
}

TEST_CASE("exchange: merging renumbers new records and follows references, a conflict writes nothing") {
    test::StoreFixture city;
    city.add(test::luo());
    test::StoreFixture county;
    county.add(test::he());
    ExchangeReport r = read_into(city.db, document_of(county.db));
    REQUIRE(r.committed);
    CHECK(test::count(city.db, "assignments") == 2);
    CHECK(city.db.sql().execAndGet("SELECT t.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id "
                                   "JOIN units t ON t.id = a.host_unit_id WHERE c.name = '何俊杰'")
              .getString() == "市财政局");

    county.db.sql().exec("UPDATE cadres SET name = '何俊' WHERE name = '何俊杰'");
    std::string before = document_of(city.db);
    ExchangeReport c = read_into(city.db, document_of(county.db));
    CHECK_FALSE(c.committed);
    REQUIRE(c.conflict_count == 1);
    CHECK(contains(c.conflicts[0], "name is '何俊杰' here, '何俊' in the file"));
    CHECK(document_of(city.db) == before);
}

TEST_CASE("exchange: a masked document, another schema version or another kind of JSON is refused") {
    test::StoreFixture f;
    f.add(test::luo());
    Database other = Database::in_memory();
    std::string masked = document_of(f.db, false);
    CHECK(contains(masked, "\"id_numbers_masked\": true"));
    CHECK_FALSE(contains(masked, "511028197003141730"));
    CHECK(contains(error_of([&] { read_into(other, masked); }), "doc.json: its ID numbers are masked"));
    std::string doc = document_of(f.db);
    std::string version = "\"schema_version\": " + std::to_string(current_schema_version());
    std::string older = doc;
    older.replace(older.find(version), version.size(), "\"schema_version\": 1");
    CHECK(contains(error_of([&] { read_into(other, older); }), "doc.json: schema version 1"));
    CHECK(contains(error_of([&] { read_into(other, "[1, 2]"); }), "doc.json: unexpected array"));
    CHECK(contains(error_of([&] { read_into(other, "{\"tables\": {}}"); }), "not a guazhi export-all document"));
    CHECK(contains(error_of([&] { read_into(other, doc.substr(0, doc.size() / 2)); }), "not a valid JSON document"));
    CHECK(test::count(other, "cadres") == 0);
}

TEST_CASE("exchange: a merge that points a new replaced record at a recorded successor is undone whole") {
    test::StoreFixture f;
    std::int64_t id = f.add(test::luo());
    auto report = [&](const char* submitted, const char* recorded_at) {
        f.db.sql().exec(fmt::format("INSERT INTO reports (assignment_id, kind, period, period_start, period_end, "
                                    "submitted_on, recipient, recorded_by, recorded_at) VALUES ({}, 'quarterly', 'Q1', "
                                    "'2006-08-01', '2006-10-31', '{}', 'home', 'x', '{}')",
                                    id, submitted, recorded_at));
        return f.db.sql().getLastInsertRowid();
    };
    std::int64_t first = report("2006-11-05", "2006-11-05T08:00:00Z");
    f.db.sql().exec(fmt::format("UPDATE reports SET superseded_by = {} WHERE id = {}", first, first));
    std::int64_t second = report("2006-11-10", "2006-11-10T08:00:00Z");
    f.db.sql().exec(fmt::format("UPDATE reports SET superseded_by = {} WHERE id = {}", second, first));
    std::string doc = document_of(f.db);

    // A copy that has the successor but not the replaced one (and more ids before it, so that
    // the file's ids are not the copy's).
    Database copy = Database::in_memory();
    copy.sql().exec("INSERT INTO units (name, kind) VALUES ('某单位', 'township')");
    REQUIRE(read_into(copy, doc).committed);
    copy.sql().exec("DELETE FROM reports WHERE superseded_by IS NOT NULL");
    std::string before = document_of(copy);
    start_audit(copy.sql(), "王科员", "guazhi import-all");
    ExchangeReport merged = read_into(copy, doc);
    REQUIRE(merged.committed);
    CHECK(copy.sql().execAndGet("SELECT count(*) FROM reports r JOIN reports s ON s.id = r.superseded_by "
                                "WHERE s.submitted_on = '2006-11-10'").getInt() == 1);
    start_audit(copy.sql(), "王科员", "guazhi undo");
    UndoResult undone = app::undo(copy, false);
    CHECK(undone.rows == 1);
    CHECK(document_of(copy) == before);
}
