#include "store/lifecycle.hpp"
#include "util/text.hpp"

#include "domain/limits.hpp"

#include "domain/rules.hpp"
#include "domain/term_dates.hpp"
#include "domain/vocabulary.hpp"
#include "problem.hpp"
#include "util/json.hpp"
#include "store/assignment_store.hpp"
#include "store/sql_values.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace guazhi {

namespace {

// A one-line JSON object of the non-empty string fields given.
std::string details_json(std::initializer_list<std::pair<std::string_view, std::string>> fields) {
    JsonWriter json(JsonLayout::one_line);
    json.begin_object();
    for (const auto& [key, value] : fields)
        if (!value.empty()) json.key(key).value(value);
    json.end_object();
    return json.str();
}

} // namespace

void insert_event(SQLite::Database& db, std::int64_t assignment_id, const std::string& kind, util::Date date,
                  const std::string& recorded_by, const std::string& reason, const std::string& details) {
    SQLite::Statement s(db, "INSERT INTO events (assignment_id, cadre_id, kind, date, recorded_by, reason, details) "
                            "SELECT id, cadre_id, ?, ?, ?, ?, ? FROM assignments WHERE id = ?");
    s.bind(1, kind);
    s.bind(2, date.iso());
    s.bind(3, recorded_by);
    s.bind(4, reason);
    s.bind(5, details);
    s.bind(6, assignment_id);
    if (s.exec() != 1) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, assignment_id));
}

namespace {
// The date a completion was recorded for the assignment, if it was.
std::optional<util::Date> completed_on(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement s(db, "SELECT date FROM events WHERE assignment_id = ? AND kind = 'completed'");
    s.bind(1, id);
    if (!s.executeStep()) return std::nullopt;
    return optional_date(s.getColumn(0));
}

// A rule's refusal of a change to assignment `id`.
ProblemError refused(std::int64_t id, Problem p) {
    p.assignment = id;
    return ProblemError(std::move(p));
}

// A completed term is closed: neither extended nor recalled afterwards.
void refuse_if_completed(SQLite::Database& db, std::int64_t id) {
    if (auto day = completed_on(db, id))
        throw Error(msg("assignment #{}: its completion was recorded on {}; the term is closed", id, day->iso()));
}
} // namespace

LifecycleStore::LifecycleStore(SQLite::Database& db, const Config& config, std::string recorded_by)
    : db_(db), config_(config), by_(std::move(recorded_by)) {}

Assignment LifecycleStore::load(std::int64_t id) {
    AssignmentStore store(db_);
    auto a = store.get(id);
    if (!a) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, id));
    return *a;
}


void LifecycleStore::add_event(std::int64_t assignment_id, const std::string& kind, util::Date date,
                          const std::string& reason, const std::string& details) {
    insert_event(db_, assignment_id, kind, date, by_, reason, details);
}

