#include "domain/rules.hpp"

#include "domain/cadre_history.hpp"
#include "domain/filter.hpp"
#include "domain/vocabulary.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guazhi {

bool is_ethnic_minority(std::string_view ethnicity) { return !ethnicity.empty() && ethnicity != "han"; }

bool is_non_party(std::string_view political_status, const Policy& policy) {
    // Seed: "今年我们安排了7名党外干部上挂、6名党外干部下派" — 党外干部 are cadres who are not
    // members (or probationary members) of the CPC. Some places leave 群众 or 共青团员 out;
    // `non_party_exclude` says so.
    if (is_party_member(political_status)) return false;
    return std::find(policy.non_party_exclude.begin(), policy.non_party_exclude.end(), political_status) ==
           policy.non_party_exclude.end();
}

std::vector<std::string> non_party_statuses(const Policy& policy) {
    std::vector<std::string> codes;
    for (const Term& t : political_statuses().terms())
        if (is_non_party(t.code, policy)) codes.emplace_back(t.code);
    return codes;
}

util::Date default_end_date(util::Date start, int term_months) {
    // Seed: "挂职期均为一年，即：今年8月至明年8月" — a term of 12 months by default, ending the
    // day before the same date a term later (2006-08-01 → 2007-07-31). When that date does
    // not exist (a term from 2008-02-29, or from 01-31 for one month) the term runs to the end
    // of that month instead: 2008-02-29 → 2009-02-28.
    util::Date anniversary = start.plus_months(term_months);
    if (anniversary.day != start.day) return anniversary; // clamped to the month's last day
    return anniversary.plus_days(-1);
}

namespace {
bool names_a_township(std::string_view name) {
    for (std::string_view suffix : {"镇", "乡", "街道", "街道办事处", "镇人民政府", "乡人民政府"})
        if (name.ends_with(suffix)) return true;
    return false;
}

// A name that starts with a county (资中县…, 市中区…: 县 or 区 within its first three
// characters) belongs to a county even when it starts with 市.
bool names_a_county(std::string_view name) {
    for (std::string_view marker : {"县", "区"}) {
        auto pos = name.find(marker);
        if (pos != std::string_view::npos && pos <= 6) return true;
    }
    return false;
}
} // namespace

std::string_view infer_unit_kind(std::string_view unit_name) {
    if (names_a_township(unit_name)) return "township";
    if (names_a_county(unit_name)) return "county_dept";
    if (unit_name.starts_with("市")) return "city_organ";
    // Otherwise we cannot tell; county departments are what most rosters list, and the roster
    // can say so explicitly in 原单位层级.
    return "county_dept";
}

std::string_view infer_host_kind(std::string_view unit_name) {
    // Hosts are city organs or townships (host_kind_for); a name that says neither is taken
    // for a city organ, unless it names a county.
    if (names_a_township(unit_name)) return "township";
    if (names_a_county(unit_name)) return "county_dept";
    return "city_organ";
}

std::string_view host_kind_for(std::string_view direction) {
    // DOMAIN.md: 上挂 is from counties to city-level organs (市级机关); 下派 is to townships.
    return direction == "down" ? "township" : "city_organ";
}

std::optional<std::string_view> host_name_contradicts(std::string_view host_name, std::string_view direction) {
    // DOMAIN.md: 上挂 goes from the counties to city-level organs (市级机关), 下派 from the city
    // to townships (乡镇): a 下派 host named 市…局 or an 上挂 host named …镇 is a mistake of the
    // row, not a unit to record with the direction's kind.
    std::string_view said = infer_unit_kind(host_name);
    if (direction == "down" && said == "city_organ") return said;
    if (direction == "up" && said == "township") return said;
    return std::nullopt;
}

bool terms_overlap(util::Date a_start, util::Date a_end, util::Date b_start, util::Date b_end) {
    return a_start <= b_end && b_start <= a_end;
}

bool is_party_member(std::string_view political_status) {
    return political_status == "cpc_member" || political_status == "cpc_probationary";
}

