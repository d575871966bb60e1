#include "store/exchange.hpp"
#include "store/database.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "problem_text.hpp"
#include "store/audit.hpp"
#include "util/date.hpp"
#include "util/id_number.hpp"
#include "util/json.hpp"

#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <nettle/base64.h>
#include <sqlite3.h>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <variant>

namespace guazhi {

namespace {

constexpr std::string_view kFormat = "guazhi-all";

struct Ref {
    std::string_view column, table;
};

struct TableSpec {
    std::string_view name;
    // What makes two rows the same record, references followed. Empty: every column but the
    // id — a history entry (an event, a report or appraisal and the ones that replaced it) is
    // the same one only when it is identical; a different current one for the same period is
    // refused by the table's own unique index of current records, and listed as a conflict.
    std::vector<std::string_view> key;
    std::vector<Ref> refs;
    bool has_id = true; // an INTEGER PRIMARY KEY `id`, renumbered when merging
};

// In the order rows refer to earlier tables (a table may refer to itself: a replaced
// record names its successor).
const std::vector<TableSpec>& specs() {
    static const std::vector<TableSpec> all = {
        {"units", {"name"}, {}},
        {"cadres", {"id_number"}, {}},
        {"cadre_categories", {"cadre_id", "category"}, {{"cadre_id", "cadres"}}, false},
        {"cadre_values", {"cadre_id", "attribute", "since"}, {{"cadre_id", "cadres"}}},
        {"cadre_corrections", {}, {{"cadre_id", "cadres"}}},
        {"assignments",
         {"cadre_id", "start_date"},
         {{"cadre_id", "cadres"}, {"home_unit_id", "units"}, {"host_unit_id", "units"}}},
        {"appointments", {"assignment_id"}, {{"assignment_id", "assignments"}}, false},
        {"events", {}, {{"assignment_id", "assignments"}, {"cadre_id", "cadres"}}},
        {"applications", {"host_unit_id", "batch_year"}, {{"host_unit_id", "units"}}, false},
        {"reports", {}, {{"assignment_id", "assignments"}, {"superseded_by", "reports"}}},
        {"attachments", {"report_id"}, {{"report_id", "reports"}}, false},
        {"annual_assessments",
         {},
         {{"cadre_id", "cadres"}, {"assignment_id", "assignments"}, {"superseded_by", "annual_assessments"}}},
        {"final_appraisals", {}, {{"assignment_id", "assignments"}, {"superseded_by", "final_appraisals"}}},
    };
    return all;
}

std::vector<std::string> columns_of(SQLite::Database& db, std::string_view table) {
    SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    q.bind(1, std::string(table));
    std::vector<std::string> out;
    while (q.executeStep())
        if (auto c = q.getColumn(0).getString(); !derived_column(table, c)) out.push_back(c);
    return out;
}

std::string column_list(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "\"" : ", \"") + c + "\"";
    return out;
}

std::string base64_encode(const void* data, std::size_t size) {
    std::string out(BASE64_ENCODE_RAW_LENGTH(size), '\0');
    base64_encode_raw(out.data(), size, static_cast<const std::uint8_t*>(data));
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    base64_decode_ctx ctx;
    base64_decode_init(&ctx);
    std::string out(BASE64_DECODE_LENGTH(text.size()), '\0');
    std::size_t length = 0;
    if (!base64_decode_update(&ctx, &length, reinterpret_cast<std::uint8_t*>(out.data()), text.size(), text.data()) ||
        !base64_decode_final(&ctx))
        return std::nullopt;
    out.resize(length);
    return out;
}

} // namespace

bool derived_column(std::string_view table, std::string_view column) {
    return table == "cadres" && (column == "category_mask" || column == "dated_values");
}
bool blob_column(std::string_view table, std::string_view column) { return table == "attachments" && column == "content"; }

std::vector<std::string_view> exchange_tables() {
    std::vector<std::string_view> out;
    for (const auto& s : specs()) out.push_back(s.name);
    return out;
}

