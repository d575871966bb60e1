// The appraisal of a secondee (DOMAIN.md rules 6 and 7): the annual assessment (年度考核)
// with its democratic evaluation (民主测评), and the end-of-term appraisal (鉴定).
#pragma once

#include "domain/vocabulary.hpp"
#include "util/date.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// The grades a democratic evaluation votes on, in this order.
inline constexpr std::array<std::string_view, 4> kVotedGrades = {"excellent", "competent", "basically_competent",
                                                                 "incompetent"};

// Vote counts of a democratic evaluation, indexed like kVotedGrades. The share of 优秀 votes
// is always derived from them, never typed.
struct Votes {
    std::array<std::int64_t, 4> counts{};

    std::int64_t excellent() const { return counts[0]; }
    std::int64_t total() const;
    // excellent / total; nullopt when no votes were cast.
    std::optional<double> excellent_share() const;
    bool operator==(const Votes&) const = default;
};

// Parses "优秀=18,称职=6,基本称职=1,不称职=0" (codes, labels or aliases; `=` or `:`; `,`, `;`,
// `，`, `；` or spaces between). Grades left out count 0. Errors name the offending part.
struct VotesParse {
    std::optional<Votes> votes;
    Message error;
};
VotesParse parse_votes(std::string_view text);

// One vote count: a whole number 0..1,000,000; the error says what is wrong.
struct VoteCount {
    std::optional<std::int64_t> count;
    Message error;
};
VoteCount parse_vote_count(std::string_view text);

// "优秀 18, 称职 6, 基本称职 1, 不称职 0".
std::string format_votes(const Votes& votes, Lang lang);

// One year's assessment of a cadre. Every part may be recorded separately (votes before the
// grade, for instance); the unset parts are empty.
struct AnnualAssessment {
    std::int64_t id = 0;
    std::int64_t cadre_id = 0;
    std::optional<std::int64_t> assignment_id; // none: a year outside any secondment
    int year = 0;
    std::optional<std::string> grade; // a grades() code
    std::optional<util::Date> decided_on;
    std::string unit; // the assessing unit
    std::optional<Votes> votes;
    bool outstanding = false; // performance marked outstanding (表现突出)
    std::string home_note;    // the home unit's view of the first half year
    std::string override_reason; // why a unit other than the host assessed ('' when the host did)
    std::string recorded_by, recorded_at;
    std::optional<std::int64_t> superseded_by;
};

// The five dimensions of a final appraisal: 思想、工作、学习、生活、廉洁.
struct AppraisalDimension {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
};
inline constexpr std::array<AppraisalDimension, 5> kDimensions = {{{"ideology", "思想", "ideology"},
                                                          {"work", "工作", "work"},
                                                          {"study", "学习", "study"},
                                                          {"life", "生活", "life"},
                                                          {"integrity", "廉洁", "integrity"}}};

struct DimensionAppraisal {
    std::string rating; // one of the configured appraisal_scale
    std::string comment;
    bool operator==(const DimensionAppraisal&) const = default;
};

// The end-of-term appraisal (鉴定) the host unit writes.
struct FinalAppraisal {
    std::int64_t id = 0;
    std::int64_t assignment_id = 0;
    std::array<DimensionAppraisal, 5> dimensions; // in kDimensions order
    std::string conclusion;
    std::string author_unit;
    util::Date written_on;
    std::string early_reason; // why it was written before the term ended
    std::string override_reason; // why a unit other than the host wrote it ('' when the host did)
    std::string recorded_by, recorded_at;
    std::optional<std::int64_t> superseded_by;
};

// What is wrong with an appraisal's content: ratings off the scale, a missing rating or
// conclusion. Each message starts with the field it is about ("work.rating: …").
std::vector<Message> appraisal_problems(const FinalAppraisal& appraisal, const std::vector<std::string>& scale);

} // namespace guazhi
