// The rules of secondment work, one function each, with the sentence of the seed (or the
// issue) they come from. Nothing else in guazhi re-states them.
#pragma once

#include "config.hpp"
#include "domain/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// True when a cadre with this political status code counts as 党外干部.
bool is_non_party(std::string_view political_status, const Config& config);

// Every political status code that counts as 党外干部 under this config (for SQL filters).
std::vector<std::string> non_party_statuses(const Config& config);

// The last day of a term that starts on `start` and lasts `term_months`.
util::Date default_end_date(util::Date start, int term_months);

// The kind of a unit guessed from its name when the roster does not say.
std::string_view infer_unit_kind(std::string_view unit_name);

// The kind a host unit must have for a direction: city organs receive up-seconded cadres,
// townships receive down-dispatched ones.
std::string_view host_kind_for(std::string_view direction);

// True when two inclusive terms share at least one day.
bool terms_overlap(util::Date a_start, util::Date a_end, util::Date b_start, util::Date b_end);

// The status of a term on a given day: planned before it starts, completed after it ends.
std::string_view status_on(util::Date start, util::Date end, util::Date day);

// True when two assignments record the same secondment (every field equal but the id), so
// that importing a file twice skips instead of duplicating.
bool same_assignment(const Assignment& a, const Assignment& b);

// The fields in which `given` contradicts `stored` (empty values in `given` say nothing),
// each as "field: stored 'x', given 'y'".
std::vector<std::string> cadre_conflicts(const Cadre& stored, const Cadre& given);

} // namespace guazhi
