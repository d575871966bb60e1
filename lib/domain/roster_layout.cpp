#include "domain/roster_layout.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace guazhi {

namespace {

using namespace std::string_view_literals;

// The headers that are not one field. (Compared after normalize_header.)
constexpr std::array kSerialHeaders = {"序号"sv, "序"sv, "编号"sv, "no."sv, "no"sv, "顺序号"sv};
constexpr std::array kPeriodHeaders = {"挂职时间"sv,   "挂职起止时间"sv, "挂职期限"sv, "起止时间"sv,
                                       "挂职起止日期"sv, "起止日期"sv,     "挂职期间"sv, "挂职起止年月"sv};
constexpr std::array kDerivedHeaders = {"状态"sv, "挂职状态"sv, "当前状态"sv, "年龄"sv, "现年龄"sv, "实际年龄"sv};
// The words of a unit-and-post header (派出单位及职务): a unit word, a joiner, a post word.
constexpr std::array kHomeUnitWords = {"派出单位"sv, "现工作单位"sv, "工作单位"sv, "原工作单位"sv, "原单位"sv,
                                       "单位"sv,     "现单位"sv,     "派员单位"sv, "选派单位"sv};
constexpr std::array kHostUnitWords = {"挂职单位"sv, "接收单位"sv, "拟挂职单位"sv};
constexpr std::array kHomePostWords = {"职务"sv, "现任职务"sv, "原职务"sv, "原任职务"sv, "现职务"sv, "原任职"sv};
constexpr std::array kHostPostWords = {"职务"sv, "挂职职务"sv, "拟挂任职务"sv, "挂任职务"sv, "拟挂职务"sv};
constexpr std::array kJoiners = {"及"sv, "和"sv, "与"sv, "/"sv, "、"sv, "+"sv};
// The sub-headers under a group cell of a two-row header.
constexpr std::array kUnitSubHeaders = {"单位"sv, "单位名称"sv, "名称"sv, "工作单位"sv};
constexpr std::array kPostSubHeaders = {"职务"sv, "职位"sv, "职务名称"sv};
constexpr std::array kStartSubHeaders = {"起"sv,       "开始"sv,     "起始"sv, "开始时间"sv, "起始时间"sv,
                                         "开始日期"sv, "起始日期"sv, "自"sv,   "从"sv};
constexpr std::array kEndSubHeaders = {"止"sv,       "结束"sv,     "截止"sv, "结束时间"sv, "截止时间"sv,
                                       "结束日期"sv, "截止日期"sv, "至"sv,   "到"sv};
// The first words of a footer line.
constexpr std::array kFooterWords = {"填表人"sv, "填报人"sv, "审核人"sv, "审核"sv,   "制表"sv,   "负责人"sv,
                                     "单位负责人"sv, "经办人"sv, "联系人"sv, "合计"sv, "共计"sv, "总计"sv,
                                     "小计"sv, "以下空白"sv, "以下无"sv, "填表日期"sv, "审批"sv, "签字"sv,
                                     "盖章"sv};
// Footer words that only start a footer with a colon after them (备注：…), since a column of
// the same name may stand in a data row's first cell.
constexpr std::array kFooterColonWords = {"备注"sv, "说明"sv, "注"sv, "附注"sv};

template <std::size_t N> bool among(std::string_view h, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), h) != words.end();
}

// 派出单位及职务, 挂职单位/职务, 接收单位及挂职职务 …
std::optional<ColumnKind> unit_post_kind(std::string_view h) {
    for (auto joiner : kJoiners) {
        auto at = h.find(joiner);
        if (at == std::string_view::npos || at == 0) continue;
        auto unit = h.substr(0, at), post = h.substr(at + joiner.size());
        if (among(unit, kHostUnitWords) && among(post, kHostPostWords)) return ColumnKind::host_unit_post;
        if (among(unit, kHomeUnitWords) && among(post, kHomePostWords)) return ColumnKind::home_unit_post;
    }
    return std::nullopt;
}

std::optional<ColumnMeaning> builtin_meaning(std::string_view h) {
    if (auto f = field_for_header(h)) return ColumnMeaning{ColumnKind::field, *f};
    if (among(h, kSerialHeaders)) return ColumnMeaning{ColumnKind::serial};
    if (among(h, kPeriodHeaders)) return ColumnMeaning{ColumnKind::period};
    if (among(h, kDerivedHeaders)) return ColumnMeaning{ColumnKind::derived};
    if (auto k = unit_post_kind(h)) return ColumnMeaning{*k};
    // Our own export's headers, English ones included (home unit and post, term, born …).
    for (const auto& c : roster_export_columns())
        if (h == util::normalize_header(c.zh) || h == util::normalize_header(c.en)) return c.meaning;
    return std::nullopt;
}