void LifecycleStore::appoint(std::int64_t id, const AppointmentChange& c, util::Date date, const std::string& reason) {
    using limits::require_within;
    require_within({{Parameter::post_level, c.post_level.value_or(""), limits::kPost},
                    {Parameter::doc_number, c.doc_number.value_or(""), limits::kShort},
                    {Parameter::mentor, c.mentor.value_or(""), limits::kName},
                    {Parameter::division_of_work, c.division_of_work.value_or(""), limits::kNote},
                    {Parameter::reason, reason, limits::kNote}});
    require_transaction(db_, "LifecycleStore::appoint");
    Assignment a = load(id);
    if (auto refusal = refuse_appointment(a, c, config_.policy)) throw refused(id, *refusal);
    Appointment p = appointment_of(db_, id);
    if (c.post_level) p.post_level = *c.post_level;
    if (c.doc_number) p.doc_number = *c.doc_number;
    if (c.doc_date) p.doc_date = c.doc_date;
    if (c.filed_on) p.filed_on = c.filed_on;
    if (c.united_front_on) p.united_front_on = c.united_front_on;
    if (c.election_date) p.election_date = c.election_date;
    if (c.election_result) p.election_result = *c.election_result;
    if (c.mentor) p.mentor = *c.mentor;
    if (c.division_of_work) p.division_of_work = *c.division_of_work;
    if (c.party_transfer_on) p.party_transfer_on = c.party_transfer_on;
    // The dates given against the document's and the term's, recorded or given now (issue 19).
    if ((c.doc_date || c.filed_on) && p.doc_date && p.filed_on)
        if (auto refusal = refuse_filing_date(*p.doc_date, *p.filed_on, c.filed_on ? Parameter::filed : Parameter::doc_date))
            throw refused(id, *refusal);
    if ((c.doc_date || c.united_front_on) && p.doc_date && p.united_front_on)
        if (auto refusal = refuse_united_front_date(*p.doc_date, *p.united_front_on,
                                                    c.united_front_on ? Parameter::united_front : Parameter::doc_date))
            throw refused(id, *refusal);
    if (c.election_date)
        if (auto refusal = refuse_election_date(a, *c.election_date)) throw refused(id, *refusal);

    SQLite::Statement s(db_, "INSERT OR REPLACE INTO appointments (assignment_id, post_level, doc_number, doc_date, "
                             "filed_on, united_front_on, election_date, election_result, mentor, division_of_work, "
                             "party_transfer_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, id);
    s.bind(2, p.post_level);
    s.bind(3, p.doc_number);
    bind_date(s, 4, p.doc_date);
    bind_date(s, 5, p.filed_on);
    bind_date(s, 6, p.united_front_on);
    bind_date(s, 7, p.election_date);
    if (p.election_result.empty()) s.bind(8);
    else s.bind(8, p.election_result);
    s.bind(9, p.mentor);
    s.bind(10, p.division_of_work);
    bind_date(s, 11, p.party_transfer_on);
    s.exec();

    // The event carries what this change set, so the history shows each step.
    auto iso = [](const std::optional<util::Date>& d) { return d ? d->iso() : std::string(); };
    add_event(id, "appointment", date, reason,
              details_json({{"post_level", c.post_level.value_or("")},
                            {"doc_number", c.doc_number.value_or("")},
                            {"doc_date", iso(c.doc_date)},
                            {"filed_on", iso(c.filed_on)},
                            {"united_front_on", iso(c.united_front_on)},
                            {"election_date", iso(c.election_date)},
                            {"election_result", c.election_result.value_or("")},
                            {"mentor", c.mentor.value_or("")},
                            {"division_of_work", c.division_of_work.value_or("")},
                            {"party_transfer_on", iso(c.party_transfer_on)}}));
}

void LifecycleStore::note(std::int64_t id, const std::string& kind, util::Date date, const std::string& text) {
    limits::require_within({{Parameter::text, text, limits::kNote}});
    auto code = note_kinds().code_of(kind);
    if (!code) throw Error(note_kinds().unknown(kind));
    require_transaction(db_, "LifecycleStore::note");
    Assignment a = load(id);
    if (auto refusal = refuse_note_text(text)) throw refused(id, *refusal);
    if (auto refusal = refuse_note_date(a, date, config_.policy)) throw refused(id, *refusal);
    add_event(id, std::string(*code), date, "", details_json({{"text", text}}));
}

void LifecycleStore::extend(std::int64_t id, util::Date until, const std::string& home_consent, const std::string& reason) {
    limits::require_within({{Parameter::home_consent, home_consent, limits::kNote}, {Parameter::reason, reason, limits::kNote}});
    require_transaction(db_, "LifecycleStore::extend");
    Assignment a = load(id);
    refuse_if_completed(db_, id);
    if (auto refusal = refuse_extension(a, until, !home_consent.empty())) throw refused(id, *refusal);
    if (auto refusal = refuse_term_length(a, until, config_.policy)) throw refused(id, *refusal);
    AssignmentStore store(db_);
    for (const Assignment& other : store.assignments_of(store.find_cadre(a.cadre.id_number)->id))
        if (other.id != id && terms_overlap(a.start, until, other.start, other.effective_end()))
            throw Error(msg("assignment #{}: extended to {} it would overlap assignment #{} ({}..{})", id,
                                    until.iso(), other.id, other.start.iso(), other.effective_end().iso()));
    SQLite::Statement s(db_, "UPDATE assignments SET extended_until = ? WHERE id = ?");
    s.bind(1, until.iso());
    s.bind(2, id);
    s.exec();
    add_event(id, "extended", a.effective_end().plus_days(1), reason,
              details_json({{"from", a.effective_end().iso()}, {"until", until.iso()}, {"home_consent", home_consent}}));
}

void LifecycleStore::recall(std::int64_t id, util::Date last_day, const std::string& reason, const std::string& host_consent,
                       const std::string& note) {
    limits::require_within({{Parameter::reason, reason, limits::kNote},
                            {Parameter::host_consent, host_consent, limits::kNote},
                            {Parameter::note, note, limits::kNote}});
    require_transaction(db_, "LifecycleStore::recall");
    Assignment a = load(id);
    refuse_if_completed(db_, id);
    if (auto refusal = refuse_recall(a, last_day, reason, !host_consent.empty())) throw refused(id, *refusal);
    SQLite::Statement s(db_, "UPDATE assignments SET recalled_on = ?, recall_reason = ? WHERE id = ?");
    s.bind(1, last_day.iso());
    s.bind(2, reason);
    s.bind(3, id);
    s.exec();
    add_event(id, "recalled", last_day, reason,
              details_json({{"planned_end", a.effective_end().iso()}, {"host_consent", host_consent}, {"note", note}}));
}

void LifecycleStore::complete(std::int64_t id, util::Date day, const std::string& handover, const std::string& unfinished,
                         const std::string& arrangement) {
    limits::require_within({{Parameter::handover, handover, limits::kNote},
                            {Parameter::unfinished, unfinished, limits::kNote},
                            {Parameter::arrangement, arrangement, limits::kNote}});
    require_transaction(db_, "LifecycleStore::complete");
    Assignment a = load(id);
    if (a.recalled_on && !handover.empty()) {
        // A recalled term is not completed, but its work is still handed over (工作交接): a
        // handover event, on or after the recall's last day, once.
        if (auto refusal = refuse_recalled_handover(a, day)) throw refused(id, *refusal);
        SQLite::Statement earlier(db_, "SELECT date FROM events WHERE assignment_id = ? AND kind = 'handover'");
        earlier.bind(1, id);
        if (earlier.executeStep())
            throw Error(msg("assignment #{}: its handover was already recorded on {}", id,
                                    earlier.getColumn(0).getString()));
        add_event(id, "handover", day, "",
                  details_json({{"handover", handover}, {"unfinished", unfinished}, {"arrangement", arrangement}}));
        return;
    }
    if (auto refusal = refuse_completion(a, day)) throw refused(id, *refusal);
    if (auto earlier = completed_on(db_, id))
        throw Error(msg("assignment #{}: its completion was already recorded on {}", id, earlier->iso()));
    add_event(id, "completed", day, "",
              details_json({{"handover", handover}, {"unfinished", unfinished}, {"arrangement", arrangement}}));
}

void LifecycleStore::follow_up(std::int64_t cadre_id, util::Date date, const std::string& post, bool promotion,
                          const std::string& note) {
    limits::require_within({{Parameter::post, post, limits::kPost}, {Parameter::note, note, limits::kNote}});
    require_transaction(db_, "LifecycleStore::follow_up");
    // The post after return is what lrmx shows as 现任职务: a blank one says nothing, and a
    // follow-up is of what has happened.
    if (util::clean(post).empty()) throw ProblemError(problem(Parameter::post, ProblemCode::required));
    if (date > util::Date::today()) throw ProblemError(problem(Parameter::date, ProblemCode::since_in_future, date.iso()));
    SQLite::Statement first(db_, "SELECT min(start_date) FROM assignments WHERE cadre_id = ?");
    first.bind(1, cadre_id);
    first.executeStep();
    auto began = optional_date(first.getColumn(0));
    if (!began) throw Error(msg("no secondment is recorded for this cadre"));
    if (date <= *began)
        throw ProblemError(problem(Parameter::date, ProblemCode::follow_up_too_early, date.iso(), began->iso()));
    // Follow-up belongs to the cadre, not one assignment: assignment_id stays NULL.
    SQLite::Statement s(db_, "INSERT INTO events (assignment_id, cadre_id, kind, date, recorded_by, reason, details) "
                             "VALUES (NULL, ?, 'follow_up', ?, ?, ?, ?)");
    s.bind(1, cadre_id);
    s.bind(2, date.iso());
    s.bind(3, by_);
    s.bind(4, promotion ? "promotion" : "");
    JsonWriter json(JsonLayout::one_line);
    json.begin_object().key("post").value(post).key("promotion").value(promotion);
    if (!note.empty()) json.key("note").value(note);
    json.end_object();
    s.bind(5, json.str());
    s.exec();
}

} // namespace guazhi
