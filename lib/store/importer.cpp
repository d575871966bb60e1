#include "store/importer.hpp"

#include "domain/roster.hpp"
#include "error.hpp"
#include "store/audit.hpp"
#include "store/recorder.hpp"
#include "util/csv.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace guazhi {

namespace {

// Title rows above the header ("2006年度挂职干部花名册" in a merged cell) have at most one
// non-empty cell; at most this many are skipped.
constexpr int kMaxTitleRows = 5;

std::size_t non_empty_count(const util::CsvRecord& r) {
    std::size_t n = 0;
    for (const auto& f : r.fields)
        if (!util::trim(f).empty()) ++n;
    return n;
}

// Which column of the file holds each field, and the header text it had there.
struct HeaderMap {
    std::array<std::optional<std::size_t>, kFieldCount> column;
    std::vector<std::string> headers; // as written in the file, cleaned
    std::vector<bool> used;

    std::string name_of(Field f) const {
        auto c = column[static_cast<std::size_t>(f)];
        return c ? headers[*c] : std::string(spec(f).key);
    }
};

HeaderMap read_header(const util::CsvRecord& header, const std::string& file, bool ignore_unknown) {
    HeaderMap map;
    std::vector<std::string> errors;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string text = util::clean(header.fields[i]);
        map.headers.push_back(text);
        map.used.push_back(false);
        if (text.empty()) continue; // an unnamed column (Excel's trailing comma) must stay empty
        auto field = field_for_header(text);
        if (!field) {
            if (!ignore_unknown)
                errors.push_back(fmt::format("{}:{}:{}: unknown column '{}' (use --ignore-unknown-columns to skip it)",
                                             file, header.line, i + 1, text));
            continue;
        }
        auto& slot = map.column[static_cast<std::size_t>(*field)];
        if (slot) {
            errors.push_back(fmt::format("{}:{}:{}: duplicate column '{}': column {} ('{}') already means {}", file,
                                         header.line, i + 1, text, *slot + 1, map.headers[*slot], spec(*field).key));
            continue;
        }
        slot = i;
        map.used[i] = true;
    }
    for (const auto& s : roster_fields())
        if (s.required && !map.column[static_cast<std::size_t>(s.field)])
            errors.push_back(fmt::format("{}:{}: missing required column {} ({})", file, header.line, s.zh, s.key));
    // A header of thousands of stray columns (a sheet pasted sideways) is named, not listed.
    constexpr std::size_t kListed = 20;
    if (errors.size() > kListed) {
        std::size_t more = errors.size() - kListed;
        errors.resize(kListed);
        errors.push_back(fmt::format("{}:{}: … and {} more problems in the header", file, header.line, more));
    }
    if (!errors.empty()) throw Error(fmt::format("{}", fmt::join(errors, "\n")));
    return map;
}

// The page cache of an import. A million-row import writes about 350 MB; what it touches at
// random is the unique index of ID numbers (about 28 MiB at a million cadres), the rest is
// appended. 40 MiB holds that index at a million rows and keeps the whole process under
// 64 MiB; it is a bound, not an allocation, so a small import uses less.
constexpr int kCacheKiB = 40 * 1024;

// Plain secondary indexes that only serve queries (listing, statistics, status filters) and
// no check of the import. A large import drops them inside its transaction and builds each
// again, with the same SQL, once at the end: one sort instead of a million random inserts.
// The indexes the checks read stay: the cadres' unique ID numbers (also the one constraint
// an index enforces), a cadre's assignments (overlapping and identical terms), the units'
// unique names and, when a host quota applies, assignments by host and year. Being in the
// one transaction, a failed or refused import rolls the drop back with everything else.
constexpr std::string_view kDeferrable[] = {
    "assignments_batch", "assignments_listing", "assignments_home", "assignments_dates", "assignments_recalled",
    "cadres_political_status", "cadre_categories_category", "assignments_host",
};
// Below this many rows, or fewer new rows than the table already holds, rebuilding would
// cost more than it saves.
constexpr std::size_t kDeferAfterRows = 20000;

class DeferredIndexes {
  public:
    DeferredIndexes(SQLite::Database& db, bool keep_host_index) : db_(db), keep_host_(keep_host_index) {
        existing_ = static_cast<std::size_t>(db_.execAndGet("SELECT coalesce(max(id), 0) FROM assignments").getInt64());
    }

