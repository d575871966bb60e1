#include "domain/dimension.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guazhi {

const std::vector<DimensionInfo>& dimensions() {
    static const std::vector<DimensionInfo> all = {
        {Dimension::batch_year, "batch_year", "年度", "batch year"},
        {Dimension::direction, "direction", "挂职类型", "direction"},
        {Dimension::home_county, "home_county", "所属县区", "home county"},
        {Dimension::home_unit, "home_unit", "派出单位", "home unit"},
        {Dimension::host_unit, "host_unit", "接收单位", "host unit"},
        {Dimension::political_status, "political_status", "政治面貌", "political status"},
        {Dimension::party, "party", "党内外", "Party / non-Party"},
        {Dimension::category, "category", "干部类别", "category"},
        {Dimension::gender, "gender", "性别", "gender"},
        {Dimension::ethnicity, "ethnicity", "民族", "ethnicity"},
        {Dimension::education, "education", "学历", "education"},
        {Dimension::age_band, "age_band", "年龄段", "age band"},
        {Dimension::origin_level, "origin_level", "原单位层级", "origin level"},
        {Dimension::status, "status", "状态", "status"},
        {Dimension::grade, "grade", "年度考核等次", "annual grade"},
    };
    return all;
}

const DimensionInfo& info(Dimension d) { return dimensions()[static_cast<std::size_t>(d)]; }

std::vector<Dimension> parse_dimensions(std::string_view text) {
    std::vector<Dimension> out;
    for (const auto& part : util::split_any(text, {",", "，", " "})) {
        std::string key = util::ascii_lower(util::trim(part));
        if (key == "county") key = "home_county"; // the word clerks use
        auto it = std::find_if(dimensions().begin(), dimensions().end(),
                               [&](const DimensionInfo& i) { return i.key == key || i.zh == key; });
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
