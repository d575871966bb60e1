#include "render/assignment_view.hpp"

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
        fmt::format("{}~{}", a.start.iso(), a.end.iso()),
        std::string(statuses().label(status_on(a, as_of), lang)),
    };
}

void write_assignment_json(JsonWriter& json, const Assignment& a, util::Date as_of, const Config& config,
                           bool reveal_id) {
    json.begin_object();
    json.key("id").value(a.id);
    json.key("status").value(status_on(a, as_of));
    json.key("non_party").value(is_non_party(a.cadre.political_status, config));
    RowValues row = to_row(a);
    for (const auto& s : roster_fields()) {
        json.key(s.key);
        const std::string& v = row[static_cast<std::size_t>(s.field)];
        if (s.field == Field::id_number) json.value(reveal_id ? v : util::mask_id_number(v));
        else if (s.field == Field::batch_year) json.value(a.batch_year);
        else if (s.field == Field::categories) {
            json.begin_array();
            for (const auto& c : a.cadre.categories) json.value(c);
            json.end_array();
        } else json.value(v);
    }
    json.end_object();
}

std::string show_text(const Assignment& a, Lang lang, util::Date as_of, const Config& config, bool reveal_id) {
    std::vector<std::pair<std::string, std::string>> lines = {
        {"ID", std::to_string(a.id)},
        {std::string(pick(lang, "姓名", "name")), a.cadre.name},
        {std::string(pick(lang, "身份证号", "ID number")),
         reveal_id ? a.cadre.id_number : util::mask_id_number(a.cadre.id_number)},
        {std::string(pick(lang, "性别", "gender")), std::string(genders().label(a.cadre.gender, lang))},
        {std::string(pick(lang, "民族", "ethnicity")), std::string(ethnicities().label(a.cadre.ethnicity, lang))},
        {std::string(pick(lang, "出生日期", "born")), a.cadre.birth_date},
        {std::string(pick(lang, "政治面貌", "political status")),
         fmt::format("{}{}", political_statuses().label(a.cadre.political_status, lang),
                     is_non_party(a.cadre.political_status, config) ? pick(lang, "（党外干部）", " (non-Party)") : "")},
        {std::string(pick(lang, "学历", "education")), std::string(educations().label(a.cadre.education, lang))},
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
        {std::string(pick(lang, "状态", "status")), std::string(statuses().label(status_on(a, as_of), lang))},
    };
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, display_width(label));
    std::string out;
    for (const auto& [label, value] : lines) out += fmt::format("{:<{}}  {}\n", label, width, value);
    return out;
}

} // namespace guazhi
