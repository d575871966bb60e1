#include "domain/roster_cells.hpp"

#include "util/date.hpp"
#include "util/text.hpp"

#include <array>
#include <fmt/format.h>
#include <vector>

namespace guazhi {

namespace {

using namespace std::string_view_literals;

// Byte length of the UTF-8 character at s[i].
std::size_t char_length(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return std::min(n, s.size() - i);
}

bool is_open_end(std::string_view s) { return s.empty() || s == "今" || s == "至今" || s == "现在" || s == "今天"; }

// Separators of a term's two dates, most specific first. (Full-width ～ and － are ASCII after
// cleaning; '-' is tried last, at each place, since it also separates the parts of a date.)
constexpr std::array kPeriodSeparators = {"——"sv, "—"sv, "–"sv, "--"sv, "~"sv, "至"sv, "到"sv, "－"sv};

} // namespace

std::optional<PeriodText> split_period(std::string_view cell) {
    std::string text = util::clean(cell);
    if (text.empty()) return std::nullopt;
    for (auto sep : kPeriodSeparators) {
        auto at = text.find(sep);
        if (at == std::string::npos || at == 0) continue;
        std::string_view rest = std::string_view(text).substr(at + sep.size());
        while (rest.starts_with(sep)) rest.remove_prefix(sep.size());
        std::string start(util::trim(std::string_view(text).substr(0, at)));
        std::string end(util::trim(rest));
        if (is_open_end(end)) end.clear();
        return PeriodText{start, end};
    }
    for (std::size_t at = text.find('-'); at != std::string::npos; at = text.find('-', at + 1)) {
        std::string start(util::trim(std::string_view(text).substr(0, at)));
        std::string end(util::trim(std::string_view(text).substr(at + 1)));
        if (start.empty()) continue;
        if (!util::parse_term_date(start, util::MonthDay::first)) continue;
        if (is_open_end(end)) return PeriodText{start, {}};
        if (util::parse_term_date(end, util::MonthDay::last)) return PeriodText{start, end};
    }
    return std::nullopt;
}

namespace {

// The ends of unit names, longest first where one ends another.
constexpr std::array kUnitSuffixes = {"街道办事处"sv, "街道办"sv, "委员会"sv, "管委会"sv, "办公室"sv, "街道"sv,
                                      "政府"sv,       "中心"sv,   "公司"sv,   "医院"sv,   "学校"sv,   "局"sv,
                                      "委"sv,         "办"sv,     "部"sv,     "院"sv,     "厅"sv,     "镇"sv,
                                      "乡"sv,         "处"sv,     "所"sv,     "站"sv,     "馆"sv,     "社"sv,
                                      "队"sv};
// How posts end (and a unit does not): 副镇长, 科长助理, 主任科员 …
constexpr std::array kPostEndings = {"长"sv,   "主任"sv, "书记"sv, "委员"sv, "助理"sv, "员"sv,   "干部"sv,
                                     "秘书"sv, "主席"sv, "干事"sv, "经理"sv, "师"sv,   "监"sv,   "记者"sv,
                                     "编辑"sv, "主管"sv, "负责人"sv, "代表"sv, "政委"sv, "级"sv, "会计"sv,
                                     "出纳"sv, "参谋"sv, "主办"sv, "专干"sv};

// A suffix that begins a post word instead of ending a unit: 副镇长, 局长, 部长, 委员, 干部.
bool begins_post_word(std::string_view text, std::size_t at, std::string_view suffix) {
    std::string_view after = text.substr(at + suffix.size());
    if (after.starts_with("长")) return true;
    if (suffix == "委" && (after.starts_with("员") || after.starts_with("书记"))) return true;
    if (suffix == "部" && at >= 3 && text.substr(at - 3, 3) == "干") return true; // 干部
    return false;
}

// The places right after a unit suffix, in order.
std::vector<std::size_t> unit_ends(std::string_view text) {
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t step = char_length(text, i);
        for (auto suffix : kUnitSuffixes) {
            if (text.substr(i, suffix.size()) != suffix) continue;
            if (!begins_post_word(text, i, suffix)) ends.push_back(i + suffix.size());
            step = suffix.size(); // the longest suffix here, then go on after it
            break;
        }
        i += step;
    }
    return ends;
}

// A Party committee or a government that a department of it follows: 市委 in 市委组织部.
bool is_parent_body(std::string_view unit) { return unit.ends_with("委") || unit.ends_with("政府"); }

bool ends_as_post(std::string_view post) {
    for (auto e : kPostEndings)
        if (post.ends_with(e)) return true;
    return false;
}

Message cannot_tell(std::string_view text) {
    return msg("cannot tell where the unit ends and the post begins in '{}': put the unit and the post in "
               "columns of their own (单位, 职务), or record the unit first (guazhi unit)",
               util::printable(text, 1000)); // the cell as a message may show it
}

} // namespace

