// lib/app: the commands of a secondment's life after it is recorded — `assign appoint`,
// `note`, `extend`, `recall`, `complete` and `follow-up`. Each is one transaction: checked
// against its rule and written with its event, or refused with nothing written
// (store/lifecycle.hpp has the checks and the writes).
#pragma once

#include "config.hpp"
#include "domain/model.hpp"
#include "store/database.hpp"
#include "store/lifecycle.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guazhi::app {

class Lifecycle {
  public:
    // `recorded_by` names the clerk in every event written.
    Lifecycle(Database& db, const Config& config, std::string recorded_by);

    // The assignment; throws Error "no assignment #N".
    Assignment load(std::int64_t id) { return store_.load(id); }

    void appoint(std::int64_t id, const AppointmentChange& change, util::Date date, const std::string& reason);
    void note(std::int64_t id, const std::string& kind, util::Date date, const std::string& text);
    void extend(std::int64_t id, util::Date until, const std::string& home_consent, const std::string& reason);
    void recall(std::int64_t id, util::Date last_day, const std::string& reason, const std::string& host_consent,
                const std::string& note);
    // `day` defaults to the last day of the term as it stands (extension or recall included);
    // returns the day recorded.
    util::Date complete(std::int64_t id, std::optional<util::Date> day, const std::string& handover,
                        const std::string& unfinished, const std::string& arrangement);
    // For the cadre (its id), or the cadre a command names: an ID number or the id of one of
    // its assignments (resolve_cadre).
    void follow_up(std::int64_t cadre_id, util::Date date, const std::string& post, bool promotion,
                   const std::string& note);
    void follow_up(std::string_view cadre, util::Date date, const std::string& post, bool promotion,
                   const std::string& note);

  private:
    Database& db_;
    LifecycleStore store_;
};

} // namespace guazhi::app