std::size_t write_exchange(SQLite::Database& db, bool reveal_id, const std::function<void(std::string_view)>& sink) {
    std::string out = fmt::format(
        "{{\"format\": {}, \"schema_version\": {}, \"guazhi\": {}, \"exported_on\": {}, \"id_numbers_masked\": {},\n"
        "\"tables\": {{",
        json_quote(kFormat), current_schema_version(), json_quote(GUAZHI_VERSION), json_quote(util::Date::today().iso()),
        reveal_id ? "false" : "true");
    std::size_t rows = 0;
    bool first_table = true;
    for (const auto& spec : specs()) {
        auto columns = columns_of(db, spec.name);
        out += fmt::format("{}\n{}: [", first_table ? "" : ",", json_quote(spec.name));
        first_table = false;
        SQLite::Statement q(db, fmt::format("SELECT {} FROM \"{}\"{}", column_list(columns), spec.name,
                                            spec.has_id ? " ORDER BY id" : ""));
        bool first = true;
        while (q.executeStep()) {
            JsonWriter row(JsonLayout::one_line);
            row.begin_object();
            for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
                const std::string& column = columns[static_cast<std::size_t>(i)];
                auto c = q.getColumn(i);
                row.key(column);
                if (c.isNull()) row.null();
                else if (blob_column(spec.name, column)) row.value(base64_encode(c.getBlob(), static_cast<std::size_t>(c.getBytes())));
                else if (c.isInteger()) row.value(c.getInt64());
                else if (c.isFloat()) row.value(c.getDouble());
                else if (spec.name == "cadres" && column == "id_number" && !reveal_id) row.value(util::mask_id_number(c.getString()));
                else if (spec.name == "cadres" && column == "birth_date" && !reveal_id) row.value(c.getString().substr(0, 7));
                else row.value(c.getString());
            }
            row.end_object();
            out += first ? "\n" : ",\n";
            out += row.str();
            first = false;
            ++rows;
            if (out.size() >= 64 * 1024) {
                sink(out);
                out.clear();
            }
        }
        out += first ? "]" : "\n]";
    }
    out += "\n}}\n";
    sink(out);
    return rows;
}

namespace {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

std::string shown(const Value& v) {
    if (std::holds_alternative<std::monostate>(v)) return "null";
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
    const auto& s = std::get<std::string>(v);
    return s.size() > 40 ? fmt::format("'{}…' ({} bytes)", s.substr(0, 30), s.size()) : "'" + s + "'";
}

bool same(const Value& v, const SQLite::Column& c) {
    if (c.isNull()) return std::holds_alternative<std::monostate>(v);
    if (auto* i = std::get_if<std::int64_t>(&v)) return c.isInteger() && c.getInt64() == *i;
    if (auto* d = std::get_if<double>(&v)) return c.isFloat() && c.getDouble() == *d;
    if (auto* s = std::get_if<std::string>(&v))
        return (c.isText() || c.isBlob()) && std::string_view(static_cast<const char*>(c.getBlob()),
                                                             static_cast<std::size_t>(c.getBytes())) == *s;
    return false;
}

// One table of the database while a document is read into it.
struct TableState {
    const TableSpec* spec = nullptr;
    std::vector<std::string> columns;
    std::vector<int> refers_to; // per column: the state it refers to, or -1
    std::vector<std::size_t> key;
    int id_column = -1, self_column = -1, blob_column = -1;
    std::int64_t offset = 0; // a new record's id: the file's id plus the table's largest before
    bool was_empty = true;   // then no record of the file can be one already recorded
    std::unordered_map<std::int64_t, std::int64_t> matched; // file id → recorded id, where not offset
    std::unordered_set<std::int64_t> forward; // ids named by inserted rows' self-references before their row came
    std::unique_ptr<SQLite::Statement> insert, find, repoint;
    ExchangeReport::Counts counts;

