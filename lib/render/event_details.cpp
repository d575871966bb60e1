#include "render/event_details.hpp"

#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace guazhi {

namespace {

struct DetailLabel {
    std::string_view key, zh, en;
};

// The keys lib/store/lifecycle.cpp writes, with the words of assign show.
constexpr std::array<DetailLabel, 25> kLabels = {{
    {"host_unit", "接收单位", "host unit"},
    {"already", "已接收人数", "already hosted"},
    {"max_per_host_per_batch", "每批次限额", "limit per batch"},
    {"text", "内容", "text"},
    {"post_level", "挂职职级", "post level"},
    {"doc_number", "任职文件", "appointment document"},
    {"doc_date", "文件日期", "document date"},
    {"filed_on", "备案", "filed"},
    {"united_front_on", "抄送统战部", "copied to United Front"},
    {"election_date", "人代会选举", "election"},
    {"election_result", "选举结果", "election result"},
    {"mentor", "传帮带", "mentor"},
    {"division_of_work", "分工", "division of work"},
    {"party_transfer_on", "转临时组织关系", "Party relationship moved"},
    {"from", "原结束日期", "was to end"},
    {"until", "延长至", "extended until"},
    {"home_consent", "派出单位意见", "home unit's consent"},
    {"planned_end", "原定结束日期", "planned end"},
    {"host_consent", "接收单位意见", "host unit's consent"},
    {"note", "说明", "note"},
    {"handover", "工作交接", "handover"},
    {"unfinished", "未完成事项", "unfinished work"},
    {"arrangement", "返回安排", "arrangement"},
    {"post", "职务", "post"},
    {"promotion", "提拔", "promotion"},
}};

std::string label_of(const std::string& key, Lang lang) {
    for (const auto& l : kLabels)
        if (l.key == key) return std::string(lang == Lang::zh ? l.zh : l.en);
    return key;
}

std::string value_text(const std::string& key, const nlohmann::ordered_json& v, Lang lang) {
    if (key == "election_result" && v.is_string()) {
        if (v == "elected") return lang == Lang::zh ? "当选" : "elected";
        if (v == "not_elected") return lang == Lang::zh ? "未当选" : "not elected";
    }
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return std::string(yes_no(v.get<bool>(), lang));
    return v.dump();
}

} // namespace

std::string details_text(std::string_view details, Lang lang) {
    auto root = nlohmann::ordered_json::parse(details, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return std::string(details);
    if (root.size() == 1 && root.contains("text") && root["text"].is_string()) return root["text"].get<std::string>();
    std::string out;
    for (const auto& [key, value] : root.items()) {
        if (!out.empty()) out += lang == Lang::zh ? "；" : "; ";
        out += fmt::format("{}{}{}", label_of(key, lang), lang == Lang::zh ? "：" : ": ", value_text(key, value, lang));
    }
    return out;
}

} // namespace guazhi
