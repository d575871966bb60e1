#include "store/report_import.hpp"
#include "domain/schedule.hpp"

#include "domain/vocabulary.hpp"
#include "domain/roster.hpp"
#include "domain/roster_cells.hpp"
#include "problem.hpp"
#include "error.hpp"
#include "store/reports.hpp"
#include "store/batch_import.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <fmt/format.h>

namespace guazhi {

namespace {

enum Column { assignment_id, id_number, batch_year, kind, period, submitted_on, recipient, name, kColumns };

// The ID number and the name are read under the roster's headers too (身份证号码 …).
const std::array<util::ColumnSpec, kColumns> kSpecs = {{{"assignment_id", "挂职编号"},
                                                            {"id_number", "身份证号", spec(Field::id_number).aliases},
                                                            {"batch_year", "年度"},
                                                            {"kind", "报告类型"},
                                                            {"period", "期次"},
                                                            {"submitted_on", "提交日期"},
                                                            {"recipient", "报送对象"},
                                                            {"name", "姓名", spec(Field::name).aliases}}};

} // namespace

ReportImport import_reports(SQLite::Database& db, const util::TableInput& input, const Config& config,
                            const std::string& recorded_by, const Namer& namer, const ReportImportOptions& options) {
    // 报告类型 may be left out where 期次 says it (第一季度, 上半年, 年度总结: kind_of_period).
    BatchImport file(db, input, kSpecs, assignment_id, id_number, {period, submitted_on},
                     options.ignore_unknown_columns);
    SQLite::Statement by_cadre(db, "SELECT a.id FROM assignments a JOIN cadres c ON c.id = a.cadre_id "
                                   "WHERE c.id_number = ? AND (? IS NULL OR a.batch_year = ?)");
    SQLite::Statement cadre_of(db, "SELECT c.name FROM assignments a JOIN cadres c ON c.id = a.cadre_id WHERE a.id = ?");
    std::size_t rows = 0, unchanged = 0;
    while (file.next()) {
        ++rows;
        auto at = [&](Column c) { return file.at(c); };
        std::size_t before = file.problems();
        NewReport r;
        r.recorded_by = recorded_by;
        if (!at(assignment_id).empty()) {
            if (auto id = file.assignment_id_at(assignment_id)) r.assignment_id = *id;
        } else {
            if (auto id = file.id_number_at(id_number, namer)) {
                by_cadre.reset();
                by_cadre.bind(1, *id);
                std::string year = at(batch_year);
                if (year.empty()) by_cadre.bind(2), by_cadre.bind(3);
                else by_cadre.bind(2, year), by_cadre.bind(3, year);
                std::vector<std::int64_t> found;
                while (by_cadre.executeStep()) found.push_back(by_cadre.getColumn(0).getInt64());
                if (found.size() == 1) r.assignment_id = found[0];
                else if (found.empty()) file.problem(id_number, msg("no assignment of this cadre is recorded (for that year)"));
                else file.problem(id_number, msg("the cadre has several assignments; add 年度 (batch_year) or 挂职编号"));
            }
        }
        auto code = at(kind).empty() ? kind_of_period(at(period)) : report_kinds().code_of(at(kind));
        if (code) r.kind = *code;
        else if (at(kind).empty()) file.problem(kind, msg("is empty, and 期次 does not say which report it is"));
        else file.problem(kind, report_kinds().unknown(at(kind)));
        r.period = at(period);
        auto date = util::parse_date(at(submitted_on));
        if (date) r.submitted_on = *date.value;
        else file.problem(submitted_on, date.error);
        if (!at(recipient).empty()) {
            auto who = recipients().code_of(at(recipient));
            if (who) r.recipient = *who;
            else file.problem(recipient, recipients().unknown(at(recipient)));
        }
        // A row of another person pasted under this assignment is refused, not recorded for
        // whoever the assignment belongs to.
        if (r.assignment_id != 0 && !at(name).empty()) {
            cadre_of.reset();
            cadre_of.bind(1, r.assignment_id);
            if (cadre_of.executeStep()) {
                std::string recorded = cadre_of.getColumn(0).getString();
                if (clean_person_name(at(name)) != clean_person_name(recorded))
                    file.problem(name, describe(problem(Parameter::none, ProblemCode::name_mismatch, at(name), recorded,
                                                        r.assignment_id),
                                                namer, SubjectNamed::no));
            }
        }
        if (file.problems() != before) continue;
        // The column of the parameter add_report refuses.
        r.skip_same = true;
        std::int64_t id = 0;
        bool written = file.attempt([&] { id = add_report(db, config, r); },
                     [&](Parameter p) -> std::size_t {
                         switch (p) {
                         case Parameter::period: return period;
                         case Parameter::submitted_on: return submitted_on;
                         case Parameter::assignment: return file.who();
                         default: return kind;
                         }
                     },
                     namer);
        if (written && id == 0) ++unchanged;
    }
    file.finish();
    return {rows - unchanged, unchanged, file.ignored_columns(), !options.dry_run};
}

} // namespace guazhi
