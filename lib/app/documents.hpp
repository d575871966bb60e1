// What the documents for one cadre are made from (`export lrmx`), and the assignments with
// their paperwork and events (`export assignments --format json`), gathered from the store.
#pragma once

#include "config.hpp"
#include "domain/appraisal.hpp"
#include "domain/filter.hpp"
#include "domain/model.hpp"
#include "store/database.hpp"
#include "store/history.hpp"

#include <functional>
#include <string_view>
#include <vector>

namespace guazhi::app {

// One cadre with every secondment and the current annual assessments (the 任免审批表's 简历
// and 年度考核结果).
struct CadreDossier {
    Cadre cadre;
    std::vector<Assignment> assignments;
    std::vector<AnnualAssessment> annual;
    // 现任职务 (XianRenZhiWu): the post of the latest follow-up (assign follow-up --post) up to
    // today, unless a later secondment began after it; else the home unit and post of the
    // latest secondment.
    std::string current_post;
};

// The dossier of the cadre a clerk names: an ID number, or one of the cadre's assignment ids.
// Throws Error when neither is recorded.
CadreDossier gather_dossier(Database& db, std::string_view cadre);

// Each assignment the filter selects, in the listing's order, with its appointment paperwork
// and its events, fetched for many assignments per query (store/history.hpp).
void for_each_with_history(Database& db, const AssignmentFilter& filter, const Config& config, const HistoryVisit& visit);

} // namespace guazhi::app
