#include "app/imports.hpp"
#include "app/record.hpp"
#include "fixture.hpp"
#include "store/audit.hpp"
#include "store/importer.hpp"

#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

using namespace guazhi;
using guazhi::test::contains;
using guazhi::test::count;
using guazhi::test::error_of;

namespace {

using LoggedRows = std::multiset<std::tuple<std::string, std::string, std::string>>;

// (table, op, after) of every logged row: the images, whichever way they were logged.
LoggedRows logged(Database& db) {
    LoggedRows out;
    SQLite::Statement q(db.sql(), "SELECT table_name, op, coalesce(after, before) FROM changed_rows");
    while (q.executeStep()) out.emplace(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString());
    return out;
}

std::string records(Database& db) {
    std::string out;
    for (const char* table : {"units", "cadres", "cadre_categories", "assignments"}) {
        SQLite::Statement q(db.sql(), fmt::format("SELECT * FROM {}", table));
        while (q.executeStep())
            for (int i = 0; i < q.getColumnCount(); ++i) out += q.getColumn(i).getString() + "|";
    }
    return out;
}

} // namespace

TEST_CASE("audit: a command's rows are one change with their images, undo restores them and is logged") {
    test::StoreFixture f;
    start_audit(f.db.sql(), "王科员", "guazhi assign add …");
    std::int64_t id = f.add(test::luo());
    auto changes = list_changes(f.db.sql(), std::nullopt, std::nullopt);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].by == "王科员");
    CHECK(changes[0].command == "guazhi assign add …");
    CHECK(changes[0].rows == 4); // two units, the cadre, the assignment
    auto rows = rows_of_change(f.db.sql(), changes[0].id);
    CHECK(rows.back().table == "assignments");
    CHECK(rows.back().op == "insert");
    CHECK_FALSE(rows.back().before);
    CHECK(contains(*rows.back().after, fmt::format("\"id\":{}", id)));
    CHECK(list_changes(f.db.sql(), std::string("2999-01-01"), std::nullopt).empty());
    CHECK(list_changes(f.db.sql(), std::nullopt, std::string("李科员")).empty());

    start_audit(f.db.sql(), "李科员", "guazhi assign … (another command)");
    f.db.sql().exec("UPDATE assignments SET host_post = '科长助理'");
    CHECK(list_changes(f.db.sql(), std::nullopt, std::string("李科员")).size() == 1);
    start_audit(f.db.sql(), "王科员", "guazhi undo");
    UndoResult dry = app::undo(f.db, true);
    CHECK_FALSE(dry.committed);
    CHECK(count(f.db, "assignments") == 1);
    // The latest change first.
    UndoResult first = app::undo(f.db, false);
    CHECK(first.committed);
    CHECK(first.undone.id == 2);
    start_audit(f.db.sql(), "王科员", "guazhi undo");
    UndoResult second = app::undo(f.db, false);
    CHECK(second.undone.id == 1);
    CHECK(second.rows == 4);
    CHECK(count(f.db, "assignments") == 0);
    CHECK(count(f.db, "units") == 0);
    start_audit(f.db.sql(), "王科员", "guazhi undo");
    CHECK(contains(error_of([&] { app::undo(f.db, false); }), "nothing to undo"));
}

TEST_CASE("audit: an import logs in bulk exactly the rows and images the triggers would, undo removes it all") {
    auto import = [](Database& db, bool bulk) {
        std::ifstream in(std::string(GUAZHI_EXAMPLES) + "/roster-2005-2006.csv", std::ios::binary);
        start_audit(db.sql(), "王科员", "import");
        if (bulk) {
            REQUIRE(app::import_roster(db, {in, "", "roster.csv", {}}, Config{}, {}).committed);
            return;
        }
        // Row by row, through the triggers: the same rows recorded one at a time.
        ImportOptions options;
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string header = text.substr(0, text.find('\n') + 1);
        std::size_t at = header.size();
        while (at < text.size()) {
            std::size_t end = text.find('\n', at);
            std::istringstream one(header + text.substr(at, end - at + 1));
            REQUIRE(app::import_roster(db, {one, "", "roster.csv", {}}, Config{}, options).committed);
            at = end + 1;
        }
    };
    Database bulk = Database::in_memory(), single = Database::in_memory();
    import(bulk, true);
    import(single, false);
    CHECK(records(bulk) == records(single));
    CHECK(logged(bulk) == logged(single));
    CHECK(list_changes(bulk.sql(), std::nullopt, std::nullopt).size() == 1);
    start_audit(bulk.sql(), "王科员", "guazhi undo");
    UndoResult r = app::undo(bulk, false);
    CHECK(r.rows == static_cast<std::int64_t>(logged(single).size()));
    CHECK(records(bulk).empty());
}

TEST_CASE("audit: undo refuses, writing nothing, when a row is not as the change left it or others depend on it") {
    test::StoreFixture f;
    start_audit(f.db.sql(), "王科员", "add");
    std::int64_t id = f.add(test::luo());
    // Outside the log: a connection without the triggers.
    f.db.sql().exec("DROP TRIGGER temp.audit_assignments_update");
    f.db.sql().exec("UPDATE assignments SET host_post = '手改'");
    start_audit(f.db.sql(), "王科员", "guazhi undo");
    std::string before = records(f.db);
    CHECK(contains(error_of([&] { app::undo(f.db, false); }), "is no longer as it left it"));
    CHECK(records(f.db) == before);
    f.db.sql().exec("DROP TRIGGER temp.audit_assignments_update");
    f.db.sql().exec("UPDATE assignments SET host_post = ''");
    f.db.sql().exec("DROP TRIGGER temp.audit_events_insert");
    f.db.sql().exec(fmt::format("INSERT INTO events (assignment_id, cadre_id, kind, date, recorded_by) "
                                "SELECT id, cadre_id, 'note', '2006-09-01', 'x' FROM assignments WHERE id = {}", id));
    start_audit(f.db.sql(), "王科员", "guazhi undo");
    CHECK(contains(error_of([&] { app::undo(f.db, false); }), "Nothing was undone"));
    CHECK(count(f.db, "assignments") == 1);
    CHECK(count(f.db, "events") == 1);
}
