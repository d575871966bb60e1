#include "render/cadre_view.hpp"

#include "domain/roster.hpp"
#include "render/table.hpp"
#include "util/id_number.hpp"

#include <fmt/format.h>

namespace guazhi {

namespace {

std::string_view pick(Lang lang, std::string_view zh, std::string_view en) { return lang == Lang::zh ? zh : en; }

const Vocabulary* vocabulary_of(std::string_view field) {
    if (field == "political_status") return &political_statuses();
    if (field == "education" || field == "education_fulltime" || field == "education_inservice") return &educations();
    if (field == "ethnicity") return &ethnicities();
    if (field == "gender") return &genders();
    if (field == "direction") return &directions();
    if (field == "home_level") return &unit_kinds();
    return nullptr;
}

// The profile's fields in a roster's order, the ID number and birth date shown apart.
constexpr std::string_view kProfile[] = {"name",         "gender",       "ethnicity",    "political_status",
                                         "education",    "education_fulltime", "education_inservice",
                                         "categories",   "rank",         "native_place", "started_work",
                                         "joined_party", "phone"};

std::string masked_id(const Cadre& c, bool reveal) { return reveal ? c.id_number : util::mask_id_number(c.id_number); }

} // namespace

std::string field_label(std::string_view field, Lang lang) {
    if (lang == Lang::en) return std::string(field);
    for (const auto& s : roster_fields())
        if (s.key == field) return std::string(s.zh);
    return std::string(field);
}

std::string value_label(std::string_view field, const std::string& value, Lang lang, bool reveal) {
    if (value.empty()) return "—";
    if (field == "phone") return reveal ? value : util::mask_phone(value);
    if (field == "categories") {
        Cadre c;
        set_attribute(c, "categories", value);
        std::string out;
        for (const auto& k : c.categories) {
            if (!out.empty()) out += pick(lang, "、", ", ");
            out += categories().label(k, lang);
        }
        return out.empty() ? "—" : out;
    }
    if (const Vocabulary* v = vocabulary_of(field)) return std::string(v->label(value, lang));
    return value;
}

std::string change_line(std::string_view name, std::string_view field, const std::string& before,
                        const std::string& after, const std::optional<util::Date>& since, Lang lang) {
    std::string when;
    if (since) when = lang == Lang::zh ? fmt::format("（{} 起）", since->iso()) : fmt::format(" (from {})", since->iso());
    return fmt::format("{} {}: {} → {}{}", name, field_label(field, lang), value_label(field, before, lang),
                       value_label(field, after, lang), when);
}

std::string cadre_text(const CadreProfile& p, Lang lang, bool corrections, bool reveal_id) {
    const Cadre& c = p.current;
    std::vector<std::pair<std::string, std::string>> lines;
    lines.emplace_back(pick(lang, "身份证号", "ID number"), masked_id(c, reveal_id));
    lines.emplace_back(pick(lang, "出生日期", "born"), reveal_id ? c.birth_date : c.birth_date.substr(0, 7));
    for (std::string_view f : kProfile) lines.emplace_back(field_label(f, lang), value_label(f, attribute_value(c, f), lang, reveal_id));
    std::string ids;
    for (auto id : p.assignments) ids += (ids.empty() ? "#" : ", #") + std::to_string(id);
    lines.emplace_back(pick(lang, "挂职记录", "assignments"), ids.empty() ? "—" : ids);
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, display_width(label));
    std::string out;
    for (const auto& [label, value] : lines) out += fmt::format("{}{}  {}\n", label, std::string(width - display_width(label), ' '), value);

