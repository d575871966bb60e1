// The enumerations of the domain (DOMAIN.md, "Glossary and codes"): stored as stable ASCII
// codes, shown as Chinese or English labels, read from codes, labels or the usual aliases.
#pragma once

#include "util/lang.hpp"
#include "util/message.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace guazhi {

// A flag (表现突出, 已抄送 …) as a clerk reads it: 是 / 否 in Chinese, yes / no in English.
inline std::string_view yes_no(bool yes, Lang lang) {
    if (lang == Lang::zh) return yes ? "是" : "否";
    return yes ? "yes" : "no";
}

// Parses "zh"/"en" (also "zh-CN", "chinese", "english"); nullopt otherwise.
std::optional<Lang> parse_lang(std::string_view text);

// One value of an enumeration.
struct Term {
    std::string_view code;
    std::string_view zh;
    std::string_view en;
    std::vector<std::string_view> aliases;
};

// A closed set of Terms with lookup by any of their spellings.
class Vocabulary {
  public:
    // `ambiguous`: spellings that could mean more than one term (挂职 for a direction); they
    // stay unknown, and unknown() says so and lists every accepted spelling.
    Vocabulary(std::string_view what, std::vector<Term> terms, std::vector<std::string_view> ambiguous = {});

    // The code for a code, label or alias (ASCII case-insensitive); nullopt when unknown.
    std::optional<std::string_view> code_of(std::string_view text) const;

    // The label of a code in the given language; the code itself when unknown.
    std::string_view label(std::string_view code, Lang lang) const;

    // "unknown political status '…' (expected one of: 中共党员, …)": the message for a miss;
    // for an ambiguous spelling "ambiguous direction '挂职' (say which: 上挂 (up; also …), …)".
    Message unknown(std::string_view text) const;

    // The codes of a list such as "选调生、县级后备干部" or "选调生 后备干部": pieces separated by
    // ; , 、 / (ASCII or full width) or spaces — a run of words that is one spelling as a whole
    // ("selected graduate") is one piece. In the order given, each code once; `unknown` gets
    // the pieces that are no spelling. The text is expected cleaned (util::clean).
    std::vector<std::string> codes_of_list(std::string_view text, std::vector<std::string>& unknown) const;

    const std::vector<Term>& terms() const { return terms_; }
    std::string_view what() const { return what_; }

  private:
    std::string_view what_;
    std::vector<Term> terms_;
    std::vector<std::string> ambiguous_;
    std::unordered_map<std::string, std::size_t> index_;
};

// 上挂 up / 下派 down; 挂职 alone is ambiguous.
const Vocabulary& directions();
// 政治面貌 per GB/T 4762, matched by label and aliases.
const Vocabulary& political_statuses();
// 市级机关 city_organ / 县区部门 county_dept / 乡镇 township.
const Vocabulary& unit_kinds();
// 干部类别: 选调生, 县级后备干部, 少数民族, 女干部.
const Vocabulary& categories();
// 男 male / 女 female.
const Vocabulary& genders();
// 学历 per GB/T 4658 (the levels clerks use).
const Vocabulary& educations();
// 民族 per GB/T 3304 (56 groups).
const Vocabulary& ethnicities();
// planned / active / extended / recalled / completed.
const Vocabulary& statuses();
// What an event records: appointment, the care notes (talk, visit, inspection, problem,
// other), extension, recall, completion, quota override, follow-up.
const Vocabulary& event_kinds();
// The kinds `assign note` takes (a subset of event_kinds).
const Vocabulary& note_kinds();
// Why a secondee may be recalled early: promotion (提拔使用, 提拔), education_campaign
// (参加先进性教育活动, 先进性教育活动), special (特殊工作).
const Vocabulary& recall_reasons();
// 季度汇报 quarterly / 思想和工作汇报 semiannual / 挂职工作总结 final.
const Vocabulary& report_kinds();
// 年度考核 grades (公务员法 Art. 38): 优秀, 称职, 基本称职, 不称职, and 不定等次 / 不进行考核.
const Vocabulary& grades();
// Whom a report went to: home (派出单位), orgdept (市委组织部), both.
const Vocabulary& recipients();

} // namespace guazhi
