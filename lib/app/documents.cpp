#include "app/documents.hpp"

#include "store/appraisals.hpp"

namespace guazhi::app {

CadreDossier gather_dossier(AssignmentStore& store, std::string_view cadre) {
    CadreRef ref = resolve_cadre(store, cadre);
    return {ref.cadre, store.assignments_of(ref.cadre_id), annual_assessments_of(store.db(), ref.cadre_id, false)};
}

void for_each_with_history(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                           const std::function<void(const Assignment&, const Appointment&, const std::vector<Event>&)>& visit) {
    store.for_each(filter, config, [&](const Assignment& a) {
        visit(a, appointment_of(store.db(), a.id), events_of(store.db(), a.id));
    });
}

} // namespace guazhi::app
