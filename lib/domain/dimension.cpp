#include "domain/dimension.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guazhi {

const std::vector<DimensionInfo>& dimensions() {
    static const std::vector<DimensionInfo> all = {
        {Dimension::batch_year, "batch_year", "年度", "batch year", {"year", "批次", "年份"}},
        {Dimension::direction, "direction", "挂职类型", "direction", {"挂职方向", "方向", "类型"}},
        {Dimension::home_county, "home_county", "所属县区", "home county", {"county", "县区", "县", "县(区)", "区县"}},
        {Dimension::home_unit, "home_unit", "派出单位", "home unit", {"home", "派员单位", "原单位"}},
        {Dimension::host_unit, "host_unit", "接收单位", "host unit", {"host", "挂职单位"}},
        {Dimension::political_status, "political_status", "政治面貌", "political status", {}},
        {Dimension::party, "party", "党内外", "Party / non-Party", {"党内外干部"}},
        {Dimension::category, "category", "干部类别", "category", {"categories", "类别", "人员类别"}},
        {Dimension::gender, "gender", "性别", "gender", {}},
        {Dimension::ethnicity, "ethnicity", "民族", "ethnicity", {}},
        {Dimension::education, "education", "学历", "education", {}},
        {Dimension::age_band, "age_band", "年龄段", "age band", {"年龄"}},
        {Dimension::origin_level, "origin_level", "原单位层级", "origin level", {"层级", "原单位类型"}},
        {Dimension::status, "status", "状态", "status", {"挂职状态"}},
        {Dimension::grade, "grade", "年度考核等次", "annual grade", {"等次", "考核等次", "年度考核"}},
    };
    return all;
}

const DimensionInfo& info(Dimension d) { return dimensions()[static_cast<std::size_t>(d)]; }

namespace {
// Whether `key` (ASCII lower case, width normalised) is one of the dimension's spellings.
bool names(const DimensionInfo& i, std::string_view key) {
    return i.key == key || i.zh == key || std::find(i.aliases.begin(), i.aliases.end(), key) != i.aliases.end();
}
} // namespace

std::vector<Dimension> parse_dimensions(std::string_view text) {
    std::vector<Dimension> out;
    for (const auto& part : util::split_any(text, {",", "，", " "})) {
        std::string key = util::ascii_lower(util::normalize_width(util::trim(part)));
        auto it = std::find_if(dimensions().begin(), dimensions().end(),
                               [&](const DimensionInfo& i) { return names(i, key); });
        if (it == dimensions().end()) {
            Problem unknown = problem(Parameter::dimensions, ProblemCode::dimension_unknown, key);
            for (const auto& i : dimensions()) unknown.args.emplace_back(i.key);
            throw ProblemError(std::move(unknown));
        }
        if (std::find(out.begin(), out.end(), it->dimension) != out.end())
            throw ProblemError(problem(Parameter::dimensions, ProblemCode::dimension_twice, key));
        out.push_back(it->dimension);
    }
    if (out.empty()) throw ProblemError(problem(Parameter::dimensions, ProblemCode::dimension_missing));
    return out;
}

std::optional<std::string_view> filter_key(std::string_view text) {
    // The filters that are dimensions too are named as --by names them.
    static const std::pair<Dimension, std::string_view> dimension_keys[] = {
        {Dimension::batch_year, "year"}, {Dimension::direction, "direction"}, {Dimension::status, "status"},
        {Dimension::home_unit, "home"},  {Dimension::host_unit, "host"},      {Dimension::home_county, "county"},
        {Dimension::category, "category"}, {Dimension::political_status, "political_status"},
    };
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> keys = {
        {"pending", {"待办", "未办"}},
        {"non_party", {"党外干部", "党外"}},
        {"no_inspection", {"未考察"}},
        {"returned", {"已返回", "已结束"}},
        {"not_promoted", {"未提拔"}},
    };
    std::string key = util::ascii_lower(util::normalize_width(util::trim(text)));
    std::replace(key.begin(), key.end(), '-', '_');
    for (const auto& [name, spellings] : keys)
        if (key == name || std::find(spellings.begin(), spellings.end(), key) != spellings.end()) return name;
    for (const auto& [dimension, name] : dimension_keys)
        if (key == name || names(info(dimension), key)) return name;
    return std::nullopt;
}

std::vector<std::string> age_band_codes(const Policy& policy) {
    const auto& b = policy.age_bands;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < b.size(); ++i)
        out.push_back(i == 0 ? fmt::format("<={}", b[0]) : fmt::format("{}-{}", b[i - 1] + 1, b[i]));
    out.push_back(b.empty() ? std::string("all") : fmt::format(">{}", b.back()));
    return out;
}

namespace {

const Vocabulary* vocabulary_of(Dimension d) {
    switch (d) {
    case Dimension::direction: return &directions();
    case Dimension::political_status: return &political_statuses();
    case Dimension::category: return &categories();
    case Dimension::gender: return &genders();
    case Dimension::ethnicity: return &ethnicities();
    case Dimension::education: return &educations();
    case Dimension::origin_level: return &unit_kinds();
    case Dimension::status: return &statuses();
    case Dimension::grade: return &grades();
    default: return nullptr;
    }
}

std::string none_label(Dimension d, Lang lang) {
    bool zh = lang == Lang::zh;
    switch (d) {
    case Dimension::home_county: return zh ? "市直" : "(city)";
    case Dimension::category: return zh ? "无类别" : "(none)";
    case Dimension::grade: return zh ? "未录入" : "(not recorded)";
    default: return zh ? "未填" : "(unknown)";
    }
}

} // namespace

std::string value_label(Dimension d, std::string_view code, Lang lang) {
    bool zh = lang == Lang::zh;
    if (code == kNone) return none_label(d, lang);
    if (auto* v = vocabulary_of(d)) return std::string(v->label(code, lang));
    if (d == Dimension::party) return code == "party" ? (zh ? "中共党员" : "Party") : (zh ? "党外干部" : "non-Party");
    if (d == Dimension::age_band) {
        if (code.starts_with("<=")) return zh ? fmt::format("{}岁及以下", code.substr(2)) : fmt::format("{} or under", code.substr(2));
        if (code.starts_with(">")) return zh ? fmt::format("{}岁以上", code.substr(1)) : fmt::format("over {}", code.substr(1));
        return zh ? fmt::format("{}岁", code) : std::string(code);
    }
    return std::string(code);
}

std::vector<std::string> known_values(Dimension d, const Policy& policy) {
    std::vector<std::string> out;
    if (auto* v = vocabulary_of(d))
        for (const auto& t : v->terms()) out.emplace_back(t.code);
    if (d == Dimension::party) out = {"party", "non_party"};
    if (d == Dimension::age_band) out = age_band_codes(policy);
    return out;
}

} // namespace guazhi