// A header without its bracketed note: 出生年月(年.月) → 出生年月. (An alias with brackets
// of its own, 所属县(区), is tried first.)
std::string without_note(std::string h) {
    if (auto open = h.find('('); open != std::string::npos && open > 0 && h.ends_with(")")) h.resize(open);
    return h;
}

// The group a cell of a two-row header's first row opens: the home unit, the host unit or
// the term.
enum class Group { none, home, host, period, education };

Group group_of(const std::optional<ColumnMeaning>& m) {
    if (!m) return Group::none;
    if (m->kind == ColumnKind::period) return Group::period;
    if (m->kind == ColumnKind::field && m->field == Field::education) return Group::education;
    if (m->kind == ColumnKind::home_unit_post || (m->kind == ColumnKind::field && m->field == Field::home_unit))
        return Group::home;
    if (m->kind == ColumnKind::host_unit_post || (m->kind == ColumnKind::field && m->field == Field::host_unit))
        return Group::host;
    return Group::none;
}

std::optional<ColumnMeaning> in_group(Group g, std::string_view sub) {
    auto field = [](Field f) { return ColumnMeaning{ColumnKind::field, f}; };
    switch (g) {
    case Group::home:
        if (among(sub, kUnitSubHeaders)) return field(Field::home_unit);
        if (among(sub, kPostSubHeaders)) return field(Field::home_post);
        break;
    case Group::host:
        if (among(sub, kUnitSubHeaders)) return field(Field::host_unit);
        if (among(sub, kPostSubHeaders) || sub == "挂职职务") return field(Field::host_post);
        break;
    case Group::period:
        if (among(sub, kStartSubHeaders)) return field(Field::start_date);
        if (among(sub, kEndSubHeaders)) return field(Field::end_date);
        break;
    case Group::education: // 学历 over 全日制 and 在职
        if (sub == "全日制" || sub == "全日制教育") return field(Field::education_fulltime);
        if (sub == "在职" || sub == "在职教育") return field(Field::education_inservice);
        break;
    case Group::none: break;
    }
    return std::nullopt;
}

const std::string& cell(std::span<const std::vector<std::string>> rows, std::size_t r, std::size_t c) {
    static const std::string empty;
    return c < rows[r].size() ? rows[r][c] : empty;
}

std::size_t width_of(std::span<const std::vector<std::string>> rows, std::size_t first, std::size_t count) {
    std::size_t w = 0;
    for (std::size_t r = first; r < first + count && r < rows.size(); ++r) w = std::max(w, rows[r].size());
    return w;
}

RosterLayout one_row_layout(std::span<const std::vector<std::string>> rows, std::size_t r,
                            const ColumnAliases& aliases) {
    RosterLayout layout;
    for (std::size_t c = 0; c < width_of(rows, r, 1); ++c) {
        std::string text = util::clean(cell(rows, r, c));
        layout.columns.push_back({text.empty() ? std::nullopt : meaning_of_header(text, aliases), text});
    }
    return layout;
}

// Rows r and r+1 as one header whose first row has group cells (派出单位 over 单位 and 职务).
// A group cell spans the empty cells to its right (CSV, .xls) or repeats over them (a merged
// cell in .xlsx); a cell whose second row is empty or the same (a cell merged down) is read
// from the first. nullopt when the second row is not a header row.
struct TwoRows {
    RosterLayout layout;
    std::size_t grouped = 0;     // columns read through a group cell
    std::size_t named_below = 0; // columns the second row names
    std::size_t unnamed_below = 0;
};
std::optional<TwoRows> two_row_layout(std::span<const std::vector<std::string>> rows, std::size_t r,
                                      const ColumnAliases& aliases) {
    if (r + 1 >= rows.size()) return std::nullopt;
    RosterLayout layout;
    layout.header_rows = 2;
    std::size_t grouped = 0, named_below = 0, unnamed_below = 0;
    Group group = Group::none;
    std::string group_text;
    for (std::size_t c = 0; c < width_of(rows, r, 2); ++c) {
        std::string top = util::clean(cell(rows, r, c));
        std::string bottom = util::clean(cell(rows, r + 1, c));
        std::optional<ColumnMeaning> top_meaning = top.empty() ? std::nullopt : meaning_of_header(top, aliases);
        if (!top.empty() && top != group_text) {
            group = group_of(top_meaning);
            group_text = group == Group::none ? std::string() : top;
        }
        std::string sub = util::normalize_header(bottom);
        if (group != Group::none && !bottom.empty()) {
            if (auto m = in_group(group, sub)) {
                layout.columns.push_back({m, fmt::format("{}/{}", group_text, bottom)});
                ++grouped;
                continue;
            }
        }
        if (bottom.empty() || bottom == top) {
            layout.columns.push_back({top_meaning, top});
            if (top.empty()) group = Group::none, group_text.clear();
            continue;
        }
        group = Group::none; // a group spans only the sub-headers right under it
        group_text.clear();
        auto bottom_meaning = meaning_of_header(bottom, aliases);
        if (bottom_meaning) ++named_below;
        else ++unnamed_below;
        // 基本情况 over 姓名: the second row names the column.
        layout.columns.push_back({bottom_meaning ? bottom_meaning : top_meaning, bottom_meaning ? bottom : top});
    }
    if (grouped == 0 && named_below < 2) return std::nullopt;
    if (unnamed_below > grouped + named_below) return std::nullopt; // a data row, not sub-headers
    return TwoRows{std::move(layout), grouped, named_below, unnamed_below};
}

