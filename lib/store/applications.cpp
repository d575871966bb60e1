#include "store/applications.hpp"
#include "store/database.hpp"

#include "domain/rules.hpp"
#include "error.hpp"
#include "problem.hpp"
#include "util/csv.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace guazhi {

namespace {

// Writes one application inside the caller's transaction.
void write_application(SQLite::Database& db, const std::string& host, int batch_year, std::int64_t requested,
                       const std::string& recorded_by) {
    // A host receives either up-seconded cadres (a city organ) or down-dispatched ones (a
    // township, rules::host_kind_for); a county department receives none.
    SQLite::Statement known(db, "SELECT kind FROM units WHERE name = ?");
    known.bind(1, host);
    std::string kind = known.executeStep() ? known.getColumn(0).getString() : std::string(infer_host_kind(host));
    if (kind != host_kind_for("up") && kind != host_kind_for("down"))
        throw Error(msg("'{}' is a county department ({}); only city organs and townships receive secondees",
                                host, kind));
    SQLite::Statement unit(db, "INSERT OR IGNORE INTO units (name, kind) VALUES (?, ?)");
    unit.bind(1, host);
    unit.bind(2, kind);
    unit.exec();
    SQLite::Statement s(db, "INSERT OR REPLACE INTO applications (host_unit_id, batch_year, requested, recorded_by) "
                            "SELECT id, ?, ?, ? FROM units WHERE name = ?");
    s.bind(1, batch_year);
    s.bind(2, requested);
    s.bind(3, recorded_by);
    s.bind(4, host);
    s.exec();
}

std::optional<std::int64_t> parse_count(const std::string& text) {
    if (!util::is_digits(text) || text.size() > 6) return std::nullopt;
    return std::stoll(text);
}

} // namespace

void record_application(SQLite::Database& db, const std::string& host, int batch_year, std::int64_t requested,
                        const std::string& recorded_by) {
    if (host.empty()) throw ProblemError(problem(Parameter::host, ProblemCode::required));
    if (requested < 0) throw ProblemError(problem(Parameter::requested, ProblemCode::negative));
    require_transaction(db, "record_application");
    write_application(db, host, batch_year, requested, recorded_by);
}

std::size_t import_applications(SQLite::Database& db, std::istream& in, const std::string& name,
                                util::Encoding encoding, const std::string& recorded_by) {
    util::CsvReader reader(in, encoding, name);
    util::CsvRecord record;
    while (reader.next(record) && record.blank()) {}
    if (record.fields.empty()) throw Error(msg("{}: the file is empty (no header row)", name));
    int host_col = -1, year_col = -1, count_col = -1;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        std::string h = util::ascii_lower(util::clean(record.fields[i]));
        int* slot = h == "host_unit" || h == "接收单位" || h == "申报单位" ? &host_col
                    : h == "batch_year" || h == "年度"                   ? &year_col
                    : h == "requested" || h == "申报人数"                ? &count_col
                                                                         : nullptr;
        if (slot && *slot >= 0)
            throw Error(msg("{}:{}:{}: duplicate column '{}'", name, record.line, i + 1, h));
        if (slot) *slot = static_cast<int>(i);
        else if (!h.empty())
            throw Error(msg("{}:{}:{}: unknown column '{}' (expected 接收单位, 年度, 申报人数)", name, record.line,
                                    i + 1, h));
    }
    if (host_col < 0 || year_col < 0 || count_col < 0)
        throw Error(msg("{}:{}: the header needs 接收单位 (host_unit), 年度 (batch_year) and 申报人数 (requested)",
                                name, record.line));

    require_transaction(db, "import_applications");
    std::vector<Message> problems;
    std::size_t rows = 0;
    auto at = [&](int col) {
        return static_cast<std::size_t>(col) < record.fields.size() ? util::clean(record.fields[static_cast<std::size_t>(col)])
                                                                    : std::string();
    };
    while (reader.next(record)) {
        if (record.blank()) continue;
        ++rows;
        std::string host = at(host_col), year = at(year_col), count = at(count_col);
        std::size_t before = problems.size();
        if (host.empty()) problems.push_back(msg("{}:{}: 接收单位: is required", name, record.line));
        if (!(util::is_digits(year) && year.size() == 4))
            problems.push_back(msg("{}:{}: 年度: '{}' is not a year", name, record.line, year));
        auto n = parse_count(count);
        if (!n) problems.push_back(msg("{}:{}: 申报人数: '{}' is not a number of people", name, record.line, count));
        if (problems.size() == before) {
            try {
                write_application(db, host, std::stoi(year), *n, recorded_by);
            } catch (const Error& e) {
                problems.push_back(msg("{}:{}: 接收单位: {}", name, record.line, e.message()));
            }
        }
    }
    if (!problems.empty()) throw Error(msg("{}\n{}: nothing was written", lines_of(std::move(problems)), name));
    if (rows == 0) throw Error(msg("{}: there are no data rows after the header", name));
    return rows;
}

std::vector<ApplicationRow> application_summary(SQLite::Database& db, int batch_year) {
    SQLite::Statement s(db, R"sql(
SELECT u.name, u.kind,
       (SELECT requested FROM applications p WHERE p.host_unit_id = u.id AND p.batch_year = ?1),
       (SELECT count(*) FROM assignments a WHERE a.host_unit_id = u.id AND a.batch_year = ?1)
  FROM units u
 WHERE u.id IN (SELECT host_unit_id FROM applications WHERE batch_year = ?1
                UNION SELECT host_unit_id FROM assignments WHERE batch_year = ?1)
 ORDER BY u.kind, u.name)sql");
    s.bind(1, batch_year);
    std::vector<ApplicationRow> rows;
    while (s.executeStep()) {
        ApplicationRow r{s.getColumn(0).getString(), s.getColumn(1).getString(), std::nullopt,
                         s.getColumn(3).getInt64()};
        if (!s.getColumn(2).isNull()) r.requested = s.getColumn(2).getInt64();
        rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace guazhi
