#include "store/appraisals.hpp"
#include "store/sql_values.hpp"

#include "domain/limits.hpp"
#include "domain/term_dates.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <set>

namespace guazhi {

namespace {

constexpr const char* kAnnualColumns =
    "id, cadre_id, assignment_id, year, grade, decided_on, unit, votes_excellent, votes_competent, "
    "votes_basically_competent, votes_incompetent, outstanding, home_note, recorded_by, recorded_at, superseded_by, "
    "override_reason";

AnnualAssessment read_annual(SQLite::Statement& s) {
    AnnualAssessment x;
    x.id = s.getColumn(0).getInt64();
    x.cadre_id = s.getColumn(1).getInt64();
    if (!s.getColumn(2).isNull()) x.assignment_id = s.getColumn(2).getInt64();
    x.year = s.getColumn(3).getInt();
    if (!s.getColumn(4).isNull()) x.grade = s.getColumn(4).getString();
    x.decided_on = optional_date(s.getColumn(5));
    x.unit = s.getColumn(6).getString();
    if (!s.getColumn(7).isNull()) {
        Votes v;
        for (int i = 0; i < 4; ++i) v.counts[static_cast<std::size_t>(i)] = s.getColumn(7 + i).getInt64();
        x.votes = v;
    }
    x.outstanding = s.getColumn(11).getInt() != 0;
    x.home_note = s.getColumn(12).getString();
    x.recorded_by = s.getColumn(13).getString();
    x.recorded_at = s.getColumn(14).getString();
    if (!s.getColumn(15).isNull()) x.superseded_by = s.getColumn(15).getInt64();
    x.override_reason = s.getColumn(16).getString();
    return x;
}

std::optional<AnnualAssessment> current_annual(SQLite::Database& db, std::int64_t cadre_id, int year) {
    SQLite::Statement s(db, fmt::format("SELECT {} FROM annual_assessments WHERE cadre_id = ? AND year = ? AND "
                                        "superseded_by IS NULL",
                                        kAnnualColumns));
    s.bind(1, cadre_id);
    s.bind(2, year);
    if (!s.executeStep()) return std::nullopt;
    return read_annual(s);
}

// A replaced record leaves the unique "current" index first and then points at its
// successor, so that the history reads forwards.
void park(SQLite::Database& db, std::string_view table, std::int64_t id) {
    SQLite::Statement s(db, fmt::format("UPDATE {} SET superseded_by = id WHERE id = ?", table));
    s.bind(1, id);
    s.exec();
}
void point_to(SQLite::Database& db, std::string_view table, std::int64_t id, std::int64_t successor) {
    SQLite::Statement s(db, fmt::format("UPDATE {} SET superseded_by = ? WHERE id = ?", table));
    s.bind(1, successor);
    s.bind(2, id);
    s.exec();
}

std::string describe(const std::optional<std::string>& grade) {
    return grade ? std::string(grades().label(*grade, Lang::zh)) : std::string("—");
}

// The year's graded secondees and their 优秀 (YearExcellence: the cap is over the year's
// secondees as one group, all hosts together).
YearExcellence year_excellence(SQLite::Database& db, const Config& config, int year) {
    SQLite::Statement s(db, "SELECT count(*), total(grade = 'excellent') FROM annual_assessments WHERE year = ? AND "
                            "superseded_by IS NULL AND assignment_id IS NOT NULL AND grade IN ('excellent', "
                            "'competent', 'basically_competent', 'incompetent')");
    s.bind(1, year);
    s.executeStep();
    YearExcellence out;
    out.graded = s.getColumn(0).getInt64();
    out.excellent = static_cast<std::int64_t>(s.getColumn(1).getDouble());
    out.cap = excellent_cap(out.graded, config.policy);
    return out;
}

// The year's 优秀 count against the cap, as a warning when over it.
std::optional<Message> cap_warning(SQLite::Database& db, const Config& config, int year) {
    auto x = year_excellence(db, config, year);
    if (!x.over()) return std::nullopt;
    return msg("{} secondees now have 优秀 of {} graded for {}, above the cap of {} (excellent_cap_share = {})",
                       x.excellent, x.graded, year, *x.cap, config.policy.excellent_cap_share);
}

} // namespace

CadreRef resolve_cadre(AssignmentStore& store, std::string_view text) {
    std::string t = util::clean(text);
    CadreRef ref;
    if (util::is_digits(t) && t.size() < 18) {
        auto a = t.size() <= 15 ? store.get(std::stoll(t)) : std::nullopt;
        if (!a) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, t));
        auto cadre = store.find_cadre(a->cadre.id_number);
        ref.cadre_id = cadre->id;
        ref.cadre = cadre->cadre;
        ref.assignment_id = a->id;
        return ref;
    }
    auto id = util::parse_id_number(t);
    if (!id) throw Error(msg("'{}' is neither an assignment id nor an ID number: {}", t, id.error));
    auto cadre = store.find_cadre(*id.value);
    if (!cadre) throw Error(msg("no cadre with ID number {} is recorded", util::mask_id_number(*id.value)));
    ref.cadre_id = cadre->id;
    ref.cadre = cadre->cadre;
    return ref;
}

