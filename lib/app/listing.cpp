#include "app/listing.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "store/assignment_store.hpp"
#include "store/history.hpp"

#include <fmt/format.h>

namespace guazhi::app {

void for_each_selected(Database& db, const AssignmentFilter& filter, const Config& config,
                       const std::function<void(Assignment&&)>& visit) {
    AssignmentStore store(db.sql());
    store.for_each(filter, config, visit);
}

void for_each_listed(Database& db, const AssignmentFilter& filter, const Config& config,
                     const std::function<void(const Assignment&)>& visit) {
    AssignmentStore store(db.sql());
    for (const auto* unit : {&filter.home, &filter.host})
        if (*unit && !store.find_unit(**unit)) throw Error(msg("no unit named '{}' is recorded", **unit));
    store.for_each(filter, config, [&](Assignment&& a) { visit(a); });
}

AssignmentHistory gather_assignment(Database& db, std::int64_t id) {
    AssignmentStore store(db.sql());
    auto a = store.get(id);
    if (!a) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, id));
    return {std::move(*a), appointment_of(store.db(), id), events_of(store.db(), id)};
}

} // namespace guazhi::app