std::string_view status_on(const Assignment& a, util::Date day) {
    // store/assignment_store.cpp (build_filter) states the same in SQL; keep them together.
    if (day < a.start) return "planned";
    if (a.recalled_on && day > *a.recalled_on) return "recalled";
    if (day <= a.end) return "active";
    if (a.extended_until && day <= *a.extended_until) return "extended";
    return "completed";
}

std::optional<Problem> refuse_extension(const Assignment& a, util::Date until, bool home_consent) {
    // Seed: "如果接收单位要求上挂干部再继续工作一段时间的，要及时与派出单位协商，取得派出单位的同意" —
    // a host that keeps a cadre longer needs the sending unit's consent.
    if (!home_consent)
        return problem(Parameter::home_consent, ProblemCode::extension_without_consent);
    if (a.recalled_on) return problem(Parameter::none, ProblemCode::extension_after_recall, a.recalled_on->iso());
    if (until <= a.effective_end())
        return problem(Parameter::until, ProblemCode::extension_not_later, until.iso(), a.effective_end().iso());
    return std::nullopt;
}

std::optional<Problem> refuse_recall(const Assignment& a, util::Date last_day, std::string_view reason,
                                         bool host_consent) {
    // Seed: "在挂职期间，除提拔使用和参加先进性教育活动外，原单位原则上不得中途抽回挂职人员，如因某项
    // 特殊工作确需抽回的，派员单位要与接收单位协商，经接收单位同意后才能抽回".
    if (!recall_reasons().code_of(reason))
        return problem(Parameter::reason, ProblemCode::recall_reason_unknown, reason);
    if (reason == "special" && !host_consent)
        return problem(Parameter::host_consent, ProblemCode::recall_without_consent);
    if (a.recalled_on) return problem(Parameter::none, ProblemCode::recall_again, a.recalled_on->iso());
    if (last_day < a.start || last_day >= a.effective_end())
        return problem(Parameter::date, ProblemCode::recall_outside_term, last_day.iso(), a.start.iso(),
                       a.effective_end().iso());
    return std::nullopt;
}

std::optional<Problem> refuse_completion(const Assignment& a, util::Date day) {
    // Seed: "今天会后，各接收单位要安排一定时间，让挂职干部搞好工作交接" — completion is the end of
    // the term; ending earlier is a recall, and a recalled term is not completed.
    if (a.recalled_on) return problem(Parameter::none, ProblemCode::completion_after_recall, a.recalled_on->iso());
    if (day < a.effective_end())
        return problem(Parameter::date, ProblemCode::completion_early, day.iso(), a.effective_end().iso());
    return std::nullopt;
}

std::optional<Problem> refuse_recalled_handover(const Assignment& a, util::Date day) {
    // Seed: "今天会后，各接收单位要安排一定时间，让挂职干部搞好工作交接" — a recalled secondee hands
    // the work over too, once the term has ended: on or after the recall's last day.
    if (a.recalled_on && day < *a.recalled_on)
        return problem(Parameter::date, ProblemCode::handover_before_recall, day.iso(), a.recalled_on->iso());
    return std::nullopt;
}

std::pair<int, int> assessment_years(const Assignment& a) {
    return {a.start.year, a.effective_end().year};
}

bool Recommendation::prior_grades_met() const {
    return grade_before == "excellent" && grade_two_before == "excellent";
}

bool Recommendation::vote_share_met() const {
    auto share = votes ? votes->excellent_share() : std::nullopt;
    // Compared in whole votes, so that 0.6 of 30 votes is met by exactly 18.
    return share && static_cast<double>(votes->excellent()) >= threshold * static_cast<double>(votes->total()) - 1e-9;
}

Recommendation recommend_excellent(int year, std::optional<std::string> grade_before,
                                   std::optional<std::string> grade_two_before, std::optional<Votes> votes,
                                   bool outstanding, const Policy& policy) {
    // DOMAIN.md rule 6: "If the cadre was graded 优秀 in the two previous years, got a high
    // share of 优秀 votes in the year-end democratic evaluation and performed outstandingly,
    // the host is advised to grade 优秀." All three must hold; "high" is excellent_vote_share.
    return {year, std::move(grade_before), std::move(grade_two_before), std::move(votes), outstanding,
            policy.excellent_vote_share};
}