    std::int64_t id_for(std::int64_t file_id) const {
        auto it = matched.find(file_id);
        return it != matched.end() ? it->second : file_id + offset;
    }
    std::optional<std::size_t> column(std::string_view name) const {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i] == name) return i;
        return std::nullopt;
    }
};

void bind_value(SQLite::Statement& s, int index, const Value& v, bool blob) {
    if (auto* i = std::get_if<std::int64_t>(&v)) s.bind(index, *i);
    else if (auto* d = std::get_if<double>(&v)) s.bind(index, *d);
    else if (auto* t = std::get_if<std::string>(&v)) {
        if (blob) s.bindNoCopy(index, static_cast<const void*>(t->data()), static_cast<int>(t->size()));
        else s.bindNoCopy(index, *t);
    } else s.bind(index);
}

class Merge {
  public:
    Merge(SQLite::Database& db, std::string name, std::size_t max_conflicts)
        : db_(db), name_(std::move(name)), max_conflicts_(max_conflicts) {
        for (const auto& spec : specs()) states_.push_back(prepare(spec));
    }

    // The state of `table`, checking that tables come in the documented order.
    std::size_t begin_table(const std::string& table) {
        for (std::size_t i = 0; i < states_.size(); ++i)
            if (states_[i].spec->name == table) {
                if (i < next_table_)
                    throw Error(msg("{}: tables.{}: out of order or repeated (the order is {})", name_, table,
                                            table_list()));
                next_table_ = i + 1;
                return i;
            }
        throw Error(msg("{}: tables.{}: no such table (known: {})", name_, table, table_list()));
    }

    TableState& state(std::size_t i) { return states_[i]; }

    // The tables of a document, in order: "units, cadres, …" ("units、cadres、…" in Chinese).
    static Message table_list() {
        std::vector<Message> names;
        for (const auto& t : exchange_tables()) names.push_back(verbatim(std::string(t)));
        return list_of(std::move(names));
    }

