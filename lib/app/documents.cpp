#include "app/documents.hpp"

#include "store/appraisals.hpp"

namespace guazhi::app {

CadreDossier gather_dossier(AssignmentStore& store, std::string_view cadre) {
    CadreRef ref = resolve_cadre(store, cadre);
    return {ref.cadre, store.assignments_of(ref.cadre_id), annual_assessments_of(store.db(), ref.cadre_id, Versions::current)};
}

} // namespace guazhi::app
