// lib/app: what `assign list` and `assign show` show, gathered from the store.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/model.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace guazhi::app {

// Each assignment the filter selects, streamed in the listing's order (`export assignments`).
void for_each_selected(Database& db, const AssignmentFilter& filter, const Config& config,
                       const std::function<void(Assignment&&)>& visit);

// `assign list`: each assignment the filter selects, streamed in the listing's order. A home
// or host unit the filter names that is not recorded is refused (Error), not an empty list:
// a clerk who mistypes 市财政局 should hear so.
void for_each_listed(Database& db, const AssignmentFilter& filter, const Config& config,
                     const std::function<void(const Assignment&)>& visit);

// `assign show`: one assignment with its appointment paperwork and its events.
struct AssignmentHistory {
    Assignment assignment;
    Appointment appointment;
    std::vector<Event> events;
};
// Throws ProblemError (assignment_unknown) for an id not recorded.
AssignmentHistory gather_assignment(Database& db, std::int64_t id);

} // namespace guazhi::app
