// What happened to a secondment after it was recorded, read back: its appointment paperwork
// (任职: post, document, filing, election …) and its events (every change, note and the
// cadre's follow-ups). For one assignment (`assign show`) or for a stream of them (exports),
// where they are fetched for many assignments per query instead of two queries each.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/model.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

class AssignmentStore;

// The appointment of an assignment as recorded (all fields empty when nothing was).
Appointment appointment_of(SQLite::Database& db, std::int64_t assignment_id);

// An assignment's events and all of its cadre's follow-ups, in date order.
std::vector<Event> events_of(SQLite::Database& db, std::int64_t assignment_id);

// The post of the cadre's latest follow-up (assign follow-up --post) on or before `day`, with
// its date: the latest date, then the latest recorded; nullopt when none names a post.
struct FollowUpPost {
    util::Date date;
    std::string post;
};
std::optional<FollowUpPost> latest_follow_up_post(SQLite::Database& db, std::int64_t cadre_id, util::Date day);

using HistoryVisit = std::function<void(const Assignment&, const Appointment&, const std::vector<Event>&)>;

// What a stream needs of each assignment's history: the paperwork alone (the United Front
// list) spares the events' query.
enum class HistoryParts { appointment, appointment_and_events };

// Calls `visit` for each assignment the filter selects, in the listing's order, with what
// appointment_of and events_of give for it (no events for HistoryParts::appointment). Reads
// kHistoryBatch assignments ahead, so memory stays bounded while the queries are one per batch.
void for_each_with_history(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                           const HistoryVisit& visit, HistoryParts parts = HistoryParts::appointment_and_events);
inline constexpr std::size_t kHistoryBatch = 256;

} // namespace guazhi