// How many of the required fields a layout gives values for, and which it lacks.
std::vector<std::string> missing_required(const RosterLayout& layout) {
    auto covered = fields_covered(layout);
    std::vector<std::string> missing;
    for (const auto& s : roster_fields())
        if (s.required && std::find(covered.begin(), covered.end(), s.field) == covered.end())
            missing.push_back(fmt::format("{} ({})", s.zh, s.key));
    return missing;
}

std::size_t named_columns(const RosterLayout& layout) {
    return static_cast<std::size_t>(
        std::count_if(layout.columns.begin(), layout.columns.end(), [](const auto& c) { return c.meaning.has_value(); }));
}

bool looks_like_id_number(std::string_view s) {
    s = util::trim(s);
    if (s.size() != 18) return false;
    for (std::size_t i = 0; i < 17; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

} // namespace

std::span<const RosterExportColumn> roster_export_columns() {
    auto field = [](Field f) { return ColumnMeaning{ColumnKind::field, f}; };
    static const std::array<RosterExportColumn, 26> columns = {{
        {"no", "序号", "No.", {ColumnKind::serial}},
        {"name", "姓名", "name", field(Field::name)},
        {"gender", "性别", "gender", field(Field::gender)},
        {"ethnicity", "民族", "ethnicity", field(Field::ethnicity)},
        {"birth_month", "出生年月", "born", field(Field::birth_date)},
        {"native_place", "籍贯", "native place", field(Field::native_place)},
        {"started_work", "参加工作时间", "started work", field(Field::started_work)},
        {"political_status", "政治面貌", "political status", field(Field::political_status)},
        {"joined_party", "入党时间", "joined the Party", field(Field::joined_party)},
        {"education", "学历", "education", field(Field::education)},
        {"education_fulltime", "全日制教育", "full-time education", field(Field::education_fulltime)},
        {"education_inservice", "在职教育", "in-service education", field(Field::education_inservice)},
        {"rank", "职级", "rank", field(Field::rank)},
        {"home", "派出单位及职务", "home unit and post", {ColumnKind::home_unit_post}},
        {"home_county", "所属县区", "county", field(Field::home_county)},
        {"home_level", "原单位层级", "home unit level", field(Field::home_level)},
        {"host", "接收单位及挂职职务", "host unit and post", {ColumnKind::host_unit_post}},
        {"term", "挂职起止时间", "term", {ColumnKind::period}},
        {"categories", "干部类别", "categories", field(Field::categories)},
        {"direction", "挂职类型", "direction", field(Field::direction)},
        {"batch_year", "年度", "batch", field(Field::batch_year)},
        {"programme", "挂职项目", "programme", field(Field::programme)},
        {"id_number", "身份证号", "ID number", field(Field::id_number)},
        {"phone", "联系电话", "phone", field(Field::phone)},
        {"remark", "备注", "remark", field(Field::remark)},
        {"status", "状态", "status", {ColumnKind::derived}},
    }};
    return columns;
}

std::optional<ColumnMeaning> meaning_of_target(std::string_view target) {
    std::string t = util::normalize_header(target);
    if (t == "period") return ColumnMeaning{ColumnKind::period};
    if (t == "home_unit_and_post") return ColumnMeaning{ColumnKind::home_unit_post};
    if (t == "host_unit_and_post") return ColumnMeaning{ColumnKind::host_unit_post};
    if (t == "serial") return ColumnMeaning{ColumnKind::serial};
    if (t == "ignore") return ColumnMeaning{ColumnKind::ignored};
    for (const auto& s : roster_fields())
        if (t == s.key || t == s.zh) return ColumnMeaning{ColumnKind::field, s.field};
    return std::nullopt;
}

std::optional<ColumnMeaning> meaning_of_header(std::string_view header, const ColumnAliases& aliases) {
    std::string h = util::normalize_header(header);
    if (h.empty()) return std::nullopt;
    for (const auto& [alias, meaning] : aliases)
        if (util::normalize_header(alias) == h) return meaning;
    if (auto m = builtin_meaning(h)) return m;
    std::string bare = without_note(h);
    if (bare != h) return builtin_meaning(bare);
    return std::nullopt;
}

std::string describe(const ColumnMeaning& meaning) {
    switch (meaning.kind) {
    case ColumnKind::field: return fmt::format("{} ({})", spec(meaning.field).zh, spec(meaning.field).key);
    case ColumnKind::serial: return "序号 (serial)";
    case ColumnKind::period: return "挂职起止时间 (period)";
    case ColumnKind::home_unit_post: return "派出单位及职务 (home_unit_and_post)";
    case ColumnKind::host_unit_post: return "接收单位及挂职职务 (host_unit_and_post)";
    case ColumnKind::derived: return "a derived column";
    case ColumnKind::ignored: return "ignore";
    }
    return {};
}

std::vector<Field> fields_covered(const RosterLayout& layout) {
    std::vector<Field> fields;
    for (const auto& c : layout.columns) {
        if (!c.meaning) continue;
        switch (c.meaning->kind) {
        case ColumnKind::field: fields.push_back(c.meaning->field); break;
        case ColumnKind::period: fields.insert(fields.end(), {Field::start_date, Field::end_date}); break;
        case ColumnKind::home_unit_post: fields.insert(fields.end(), {Field::home_unit, Field::home_post}); break;
        case ColumnKind::host_unit_post: fields.insert(fields.end(), {Field::host_unit, Field::host_post}); break;
        default: break;
        }
    }
    return fields;
}

HeaderSearch find_header(std::span<const std::vector<std::string>> rows, const ColumnAliases& aliases) {
    HeaderSearch search;
    std::size_t best_missing = SIZE_MAX, best_named = 0;
    auto found = [&](RosterLayout layout, std::size_t r) {
        search.layout = std::move(layout);
        search.row = r;
        return search;
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        RosterLayout one = one_row_layout(rows, r, aliases);
        auto two = two_row_layout(rows, r, aliases);
        bool two_complete = two && missing_required(two->layout).empty();
        // Group cells over sub-headers make two rows one header, even where the first row alone
        // would name every column (派出单位, 挂职单位 and 挂职起止时间 do).
        if (two_complete && (two->grouped > 0 || (two->named_below >= 2 && two->unnamed_below == 0)) &&
            missing_required(one_row_layout(rows, r + 1, aliases)).size() > 0)
            return found(std::move(two->layout), r);
        if (two_complete && two->grouped > 0) return found(std::move(two->layout), r);
        if (missing_required(one).empty()) return found(std::move(one), r);
        // 基本情况 over 姓名 …: the second row names the columns; a title above a header is a
        // title line, not half of the header.
        if (two_complete && !(r + 1 < rows.size() && missing_required(one_row_layout(rows, r + 1, aliases)).empty()))
            return found(std::move(two->layout), r);
        auto missing = missing_required(one);
        std::size_t named = named_columns(one);
        if (named > 0 && (missing.size() < best_missing || (missing.size() == best_missing && named > best_named))) {
            best_missing = missing.size();
            best_named = named;
            search.closest = r;
            search.missing = std::move(missing);
        }
    }
    return search;
}

bool is_footer_row(std::span<const std::string> cells) {
    std::string first;
    for (const auto& c : cells) {
        if (looks_like_id_number(c)) return false; // a secondee's row, however it begins
        if (first.empty()) {
            first = util::clean(c);
            std::erase(first, ' ');
            while (first.starts_with("(") || first.starts_with("[")) first.erase(0, 1); // （以下空白）
        }
    }
    if (first.empty()) return false;
    for (auto w : kFooterWords)
        if (first.starts_with(w)) return true;
    for (auto w : kFooterColonWords)
        if (first.starts_with(w) && (first.substr(w.size()).starts_with(":") || first.substr(w.size()).starts_with("："))) return true;
    return false;
}

} // namespace guazhi
