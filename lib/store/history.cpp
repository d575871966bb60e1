#include "store/history.hpp"

#include "store/assignment_store.hpp"
#include "store/sql_values.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <string>
#include <unordered_map>

namespace guazhi {

namespace {

constexpr const char* kAppointmentColumns =
    "post_level, doc_number, doc_date, filed_on, united_front_on, election_date, coalesce(election_result, ''), "
    "mentor, division_of_work, party_transfer_on";
constexpr const char* kEventColumns = "id, assignment_id, kind, date, recorded_by, recorded_at, reason, details";

// The columns of kAppointmentColumns, from column `first` on.
Appointment read_appointment(SQLite::Statement& s, int first) {
    Appointment p;
    p.post_level = s.getColumn(first).getString();
    p.doc_number = s.getColumn(first + 1).getString();
    p.doc_date = optional_date(s.getColumn(first + 2));
    p.filed_on = optional_date(s.getColumn(first + 3));
    p.united_front_on = optional_date(s.getColumn(first + 4));
    p.election_date = optional_date(s.getColumn(first + 5));
    p.election_result = s.getColumn(first + 6).getString();
    p.mentor = s.getColumn(first + 7).getString();
    p.division_of_work = s.getColumn(first + 8).getString();
    p.party_transfer_on = optional_date(s.getColumn(first + 9));
    return p;
}

// The columns of kEventColumns, from column `first` on.
Event read_event(SQLite::Statement& s, int first) {
    Event e;
    e.id = s.getColumn(first).getInt64();
    e.assignment_id = s.getColumn(first + 1).isNull() ? 0 : s.getColumn(first + 1).getInt64();
    e.kind = s.getColumn(first + 2).getString();
    e.date = optional_date(s.getColumn(first + 3)).value_or(util::Date{});
    e.recorded_by = s.getColumn(first + 4).getString();
    e.recorded_at = s.getColumn(first + 5).getString();
    e.reason = s.getColumn(first + 6).getString();
    e.details = s.getColumn(first + 7).getString();
    return e;
}

// The events of a set of assignments: their own, and every follow-up of their cadres (which
// have no assignment), ordered by date then id within each. ?1 is the set, as a JSON array
// of ids (json_each: one statement whatever the set's size). The first column says whose.
std::string events_query() {
    return fmt::format("SELECT a.value, {0} FROM json_each(?1) a JOIN events e ON e.assignment_id = a.value "
                       "UNION ALL "
                       "SELECT a.value, {0} FROM json_each(?1) a JOIN assignments x ON x.id = a.value "
                       "JOIN events e ON e.cadre_id = x.cadre_id AND e.assignment_id IS NULL "
                       "ORDER BY 1, 5, 2",
                       "e.id, e.assignment_id, e.kind, e.date, e.recorded_by, e.recorded_at, e.reason, e.details");
}

} // namespace

Appointment appointment_of(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement s(db, fmt::format("SELECT {} FROM appointments WHERE assignment_id = ?", kAppointmentColumns));
    s.bind(1, id);
    return s.executeStep() ? read_appointment(s, 0) : Appointment{};
}

std::vector<Event> events_of(SQLite::Database& db, std::int64_t assignment_id) {
    SQLite::Statement s(db, events_query());
    s.bind(1, fmt::format("[{}]", assignment_id));
    std::vector<Event> out;
    while (s.executeStep()) out.push_back(read_event(s, 1));
    return out;
}

void for_each_with_history(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                           const HistoryVisit& visit, HistoryParts parts) {
    SQLite::Database& db = store.db();
    SQLite::Statement appointments(
        db, fmt::format("SELECT assignment_id, {} FROM appointments WHERE assignment_id IN (SELECT value FROM json_each(?1))",
                        kAppointmentColumns));
    SQLite::Statement events(db, events_query());
    std::vector<Assignment> batch;
    batch.reserve(kHistoryBatch);
    std::unordered_map<std::int64_t, Appointment> appointment;
    std::unordered_map<std::int64_t, std::vector<Event>> history;
    const Appointment none;
    const std::vector<Event> nothing;
    auto flush = [&] {
        if (batch.empty()) return;
        std::string ids = "[";
        for (const Assignment& a : batch) fmt::format_to(std::back_inserter(ids), "{}{}", ids.size() > 1 ? "," : "", a.id);
        ids += ']';
        appointment.clear();
        history.clear();
        appointments.reset();
        appointments.bind(1, ids);
        while (appointments.executeStep())
            appointment.emplace(appointments.getColumn(0).getInt64(), read_appointment(appointments, 1));
        if (parts == HistoryParts::appointment_and_events) {
            events.reset();
            events.bind(1, ids);
            while (events.executeStep()) history[events.getColumn(0).getInt64()].push_back(read_event(events, 1));
        }
        for (const Assignment& a : batch) {
            auto p = appointment.find(a.id);
            auto e = history.find(a.id);
            visit(a, p == appointment.end() ? none : p->second, e == history.end() ? nothing : e->second);
        }
        batch.clear();
    };
    store.for_each(filter, config, [&](const Assignment& a) {
        batch.push_back(a);
        if (batch.size() == kHistoryBatch) flush();
    });
    flush();
}

std::optional<FollowUpPost> latest_follow_up_post(SQLite::Database& db, std::int64_t cadre_id, util::Date day) {
    SQLite::Statement s(db, "SELECT date, json_extract(details, '$.post') FROM events WHERE cadre_id = ? AND "
                            "kind = 'follow_up' AND date <= ? AND coalesce(json_extract(details, '$.post'), '') <> '' "
                            "ORDER BY date DESC, id DESC LIMIT 1");
    s.bind(1, cadre_id);
    s.bind(2, day.iso());
    if (!s.executeStep()) return std::nullopt;
    return FollowUpPost{*optional_date(s.getColumn(0)), s.getColumn(1).getString()};
}

} // namespace guazhi
