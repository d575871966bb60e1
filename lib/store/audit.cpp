#include "store/audit.hpp"

#include "error.hpp"
#include "store/exchange.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

namespace guazhi {

namespace {

// A table of records as the log sees it: the columns of its row images and its key.
struct AuditedTable {
    std::string name;
    std::vector<std::string> columns; // all but derived ones and files (a file is kept with its SHA-256)
    std::vector<std::string> key;     // the primary key, by which a logged row is found again
    bool rowid = false;               // the key is the rowid (an INTEGER PRIMARY KEY)
    int rank = 0;                     // its place in exchange_tables(): rows refer to lower ranks
};

std::map<std::string, AuditedTable> audited_tables(SQLite::Database& db) {
    std::map<std::string, AuditedTable> out;
    for (auto name : exchange_tables()) {
        AuditedTable t{std::string(name), {}, {}, false, static_cast<int>(out.size())};
        SQLite::Statement q(db, "SELECT name, pk, type FROM pragma_table_info(?) ORDER BY cid");
        q.bind(1, t.name);
        std::map<int, std::pair<std::string, std::string>> key;
        while (q.executeStep()) {
            std::string column = q.getColumn(0).getString();
            if (int pk = q.getColumn(1).getInt(); pk > 0) key[pk] = {column, q.getColumn(2).getString()};
            if (derived_column(name, column) || blob_column(name, column)) continue;
            t.columns.push_back(column);
        }
        for (auto& [pk, column] : key) t.key.push_back(column.first);
        t.rowid = key.size() == 1 && key.begin()->second.second == "INTEGER";
        out.emplace(t.name, std::move(t));
    }
    return out;
}

// The JSON image of a row: `json_object('col', P."col", …)` for P = NEW, OLD or a table alias.
std::string image(const AuditedTable& t, std::string_view row) {
    std::string out = "json_object(";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        out += fmt::format("{}'{}', {}.\"{}\"", i ? ", " : "", t.columns[i], row, t.columns[i]);
    return out + ")";
}

// `"k1" = json_extract(?N, '$.k1') AND …`: the row a logged image is of.
std::string key_match(const AuditedTable& t, int parameter) {
    std::string out;
    for (const auto& k : t.key) out += fmt::format("{}\"{}\" = json_extract(?{}, '$.{}')", out.empty() ? "" : " AND ", k, parameter, k);
    return out;
}

std::string column_list(const AuditedTable& t) {
    std::string out;
    for (const auto& c : t.columns) out += (out.empty() ? "\"" : ", \"") + c + "\"";
    return out;
}

Change read_change(SQLite::Statement& q) {
    Change c;
    c.id = q.getColumn(0).getInt64();
    c.at = q.getColumn(1).getString();
    c.by = q.getColumn(2).getString();
    c.command = q.getColumn(3).getString();
    c.rows = q.getColumn(4).getInt64();
    if (!q.getColumn(5).isNull()) c.undoes = q.getColumn(5).getInt64();
    if (!q.getColumn(6).isNull()) c.undone_by = q.getColumn(6).getInt64();
    return c;
}

constexpr std::string_view kChangeColumns =
    "c.id, c.at, c.by, c.command, (SELECT count(*) FROM changed_rows r WHERE r.change_id = c.id), c.undoes, c.undone_by";


// The first row a command changes opens its entry; it holds the write lock, so the newest
// entry is its own. (Inside a trigger, tables are named unqualified: temp's, then main's.)
constexpr std::string_view kOpenChange =
    "INSERT INTO changes (by, command) SELECT user, command FROM audit_session WHERE change_id IS NULL; "
    "UPDATE audit_session SET change_id = (SELECT max(id) FROM changes) WHERE change_id IS NULL;";

std::string log_row(const AuditedTable& t, std::string_view op, std::string_view before, std::string_view after,
                    std::string_view from = "audit_session") {
    return fmt::format("INSERT INTO changed_rows (change_id, table_name, op, before, after) "
                       "SELECT (SELECT change_id FROM audit_session), '{}', '{}', {}, {} FROM {};",
                       t.name, op, before, after, from);
}

std::string insert_trigger(const AuditedTable& t) {
    return fmt::format("CREATE TEMP TRIGGER IF NOT EXISTS audit_{0}_insert AFTER INSERT ON main.\"{0}\" BEGIN {1} {2} END",
                       t.name, kOpenChange, log_row(t, "insert", "NULL", image(t, "NEW")));
}

bool auditing(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_temp_master WHERE name = 'audit_session'").getInt() > 0;
}

} // namespace

BulkInsertLog::BulkInsertLog(SQLite::Database& db) : db_(db) {
    if (!auditing(db_)) return;
    for (const auto& [name, t] : audited_tables(db_)) {
        if (!t.rowid) continue; // a table keyed otherwise keeps its trigger (few rows: categories)
        marks_.emplace_back(name, db_.execAndGet(fmt::format("SELECT coalesce(max(rowid), 0) FROM \"{}\"", name)).getInt64());
        db_.exec(fmt::format("DROP TRIGGER temp.audit_{}_insert", name));
    }
}

void BulkInsertLog::finish() {
    if (marks_.empty()) return;
    auto tables = audited_tables(db_);
    for (const auto& [name, mark] : marks_) {
        const AuditedTable& t = tables.at(name);
        std::string added = fmt::format("main.\"{}\" r WHERE r.rowid > {} ORDER BY r.rowid", name, mark);
        if (db_.execAndGet(fmt::format("SELECT EXISTS (SELECT 1 FROM {})", added)).getInt()) {
            db_.exec(std::string(kOpenChange));
            // An update of a row the batch added (import-all pointing a replaced record at its
            // successor) is part of the row's insert: its image is the final one.
            db_.exec(fmt::format("DELETE FROM changed_rows WHERE change_id = (SELECT change_id FROM audit_session) "
                                 "AND table_name = '{}' AND op = 'update' AND json_extract(after, '$.{}') > {}",
                                 name, t.key.front(), mark));
            db_.exec(log_row(t, "insert", "NULL", image(t, "r"), added));
        }
        db_.exec(insert_trigger(t));
    }
    marks_.clear();
}


void start_audit(SQLite::Database& db, const std::string& user, const std::string& command) {
    db.exec("CREATE TEMP TABLE IF NOT EXISTS audit_session (user TEXT NOT NULL, command TEXT NOT NULL, change_id INTEGER)");
    db.exec("DELETE FROM temp.audit_session");
    SQLite::Statement s(db, "INSERT INTO temp.audit_session (user, command) VALUES (?, ?)");
    s.bind(1, user);
    s.bind(2, command);
    s.exec();
    for (const auto& [name, t] : audited_tables(db)) {
        std::string changed; // an update logs only when a logged column changed (not a derived mask)
        for (const auto& c : t.columns) changed += fmt::format("{}OLD.\"{}\" IS NOT NEW.\"{}\"", changed.empty() ? "" : " OR ", c, c);
        db.exec(insert_trigger(t));
        db.exec(fmt::format("CREATE TEMP TRIGGER IF NOT EXISTS audit_{0}_update AFTER UPDATE ON main.\"{0}\" WHEN {1} "
                            "BEGIN {2} {3} END",
                            name, changed, kOpenChange, log_row(t, "update", image(t, "OLD"), image(t, "NEW"))));
        db.exec(fmt::format("CREATE TEMP TRIGGER IF NOT EXISTS audit_{0}_delete AFTER DELETE ON main.\"{0}\" BEGIN {1} {2} END",
                            name, kOpenChange, log_row(t, "delete", image(t, "OLD"), "NULL")));
    }
}

std::vector<Change> list_changes(SQLite::Database& db, const std::optional<std::string>& since,
                                 const std::optional<std::string>& by) {
    SQLite::Statement q(db, fmt::format("SELECT {} FROM changes c WHERE (?1 IS NULL OR c.at >= ?1) "
                                        "AND (?2 IS NULL OR c.by = ?2) ORDER BY c.id",
                                        kChangeColumns));
    if (since) q.bind(1, *since);
    if (by) q.bind(2, *by);
    std::vector<Change> out;
    while (q.executeStep()) out.push_back(read_change(q));
    return out;
}

std::vector<ChangedRow> rows_of_change(SQLite::Database& db, std::int64_t change_id) {
    if (db.execAndGet(fmt::format("SELECT count(*) FROM changes WHERE id = {}", change_id)).getInt() == 0)
        throw Error(msg("no change #{} in the log (`guazhi log` lists them)", change_id));
    SQLite::Statement q(db, "SELECT table_name, op, before, after FROM changed_rows WHERE change_id = ? ORDER BY id");
    q.bind(1, change_id);
    std::vector<ChangedRow> out;
    while (q.executeStep()) {
        ChangedRow r{q.getColumn(0).getString(), q.getColumn(1).getString(), std::nullopt, std::nullopt};
        if (!q.getColumn(2).isNull()) r.before = q.getColumn(2).getString();
        if (!q.getColumn(3).isNull()) r.after = q.getColumn(3).getString();
        out.push_back(std::move(r));
    }
    return out;
}

namespace {

// The changes after `target` still in effect (neither undos nor undone) that touched a row
// `target` touched, by id: reverting `target` under them would undo part of their work too.
std::vector<std::int64_t> later_changes_in_the_way(SQLite::Database& db, const Change& target,
                                                   const std::map<std::string, AuditedTable>& tables) {
    SQLite::Statement any(db, "SELECT 1 FROM changes WHERE id > ? AND undoes IS NULL AND undone_by IS NULL LIMIT 1");
    any.bind(1, target.id);
    if (!any.executeStep()) return {}; // the latest change: nothing can be in the way
    std::set<std::int64_t> found;
    SQLite::Statement touched(db, "SELECT DISTINCT table_name FROM changed_rows WHERE change_id = ?");
    touched.bind(1, target.id);
    while (touched.executeStep()) {
        std::string table = touched.getColumn(0).getString();
        auto t = tables.find(table);
        if (t == tables.end()) continue; // refused below, naming the table
        // A row's key as one value; the IN list becomes an index SQLite builds once, so the
        // cost is the rows of `target` plus those of the later changes, not their product.
        auto key_of = [&](std::string_view alias) {
            std::string parts;
            for (const auto& k : t->second.key)
                parts += fmt::format("{2}json_extract(coalesce({1}.after, {1}.before), '$.{0}')", k, alias,
                                     parts.empty() ? "" : ", ");
            return fmt::format("json_array({})", parts);
        };
        SQLite::Statement q(db, fmt::format("SELECT DISTINCT l.change_id FROM changes c "
                                            "JOIN changed_rows l ON l.change_id = c.id AND l.table_name = ?2 "
                                            "WHERE c.id > ?1 AND c.undoes IS NULL AND c.undone_by IS NULL "
                                            "AND {} IN (SELECT {} FROM changed_rows n WHERE n.change_id = ?1 "
                                            "AND n.table_name = ?2)",
                                            key_of("l"), key_of("n")));
        q.bind(1, target.id);
        q.bind(2, table);
        while (q.executeStep()) found.insert(q.getColumn(0).getInt64());
    }
    return {found.begin(), found.end()};
}

} // namespace

UndoResult undo_change(Database& database, std::optional<std::int64_t> change_id, bool dry_run) {
    SQLite::Database& db = database.sql();
    require_transaction(db, "undo_change");
    SQLite::Statement pick(db, fmt::format("SELECT {} FROM changes c WHERE {} ORDER BY c.id DESC LIMIT 1", kChangeColumns,
                                           change_id ? "c.id = ?1" : "c.undoes IS NULL AND c.undone_by IS NULL"));
    if (change_id) pick.bind(1, *change_id);
    if (!pick.executeStep()) {
        if (change_id) throw Error(msg("no change #{} in the log (`guazhi log` lists them)", *change_id));
        throw Error(msg("nothing to undo: every logged change is undone already (or none was logged)"));
    }
    UndoResult result{read_change(pick), 0, false};
    const Change& target = result.undone;
    if (target.undoes)
        throw Error(msg("change #{} is itself the undo of change #{}; to restore what that did, record it again",
                                target.id, *target.undoes));
    if (target.undone_by)
        throw Error(msg("change #{} was undone already, by change #{}", target.id, *target.undone_by));
    auto tables = audited_tables(db);
    if (auto later = later_changes_in_the_way(db, target, tables); !later.empty())
        throw Error(later.size() == 1
                        ? msg("cannot undo change #{} ({}): later change #{} changed the same records; undo it "
                              "first (newest first). Nothing was undone.",
                              target.id, target.command, later.front())
                        : msg("cannot undo change #{} ({}): later changes #{} changed the same records; undo them "
                              "first (newest first). Nothing was undone.",
                              target.id, target.command, fmt::format("{}", fmt::join(later, ", #"))));

    // Rows that refer to others go first (a bulk import logs its rows table by table, not in
    // the order they went in); within a table, the latest first. The references are checked
    // at the end, so that a reverted row may pass through a state its neighbours have not.
    db.exec("PRAGMA defer_foreign_keys = ON");
    std::string rank = "CASE table_name";
    for (const auto& [name, t] : tables) rank += fmt::format(" WHEN '{}' THEN {}", name, t.rank);
    SQLite::Statement rows(db, fmt::format("SELECT table_name, op, before, after FROM changed_rows WHERE change_id = ? "
                                           "ORDER BY {} END DESC, id DESC",
                                           rank));
    rows.bind(1, target.id);
    while (rows.executeStep()) {
        const std::string table = rows.getColumn(0).getString(), op = rows.getColumn(1).getString();
        const std::string before = rows.getColumn(2).getString(), after = rows.getColumn(3).getString();
        auto found = tables.find(table);
        if (found == tables.end()) throw Error(msg("change #{} changed {}, which this guazhi does not know", target.id, table));
        const AuditedTable& t = found->second;
        const std::string& logged = op == "delete" ? before : after;
        // The row must be as the change left it: present with its image, or gone.
        SQLite::Statement now(db, fmt::format("SELECT {} FROM \"{}\" r WHERE {}", image(t, "r"), table, key_match(t, 1)));
        now.bind(1, logged);
        bool present = now.executeStep();
        std::string current = present ? now.getColumn(0).getString() : std::string();
        if (op == "delete" ? present : (!present || current != after))
            throw Error(msg("cannot undo change #{} ({}): a {} record it {} is no longer as it left it — {}, "
                                    "probably outside guazhi (e.g. with the sqlite3 shell). Nothing was undone.",
                                    target.id, target.command, table,
                                    op == "insert" ? msg("added") : op == "update" ? msg("changed") : msg("deleted"),
                                    present ? msg("now {}, then {}", current, logged) : msg("it is gone")));
        std::string sql;
        if (op == "insert") sql = fmt::format("DELETE FROM \"{}\" WHERE {}", table, key_match(t, 1));
        else {
            std::string values;
            for (const auto& c : t.columns) values += fmt::format("{}json_extract(?2, '$.{}')", values.empty() ? "" : ", ", c);
            if (op == "update") sql = fmt::format("UPDATE \"{}\" SET ({}) = ({}) WHERE {}", table, column_list(t), values, key_match(t, 1));
            else sql = fmt::format("INSERT INTO \"{}\" ({}) SELECT {}", table, column_list(t), values);
        }
        SQLite::Statement apply(db, sql);
        apply.bind(1, logged);
        if (op != "insert") apply.bind(2, before);
        try {
            apply.exec();
        } catch (const SQLite::Exception& e) {
            throw Error(msg("cannot undo change #{} ({}): reverting a {} record fails ({}); records added since "
                                    "depend on it. Nothing was undone.",
                                    target.id, target.command, table, e.getErrorStr()));
        }
        ++result.rows;
    }
    // Each row reverted logged one row; more means a deletion reached rows added since (a
    // cascade from an assignment to its reports, say), which undo must not take with it.
    auto undo_id = db.execAndGet("SELECT change_id FROM temp.audit_session").getInt64();
    auto logged = db.execAndGet(fmt::format("SELECT count(*) FROM changed_rows WHERE change_id = {}", undo_id)).getInt64();
    if (logged != result.rows)
        throw Error(msg("cannot undo change #{} ({}): {} records added since depend on what it added and would "
                                "be deleted with it; undo or remove them first. Nothing was undone.",
                                target.id, target.command, logged - result.rows));
    SQLite::Statement dangling(db, "SELECT \"table\", parent FROM pragma_foreign_key_check LIMIT 1");
    if (dangling.executeStep())
        throw Error(msg("cannot undo change #{} ({}): records of {} added since refer to the {} it added. "
                                "Nothing was undone.",
                                target.id, target.command, dangling.getColumn(0).getString(), dangling.getColumn(1).getString()));
    db.exec(fmt::format("UPDATE changes SET undoes = {} WHERE id = {}", target.id, undo_id));
    db.exec(fmt::format("UPDATE changes SET undone_by = {} WHERE id = {}", undo_id, target.id));
    if (!dry_run) {
        result.committed = true; // app::undo commits
    }
    return result;
}

} // namespace guazhi
