#include "app/documents.hpp"

#include "store/appraisals.hpp"
#include "store/assignment_store.hpp"
#include "store/cadre_values.hpp"
#include "store/history.hpp"

namespace guazhi::app {

CadreDossier gather_dossier(Database& db, std::string_view cadre) {
    AssignmentStore store(db.sql());
    CadreRef ref = resolve_cadre(store, cadre);
    std::vector<Assignment> assignments = store.assignments_of(ref.cadre_id);
    // The cadre as on the start of the secondment the document is for (domain/cadre_history.hpp):
    // the one named, else the latest; today's record for a cadre with none left.
    Cadre as_then = in_force(ref.cadre, dated_values_of(db.sql(), ref.cadre_id), util::Date::today());
    for (const Assignment& a : assignments)
        if (ref.assignment_id ? a.id == *ref.assignment_id : &a == &assignments.back()) as_then = a.cadre;
    std::string post;
    if (!assignments.empty()) post = assignments.back().home_unit.name + assignments.back().home_post;
    auto followed = latest_follow_up_post(db.sql(), ref.cadre_id, util::Date::today());
    if (followed && (assignments.empty() || followed->date >= assignments.back().start)) post = followed->post;
    return {as_then, std::move(assignments), annual_assessments_of(store.db(), ref.cadre_id, Versions::current),
            std::move(post)};
}

void for_each_with_history(Database& db, const AssignmentFilter& filter, const Config& config, const HistoryVisit& visit) {
    AssignmentStore store(db.sql());
    guazhi::for_each_with_history(store, filter, config, visit);
}

} // namespace guazhi::app