std::optional<Problem> recorder_problem(SQLite::Database& db, std::string_view recorded_by) {
    SQLite::Statement unit(db, "SELECT 1 FROM units WHERE name = ?");
    unit.bind(1, std::string(recorded_by));
    if (unit.executeStep() || names_a_unit(recorded_by))
        return problem(Parameter::recorded_by, ProblemCode::recorder_is_unit, recorded_by);
    return std::nullopt;
}

AnnualOutcome record_annual(AssignmentStore& store, const Config& config, const AnnualChange& c) {
    auto& db = store.db();
    std::int64_t cadre_id = c.cadre_id;
    std::optional<Assignment> assignment;
    if (c.year < 1949 || c.year > 2100) throw ProblemError(problem(Parameter::year, ProblemCode::year_out_of_range, c.year));
    if (!c.unit)
        if (auto p = recorder_problem(db, c.recorded_by)) throw ProblemError(*p);
    // A grade is recorded once decided: a decision after today is a typing error.
    if (c.decided_on && *c.decided_on > util::Date::today())
        throw ProblemError(problem(Parameter::date, ProblemCode::since_in_future, c.decided_on->iso()));
    limits::require_within({{Parameter::assessing_unit, c.unit.value_or(""), limits::kUnit},
                            {Parameter::home_note, c.home_note.value_or(""), limits::kNote}});
    if (c.assignment_id) {
        assignment = store.get(*c.assignment_id);
        if (!assignment) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, *c.assignment_id));
        auto [first, last] = assessment_years(*assignment);
        if (c.year < first || c.year > last)
            throw ProblemError(problem(Parameter::year, ProblemCode::year_outside_assignment, c.year, assignment->id,
                                       assignment->start.iso(), assignment->effective_end().iso()));
        cadre_id = store.find_cadre(assignment->cadre.id_number)->id;
        if (c.override_reason && util::trim(*c.override_reason).empty())
            throw ProblemError(problem(Parameter::override_rule, ProblemCode::override_without_reason));
        if (c.unit)
            if (auto refusal = refuse_assessing_unit(*assignment, c.year, *c.unit, c.override_reason.value_or("")))
                throw ProblemError(*refusal);
    } else {
        SQLite::Statement known(db, "SELECT 1 FROM cadres WHERE id = ?");
        known.bind(1, cadre_id);
        if (!known.executeStep()) throw ProblemError(problem(Parameter::assignment, ProblemCode::cadre_unknown, cadre_id));
        SQLite::Statement cover(db, fmt::format("SELECT id FROM assignments a WHERE cadre_id = ? AND ? BETWEEN "
                                                "substr(start_date, 1, 4) AND substr({}, 1, 4)",
                                                kServedEndSql));
        cover.bind(1, cadre_id);
        cover.bind(2, std::to_string(c.year));
        if (cover.executeStep())
            throw ProblemError(
                problem(Parameter::year, ProblemCode::year_in_assignment, c.year, cover.getColumn(0).getInt64()));
    }

    auto current = current_annual(db, cadre_id, c.year);
    AnnualAssessment next = current.value_or(AnnualAssessment{});
    // A part given that differs from one already recorded is a conflict; an equal one is not.
    // Each conflict is three arguments of the problem: what, the recorded value, the given one.
    std::vector<std::string> conflicts;
    auto take = [&](auto& field, const auto& given, bool recorded, std::string_view name, auto&& show) {
        if (!given) return;
        if (recorded && !(field == *given)) conflicts.insert(conflicts.end(), {std::string(name), show(field), show(*given)});
        field = *given;
    };
    auto as_is = [](const std::string& s) { return s; };
    if (c.grade) {
        if (next.grade && next.grade != c.grade) conflicts.insert(conflicts.end(), {"grade", describe(next.grade), describe(c.grade)});
        next.grade = c.grade;
    }
    if (c.votes) {
        if (next.votes && next.votes != c.votes)
            conflicts.insert(conflicts.end(), {"votes", format_votes(*next.votes, Lang::zh), format_votes(*c.votes, Lang::zh)});
        next.votes = c.votes;
    }
    if (c.decided_on) {
        if (auto refusal = refuse_decision_date(c.year, *c.decided_on)) throw ProblemError(*refusal);
        if (next.decided_on && next.decided_on != c.decided_on)
            conflicts.insert(conflicts.end(), {"date", next.decided_on->iso(), c.decided_on->iso()});
        next.decided_on = c.decided_on;
    }
    take(next.unit, c.unit, !next.unit.empty(), "unit", as_is);
    // The reason the host rule was set aside stays with the unit it was set aside for.
    if (c.unit) next.override_reason = assignment && *c.unit != assignment->host_unit.name ? *c.override_reason : "";
    take(next.home_note, c.home_note, !next.home_note.empty(), "home_note", as_is);
    take(next.outstanding, c.outstanding, next.outstanding, "outstanding",
         [](bool b) { return std::string(b ? "true" : "false"); });
    if (!conflicts.empty() && !c.replace) {
        SQLite::Statement who(db, "SELECT name FROM cadres WHERE id = ?");
        who.bind(1, cadre_id);
        who.executeStep();
        Problem p = problem(Parameter::replace, ProblemCode::annual_conflict, c.year, who.getColumn(0).getString());
        p.args.insert(p.args.end(), conflicts.begin(), conflicts.end());
        throw ProblemError(std::move(p));
    }
    if (assignment) {
        next.assignment_id = assignment->id;
        if (next.unit.empty() && next.grade) next.unit = assignment->host_unit.name;
    }
    bool changed = !current || current->grade != next.grade || current->votes != next.votes ||
                   current->unit != next.unit || current->home_note != next.home_note ||
                   current->outstanding != next.outstanding || current->decided_on != next.decided_on ||
                   current->assignment_id != next.assignment_id || current->override_reason != next.override_reason;
    if (!changed) return {current->id, false, std::nullopt};

    if (current) park(db, "annual_assessments", current->id);
    SQLite::Statement insert(db, "INSERT INTO annual_assessments (cadre_id, assignment_id, year, grade, decided_on, unit, "
                                 "votes_excellent, votes_competent, votes_basically_competent, votes_incompetent, "
                                 "outstanding, home_note, recorded_by, override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, cadre_id);
    if (next.assignment_id) insert.bind(2, *next.assignment_id);
    insert.bind(3, c.year);
    if (next.grade) insert.bind(4, *next.grade);
    if (next.decided_on) insert.bind(5, next.decided_on->iso());
    insert.bind(6, next.unit);
    if (next.votes)
        for (int i = 0; i < 4; ++i) insert.bind(7 + i, next.votes->counts[static_cast<std::size_t>(i)]);
    insert.bind(11, next.outstanding ? 1 : 0);
    insert.bind(12, next.home_note);
    insert.bind(13, c.recorded_by);
    insert.bind(14, next.override_reason);
    insert.exec();
    std::int64_t id = db.getLastInsertRowid();
    if (current) point_to(db, "annual_assessments", current->id, id);
    AnnualOutcome out{id, true, std::nullopt};
    if (assignment && next.grade == "excellent") out.cap_warning = cap_warning(db, config, c.year);
    return out;
}

