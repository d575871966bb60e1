#include "store/report_import.hpp"

#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "store/reports.hpp"
#include "util/csv.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <array>
#include <fmt/format.h>

namespace guazhi {

namespace {

enum Column { assignment_id, id_number, batch_year, kind, period, submitted_on, recipient, kColumns };

struct ColumnSpec {
    std::string_view key, zh;
};
constexpr std::array<ColumnSpec, kColumns> kSpecs = {{{"assignment_id", "挂职编号"},
                                                      {"id_number", "身份证号"},
                                                      {"batch_year", "年度"},
                                                      {"kind", "报告类型"},
                                                      {"period", "期次"},
                                                      {"submitted_on", "提交日期"},
                                                      {"recipient", "报送对象"}}};

} // namespace

std::size_t import_reports(SQLite::Database& db, std::istream& in, const std::string& name, util::Encoding encoding,
                           const Config& config, const std::string& recorded_by) {
    util::CsvReader reader(in, encoding, name);
    util::CsvRecord record;
    while (reader.next(record) && record.blank()) {}
    if (record.fields.empty()) throw Error(fmt::format("{}: the file is empty (no header row)", name));
    std::array<int, kColumns> col;
    col.fill(-1);
    std::vector<std::string> headers;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        std::string h = util::ascii_lower(util::clean(record.fields[i]));
        headers.push_back(h);
        bool known = h.empty();
        for (std::size_t c = 0; c < kColumns; ++c)
            if (h == kSpecs[c].key || h == kSpecs[c].zh) {
                if (col[c] >= 0)
                    throw Error(fmt::format("{}:{}:{}: duplicate column '{}'", name, record.line, i + 1, h));
                col[c] = static_cast<int>(i);
                known = true;
            }
        if (!known) throw Error(fmt::format("{}:{}:{}: unknown column '{}'", name, record.line, i + 1, h));
    }
    std::vector<std::string> missing;
    if (col[assignment_id] < 0 && col[id_number] < 0) missing.emplace_back("挂职编号 (assignment_id) or 身份证号 (id_number)");
    for (Column c : {kind, period, submitted_on})
        if (col[c] < 0) missing.push_back(fmt::format("{} ({})", kSpecs[c].zh, kSpecs[c].key));
    if (!missing.empty())
        throw Error(fmt::format("{}:{}: missing column {}", name, record.line, fmt::join(missing, ", ")));

    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement by_cadre(db, "SELECT a.id FROM assignments a JOIN cadres c ON c.id = a.cadre_id "
                                   "WHERE c.id_number = ? AND (? IS NULL OR a.batch_year = ?)");
    std::vector<std::string> problems;
    std::size_t rows = 0;
    while (reader.next(record)) {
        if (record.blank()) continue;
        ++rows;
        auto at = [&](Column c) {
            return col[c] >= 0 && static_cast<std::size_t>(col[c]) < record.fields.size()
                       ? util::clean(record.fields[static_cast<std::size_t>(col[c])])
                       : std::string();
        };
        auto problem = [&](Column c, const std::string& message) {
            std::string header = col[c] >= 0 ? headers[static_cast<std::size_t>(col[c])] : std::string(kSpecs[c].key);
            problems.push_back(fmt::format("{}:{}: {}: {}", name, record.line, header, message));
        };
        std::size_t before = problems.size();
        NewReport r;
        r.recorded_by = recorded_by;
        if (!at(assignment_id).empty()) {
            if (util::is_digits(at(assignment_id)) && at(assignment_id).size() <= 15)
                r.assignment_id = std::stoll(at(assignment_id));
            else problem(assignment_id, fmt::format("'{}' is not an assignment id", at(assignment_id)));
        } else {
            auto id = util::parse_id_number(at(id_number));
            if (!id) problem(id_number, id.error);
            else {
                by_cadre.reset();
                by_cadre.bind(1, *id.value);
                std::string year = at(batch_year);
                if (year.empty()) by_cadre.bind(2), by_cadre.bind(3);
                else by_cadre.bind(2, year), by_cadre.bind(3, year);
                std::vector<std::int64_t> found;
                while (by_cadre.executeStep()) found.push_back(by_cadre.getColumn(0).getInt64());
                if (found.size() == 1) r.assignment_id = found[0];
                else if (found.empty()) problem(id_number, "no assignment of this cadre is recorded (for that year)");
                else problem(id_number, "the cadre has several assignments; add 年度 (batch_year) or 挂职编号");
            }
        }
        auto code = report_kinds().code_of(at(kind));
        if (code) r.kind = *code;
        else problem(kind, report_kinds().unknown(at(kind)));
        r.period = at(period);
        auto date = util::parse_date(at(submitted_on));
        if (date) r.submitted_on = *date.value;
        else problem(submitted_on, date.error);
        if (!at(recipient).empty()) {
            auto who = recipients().code_of(at(recipient));
            if (who) r.recipient = *who;
            else problem(recipient, recipients().unknown(at(recipient)));
        }
        if (problems.size() != before) continue;
        // The row's own refusal (period, date, duplicate) must not undo the rows before it
        // while we go on looking for more problems: a savepoint per row.
        db.exec("SAVEPOINT report_row");
        try {
            add_report(db, config, r);
            db.exec("RELEASE report_row");
        } catch (const Error& e) {
            db.exec("ROLLBACK TO report_row; RELEASE report_row");
            std::string message = e.what();
            // add_report names the flag it refuses; map it back to the file's column.
            Column who = col[assignment_id] >= 0 ? assignment_id : id_number;
            Column where = message.starts_with("--period") || message.find("already recorded") != std::string::npos
                               ? period
                           : message.starts_with("--submitted") ? submitted_on
                           : message.starts_with("no assignment") ? who
                                                                  : kind;
            if (auto colon = message.find(": "); message.starts_with("--") && colon != std::string::npos)
                message = message.substr(colon + 2);
            problem(where, message);
        }
    }
    if (!problems.empty()) throw Error(fmt::format("{}\n{}: nothing was written", fmt::join(problems, "\n"), name));
    if (rows == 0) throw Error(fmt::format("{}: there are no data rows after the header", name));
    tx.commit();
    return rows;
}

} // namespace guazhi