    // A row of the file, its values by column (nullopt: absent), at tables.TABLE[index].
    void take(std::size_t table, std::vector<std::optional<Value>>& file_row, std::size_t index) {
        TableState& t = states_[table];
        auto place = [&] { return fmt::format("{}: tables.{}[{}]", name_, t.spec->name, index); };
        std::vector<Value> row(t.columns.size());
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (!file_row[c]) throw Error(msg("{}: column '{}' is missing", place(), t.columns[c]));
            row[c] = std::move(*file_row[c]);
            if (static_cast<int>(c) == t.blob_column && std::holds_alternative<std::string>(row[c])) {
                auto bytes = base64_decode(std::get<std::string>(row[c]));
                if (!bytes) throw Error(msg("{}: column '{}' is not base64", place(), t.columns[c]));
                row[c] = std::move(*bytes);
            }
        }
        const Message described = describe(t, row);
        std::int64_t file_id = 0;
        if (t.id_column >= 0) {
            auto* id = std::get_if<std::int64_t>(&row[static_cast<std::size_t>(t.id_column)]);
            if (!id || *id <= 0) throw Error(msg("{}: 'id' must be a positive integer", place()));
            file_id = *id;
        }
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (t.refers_to[c] < 0 || std::holds_alternative<std::monostate>(row[c])) continue;
            auto* ref = std::get_if<std::int64_t>(&row[c]);
            if (!ref) throw Error(msg("{}: column '{}' must be an id or null", place(), t.columns[c]));
            const TableState& target = states_[static_cast<std::size_t>(t.refers_to[c])];
            if (static_cast<int>(c) == t.self_column && *ref > file_id) t.forward.insert(target.id_for(*ref));
            *ref = target.id_for(*ref);
        }
        if (!t.was_empty && matches_recorded(t, row, file_id, described)) return;
        if (t.id_column >= 0) row[static_cast<std::size_t>(t.id_column)] = file_id + t.offset;
        auto& s = *t.insert;
        for (std::size_t c = 0; c < row.size(); ++c) bind_value(s, static_cast<int>(c + 1), row[c], static_cast<int>(c) == t.blob_column);
        try {
            s.exec();
            ++t.counts.added;
        } catch (const SQLite::Exception& e) {
            conflict(e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE
                         ? msg("{} {}: cannot be added: {} (the database holds another current record for it)",
                               t.spec->name, described, e.getErrorStr())
                         : msg("{} {}: cannot be added: {}", t.spec->name, described, e.getErrorStr()));
        }
        s.reset();
        s.clearBindings();
    }

    // Every reference of the file points at a record (of the file, or recorded before).
    void check_references() {
        SQLite::Statement q(db_, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check");
        while (q.executeStep())
            conflict(msg("{} row {}: refers to a record of {} that neither the file nor the database holds",
                                 q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString()));
    }

    ExchangeReport& report() { return report_; }

  private:
    TableState prepare(const TableSpec& spec) {
        TableState t;
        t.spec = &spec;
        t.columns = columns_of(db_, spec.name);
        t.refers_to.assign(t.columns.size(), -1);
        for (const auto& ref : spec.refs) {
            auto c = t.column(ref.column);
            if (!c) throw Error(msg("exchange: {} has no column {}", spec.name, ref.column));
            for (std::size_t i = 0; i <= states_.size(); ++i)
                if ((i < states_.size() ? states_[i].spec->name : spec.name) == ref.table) t.refers_to[*c] = static_cast<int>(i);
            if (ref.table == spec.name) t.self_column = static_cast<int>(*c);
        }
        if (spec.has_id) t.id_column = static_cast<int>(*t.column("id"));
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            if (blob_column(spec.name, t.columns[c])) t.blob_column = static_cast<int>(c);
        if (spec.key.empty()) {
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                if (static_cast<int>(c) != t.id_column && static_cast<int>(c) != t.self_column) t.key.push_back(c);
        } else {
            for (auto k : spec.key) t.key.push_back(*t.column(k));
        }
        const std::string table = fmt::format("\"{}\"", spec.name);
        if (spec.has_id) t.offset = db_.execAndGet(fmt::format("SELECT coalesce(max(id), 0) FROM {}", table)).getInt64();
        t.was_empty = db_.execAndGet(fmt::format("SELECT NOT EXISTS (SELECT 1 FROM {})", table)).getInt() != 0;
        std::string marks = "?";
        for (std::size_t c = 1; c < t.columns.size(); ++c) marks += ", ?";
        t.insert = std::make_unique<SQLite::Statement>(
            db_, fmt::format("INSERT INTO {} ({}) VALUES ({})", table, column_list(t.columns), marks));
        std::string where;
        for (auto k : t.key) where += fmt::format("{}\"{}\" IS ?", where.empty() ? "" : " AND ", t.columns[k]);
        t.find = std::make_unique<SQLite::Statement>(
            db_, fmt::format("SELECT {} FROM {} WHERE {} LIMIT 1", column_list(t.columns), table, where));
        if (t.self_column >= 0)
            t.repoint = std::make_unique<SQLite::Statement>(
                db_, fmt::format("UPDATE {0} SET \"{1}\" = ? WHERE \"{1}\" = ?", table,
                                 t.columns[static_cast<std::size_t>(t.self_column)]));
        return t;
    }

    // True when the record is recorded already: identical (then its id is noted for the
    // rows that refer to it) or not (then a conflict is noted).
    bool matches_recorded(TableState& t, const std::vector<Value>& row, std::int64_t file_id, const Message& described) {
        auto& f = *t.find;
        for (std::size_t k = 0; k < t.key.size(); ++k)
            bind_value(f, static_cast<int>(k + 1), row[t.key[k]], static_cast<int>(t.key[k]) == t.blob_column);
        struct Reset {
            SQLite::Statement& s;
            ~Reset() {
                s.reset();
                s.clearBindings();
            }
        } reset{f};
        if (!f.executeStep()) return false;
        std::vector<Message> differences;
        for (std::size_t c = 0; c < row.size(); ++c) {
            // A replaced record's successor is judged as a record of its own.
            if (static_cast<int>(c) == t.id_column || static_cast<int>(c) == t.self_column) continue;
            auto recorded = f.getColumn(static_cast<int>(c));
            if (!same(row[c], recorded))
                differences.push_back(msg("{} is {} here, {} in the file", t.columns[c],
                                                  recorded.isNull() ? "null" : shown(Value(recorded.getString())), shown(row[c])));
        }
        if (!differences.empty())
            conflict(msg("{} {}: {}", t.spec->name, described, differences_of(std::move(differences))));
        else
            ++t.counts.identical;
        // Even a conflicting record is the recorded one to the rows that refer to it: their
        // own conflicts are listed, not a missing reference each.
        if (t.id_column >= 0) {
            std::int64_t recorded_id = f.getColumn(t.id_column).getInt64();
            std::int64_t provisional = file_id + t.offset;
            if (recorded_id != provisional) {
                t.matched[file_id] = recorded_id;
                if (t.repoint && t.forward.count(provisional)) {
                    t.repoint->bind(1, recorded_id);
                    t.repoint->bind(2, provisional);
                    t.repoint->exec();
                    t.repoint->reset();
                }
            }
        }
        return true;
    }

    // The record as a clerk knows it: its key as the file has it (ID numbers masked).
    Message describe(const TableState& t, const std::vector<Value>& row) const {
        if (t.spec->key.empty()) return msg("#{} of the file", shown(row[static_cast<std::size_t>(t.id_column)]));
        std::vector<std::string> parts;
        for (auto k : t.key) {
            auto* text = std::get_if<std::string>(&row[k]);
            std::string v = text && t.columns[k] == "id_number" ? "'" + util::mask_id_number(*text) + "'" : shown(row[k]);
            parts.push_back(fmt::format("{}={}", t.columns[k], v));
        }
        return verbatim(fmt::format("[{}]", fmt::join(parts, ", ")));
    }

    // What differs, "a; b" in English, "a；b" in Chinese.
    static Message differences_of(std::vector<Message> items) {
        Message out = std::move(items.front());
        for (std::size_t i = 1; i < items.size(); ++i) out = msg("{}; {}", std::move(out), std::move(items[i]));
        return out;
    }

    void conflict(Message message) {
        if (report_.conflict_count++ < max_conflicts_) report_.conflicts.push_back(std::move(message));
    }

    SQLite::Database& db_;
    std::string name_;
    std::size_t max_conflicts_;
    std::vector<TableState> states_;
    std::size_t next_table_ = 0;
    ExchangeReport report_;
};

