#include "app/documents.hpp"

#include "store/appraisals.hpp"
#include "store/assignment_store.hpp"

namespace guazhi::app {

CadreDossier gather_dossier(Database& db, std::string_view cadre) {
    AssignmentStore store(db.sql());
    CadreRef ref = resolve_cadre(store, cadre);
    return {ref.cadre, store.assignments_of(ref.cadre_id), annual_assessments_of(store.db(), ref.cadre_id, Versions::current)};
}

void for_each_with_history(Database& db, const AssignmentFilter& filter, const Config& config, const HistoryVisit& visit) {
    AssignmentStore store(db.sql());
    guazhi::for_each_with_history(store, filter, config, visit);
}

} // namespace guazhi::app