    // Called after each inserted row: drops the indexes once the import is large enough.
    void inserted(std::size_t rows) {
        if (dropped_ || rows < std::max(kDeferAfterRows, existing_)) return;
        dropped_ = true;
        for (auto name : kDeferrable) {
            if (keep_host_ && name == "assignments_host") continue;
            SQLite::Statement q(db_, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?");
            q.bind(1, std::string(name));
            if (!q.executeStep() || q.getColumn(0).isNull()) continue;
            std::string sql = q.getColumn(0).getString();
            // Only a plain index: a UNIQUE one enforces a rule, and a partial one may too.
            if (!sql.starts_with("CREATE INDEX") || sql.find(" WHERE ") != std::string::npos) continue;
            q.reset();
            db_.exec(fmt::format("DROP INDEX \"{}\"", name));
            sql_.push_back(std::move(sql));
        }
    }

    // Builds the dropped indexes again, before the commit. (Without a commit the rollback
    // brings them back as they were.)
    void rebuild() {
        // Building an index sorts in memory of the cache's size on top of the cache itself;
        // the import's large cache is no use to a sort that reads the table once.
        if (!sql_.empty()) db_.exec("PRAGMA cache_size = -8192");
        for (const auto& sql : sql_) db_.exec(sql);
        sql_.clear();
    }

  private:
    SQLite::Database& db_;
    bool keep_host_;
    bool dropped_ = false;
    std::size_t existing_ = 0;
    std::vector<std::string> sql_;
};

} // namespace

ImportReport import_roster(Database& db, std::istream& in, const std::string& name, const Config& config,
                           const ImportOptions& options) {
    ImportReport report;
    util::CsvReader reader(in, options.encoding, name);
    util::CsvRecord record;

    bool have_header = false;
    for (int skipped = 0; reader.next(record);) {
        if (record.blank()) continue;
        if (non_empty_count(record) <= 1 && skipped < kMaxTitleRows) {
            ++skipped;
            continue;
        }
        have_header = true;
        break;
    }
    if (!have_header) throw Error(fmt::format("{}: the file is empty (no header row)", name));
    HeaderMap header = read_header(record, name, options.ignore_unknown_columns);
    const std::size_t header_line = record.line;
    report.encoding = reader.encoding();

    // The unique ID-number index takes random inserts; with SQLite's default 2 MiB page cache
    // a large file thrashes it. A bounded cache (kCacheKiB) keeps a million-row import
    // near-linear while memory still does not grow with the file.
    db.sql().exec(fmt::format("PRAGMA cache_size = -{}", kCacheKiB));
    SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
    AssignmentStore store(db.sql());
    AssignmentRecorder recorder(store, config, options.policy);
    // This transaction is the only writer of a batch (see exclusive_batch()).
    recorder.exclusive_batch();
    DeferredIndexes deferred(db.sql(), config.max_per_host_per_batch > 0);
    BulkInsertLog log(db.sql());

    auto problem = [&](std::size_t line, std::string_view column, std::string_view message) {
        if (report.problem_count++ < options.max_problems)
            report.problems.push_back(fmt::format("{}:{}: {}: {}", name, line, column, message));
    };

    RowValues values;
    while (reader.next(record)) {
        if (record.blank()) continue;
        ++report.rows;
        if (options.progress && report.rows % 1000 == 0) options.progress(report.rows);

        // A value where the header names no column would be silently lost: refuse it.
        std::optional<std::size_t> stray;
        for (std::size_t i = 0; i < record.fields.size() && !stray; ++i)
            if ((i >= header.headers.size() || header.headers[i].empty()) && !util::trim(record.fields[i]).empty())
                stray = i;
        if (stray) {
            problem(record.line, "row",
                    *stray >= header.headers.size()
                        ? fmt::format("has values in {} columns, the header names {}", record.fields.size(),
                                      header.headers.size())
                        : fmt::format("column {} has a value but no header", *stray + 1));
            continue;
        }

        for (std::size_t f = 0; f < kFieldCount; ++f) {
            auto col = header.column[f];
            if (col && *col < record.fields.size()) util::clean_into(values[f], record.fields[*col]);
            else values[f].clear();
        }
        RowResult row = validate_row(values, config);
        for (const auto& p : row.problems) problem(record.line, header.name_of(p.field), p.message);
        if (!row.assignment) continue;

        bool kind_given = !values[static_cast<std::size_t>(Field::home_level)].empty();
        RecordOutcome outcome = recorder.record(*row.assignment, kind_given);
        switch (outcome.kind) {
        case RecordOutcome::Kind::inserted:
            ++report.inserted;
            if (outcome.over_quota) ++report.over_quota;
            deferred.inserted(report.inserted);
            break;
        case RecordOutcome::Kind::identical: ++report.identical; break;
        case RecordOutcome::Kind::refused:
            for (const auto& p : outcome.problems) problem(record.line, header.name_of(p.field), p.message);
            break;
        }
    }
    if (report.rows == 0) throw Error(fmt::format("{}:{}: there are no data rows after the header", name, header_line));
    if (report.problem_count == 0 && !options.dry_run) {
        deferred.rebuild();
        log.finish();
        tx.commit();
        report.committed = true;
    }
    return report;
}

} // namespace guazhi
