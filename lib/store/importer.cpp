#include "store/importer.hpp"

#include "domain/roster.hpp"
#include "error.hpp"
#include "problem.hpp"
#include "store/audit.hpp"
#include "store/recorder.hpp"
#include "domain/roster_cells.hpp"
#include "util/table.hpp"
#include "util/workbook.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace guazhi {

namespace {

// The header is looked for among this many non-blank rows at the top of the sheet.
constexpr std::size_t kHeaderSearchRows = 30;

// The columns of the file as the layout reads them: where each field's value comes from.
struct Columns {
    RosterLayout layout;
    std::array<std::optional<std::size_t>, kFieldCount> source; // the file column of each field
    std::size_t header_line = 0;

    // How the file names the column a field comes from, for messages.
    std::string name_of(Field f) const {
        auto c = source[static_cast<std::size_t>(f)];
        return c ? layout.columns[*c].header : std::string(spec(f).key);
    }
};

// A row of column numbers under the header (1, 2, 3 … as official forms print them).
bool is_column_numbers(const std::vector<std::string>& cells) {
    std::size_t expected = 1;
    for (const auto& c : cells) {
        std::string_view t = util::trim(c);
        if (t.empty()) continue;
        if (t != std::to_string(expected)) return false;
        ++expected;
    }
    return expected > 3;
}

// Checks the layout's columns: unknown ones (errors unless ignored), two columns for one field.
Columns check_columns(RosterLayout layout, const util::TableReader& table, std::size_t header_line,
                      const ImportOptions& options, ImportReport& report) {
    Columns columns;
    columns.header_line = header_line;
    std::vector<Problem> errors;
    for (std::size_t i = 0; i < layout.columns.size(); ++i) {
        auto& column = layout.columns[i];
        if (column.header.empty()) continue; // an unnamed column (Excel's trailing comma) must stay empty
        std::string where = table.cell_place(header_line, i);
        if (!column.meaning) {
            if (options.ignore_unknown_columns) report.ignored_columns.push_back(column.header);
            else
                errors.push_back(problem(Parameter::none, ProblemCode::column_unknown, where, util::printable(column.header)));
            continue;
        }
        switch (column.meaning->kind) {
        case ColumnKind::ignored: report.ignored_columns.push_back(column.header); continue;
        case ColumnKind::derived: report.derived_columns.push_back(column.header); continue;
        case ColumnKind::serial: continue;
        default: break;
        }
        RosterLayout one;
        one.columns.push_back(column);
        for (Field f : fields_covered(one)) {
            auto& slot = columns.source[static_cast<std::size_t>(f)];
            if (slot) {
                errors.push_back(problem(Parameter::none, ProblemCode::column_duplicate, where,
                                         util::printable(column.header), *slot + 1,
                                         util::printable(layout.columns[*slot].header), spec(f).key));
                continue;
            }
            slot = i;
        }
    }
    // A header of thousands of stray columns (a sheet pasted sideways) is named, not listed.
    constexpr std::size_t kListed = 20;
    if (errors.size() > kListed) {
        std::size_t more = errors.size() - kListed;
        errors.resize(kListed);
        errors.push_back(problem(Parameter::none, ProblemCode::header_more_problems, table.place(header_line), more));
    }
    if (!errors.empty()) throw ProblemsError(std::move(errors));
    columns.layout = std::move(layout);
    return columns;
}

// Reads the first rows and finds the header among them; throws Error naming what is missing.
Columns read_header(util::TableReader& table, std::vector<util::TableRow>& head, const ImportOptions& options,
                    ImportReport& report) {
    util::TableRow row;
    while (head.size() < kHeaderSearchRows && table.next(row))
        if (!row.blank()) head.push_back(std::move(row));
    if (head.empty()) throw Error(msg("{}: the file is empty (no header row)", table.name()));
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : head) cells.push_back(r.cells);
    HeaderSearch found = find_header(cells, options.aliases);
    if (!found.layout) {
        if (!found.closest)
            throw ProblemError(problem(Parameter::none, ProblemCode::header_not_found, table.name(), head.size()));
        const auto& closest = head[*found.closest];
        // Lists of values, joined as the reader's language joins a list.
        std::vector<Message> missing, shown;
        for (const auto& m : found.missing) missing.push_back(verbatim(m));
        for (const auto& c : closest.cells)
            if (!util::trim(c).empty() && shown.size() < 12) shown.push_back(verbatim(util::printable(util::clean(c))));
        throw ProblemError(problem(Parameter::none, ProblemCode::header_missing_columns, table.place(closest.line),
                                   list_of(std::move(missing)), head.size(), list_of(std::move(shown))));
    }
    report.lines_above_header = found.row;
    report.header_rows = found.layout->header_rows;
    std::size_t header_line = head[found.row].line;
    Columns columns = check_columns(std::move(*found.layout), table, header_line, options, report);
    std::size_t first_data = found.row + report.header_rows;
    if (first_data < head.size() && is_column_numbers(head[first_data].cells)) {
        ++report.header_rows;
        ++first_data;
    }
    head.erase(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(first_data));
    return columns;
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

ImportReport import_roster(Database& db, const util::TableInput& input, const Config& config,
                           const ImportOptions& options) {
    ImportReport report;
    util::TableReader table(input);
    std::vector<util::TableRow> head;
    Columns columns = read_header(table, head, options, report);
    report.source = table.describe();

    // The unique ID-number index takes random inserts; with SQLite's default 2 MiB page cache
    // a large file thrashes it. A bounded cache (kCacheKiB) keeps a million-row import
    // near-linear while memory still does not grow with the file.
    db.sql().exec(fmt::format("PRAGMA cache_size = -{}", kCacheKiB));
    require_transaction(db.sql(), "import_roster");
    AssignmentStore store(db.sql());
    AssignmentRecorder recorder(store, config, options.policy);
    // This transaction is the only writer of a batch (see exclusive_batch()).
    recorder.exclusive_batch();
    DeferredIndexes deferred(db.sql(), config.policy.max_per_host_per_batch > 0);
    BulkInsertLog log(db.sql());
    SQLite::Statement known_unit(db.sql(), "SELECT 1 FROM units WHERE name = ?");
    auto is_known_unit = [&](std::string_view unit) {
        known_unit.reset();
        known_unit.bind(1, std::string(unit));
        return known_unit.executeStep();
    };

    auto problem = [&](std::size_t line, std::optional<std::size_t> column, const Message& header,
                       const Message& message) {
        if (report.problem_count++ < options.max_problems)
            report.problems.push_back(msg("{}: {}: {}", table.place(line, column), header, message));
    };
    auto field_problem = [&](std::size_t line, Field f, const Message& message) {
        problem(line, columns.source[static_cast<std::size_t>(f)], verbatim(columns.name_of(f)), message);
    };

    RowValues values;
    auto import_row = [&](const util::TableRow& record) {
        if (record.blank()) return;
        if (is_footer_row(record.cells)) {
            ++report.footer_lines;
            return;
        }
        ++report.rows;
        if (options.progress && report.rows % 1000 == 0) options.progress(report.rows);

        // A value where the header names no column would be silently lost: refuse it.
        const auto& layout = columns.layout.columns;
        for (std::size_t i = 0; i < record.cells.size(); ++i) {
            if ((i < layout.size() && !layout[i].header.empty()) || util::trim(record.cells[i]).empty()) continue;
            problem(record.line, i, msg("row"),
                    i >= layout.size() ? msg("has values in {} columns, the header names {}", record.cells.size(),
                                             layout.size())
                                       : msg("column {} has a value but no header", i + 1));
            return;
        }

        for (auto& v : values) v.clear();
        bool readable = true;
        for (std::size_t i = 0; i < layout.size() && i < record.cells.size(); ++i) {
            const auto& meaning = layout[i].meaning;
            if (!meaning) continue;
            const std::string& cell = record.cells[i];
            auto set = [&](Field f, std::string_view text) { util::clean_into(values[static_cast<std::size_t>(f)], text); };
            switch (meaning->kind) {
            case ColumnKind::field: set(meaning->field, cell); break;
            case ColumnKind::period:
                if (util::trim(cell).empty()) break;
                if (auto p = split_period(cell)) {
                    set(Field::start_date, p->start);
                    set(Field::end_date, p->end);
                } else {
                    problem(record.line, i, verbatim(layout[i].header),
                            msg("'{}' is not a term (write it as 2007.08—2008.07 or 2007-08-01至2008-07-31)",
                                util::printable(util::clean(cell))));
                    readable = false;
                }
                break;
            case ColumnKind::home_unit_post:
            case ColumnKind::host_unit_post: {
                bool home = meaning->kind == ColumnKind::home_unit_post;
                auto split = split_unit_post(cell, is_known_unit);
                if (!split.value) {
                    problem(record.line, i, verbatim(layout[i].header), split.error);
                    readable = false;
                    break;
                }
                set(home ? Field::home_unit : Field::host_unit, split.value->unit);
                set(home ? Field::home_post : Field::host_post, split.value->post);
                break;
            }
            default: break;
            }
        }
        if (!readable) return;
        RowResult row = validate_row(values, config.policy);
        for (const auto& p : row.problems) field_problem(record.line, p.field, describe(p, options.name));
        if (!row.assignment) return;
        report.start_months += row.start_month_only;
        report.end_months += row.end_month_only;
        report.directions_inferred += row.direction_inferred;

        bool kind_given = !values[static_cast<std::size_t>(Field::home_level)].empty();
        RecordOutcome outcome = recorder.record(*row.assignment, kind_given);
        for (const auto& u : outcome.updates) report.updates.push_back(fmt::format("{}:{}: {}", input.name, record.line, u));
        switch (outcome.kind) {
        case RecordOutcome::Kind::inserted:
            ++report.inserted;
            if (outcome.over_quota) ++report.over_quota;
            deferred.inserted(report.inserted);
            break;
        case RecordOutcome::Kind::identical: ++report.identical; break;
        case RecordOutcome::Kind::refused:
            for (const auto& p : outcome.problems) field_problem(record.line, p.field, describe(p, options.name));
            break;
        }
    };

    for (const auto& record : head) import_row(record);
    head.clear();
    util::TableRow record;
    while (table.next(record)) import_row(record);
    report.hidden_rows = table.hidden_rows();
    if (report.rows == 0)
        throw Error(msg("{}: there are no data rows after the header", table.place(columns.header_line)));
    if (report.problem_count == 0 && !options.dry_run) {
        deferred.rebuild();
        log.finish();
        report.committed = true; // app::import_roster commits
    }
    return report;
}

} // namespace guazhi
