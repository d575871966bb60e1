#include "app/lifecycle.hpp"

#include "app/transaction.hpp"
#include "store/appraisals.hpp"
#include "store/assignment_store.hpp"

namespace guazhi::app {

Lifecycle::Lifecycle(Database& db, const Config& config, std::string recorded_by)
    : db_(db), store_(db.sql(), config, std::move(recorded_by)) {}

void Lifecycle::appoint(std::int64_t id, const AppointmentChange& change, util::Date date, const std::string& reason) {
    in_transaction(db_, [&] { store_.appoint(id, change, date, reason); });
}

void Lifecycle::note(std::int64_t id, const std::string& kind, util::Date date, const std::string& text) {
    in_transaction(db_, [&] { store_.note(id, kind, date, text); });
}

void Lifecycle::extend(std::int64_t id, util::Date until, const std::string& home_consent, const std::string& reason) {
    in_transaction(db_, [&] { store_.extend(id, until, home_consent, reason); });
}

void Lifecycle::recall(std::int64_t id, util::Date last_day, const std::string& reason, const std::string& host_consent,
                       const std::string& note) {
    in_transaction(db_, [&] { store_.recall(id, last_day, reason, host_consent, note); });
}

util::Date Lifecycle::complete(std::int64_t id, std::optional<util::Date> day, const std::string& handover,
                               const std::string& unfinished, const std::string& arrangement) {
    return in_transaction(db_, [&] {
        util::Date on = day.value_or(store_.load(id).effective_end());
        store_.complete(id, on, handover, unfinished, arrangement);
        return on;
    });
}

void Lifecycle::follow_up(std::int64_t cadre_id, util::Date date, const std::string& post, bool promotion,
                          const std::string& note) {
    in_transaction(db_, [&] { store_.follow_up(cadre_id, date, post, promotion, note); });
}

void Lifecycle::follow_up(std::string_view cadre, util::Date date, const std::string& post, bool promotion,
                          const std::string& note) {
    in_transaction(db_, [&] {
        AssignmentStore assignments(db_.sql());
        store_.follow_up(resolve_cadre(assignments, cadre).cadre_id, date, post, promotion, note);
    });
}

} // namespace guazhi::app