std::vector<AnnualAssessment> annual_assessments_of(SQLite::Database& db, std::int64_t cadre_id, Versions which) {
    SQLite::Statement s(db, fmt::format("SELECT {} FROM annual_assessments WHERE cadre_id = ?{} ORDER BY year, "
                                        "superseded_by IS NOT NULL, id DESC",
                                        kAnnualColumns, which == Versions::with_replaced ? "" : " AND superseded_by IS NULL"));
    s.bind(1, cadre_id);
    std::vector<AnnualAssessment> out;
    while (s.executeStep()) out.push_back(read_annual(s));
    return out;
}

Recommendation recommendation_for(SQLite::Database& db, std::int64_t cadre_id, int year, const Config& config) {
    auto before = current_annual(db, cadre_id, year - 1);
    auto two_before = current_annual(db, cadre_id, year - 2);
    auto now = current_annual(db, cadre_id, year);
    return recommend_excellent(year, before ? before->grade : std::nullopt, two_before ? two_before->grade : std::nullopt,
                               now ? now->votes : std::nullopt, now && now->outstanding, config.policy);
}

namespace {

constexpr const char* kFinalColumns =
    "id, assignment_id, ideology_rating, ideology_comment, work_rating, work_comment, study_rating, study_comment, "
    "life_rating, life_comment, integrity_rating, integrity_comment, conclusion, author_unit, written_on, "
    "early_reason, recorded_by, recorded_at, superseded_by, override_reason";

FinalAppraisal read_final(SQLite::Statement& s) {
    FinalAppraisal f;
    f.id = s.getColumn(0).getInt64();
    f.assignment_id = s.getColumn(1).getInt64();
    for (int i = 0; i < 5; ++i)
        f.dimensions[static_cast<std::size_t>(i)] = {s.getColumn(2 + 2 * i).getString(),
                                                     s.getColumn(3 + 2 * i).getString()};
    f.conclusion = s.getColumn(12).getString();
    f.author_unit = s.getColumn(13).getString();
    f.written_on = optional_date(s.getColumn(14)).value_or(util::Date{});
    f.early_reason = s.getColumn(15).getString();
    f.recorded_by = s.getColumn(16).getString();
    f.recorded_at = s.getColumn(17).getString();
    if (!s.getColumn(18).isNull()) f.superseded_by = s.getColumn(18).getInt64();
    f.override_reason = s.getColumn(19).getString();
    return f;
}

} // namespace

