// The appointment approval form (干部任免审批表) as .lrmx: the UTF-8 XML national cadre
// systems exchange, root <Person> with pinyin element names. Only what guazhi holds is filled
// in; every other element is present and empty, never invented.
#pragma once

#include "domain/appraisal.hpp"
#include "domain/model.hpp"

#include <string>
#include <vector>

namespace guazhi {

// The form of one cadre: 简历 (JianLi) has one dated line per secondment ("2006.08--2007.07
// 挂职任市财政局预算科科长助理"), 年度考核结果 (NianDuKaoHeJieGuo) the three most recent grades.
// 现任职务 (XianRenZhiWu) is `current_post` (app::CadreDossier says which post that is). The ID
// number is masked unless `reveal_id`.
std::string lrmx_document(const Cadre& cadre, const std::vector<Assignment>& assignments,
                          const std::vector<AnnualAssessment>& annual, bool reveal_id, const std::string& current_post);

} // namespace guazhi