// Reads the document with nlohmann's SAX interface: one row at a time, so that memory does
// not grow with the file.
class Reader : public nlohmann::json_sax<nlohmann::json> {
  public:
    Reader(Merge& merge, const std::string& name) : merge_(merge), name_(name) {}

    bool null() override { return scalar(std::monostate{}); }
    bool boolean(bool v) override { return scalar(static_cast<std::int64_t>(v)); }
    bool number_integer(number_integer_t v) override { return scalar(static_cast<std::int64_t>(v)); }
    bool number_unsigned(number_unsigned_t v) override {
        if (v > static_cast<number_unsigned_t>(INT64_MAX)) fail(msg("the number {} is too large", v));
        return scalar(static_cast<std::int64_t>(v));
    }
    bool number_float(number_float_t v, const string_t&) override { return scalar(v); }
    bool string(string_t& v) override { return scalar(std::move(v)); }
    bool binary(binary_t&) override { return fail(msg("binary values are not JSON")); }

    bool start_object(std::size_t) override {
        ++depth_;
        if (depth_ == 1 || (depth_ == 2 && key_ == "tables")) return true;
        if (depth_ == 4 && in_rows_) {
            row_.assign(merge_.state(table_).columns.size(), std::nullopt);
            return true;
        }
        return fail(msg("unexpected object"));
    }
    bool end_object() override {
        if (depth_ == 4) merge_.take(table_, row_, index_++);
        if (depth_ == 2) tables_seen_ = true;
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        ++depth_;
        if (depth_ == 3) {
            table_ = merge_.begin_table(key_);
            in_rows_ = true;
            index_ = 0;
            return true;
        }
        return fail(msg("unexpected array"));
    }
    bool end_array() override {
        in_rows_ = false;
        --depth_;
        return true;
    }
    bool key(string_t& k) override {
        key_ = k;
        if (depth_ == 1 && k == "tables") check_header();
        if (depth_ == 4) {
            column_ = merge_.state(table_).column(k);
            if (!column_)
                fail(msg("tables.{}[{}]: no column '{}' in {}", merge_.state(table_).spec->name, index_, k,
                                 merge_.state(table_).spec->name));
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        throw Error(msg("{}: not a valid JSON document: {}", name_, e.what()));
    }

    void finish() const {
        if (!tables_seen_) throw Error(msg("{}: no \"tables\" object: not a guazhi export-all document", name_));
    }

  private:
    bool scalar(Value v) {
        if (depth_ == 4) {
            row_[*column_] = std::move(v);
            return true;
        }
        if (depth_ == 1) {
            header_[key_] = std::move(v);
            return true;
        }
        return fail(msg("unexpected value for '{}'", key_));
    }

    bool fail(const Message& what) { throw Error(msg("{}: {}", name_, what)); }

    // The header comes before the tables (write_exchange writes it so): a document of another
    // kind, version or with masked ID numbers is refused before anything is read into the database.
    void check_header() {
        auto text = [&](const char* k) -> std::string {
            auto it = header_.find(k);
            auto* s = it == header_.end() ? nullptr : std::get_if<std::string>(&it->second);
            return s ? *s : std::string();
        };
        auto number = [&](const char* k) -> std::optional<std::int64_t> {
            auto it = header_.find(k);
            auto* i = it == header_.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
            return i ? std::optional(*i) : std::nullopt;
        };
        if (text("format") != kFormat)
            fail(msg("not a guazhi export-all document (\"format\" must be \"{}\", before \"tables\")", kFormat));
        auto version = number("schema_version");
        if (version != current_schema_version())
            fail(msg("schema version {} — this guazhi reads version {}; export the file again with the same "
                             "guazhi version as this one",
                             version ? Message(std::to_string(*version)) : msg("missing"), current_schema_version()));
        if (number("id_numbers_masked").value_or(1) != 0)
            throw ProblemError(problem(Parameter::reveal_id, ProblemCode::export_masked, name_));
    }

    Merge& merge_;
    const std::string& name_;
    int depth_ = 0;
    std::string key_;
    std::map<std::string, Value> header_;
    bool in_rows_ = false, tables_seen_ = false;
    std::size_t table_ = 0, index_ = 0;
    std::optional<std::size_t> column_;
    std::vector<std::optional<Value>> row_;
};

} // namespace

ExchangeReport import_exchange(Database& db, std::istream& in, const std::string& name, bool dry_run,
                               std::size_t max_conflicts) {
    require_transaction(db.sql(), "import_exchange");
    // A replaced record names its successor, which comes later in the file.
    db.sql().exec("PRAGMA defer_foreign_keys = ON");
    Merge merge(db.sql(), name, max_conflicts);
    BulkInsertLog log(db.sql());
    Reader reader(merge, name);
    nlohmann::json::sax_parse(in, &reader);
    reader.finish();
    merge.check_references();
    ExchangeReport report = std::move(merge.report());
    for (std::size_t i = 0; i < exchange_tables().size(); ++i) {
        const TableState& t = merge.state(i);
        if (t.counts.added + t.counts.identical > 0) report.tables.emplace_back(t.spec->name, t.counts);
    }
    if (report.conflict_count == 0 && !dry_run) {
        log.finish();
        report.committed = true; // app::import_exchange commits
    }
    return report;
}

} // namespace guazhi