std::int64_t record_final_appraisal(SQLite::Database& db, const Config& config, FinalAppraisal f, bool early,
                                    bool replace, bool override_rule) {
    AssignmentStore store(db);
    auto a = store.get(f.assignment_id);
    if (!a) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, f.assignment_id));
    if (f.author_unit.empty())
        if (auto p = recorder_problem(db, f.recorded_by)) throw ProblemError(*p);
    if (f.written_on > util::Date::today())
        throw ProblemError(problem(Parameter::date, ProblemCode::since_in_future, f.written_on.iso()));
    if (override_rule && util::trim(f.override_reason).empty())
        throw ProblemError(problem(Parameter::override_rule, ProblemCode::override_without_reason));
    if (!override_rule) f.override_reason.clear();
    if (auto refusal = refuse_appraisal_author(*a, f.author_unit, f.override_reason)) throw ProblemError(*refusal);
    if (f.author_unit.empty() || f.author_unit == a->host_unit.name) f.override_reason.clear();
    auto problems = appraisal_problems(f, config.policy.appraisal_scale);
    if (!problems.empty()) {
        std::vector<Message> lines;
        for (auto& p : problems) lines.push_back(msg("  {}", std::move(p)));
        throw Error(msg("the appraisal is incomplete:\n{}", lines_of(std::move(lines))));
    }
    if (auto refusal = refuse_final_appraisal(*a, f.written_on, early, f.early_reason)) throw ProblemError(*refusal);
    if (f.written_on >= a->effective_end()) f.early_reason.clear();
    if (f.author_unit.empty()) f.author_unit = a->host_unit.name;

    auto existing = final_appraisals_of(db, f.assignment_id, Versions::current);
    if (!existing.empty() && !replace)
        throw ProblemError(problem(Parameter::replace, ProblemCode::final_exists, f.assignment_id, existing[0].id,
                                   existing[0].written_on.iso(), existing[0].author_unit));
    if (!existing.empty()) park(db, "final_appraisals", existing[0].id);
    SQLite::Statement insert(db, "INSERT INTO final_appraisals (assignment_id, ideology_rating, ideology_comment, "
                                 "work_rating, work_comment, study_rating, study_comment, life_rating, life_comment, "
                                 "integrity_rating, integrity_comment, conclusion, author_unit, written_on, "
                                 "early_reason, recorded_by, override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, f.assignment_id);
    for (int i = 0; i < 5; ++i) {
        insert.bind(2 + 2 * i, f.dimensions[static_cast<std::size_t>(i)].rating);
        insert.bind(3 + 2 * i, f.dimensions[static_cast<std::size_t>(i)].comment);
    }
    insert.bind(12, f.conclusion);
    insert.bind(13, f.author_unit);
    insert.bind(14, f.written_on.iso());
    insert.bind(15, f.early_reason);
    insert.bind(16, f.recorded_by);
    insert.bind(17, f.override_reason);
    insert.exec();
    std::int64_t id = db.getLastInsertRowid();
    if (!existing.empty()) point_to(db, "final_appraisals", existing[0].id, id);
    return id;
}

