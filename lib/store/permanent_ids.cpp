#include "store/permanent_ids.hpp"

#include "error.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace guazhi {

namespace {

// The tables whose ids a clerk sees and writes down: assignments (#41), their events, reports
// (`report get 7`), appraisals and changes (`log --change 12`). Cadres (found by ID number),
// units (by name) and the log's row images have internal ids no command shows; there a reused
// id harms no one, and the sequence would only cost a write per insert (a cadre's insert that
// finds the ID number taken would use one up).
constexpr const char* kTables[] = {"assignments", "events", "reports", "annual_assessments", "final_appraisals",
                                   "changes"};

std::vector<std::string> schema_of(SQLite::Database& db, const char* type, const std::string& table) {
    SQLite::Statement q(db, "SELECT sql FROM sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL");
    q.bind(1, type);
    q.bind(2, table);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

// The CREATE TABLE statement of `table` renamed to `new_name`, its id AUTOINCREMENT.
std::string autoincrement_definition(SQLite::Database& db, const std::string& table, const std::string& new_name) {
    auto tables = schema_of(db, "table", table);
    std::string prefix = "CREATE TABLE " + table + " (";
    if (tables.size() != 1 || tables.front().rfind(prefix, 0) != 0)
        throw StoreError(msg("the upgrade cannot read the definition of table {}", table));
    std::string body = tables.front().substr(prefix.size());
    static const std::regex id_key(R"(^\s*id\s+INTEGER\s+PRIMARY\s+KEY(?=\s*[,)]))");
    std::smatch m;
    if (!std::regex_search(body, m, id_key))
        throw StoreError(msg("the upgrade cannot find the id of table {}", table));
    return fmt::format("CREATE TABLE \"{}\" ({} AUTOINCREMENT{}", new_name, m.str(0), body.substr(m.str(0).size()));
}

} // namespace

void make_ids_permanent(SQLite::Database& db) {
    // The largest id of each table the audit log saw deleted (one pass over the log).
    std::map<std::string, std::int64_t> deleted;
    {
        SQLite::Statement q(db, "SELECT table_name, max(json_extract(before, '$.id')) FROM changed_rows "
                                "WHERE op = 'delete' GROUP BY table_name");
        while (q.executeStep())
            if (!q.getColumn(1).isNull()) deleted[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    }
    // Other tables' triggers name these (cadre_categories' mask triggers update cadres): the
    // legacy rename leaves them as written rather than checking them against a schema that,
    // between the DROP and the RENAME, lacks the table.
    db.exec("PRAGMA legacy_alter_table = ON");
    for (std::string table : kTables) {
        std::string staged = table + "__permanent_ids";
        auto indexes = schema_of(db, "index", table);
        auto triggers = schema_of(db, "trigger", table);
        db.exec(autoincrement_definition(db, table, staged));
        db.exec(fmt::format("INSERT INTO \"{}\" SELECT * FROM \"{}\"", staged, table));
        db.exec(fmt::format("DROP TABLE \"{}\"", table));
        db.exec(fmt::format("ALTER TABLE \"{}\" RENAME TO \"{}\"", staged, table));
        for (const auto& sql : indexes) db.exec(sql);
        for (const auto& sql : triggers) db.exec(sql);
        SQLite::Statement seq(db, "INSERT INTO sqlite_sequence (name, seq) SELECT ?1, ?2 WHERE NOT EXISTS "
                                  "(SELECT 1 FROM sqlite_sequence WHERE name = ?1)");
        seq.bind(1, table);
        seq.bind(2, static_cast<std::int64_t>(0));
        seq.exec();
        SQLite::Statement high(db, "UPDATE sqlite_sequence SET seq = max(seq, ?2) WHERE name = ?1");
        high.bind(1, table);
        auto it = deleted.find(table);
        high.bind(2, it == deleted.end() ? std::int64_t{0} : it->second);
        high.exec();
    }
    db.exec("PRAGMA legacy_alter_table = OFF");
}

} // namespace guazhi