UnitPostSplit split_unit_post(std::string_view cell, const std::function<bool(std::string_view)>& is_known_unit) {
    std::string text = util::clean(cell);
    if (text.empty()) return {UnitPost{}, {}};
    if (auto space = text.find(' '); space != std::string::npos)
        return {UnitPost{text.substr(0, space), std::string(util::trim(std::string_view(text).substr(space + 1)))}, {}};
    if (is_known_unit) {
        std::vector<std::size_t> boundaries;
        for (std::size_t i = 0; i < text.size(); i += char_length(text, i)) boundaries.push_back(i);
        boundaries.push_back(text.size());
        for (auto b = boundaries.rbegin(); b != boundaries.rend() && *b > 0; ++b)
            if (is_known_unit(std::string_view(text).substr(0, *b)))
                return {UnitPost{text.substr(0, *b), text.substr(*b)}, {}};
    }
    auto ends = unit_ends(text);
    if (ends.empty()) return {std::nullopt, cannot_tell(text)};
    std::size_t k = 0;
    // 市委 | 组织部: a short department name after a parent body belongs to the unit.
    while (k + 1 < ends.size() && is_parent_body(std::string_view(text).substr(0, ends[k])) &&
           ends[k + 1] - ends[k] <= 5 * 3)
        ++k;
    std::string unit = text.substr(0, ends[k]);
    std::string post = text.substr(ends[k]);
    if (!post.empty() && !ends_as_post(post)) return {std::nullopt, cannot_tell(text)};
    return {UnitPost{std::move(unit), std::move(post)}, {}};
}

EducationText split_education(std::string_view cell) {
    std::string text = util::clean(cell);
    std::erase(text, ' ');
    EducationText e;
    auto take = [&](std::string_view word, std::string_view kind) {
        for (auto form : {std::string(word), fmt::format("({})", word)}) {
            if (text.starts_with(form)) text.erase(0, form.size());
            else if (text.ends_with(form)) text.resize(text.size() - form.size());
            else continue;
            e.kind = kind;
            return true;
        }
        return false;
    };
    if (!take("全日制", "fulltime")) take("在职", "inservice");
    if (text.ends_with("学历") && text.size() > 6) text.resize(text.size() - 6);
    e.level = std::move(text);
    return e;
}

std::string clean_person_name(std::string_view name) {
    std::string text = util::clean(name);
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = char_length(text, i);
        std::string_view ch = std::string_view(text).substr(i, n);
        // A space between two Chinese characters pads the name (王 强); one next to a Latin
        // letter separates words (Zhang San) and stays.
        if (ch == " ") {
            std::size_t next = text.find_first_not_of(' ', i);
            bool cjk_before = !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80;
            bool cjk_after = next != std::string::npos && static_cast<unsigned char>(text[next]) >= 0x80;
            if (cjk_before && cjk_after) {
                i = next;
                continue;
            }
        }
        i += n;
        if (ch == "•" || ch == "・" || ch == "･" || ch == "." || ch == "‧" || ch == "∙" || ch == "⋅" || ch == "·") {
            out += "·";
            continue;
        }
        out += ch;
    }
    return out;
}

} // namespace guazhi