std::vector<FinalAppraisal> final_appraisals_of(SQLite::Database& db, std::int64_t assignment_id, Versions which) {
    SQLite::Statement s(db, fmt::format("SELECT {} FROM final_appraisals WHERE assignment_id = ?{} ORDER BY "
                                        "superseded_by IS NOT NULL, id DESC",
                                        kFinalColumns, which == Versions::with_replaced ? "" : " AND superseded_by IS NULL"));
    s.bind(1, assignment_id);
    std::vector<FinalAppraisal> out;
    while (s.executeStep()) out.push_back(read_final(s));
    return out;
}

CadreAppraisals appraisals_of(AssignmentStore& store, const CadreRef& ref, const Config& config, Versions which) {
    CadreAppraisals out;
    out.cadre = ref.cadre;
    out.annual = annual_assessments_of(store.db(), ref.cadre_id, which);
    for (auto& a : store.assignments_of(ref.cadre_id)) {
        if (ref.assignment_id && a.id != *ref.assignment_id) continue;
        AssignmentAppraisals item{a, {}, final_appraisals_of(store.db(), a.id, which)};
        auto [first, last] = assessment_years(a);
        for (int y = first; y <= last; ++y) item.recommendations.push_back(recommendation_for(store.db(), ref.cadre_id, y, config));
        out.assignments.push_back(std::move(item));
    }
    return out;
}

Recommendations recommendations(AssignmentStore& store, int year, const Config& config) {
    auto& db = store.db();
    std::string year_end = fmt::format("{}-12-31", year);
    SQLite::Statement ids(db, fmt::format(R"sql(
SELECT a.id FROM assignments a
 WHERE a.start_date <= ?1 AND {} >= ?1
UNION
SELECT assignment_id FROM annual_assessments
 WHERE year = ?2 AND superseded_by IS NULL AND assignment_id IS NOT NULL)sql",
                                          kServedEndSql));
    ids.bind(1, year_end);
    ids.bind(2, year);
    Recommendations out;
    out.excellence = year_excellence(db, config, year);
    while (ids.executeStep()) {
        auto a = store.get(ids.getColumn(0).getInt64());
        auto cadre_id = store.find_cadre(a->cadre.id_number)->id;
        RecommendationRow row{*a, current_annual(db, cadre_id, year), recommendation_for(db, cadre_id, year, config)};
        if (row.recommendation.recommended()) ++out.excellence.recommended;
        out.rows.push_back(std::move(row));
    }
    std::sort(out.rows.begin(), out.rows.end(), [](const RecommendationRow& x, const RecommendationRow& y) {
        return x.assignment.id < y.assignment.id;
    });
    return out;
}

std::vector<Assignment> missing_final_appraisals(AssignmentStore& store, const AssignmentFilter& filter,
                                                 const Config& config) {
    std::set<std::int64_t> appraised;
    SQLite::Statement s(store.db(), "SELECT assignment_id FROM final_appraisals WHERE superseded_by IS NULL");
    while (s.executeStep()) appraised.insert(s.getColumn(0).getInt64());
    std::vector<Assignment> out;
    store.for_each(filter, config, [&](const Assignment& a) {
        auto status = status_on(a, filter.as_of);
        if ((status == "completed" || status == "recalled") && !appraised.contains(a.id)) out.push_back(a);
    });
    return out;
}

void for_each_annual(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                     const std::function<void(const Cadre&, const AnnualAssessment&)>& visit) {
    std::vector<std::pair<std::int64_t, Cadre>> cadres;
    std::set<std::int64_t> seen;
    store.for_each(filter, config, [&](const Assignment& a) {
        auto c = store.find_cadre(a.cadre.id_number);
        if (seen.insert(c->id).second) cadres.emplace_back(c->id, a.cadre);
    });
    for (const auto& [id, cadre] : cadres)
        for (const auto& x : annual_assessments_of(store.db(), id, Versions::current)) visit(cadre, x);
}

void for_each_final(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                    const std::function<void(const Assignment&, const FinalAppraisal&)>& visit) {
    store.for_each(filter, config, [&](const Assignment& a) {
        for (const auto& f : final_appraisals_of(store.db(), a.id, Versions::current)) visit(a, f);
    });
}

} // namespace guazhi