    // Each dated attribute with changes: the value since the first record, then each change.
    if (!p.values.empty()) {
        out += pick(lang, "\n按时间变化的信息:\n", "\nchanges over time:\n");
        for (std::string_view attribute : dated_attributes()) {
            bool any = false;
            for (const auto& v : p.values)
                if (v.attribute == attribute) any = true;
            if (!any) continue;
            // "首次记录起" and "2008-07-01 起" in one column.
            auto line = [&](const std::string& when, const std::string& value, const std::string& reason) {
                std::size_t w = display_width(when), column = lang == Lang::zh ? 13 : 12;
                out += fmt::format("    {}{}  {}{}\n", when, std::string(column > w ? column - w : 0, ' '),
                                   value_label(attribute, value, lang, reveal_id),
                                   reason.empty() ? "" : fmt::format(fmt::runtime(pick(lang, "（{}）", " ({})")), reason));
            };
            out += fmt::format("  {}\n", field_label(attribute, lang));
            line(std::string(pick(lang, "首次记录起", "first record")), attribute_value(p.recorded, attribute), "");
            for (const auto& v : p.values)
                if (v.attribute == attribute) line(v.since.iso() + std::string(pick(lang, " 起", "")), v.value, v.reason);
        }
    }
    if (corrections) {
        out += pick(lang, "\n更正记录:\n", "\ncorrections:\n");
        if (p.corrections.empty()) out += pick(lang, "  无\n", "  none\n");
        for (const auto& k : p.corrections)
            out += fmt::format("  {}  {}: {} → {}  {} {}{}\n", k.recorded_at, field_label(k.field, lang),
                               value_label(k.field, k.before, lang, reveal_id),
                               value_label(k.field, k.after, lang, reveal_id), k.recorded_by,
                               pick(lang, "原因:", "reason:"), k.reason);
    }
    return out;
}

void write_cadre_json(JsonWriter& json, const CadreProfile& p, bool corrections, bool reveal_id) {
    auto profile = [&](const Cadre& c) {
        json.begin_object();
        json.key("id_number").value(masked_id(c, reveal_id));
        json.key("birth_date").value(reveal_id ? c.birth_date : c.birth_date.substr(0, 7));
        for (std::string_view f : kProfile) {
            json.key(f);
            if (f == "categories") {
                json.begin_array();
                for (const auto& k : c.categories) json.value(k);
                json.end_array();
            } else if (f == "phone") {
                json.value(reveal_id ? c.phone : util::mask_phone(c.phone));
            } else {
                json.value(attribute_value(c, f));
            }
        }
        json.end_object();
    };
    auto value = [&](std::string_view attribute, const std::string& v) {
        if (attribute != "categories") return void(json.value(v));
        Cadre c;
        set_attribute(c, "categories", v);
        json.begin_array();
        for (const auto& k : c.categories) json.value(k);
        json.end_array();
    };
    json.begin_object();
    json.key("cadre_id").value(p.cadre_id);
    json.key("current");
    profile(p.current);
    json.key("first_recorded");
    profile(p.recorded);
    json.key("dated_values").begin_array();
    for (const auto& v : p.values) {
        json.begin_object();
        json.key("id").value(v.id);
        json.key("attribute").value(v.attribute);
        json.key("since").value(v.since.iso());
        json.key("value");
        value(v.attribute, v.value);
        json.key("reason").value(v.reason);
        json.key("recorded_by").value(v.recorded_by);
        json.key("recorded_at").value(v.recorded_at);
        json.end_object();
    }
    json.end_array();
    if (corrections) {
        json.key("corrections").begin_array();
        for (const auto& k : p.corrections) {
            json.begin_object();
            json.key("id").value(k.id);
            json.key("field").value(k.field);
            bool personal = k.field == "phone" && !reveal_id;
            json.key("before").value(personal ? util::mask_phone(k.before) : k.before);
            json.key("after").value(personal ? util::mask_phone(k.after) : k.after);
            json.key("reason").value(k.reason);
            json.key("recorded_by").value(k.recorded_by);
            json.key("recorded_at").value(k.recorded_at);
            json.end_object();
        }
        json.end_array();
    }
    json.key("assignments").begin_array();
    for (auto id : p.assignments) json.value(id);
    json.end_array();
    json.end_object();
}

} // namespace guazhi
