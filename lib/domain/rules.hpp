// The rules of secondment work, one function each, with the sentence of the seed (or the
// issue) they come from. Nothing else in guazhi re-states them.
#pragma once

#include "problem.hpp"

#include "domain/policy.hpp"
#include "domain/appraisal.hpp"
#include "domain/model.hpp"

#include <cstdint>
#include <utility>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// True when a cadre with this political status code counts as 党外干部.
bool is_non_party(std::string_view political_status, const Policy& policy);

// Every political status code that counts as 党外干部 under this policy (for SQL filters).
std::vector<std::string> non_party_statuses(const Policy& policy);

// The last day of a term that starts on `start` and lasts `term_months`.
util::Date default_end_date(util::Date start, int term_months);

// The kind of a unit guessed from its name when the roster does not say.
std::string_view infer_unit_kind(std::string_view unit_name);

// The kind of a host unit not yet recorded, from its name: a township, else a city organ —
// or a county department when the name starts with a county (which then cannot host).
std::string_view infer_host_kind(std::string_view unit_name);

// The kind a host unit must have for a direction: city organs receive up-seconded cadres,
// townships receive down-dispatched ones.
std::string_view host_kind_for(std::string_view direction);

// The kind a host unit's name plainly says when the direction contradicts it — a 下派 to
// 市民政局 (a city organ), an 上挂 to 越溪镇 (a township) — else nullopt. A name that says
// neither, or names a county, is left to the direction as before.
std::optional<std::string_view> host_name_contradicts(std::string_view host_name, std::string_view direction);

// True when two inclusive terms share at least one day.
bool terms_overlap(util::Date a_start, util::Date a_end, util::Date b_start, util::Date b_end);

// Whether an ethnicity (a code of ethnicities(); "" when not recorded) counts as a minority
// (少数民族干部): any recorded one but Han.
bool is_ethnic_minority(std::string_view ethnicity);

// Whether a political status is CPC membership (full or probationary): only members move a
// temporary Party relationship (转临时组织关系).
bool is_party_member(std::string_view political_status);

// The status of an assignment on a given day: planned before it starts; active during the
// planned term; extended after it, until the extension ends; recalled after an early recall;
// completed after the (extended) term.
std::string_view status_on(const Assignment& a, util::Date day);

// Why an extension to `until` is refused, or nullopt when it is allowed.
std::optional<Problem> refuse_extension(const Assignment& a, util::Date until, bool home_consent);

// Why an early recall on `last_day` for `reason` (promotion | education_campaign | special) is
// refused, or nullopt when it is allowed.
std::optional<Problem> refuse_recall(const Assignment& a, util::Date last_day, std::string_view reason,
                                         bool host_consent);

// Why recording the completion of the term on `day` is refused, or nullopt.
std::optional<Problem> refuse_completion(const Assignment& a, util::Date day);

// Why the handover (工作交接) of a recalled term may not be recorded on `day`: before the
// recall's last day. nullopt when it may (or when the term was not recalled).
std::optional<Problem> refuse_recalled_handover(const Assignment& a, util::Date day);

// Why this change to the appointment of `a` is refused, or nullopt: an election only for
// down-dispatched cadres, a copy to the United Front Work Department only for non-Party
// cadres, a Party relationship only for Party members.
std::optional<Problem> refuse_appointment(const Assignment& a, const AppointmentChange& change,
                                              const Policy& policy);

// True when a host that already has `already` secondees in a batch may not get another
// (`max_per_host_per_batch`, 0 = no limit) without an override.
bool over_host_quota(std::int64_t already, const Policy& policy);

// Days of secondment for the living allowance: start to the effective end, both included.
std::int64_t allowance_days(const Assignment& a);

// Of those, the days served up to `day` (both included): 0 before the start, all of them
// once the term has ended.
std::int64_t allowance_days_to(const Assignment& a, util::Date day);

// The calendar years whose annual assessment (年度考核) can be recorded on an assignment:
// every year its term, as served, touches.
std::pair<int, int> assessment_years(const Assignment& a);

// Whether the host unit is advised to grade a cadre 优秀 for `year` (DOMAIN.md rule 6), with
// what the decision rests on, so that a "no" can say which condition failed and by how much.
struct Recommendation {
    int year = 0;
    std::optional<std::string> grade_before;     // year - 1
    std::optional<std::string> grade_two_before; // year - 2
    std::optional<Votes> votes;                  // the year-end democratic evaluation
    bool outstanding = false;
    double threshold = 0; // excellent_vote_share

    bool prior_grades_met() const;
    bool vote_share_met() const;
    bool recommended() const { return prior_grades_met() && vote_share_met() && outstanding; }
};
Recommendation recommend_excellent(int year, std::optional<std::string> grade_before,
                                   std::optional<std::string> grade_two_before, std::optional<Votes> votes,
                                   bool outstanding, const Policy& policy);

// The conditions a Recommendation fails, each as one sentence with its numbers.
std::vector<std::string> unmet_conditions(const Recommendation& r, Lang lang);

// The most 优秀 grades among `assessed` graded secondees (those of one assessed year, all
// hosts together: appraisals.hpp) under `excellent_cap_share`, or nullopt when no cap is
// configured.
std::optional<std::int64_t> excellent_cap(std::int64_t assessed, const Policy& policy);

// Why a final appraisal written on `day` is refused, or nullopt: before the term ends it
// needs `early` and a reason.
std::optional<Problem> refuse_final_appraisal(const Assignment& a, util::Date day, bool early,
                                                  std::string_view reason);

// Why `unit` may not make the annual assessment of `year` on assignment `a`, or nullopt.
// `override_reason` non-empty sets the rule aside (the reason is recorded).
std::optional<Problem> refuse_assessing_unit(const Assignment& a, int year, std::string_view unit,
                                             std::string_view override_reason);

// Why `unit` may not write the final appraisal (鉴定) of `a`, or nullopt; as above.
std::optional<Problem> refuse_appraisal_author(const Assignment& a, std::string_view unit,
                                               std::string_view override_reason);

// Whether a grade counts among those graded for the 优秀 cap: the four grades of 公务员法,
// not 不定等次 or 不进行考核.
bool is_graded(std::string_view grade);

// True when what a clerk gave as the person recording reads as a unit's name (…局, …委,
// …镇 …): the old meaning of appraise's recorder flag, which named the assessing unit.
bool names_a_unit(std::string_view text);

// True when two assignments record the same secondment (every field equal but the id), so
// that importing a file twice skips instead of duplicating.
bool same_assignment(const Assignment& a, const Assignment& b);

// The fields in which `given` contradicts `stored` (empty values in `given` say nothing),
// each as "field: stored 'x', given 'y'".
// What a row says of a cadre that differs from the record: each field the row gives (not empty)
// with another value, recorded and given as stored (codes; categories joined by ';').
struct CadreDifference {
    std::string field, recorded, given;
};
std::vector<CadreDifference> cadre_differences(const Cadre& stored, const Cadre& given);

} // namespace guazhi
