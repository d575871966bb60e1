// The life of a secondment after it is recorded: appointment, care notes, extension, recall,
// completion and follow-up. Each change is checked against its rule (domain/rules.hpp), written
// in the caller's transaction (app::Lifecycle opens it), and recorded as an event with its
// date, who recorded it and why.
#pragma once

#include "config.hpp"
#include "domain/model.hpp"
#include "store/database.hpp"
#include "store/history.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

class LifecycleStore {
  public:
    // `recorded_by` names the clerk in every event written.
    LifecycleStore(SQLite::Database& db, const Config& config, std::string recorded_by);

    // The assignment; throws Error "no assignment #N".
    Assignment load(std::int64_t id);

    // Each of these throws Error with the rule's message when refused; nothing is written then.
    // Each needs its caller's transaction (require_transaction).
    void appoint(std::int64_t id, const AppointmentChange& change, util::Date date, const std::string& reason);
    void note(std::int64_t id, const std::string& kind, util::Date date, const std::string& text);
    void extend(std::int64_t id, util::Date until, const std::string& home_consent, const std::string& reason);
    void recall(std::int64_t id, util::Date last_day, const std::string& reason, const std::string& host_consent,
                const std::string& note);
    void complete(std::int64_t id, util::Date day, const std::string& handover, const std::string& unfinished,
                  const std::string& arrangement);
    // A new post or promotion of a former secondee (跟踪管理), recorded for the cadre.
    void follow_up(std::int64_t cadre_id, util::Date date, const std::string& post, bool promotion,
                   const std::string& note);

  private:
    void add_event(std::int64_t assignment_id, const std::string& kind, util::Date date, const std::string& reason,
                   const std::string& details);

    SQLite::Database& db_;
    const Config& config_;
    std::string by_;
};

// Records an event in the caller's transaction (also used by the recorder for overrides).
void insert_event(SQLite::Database& db, std::int64_t assignment_id, const std::string& kind, util::Date date,
                  const std::string& recorded_by, const std::string& reason, const std::string& details);

} // namespace guazhi
