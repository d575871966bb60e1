#include "store/appraisal_import.hpp"

#include "domain/rules.hpp"
#include "domain/roster.hpp"
#include "domain/roster_cells.hpp"
#include "error.hpp"
#include "store/appraisals.hpp"
#include "store/batch_import.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <fmt/format.h>

namespace guazhi {

namespace {

// The columns in the order `export appraisals` writes them (app/datasets.cpp takes its headers
// from annual_assessment_columns(), so that its English export imports back too, issue 20).
enum Column {
    assignment_id, id_number,
    name, // checked against the assignment's cadre (name_mismatch)
    year, grade, votes_excellent, votes_competent, votes_basically_competent, votes_incompetent,
    excellent_share, // written by `export appraisals` for people; derived from the votes, so not read
    outstanding, unit, decided_on, home_note,
    kColumns
};

// Key, Chinese header, aliases, English header. The ID number and the name are read under the
// roster's headers too (身份证号码 …).
const std::array<util::ColumnSpec, kColumns> kSpecs = {{{"assignment_id", "挂职编号", {}, "assignment"},
                                                            {"id_number", "身份证号", spec(Field::id_number).aliases, "ID number"},
                                                            {"name", "姓名", spec(Field::name).aliases, "name"},
                                                            {"year", "考核年度", {}, "year"},
                                                            {"grade", "等次", {}, "grade"},
                                                            {"votes_excellent", "优秀票", {}, "excellent votes"},
                                                            {"votes_competent", "称职票", {}, "competent votes"},
                                                            {"votes_basically_competent", "基本称职票", {}, "basically competent votes"},
                                                            {"votes_incompetent", "不称职票", {}, "incompetent votes"},
                                                            {"excellent_share", "优秀票比例", {}, "excellent share"},
                                                            {"outstanding", "表现突出", {}, "outstanding"},
                                                            {"unit", "考核单位", {}, "unit"},
                                                            {"decided_on", "考核日期", {}, "date"},
                                                            {"home_note", "派出单位意见", {}, "home unit's note"}}};

} // namespace

std::span<const util::ColumnSpec> annual_assessment_columns() { return kSpecs; }

namespace {

std::optional<bool> parse_yes_no(const std::string& text) {
    std::string t = util::ascii_lower(text);
    if (t == "是" || t == "yes" || t == "y" || t == "true" || t == "1" || t == "√") return true;
    if (t == "否" || t == "no" || t == "n" || t == "false" || t == "0") return false;
    return std::nullopt;
}

} // namespace

AppraisalImport import_appraisals(SQLite::Database& db, const util::TableInput& input, const Config& config,
                                  bool replace, const std::string& recorded_by, const Namer& name,
                                  const std::optional<std::string>& override_reason,
                                  const AppraisalImportChecks& checks) {
    BatchImport file(db, input, kSpecs, assignment_id, id_number, {year}, checks.ignore_unknown_columns);
    AssignmentStore store(db);
    AppraisalImport result;
    while (file.next()) {
        auto at = [&](Column c) { return file.at(c); };
        auto problem = [&](Column c, const Message& message) { file.problem(c, message); };
        std::size_t before = file.problems();
        AnnualChange change;
        change.replace = replace;
        change.recorded_by = recorded_by;
        change.override_reason = override_reason;
        std::string cadre_name; // of the assignment or ID number the row names
        std::string year_text = at(year);
        if (util::is_digits(year_text) && year_text.size() == 4) change.year = std::stoi(year_text);
        else problem(year, msg("'{}' is not a year", year_text));

        if (!at(assignment_id).empty()) {
            change.assignment_id = file.assignment_id_at(assignment_id);
            if (change.assignment_id)
                if (auto a = store.get(*change.assignment_id)) cadre_name = a->cadre.name;
        } else {
            auto id = file.id_number_at(id_number, name); // a bad one is a problem already
            auto cadre = id ? store.find_cadre(*id) : std::nullopt;
            if (id && !cadre) problem(id_number, msg("no cadre with this ID number is recorded"));
            if (cadre) cadre_name = cadre->cadre.name;
            if (cadre && change.year) {
                change.cadre_id = cadre->id;
                std::vector<std::int64_t> touching;
                for (const auto& a : store.assignments_of(cadre->id)) {
                    auto [first, last] = assessment_years(a);
                    if (change.year >= first && change.year <= last) touching.push_back(a.id);
                }
                if (touching.size() == 1) change.assignment_id = touching[0];
                else if (touching.size() > 1)
                    problem(id_number, msg("several assignments of the cadre touch {}; give 挂职编号", change.year));
            }
        }
        // A row of another person's sheet pasted under this id is refused, not recorded for
        // whoever the id belongs to.
        const std::string& given_name = at(Column::name); // (`name` is the Namer here)
        if (!given_name.empty() && !cadre_name.empty() && clean_person_name(given_name) != clean_person_name(cadre_name))
            problem(Column::name, at(assignment_id).empty()
                                      ? msg("'{}' is not the name recorded for this ID number, '{}'", given_name, cadre_name)
                                      : msg("'{}' is not the name recorded for this assignment, '{}'", given_name,
                                            cadre_name));
        if (!at(grade).empty()) {
            if (auto code = grades().code_of(at(grade))) change.grade = std::string(*code);
            else problem(grade, grades().unknown(at(grade)));
        }
        bool any_votes = false;
        Votes votes;
        for (Column c : {votes_excellent, votes_competent, votes_basically_competent, votes_incompetent}) {
            if (at(c).empty()) continue;
            any_votes = true;
            auto n = parse_vote_count(at(c));
            if (n.count) votes.counts[static_cast<std::size_t>(c - votes_excellent)] = *n.count;
            else problem(c, n.error);
        }
        if (any_votes && votes.total() == 0 && file.problems() == before)
            problem(votes_excellent, msg("every count is 0: no votes were cast"));
        if (any_votes) change.votes = votes;
        if (!at(outstanding).empty()) {
            if (auto yes = parse_yes_no(at(outstanding))) change.outstanding = *yes;
            else problem(outstanding, msg("'{}' is not 是 or 否", at(outstanding)));
        }
        if (!at(unit).empty()) change.unit = at(unit);
        if (!at(home_note).empty()) change.home_note = at(home_note);
        if (!at(decided_on).empty()) {
            auto date = util::parse_date(at(decided_on));
            if (date) change.decided_on = *date.value;
            else problem(decided_on, date.error);
        }
        if (file.problems() != before) continue;
        bool changed = false;
        bool written = file.attempt([&] { changed = record_annual(store, config, change).changed; },
                                    [&](Parameter p) -> std::size_t {
                                        switch (p) {
                                        case Parameter::year: return year;
                                        case Parameter::assignment: return file.who();
                                        case Parameter::assessing_unit: return unit;
                                        case Parameter::home_note: return home_note;
                                        case Parameter::date: return decided_on;
                                        default: return grade;
                                        }
                                    },
                                    name);
        if (written) ++(changed ? result.recorded : result.unchanged);
    }
    file.finish();
    result.ignored_columns = file.ignored_columns();
    result.committed = !checks.dry_run;
    return result;
}

} // namespace guazhi
