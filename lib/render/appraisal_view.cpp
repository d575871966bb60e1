#include "render/appraisal_view.hpp"

#include "util/id_number.hpp"

#include <fmt/format.h>

namespace guazhi {

namespace {

std::string share_text(const Votes& v) {
    auto share = v.excellent_share();
    return share ? fmt::format("{:.1f}%", 100.0 * *share) : "—";
}

} // namespace

std::vector<ReportColumn> annual_columns(Lang lang) {
    bool zh = lang == Lang::zh;
    return {{zh ? "年度" : "year", "year", true},
            {zh ? "等次" : "grade", "grade"},
            {zh ? "考核单位" : "assessed by", "unit"},
            {zh ? "考核日期" : "date", "decided_on"},
            {zh ? "民主测评" : "votes", "votes"},
            {zh ? "优秀票比例" : "excellent share", "excellent_share"},
            {zh ? "表现突出" : "outstanding", "outstanding"},
            {zh ? "派出单位意见" : "home unit's note", "home_note"},
            {zh ? "挂职" : "assignment", "assignment_id", true}};
}

std::vector<std::string> annual_cells(const AnnualAssessment& x, Lang lang, bool codes) {
    std::string grade = x.grade ? (codes ? *x.grade : std::string(grades().label(*x.grade, lang))) : "";
    // A unit other than the host, the rule set aside: the reason beside it.
    std::string unit = x.override_reason.empty()
                           ? x.unit
                           : fmt::format("{}（{}：{}）", x.unit, lang == Lang::zh ? "另定" : "override", x.override_reason);
    return {std::to_string(x.year),
            grade,
            unit,
            x.decided_on ? x.decided_on->iso() : "",
            x.votes ? format_votes(*x.votes, lang) : "",
            x.votes ? share_text(*x.votes) : "",
            std::string(yes_no(x.outstanding, lang)),
            x.home_note,
            x.assignment_id ? std::to_string(*x.assignment_id) : ""};
}

void write_annual_json(JsonWriter& json, const AnnualAssessment& x) {
    json.key("id").value(x.id).key("year").value(x.year);
    json.key("assignment_id");
    x.assignment_id ? json.value(*x.assignment_id) : json.null();
    json.key("grade");
    x.grade ? json.value(*x.grade) : json.null();
    json.key("decided_on");
    x.decided_on ? json.value(x.decided_on->iso()) : json.null();
    json.key("unit").value(x.unit).key("override_reason").value(x.override_reason);
    json.key("votes");
    if (x.votes) {
        json.begin_object();
        for (std::size_t i = 0; i < kVotedGrades.size(); ++i) json.key(kVotedGrades[i]).value(x.votes->counts[i]);
        json.end_object();
    } else json.null();
    // The share as its exact parts and as a number; null when nothing was voted.
    json.key("excellent_share");
    auto share = x.votes ? x.votes->excellent_share() : std::nullopt;
    if (share)
        json.begin_object().key("count").value(x.votes->excellent()).key("of").value(x.votes->total()).key("share").value(*share).end_object();
    else json.null();
    json.key("outstanding").value(x.outstanding).key("home_note").value(x.home_note);
    json.key("recorded_by").value(x.recorded_by).key("recorded_at").value(x.recorded_at);
    json.key("superseded_by");
    x.superseded_by ? json.value(*x.superseded_by) : json.null();
}

void write_final_json(JsonWriter& json, const FinalAppraisal& f) {
    json.key("id").value(f.id).key("assignment_id").value(f.assignment_id);
    for (std::size_t i = 0; i < kDimensions.size(); ++i)
        json.key(kDimensions[i].code)
            .begin_object()
            .key("rating")
            .value(f.dimensions[i].rating)
            .key("comment")
            .value(f.dimensions[i].comment)
            .end_object();
    json.key("conclusion").value(f.conclusion).key("author_unit").value(f.author_unit);
    json.key("written_on").value(f.written_on.iso()).key("early_reason").value(f.early_reason);
    json.key("override_reason").value(f.override_reason);
    json.key("recorded_by").value(f.recorded_by).key("recorded_at").value(f.recorded_at);
    json.key("superseded_by");
    f.superseded_by ? json.value(*f.superseded_by) : json.null();
}

void write_recommendation_json(JsonWriter& json, const Recommendation& r, Lang lang) {
    auto grade = [&](const std::optional<std::string>& g) -> JsonWriter& { return g ? json.value(*g) : json.null(); };
    json.begin_object().key("year").value(r.year).key("recommended").value(r.recommended());
    json.key("grade_two_years_before");
    grade(r.grade_two_before);
    json.key("grade_year_before");
    grade(r.grade_before);
    json.key("excellent_votes");
    r.votes ? json.value(r.votes->excellent()) : json.null();
    json.key("votes_total");
    r.votes ? json.value(r.votes->total()) : json.null();
    json.key("threshold").value(r.threshold).key("outstanding").value(r.outstanding);
    json.key("unmet").begin_array();
    for (const auto& why : unmet_conditions(r, lang)) json.value(why);
    json.end_array().end_object();
}

std::string final_text(const FinalAppraisal& f, Lang lang) {
    bool zh = lang == Lang::zh;
    std::string out = fmt::format("{} #{} — {} {}, {}{}\n", zh ? "挂职鉴定" : "final appraisal", f.id, f.written_on.iso(),
                                  f.author_unit, zh ? "记录人 " : "recorded by ", f.recorded_by);
    for (std::size_t i = 0; i < kDimensions.size(); ++i)
        out += fmt::format("  {}: {}{}{}\n", zh ? kDimensions[i].zh : kDimensions[i].en, f.dimensions[i].rating,
                           f.dimensions[i].comment.empty() ? "" : " — ", f.dimensions[i].comment);
    out += fmt::format("  {}: {}\n", zh ? "鉴定意见" : "conclusion", f.conclusion);
    if (!f.early_reason.empty()) out += fmt::format("  {}: {}\n", zh ? "提前鉴定原因" : "written early because", f.early_reason);
    if (!f.override_reason.empty())
        out += fmt::format("  {}: {}\n", zh ? "非接收单位鉴定原因" : "written by a unit other than the host because",
                           f.override_reason);
    if (f.superseded_by) out += fmt::format("  ({} #{})\n", zh ? "已被替换为" : "replaced by", *f.superseded_by);
    return out;
}

std::string recommendation_text(const Recommendation& r, Lang lang) {
    bool zh = lang == Lang::zh;
    if (r.recommended()) return fmt::format("{} {}: {}", r.year, zh ? "推荐优秀" : "recommend excellent", zh ? "是" : "yes");
    return fmt::format("{} {}: {} ({})", r.year, zh ? "推荐优秀" : "recommend excellent", zh ? "否" : "no",
                       fmt::join(unmet_conditions(r, lang), zh ? "；" : "; "));
}

std::string appraisals_text(const CadreAppraisals& a, Lang lang) {
    bool zh = lang == Lang::zh;
    std::string out = fmt::format("{} ({}, {})\n", a.cadre.name, util::mask_id_number(a.cadre.id_number),
                                  genders().label(a.cadre.gender, lang));
    out += fmt::format("\n{}\n", zh ? "年度考核" : "Annual assessments");
    if (a.annual.empty()) out += zh ? "  （无记录）\n" : "  (none recorded)\n";
    else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& x : a.annual) rows.push_back(annual_cells(x, lang, false));
        out += render_report(Format::table, annual_columns(lang), rows);
    }
    for (const auto& item : a.assignments) {
        const Assignment& s = item.assignment;
        out += fmt::format("\n{} #{}: {} {}, {} ~ {}\n", zh ? "挂职" : "Assignment", s.id, s.host_unit.name, s.host_post,
                           s.start.iso(), s.effective_end().iso());
        for (const auto& r : item.recommendations) out += "  " + recommendation_text(r, lang) + "\n";
        if (item.finals.empty()) out += zh ? "  挂职鉴定：尚无\n" : "  final appraisal: none yet\n";
        for (const auto& f : item.finals) {
            std::string text = final_text(f, lang);
            // Indented under its assignment.
            std::string indented;
            for (std::size_t start = 0; start < text.size();) {
                auto end = text.find('\n', start);
                indented += "  " + text.substr(start, end - start + 1);
                start = end + 1;
            }
            out += indented;
        }
    }
    return out;
}

std::string appraisals_json(const CadreAppraisals& a, Lang lang) {
    JsonWriter json;
    json.begin_object();
    json.key("cadre").begin_object().key("id_number").value(util::mask_id_number(a.cadre.id_number));
    json.key("id_number_masked").value(true).key("name").value(a.cadre.name).end_object();
    json.key("annual").begin_array();
    for (const auto& x : a.annual) {
        json.begin_object();
        write_annual_json(json, x);
        json.end_object();
    }
    json.end_array().key("assignments").begin_array();
    for (const auto& item : a.assignments) {
        const Assignment& s = item.assignment;
        json.begin_object().key("id").value(s.id).key("host_unit").value(s.host_unit.name);
        json.key("start").value(s.start.iso()).key("end").value(s.effective_end().iso());
        json.key("recommendations").begin_array();
        for (const auto& r : item.recommendations) write_recommendation_json(json, r, lang);
        json.end_array().key("final_appraisals").begin_array();
        for (const auto& f : item.finals) {
            json.begin_object();
            write_final_json(json, f);
            json.end_object();
        }
        json.end_array().end_object();
    }
    json.end_array().end_object();
    return json.str();
}

} // namespace guazhi