std::vector<std::string> unmet_conditions(const Recommendation& r, Lang lang) {
    bool zh = lang == Lang::zh;
    std::vector<std::string> out;
    if (!r.prior_grades_met()) {
        auto grade = [&](const std::optional<std::string>& g) {
            return g ? std::string(grades().label(*g, lang)) : std::string(zh ? "未录入" : "not recorded");
        };
        out.push_back(zh ? fmt::format("前两年等次须均为优秀：{}年{}，{}年{}", r.year - 2, grade(r.grade_two_before),
                                       r.year - 1, grade(r.grade_before))
                         : fmt::format("both previous years must be excellent: {} {}, {} {}", r.year - 2,
                                       grade(r.grade_two_before), r.year - 1, grade(r.grade_before)));
    }
    if (!r.vote_share_met()) {
        if (!r.votes)
            out.emplace_back(zh ? "未录入民主测评票数" : "no democratic evaluation recorded");
        else
            out.push_back(zh ? fmt::format("优秀票比例 {}/{} = {:.1f}%，低于 {:.1f}%", r.votes->excellent(), r.votes->total(),
                                           100.0 * *r.votes->excellent_share(), 100.0 * r.threshold)
                             : fmt::format("excellent votes {}/{} = {:.1f}%, below {:.1f}%", r.votes->excellent(),
                                           r.votes->total(), 100.0 * *r.votes->excellent_share(), 100.0 * r.threshold));
    }
    if (!r.outstanding) out.emplace_back(zh ? "未标记表现突出" : "performance not marked outstanding");
    return out;
}

std::optional<std::int64_t> excellent_cap(std::int64_t assessed, const Policy& policy) {
    // DOMAIN.md rule 6: civil-service rules cap 优秀 at about 20% of those assessed — a
    // warning, not a block. Rounded down: 20% of 4 allows none.
    if (policy.excellent_cap_share <= 0) return std::nullopt;
    return static_cast<std::int64_t>(policy.excellent_cap_share * static_cast<double>(assessed) + 1e-9);
}

std::optional<Problem> refuse_assessing_unit(const Assignment& a, int year, std::string_view unit,
                                             std::string_view override_reason) {
    // Seed: "今年挂职干部的年度考核，由接收单位负责" — the annual assessment of a year of the
    // term is made by the host (the home unit only supplies its view of the first half year).
    if (unit.empty() || unit == a.host_unit.name) return std::nullopt;
    if (!util::trim(override_reason).empty()) return std::nullopt;
    return problem(Parameter::assessing_unit, ProblemCode::assessor_not_host, year, unit, a.host_unit.name, a.id);
}

std::optional<Problem> refuse_appraisal_author(const Assignment& a, std::string_view unit,
                                               std::string_view override_reason) {
    // DOMAIN.md rule 7: "At the end the host writes a full appraisal".
    if (unit.empty() || unit == a.host_unit.name) return std::nullopt;
    if (!util::trim(override_reason).empty()) return std::nullopt;
    return problem(Parameter::assessing_unit, ProblemCode::author_not_host, unit, a.host_unit.name, a.id);
}

bool is_graded(std::string_view grade) {
    return grade == "excellent" || grade == "competent" || grade == "basically_competent" || grade == "incompetent";
}

bool names_a_unit(std::string_view text) {
    // A person's name is two to four characters with none of these endings; units end so.
    if (names_a_township(text) || text.starts_with("市") || text.find("县") != std::string_view::npos ||
        text.find("区") != std::string_view::npos)
        return true;
    for (std::string_view suffix : {"局", "委", "办", "部", "院", "厅", "室", "政府", "中心", "所", "站", "处",
                                    "公司", "学校", "组", "社", "馆", "队", "团"})
        if (text.ends_with(suffix)) return true;
    return false;
}

std::optional<Problem> refuse_final_appraisal(const Assignment& a, util::Date day, bool early,
                                                  std::string_view reason) {
    // DOMAIN.md rule 7: "At the end the host writes a full appraisal" — the end of the term
    // as served (a recall ends it too). Earlier only on purpose, and saying why.
    if (day < a.start) return problem(Parameter::date, ProblemCode::final_before_term, day.iso(), a.start.iso());
    if (day >= a.effective_end()) return std::nullopt;
    if (!early)
        return problem(Parameter::early, ProblemCode::final_early, day.iso(), a.effective_end().iso());
    if (util::trim(reason).empty()) return problem(Parameter::early, ProblemCode::early_without_reason);
    return std::nullopt;
}

