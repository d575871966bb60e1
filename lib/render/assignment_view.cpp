#include "render/assignment_view.hpp"
#include "render/event_details.hpp"

#include "render/datasets.hpp"

#include "domain/roster.hpp"
#include "domain/rules.hpp"
#include "util/id_number.hpp"

#include <fmt/format.h>

namespace guazhi {

namespace {

std::string labels(const std::vector<std::string>& codes, const Vocabulary& v, Lang lang) {
    std::string out;
    for (const auto& c : codes) {
        if (!out.empty()) out += lang == Lang::zh ? "、" : ", ";
        out += v.label(c, lang);
    }
    return out;
}

std::string_view pick(Lang lang, std::string_view zh, std::string_view en) { return lang == Lang::zh ? zh : en; }

} // namespace

std::vector<TableColumn> list_columns(Lang lang) {
    return {
        {"ID", true},
        {std::string(pick(lang, "姓名", "name"))},
        {std::string(pick(lang, "类型", "direction"))},
        {std::string(pick(lang, "年度", "batch"))},
        {std::string(pick(lang, "派出单位", "home unit"))},
        {std::string(pick(lang, "接收单位", "host unit"))},
        {std::string(pick(lang, "挂职职务", "host post"))},
        {std::string(pick(lang, "政治面貌", "political status"))},
        {std::string(pick(lang, "起止时间", "term"))},
        {std::string(pick(lang, "状态", "status"))},
    };
}

std::vector<std::string> list_cells(const Assignment& a, Lang lang, util::Date as_of) {
    return {
        std::to_string(a.id),
        a.cadre.name,
        std::string(directions().label(a.direction, lang)),
        std::to_string(a.batch_year),
        a.home_unit.name,
        a.host_unit.name,
        a.host_post,
        std::string(political_statuses().label(a.cadre.political_status, lang)),
        fmt::format("{}~{}", a.start.iso(), a.effective_end().iso()),
        std::string(statuses().label(status_on(a, as_of), lang)),
    };
}

namespace {
// The members of an assignment's JSON object, without the braces.
void write_assignment_members(JsonWriter& json, const Assignment& a, util::Date as_of, const Config& config,
                              bool reveal_id) {
    json.key("id").value(a.id);
    json.key("status").value(status_on(a, as_of));
    json.key("non_party").value(is_non_party(a.cadre.political_status, config.policy));
    RowValues row = canonical_row(a, reveal_id); // ID number, birth date and phone masked unless revealed
    for (const auto& s : roster_fields()) {
        json.key(s.key);
        const std::string& v = row[static_cast<std::size_t>(s.field)];
        if (s.field == Field::batch_year) json.value(a.batch_year);
        else if (s.field == Field::categories) {
            json.begin_array();
            for (const auto& c : a.cadre.categories) json.value(c);
            json.end_array();
        } else json.value(v);
    }
    // The term as changed after it was recorded (null when unchanged).
    json.key("extended_until");
    if (a.extended_until) json.value(a.extended_until->iso());
    else json.null();
    json.key("recalled_on");
    if (a.recalled_on) json.value(a.recalled_on->iso());
    else json.null();
    json.key("recall_reason").value(a.recall_reason);
    json.key("effective_end").value(a.effective_end().iso());
}
} // namespace

void write_assignment_json(JsonWriter& json, const Assignment& a, util::Date as_of, const Config& config,
                           bool reveal_id) {
    json.begin_object();
    write_assignment_members(json, a, as_of, config, reveal_id);
    json.end_object();
}

void write_assignment_json(JsonWriter& json, const Assignment& a, util::Date as_of, const Config& config,
                           bool reveal_id, const Appointment& appointment, const std::vector<Event>& events) {
    json.begin_object();
    write_assignment_members(json, a, as_of, config, reveal_id);
    write_history_json(json, appointment, events);
    json.end_object();
}

namespace {
std::string iso(const std::optional<util::Date>& d) { return d ? d->iso() : std::string(); }
} // namespace

std::string history_text(const Appointment& p, const std::vector<Event>& events, Lang lang) {
    std::vector<std::pair<std::string_view, std::string>> lines = {
        {pick(lang, "任职", "post"), p.post_level},
        {pick(lang, "任职文件", "appointment document"),
         p.doc_number.empty() && !p.doc_date ? "" : fmt::format("{} {}", p.doc_number, iso(p.doc_date))},
        {pick(lang, "备案", "filed"), iso(p.filed_on)},
        {pick(lang, "抄送统战部", "copied to United Front"), iso(p.united_front_on)},
        {pick(lang, "人代会选举", "election"),
         p.election_date || !p.election_result.empty()
             ? fmt::format("{} {}", iso(p.election_date),
                           p.election_result == "elected"       ? pick(lang, "当选", "elected")
                           : p.election_result == "not_elected" ? pick(lang, "未当选", "not elected")
                                                                : "")
             : ""},
        {pick(lang, "传帮带", "mentor"), p.mentor},
        {pick(lang, "分工", "division of work"), p.division_of_work},
        {pick(lang, "转临时组织关系", "Party relationship moved"), iso(p.party_transfer_on)},
    };
    std::string out;
    std::size_t width = 0;
    for (const auto& [label, value] : lines)
        if (!value.empty()) width = std::max(width, display_width(label));
    for (const auto& [label, value] : lines)
        if (!value.empty()) out += fmt::format("{:<{}}  {}\n", label, width, value);
    out += fmt::format("\n{}\n", pick(lang, "履历", "history"));
    if (events.empty()) out += pick(lang, "  （无记录）\n", "  (none)\n");
    for (const Event& e : events) {
        out += fmt::format("  {}  {}", e.date.iso(), event_kinds().label(e.kind, lang));
        if (!e.reason.empty()) out += fmt::format("  [{}]", e.kind == "recalled" || e.kind == "follow_up" ? recall_reasons().label(e.reason, lang) : e.reason);
        if (e.details != "{}") out += fmt::format("  {}", details_text(e.details, lang));
        // The id, for `assign note-edit|note-delete EVENT`.
        out += fmt::format("  — {}  #{}\n", e.recorded_by, e.id);
    }
    return out;
}

void write_history_json(JsonWriter& json, const Appointment& p, const std::vector<Event>& events) {
    auto date = [&](std::string_view key, const std::optional<util::Date>& d) {
        json.key(key);
        if (d) json.value(d->iso());
        else json.null();
    };
    json.key("appointment").begin_object();
    json.key("post_level").value(p.post_level);
    json.key("doc_number").value(p.doc_number);
    date("doc_date", p.doc_date);
    date("filed_on", p.filed_on);
    date("united_front_on", p.united_front_on);
    date("election_date", p.election_date);
    json.key("election_result").value(p.election_result);
    json.key("mentor").value(p.mentor);
    json.key("division_of_work").value(p.division_of_work);
    date("party_transfer_on", p.party_transfer_on);
    json.end_object();
    json.key("events").begin_array();
    for (const Event& e : events) {
        json.begin_object();
        json.key("id").value(e.id);
        json.key("kind").value(e.kind);
        json.key("date").value(e.date.iso());
        json.key("recorded_by").value(e.recorded_by);
        json.key("recorded_at").value(e.recorded_at);
        json.key("reason").value(e.reason);
        json.key("details").raw(e.details);
        json.key("details_text").value(details_text(e.details, Lang::zh));
        json.end_object();
    }
    json.end_array();
}

std::string show_text(const Assignment& a, Lang lang, util::Date as_of, const Config& config, bool reveal_id) {
    std::vector<std::pair<std::string, std::string>> lines = {
        {"ID", std::to_string(a.id)},
        {std::string(pick(lang, "姓名", "name")), a.cadre.name},
        {std::string(pick(lang, "身份证号", "ID number")),
         reveal_id ? a.cadre.id_number : util::mask_id_number(a.cadre.id_number)},
        {std::string(pick(lang, "性别", "gender")), std::string(genders().label(a.cadre.gender, lang))},
        {std::string(pick(lang, "民族", "ethnicity")), std::string(ethnicities().label(a.cadre.ethnicity, lang))},
        // The full birth date is digits 7..14 of the ID number: masked with it.
        {std::string(pick(lang, "出生日期", "born")), reveal_id ? a.cadre.birth_date : a.cadre.birth_date.substr(0, 7)},
        {std::string(pick(lang, "政治面貌", "political status")),
         fmt::format("{}{}", political_statuses().label(a.cadre.political_status, lang),
                     is_non_party(a.cadre.political_status, config.policy) ? pick(lang, "（党外干部）", " (non-Party)") : "")},
        {std::string(pick(lang, "学历", "education")), std::string(educations().label(a.cadre.education, lang))},
        {std::string(pick(lang, "全日制教育", "full-time education")),
         std::string(educations().label(a.cadre.education_fulltime, lang))},
        {std::string(pick(lang, "在职教育", "in-service education")),
         std::string(educations().label(a.cadre.education_inservice, lang))},
        {std::string(pick(lang, "籍贯", "native place")), a.cadre.native_place},
        {std::string(pick(lang, "参加工作时间", "started work")), a.cadre.started_work},
        {std::string(pick(lang, "入党时间", "joined the Party")), a.cadre.joined_party},
        {std::string(pick(lang, "职级", "rank")), a.cadre.rank},
        {std::string(pick(lang, "联系电话", "phone")), reveal_id ? a.cadre.phone : util::mask_phone(a.cadre.phone)},
        {std::string(pick(lang, "干部类别", "categories")), labels(a.cadre.categories, categories(), lang)},
        {std::string(pick(lang, "挂职类型", "direction")), std::string(directions().label(a.direction, lang))},
        {std::string(pick(lang, "年度", "batch")), std::to_string(a.batch_year)},
        {std::string(pick(lang, "派出单位", "home unit")),
         fmt::format("{} ({}{}{})", a.home_unit.name, unit_kinds().label(a.home_unit.kind, lang),
                     a.home_unit.county.empty() ? "" : ", ", a.home_unit.county)},
        {std::string(pick(lang, "原职务", "home post")), a.home_post},
        {std::string(pick(lang, "接收单位", "host unit")),
         fmt::format("{} ({})", a.host_unit.name, unit_kinds().label(a.host_unit.kind, lang))},
        {std::string(pick(lang, "挂职职务", "host post")), a.host_post},
        {std::string(pick(lang, "起止时间", "term")), fmt::format("{} ~ {}", a.start.iso(), a.end.iso())},
        {std::string(pick(lang, "延长至", "extended until")), a.extended_until ? a.extended_until->iso() : ""},
        {std::string(pick(lang, "中途抽回", "recalled")),
         a.recalled_on ? fmt::format("{} ({})", a.recalled_on->iso(), recall_reasons().label(a.recall_reason, lang)) : ""},
        {std::string(pick(lang, "挂职项目", "programme")), a.programme},
        {std::string(pick(lang, "备注", "remark")), a.remark},
        {std::string(pick(lang, "状态", "status")), std::string(statuses().label(status_on(a, as_of), lang))},
    };
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, display_width(label));
    std::string out;
    for (const auto& [label, value] : lines)
        if (!value.empty() || label == "ID") out += fmt::format("{:<{}}  {}\n", label, width, value);
    return out;
}

} // namespace guazhi