std::optional<Problem> refuse_appointment(const Assignment& a, const AppointmentChange& change,
                                              const Policy& policy) {
    // Seed: "下派干部，拟任副乡镇长，并请各县（区）及时安排召开一次人代会进行选举" — only
    // down-dispatched cadres are elected.
    if ((change.election_date || change.election_result) && a.direction != "down")
        return problem(Parameter::none, ProblemCode::election_not_down);
    if (change.election_result && *change.election_result != "elected" && *change.election_result != "not_elected")
        return problem(Parameter::none, ProblemCode::election_result_unknown, *change.election_result);
    // Seed: "党外干部的任职文件，抄送市委统战部".
    if (change.united_front_on && !is_non_party(a.cadre.political_status, policy))
        return problem(Parameter::none, ProblemCode::united_front_party_member, a.cadre.name);
    // DOMAIN.md: Party members move only their Party relationship, temporarily.
    if (change.party_transfer_on && !is_party_member(a.cadre.political_status))
        return problem(Parameter::none, ProblemCode::party_transfer_non_member, a.cadre.name);
    return std::nullopt;
}

bool over_host_quota(std::int64_t already, const Policy& policy) {
    // Seed: "对申报接收2名挂职干部的单位，我们只安排了1名挂职干部" — one secondee per host per
    // batch unless the department decides otherwise (`max_per_host_per_batch`, 0 = no limit).
    return policy.max_per_host_per_batch > 0 && already >= policy.max_per_host_per_batch;
}

std::int64_t allowance_days(const Assignment& a) {
    // Seed: "由原单位每人每天补助2元" — paid for each day actually seconded.
    return a.effective_end().days() - a.start.days() + 1;
}

std::int64_t allowance_days_to(const Assignment& a, util::Date day) {
    // The same allowance, owed so far: each day actually seconded up to `day`.
    if (day < a.start) return 0;
    return (day < a.effective_end() ? day : a.effective_end()).days() - a.start.days() + 1;
}

bool same_assignment(const Assignment& a, const Assignment& b) {
    return a.cadre.id_number == b.cadre.id_number && a.direction == b.direction && a.batch_year == b.batch_year &&
           a.home_unit.name == b.home_unit.name && a.home_post == b.home_post && a.host_unit.name == b.host_unit.name &&
           a.host_post == b.host_post && a.start == b.start && a.end == b.end && a.remark == b.remark &&
           a.programme == b.programme;
}

std::vector<CadreDifference> cadre_differences(const Cadre& stored, const Cadre& given) {
    std::vector<CadreDifference> out;
    // The ID number is the key, and the birth date and gender are its digits.
    for (std::string_view field : correctable_fields()) {
        std::string s = attribute_value(stored, field), g = attribute_value(given, field);
        if (!g.empty() && s != g) out.push_back({std::string(field), std::move(s), std::move(g)});
    }
    return out;
}

bool AssignmentFilter::selects_all() const {
    return !year && !year_from && !year_to && !direction && !status && !home && !host && !county && !category &&
           !political_status && !non_party && !pending && !no_inspection && !returned && !not_promoted &&
           !ending_within;
}

const std::vector<std::pair<std::string_view, std::string_view>>& pending_kinds() {
    static const std::vector<std::pair<std::string_view, std::string_view>> kinds = {
        {"election", "下派 cadres not yet elected by the township people's congress"},
        {"united_front", "non-Party cadres whose appointment document is not yet copied to the United Front"},
        {"filing", "appointment documents not yet filed with the Organization Department"},
        {"document", "no appointment document recorded"},
        {"mentor", "no mentor (传帮带) recorded"},
        {"division", "no division of work (分工) recorded"},
        {"party_transfer", "Party members whose Party relationship transfer is not recorded"},
    };
    return kinds;
}

} // namespace guazhi
