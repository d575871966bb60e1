#include "render/stats_view.hpp"

#include "render/compliance_view.hpp"
#include "render/report.hpp"
#include "render/table.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guazhi {

std::string percent(const Figure& f) {
    auto share = f.share();
    if (!f.denominator) return "";
    if (!share) return "—";
    return fmt::format("{:.1f}%", *share * 100.0);
}

namespace {

std::string indented_label(const Figure& f, Lang lang) {
    return std::string(static_cast<std::size_t>(f.depth) * 2, ' ') + std::string(f.label(lang));
}

// One object per figure: {"count", "denominator", "of", "share"} (share null when the
// denominator is 0; a plain count has only "count").
void write_figures_json(JsonWriter& json, const YearStats& s) {
    for (const Figure& f : figures(s)) {
        json.key(f.key).begin_object().key("count").value(f.count);
        if (f.denominator) {
            json.key("denominator").value(*f.denominator).key("of").value(f.of_key).key("share");
            if (auto share = f.share()) json.value(*share);
            else json.null();
        }
        json.end_object();
    }
}

// A heading: markdown #'s, an HTML <hN>, or a line of its own; below the title (level 2) a
// blank line sets it apart in text.
std::string heading(const std::string& text, int level, Format format) {
    if (format == Format::html) return fmt::format("<h{0}>{1}</h{0}>\n", level, util::xml_escape(text));
    std::string line = format == Format::markdown
                           ? fmt::format("{} {}\n\n", std::string(static_cast<std::size_t>(level), '#'), text)
                           : text + "\n";
    return level > 2 ? "\n" + line : line;
}

std::string title_of(const Summary& s, Lang lang) {
    bool zh = lang == Lang::zh;
    if (s.stats.year) return zh ? fmt::format("{} 年度挂职干部统计", s.stats.year) : fmt::format("Secondment batch {}", s.stats.year);
    return zh ? std::string("挂职干部统计") : std::string("Secondees");
}

std::string section_title(Dimension d, Lang lang, util::Date as_of) {
    bool zh = lang == Lang::zh;
    switch (d) {
    case Dimension::age_band: return zh ? "年龄段（开始挂职时）" : "Age at the start of the term";
    case Dimension::status: return zh ? fmt::format("状态（截至 {}）", as_of.iso()) : fmt::format("Status on {}", as_of.iso());
    case Dimension::grade: return zh ? "年度考核等次（挂职当年）" : "Annual grades (of the batch year)";
    default: return std::string(zh ? info(d).zh : info(d).en);
    }
}

// Grades by direction, in the vocabulary's order: (grade, up, down); 'none' (not recorded)
// left out.
struct GradeRow {
    std::string grade;
    std::int64_t up = 0, down = 0;
};
std::vector<GradeRow> grade_table(const std::vector<GroupStats>& groups) {
    std::vector<GradeRow> out;
    for (const auto& t : grades().terms()) out.push_back({std::string(t.code)});
    for (const auto& g : groups)
        for (auto& row : out)
            if (row.grade == g.key[1]) (g.key[0] == "up" ? row.up : row.down) += g.stats.total;
    return out;
}

std::string share_text(std::int64_t count, std::int64_t of) {
    return of == 0 ? std::string("—") : fmt::format("{:.1f}%", 100.0 * static_cast<double>(count) / static_cast<double>(of));
}

std::string figures_table(const YearStats& s, Format format, Lang lang) {
    bool zh = lang == Lang::zh;
    std::vector<ReportColumn> columns = {{zh ? "指标" : "figure", "figure"},
                                         {zh ? "人数" : "count", "count", true},
                                         {zh ? "基数" : "of", "of", true},
                                         {zh ? "占比" : "share", "share", true}};
    // Leading spaces vanish in markdown and HTML; an ideographic space stays.
    bool collapsing = format == Format::markdown || format == Format::html;
    std::vector<std::vector<std::string>> rows;
    for (const Figure& f : figures(s))
        rows.push_back({collapsing ? std::string(f.depth ? "　" : "") + std::string(f.label(lang)) : indented_label(f, lang),
                        std::to_string(f.count), f.denominator ? std::to_string(*f.denominator) : "", percent(f)});
    return render_report(format, columns, rows);
}

void summary_json(JsonWriter& json, const Summary& s) {
    json.begin_object();
    json.key("batch_year");
    s.stats.year ? json.value(s.stats.year) : json.null();
    json.key("as_of").value(s.as_of.iso());
    write_figures_json(json, s.stats);
    json.key("distributions").begin_object();
    for (const auto& [dimension, values] : s.distributions) {
        json.key(info(dimension).key).begin_object();
        for (const auto& [value, count] : values) {
            json.key(value).begin_object().key("count").value(count).key("denominator").value(s.stats.total).key("share");
            s.stats.total ? json.value(static_cast<double>(count) / static_cast<double>(s.stats.total)) : json.null();
            json.end_object();
        }
        json.end_object();
    }
    json.end_object();
    if (s.grades) {
        auto table = grade_table(*s.grades);
        json.key("grades").begin_object();
        for (int which = 0; which < 3; ++which) {
            json.key(which == 0 ? "up" : which == 1 ? "down" : "total").begin_object();
            for (const auto& row : table)
                json.key(row.grade).value(which == 0 ? row.up : which == 1 ? row.down : row.up + row.down);
            json.end_object();
        }
        json.end_object();
    }
    if (s.reports) {
        json.key("reports").begin_array();
        for (const auto& r : *s.reports) {
            json.begin_object().key("kind").value(r.kind);
            for (auto [key, standing] : {std::pair{"on_time", Standing::on_time}, {"late", Standing::late},
                                         {"missing", Standing::missing}, {"pending", Standing::pending}})
                json.key(key).value(r.counts[static_cast<std::size_t>(standing)]);
            json.end_object();
        }
        json.end_array();
    }
    json.end_object();
}

std::string summary_csv(const Summary& s, Lang lang) {
    std::string out;
    util::write_csv_record(out, {"key", "label", "count", "denominator", "share"});
    for (const Figure& f : figures(s.stats))
        util::write_csv_record(out, {std::string(f.key), std::string(f.label(lang)), std::to_string(f.count),
                                     f.denominator ? std::to_string(*f.denominator) : "", percent(f)});
    auto total = std::to_string(s.stats.total);
    for (const auto& [dimension, values] : s.distributions) {
        std::string_view name = lang == Lang::zh ? info(dimension).zh : info(dimension).en;
        for (const auto& [value, count] : values)
            util::write_csv_record(out, {fmt::format("{}:{}", info(dimension).key, value),
                                         fmt::format("{} {}", name, value_label(dimension, value, lang)),
                                         std::to_string(count), total, share_text(count, s.stats.total)});
    }
    if (s.grades) {
        std::string_view name = lang == Lang::zh ? info(Dimension::grade).zh : info(Dimension::grade).en;
        for (const auto& row : grade_table(*s.grades)) {
            auto label = value_label(Dimension::grade, row.grade, lang);
            util::write_csv_record(out, {fmt::format("grade:{}", row.grade), fmt::format("{} {}", name, label),
                                         std::to_string(row.up + row.down), "", ""});
            util::write_csv_record(out, {fmt::format("grade:{}:up", row.grade),
                                         fmt::format("{} {} {}", name, label, directions().label("up", lang)),
                                         std::to_string(row.up), "", ""});
            util::write_csv_record(out, {fmt::format("grade:{}:down", row.grade),
                                         fmt::format("{} {} {}", name, label, directions().label("down", lang)),
                                         std::to_string(row.down), "", ""});
        }
    }
    if (s.reports)
        for (const auto& r : *s.reports)
            for (auto [key, standing] : {std::pair{"on_time", Standing::on_time}, {"late", Standing::late},
                                         {"missing", Standing::missing}, {"pending", Standing::pending}})
                util::write_csv_record(out, {fmt::format("reports:{}:{}", r.kind, key),
                                             fmt::format("{} {}", report_kinds().label(r.kind, lang), key),
                                             std::to_string(r.counts[static_cast<std::size_t>(standing)]), "", ""});
    return out;
}

} // namespace

std::string render_summary(const Summary& s, Format format, Lang lang) {
    if (format == Format::json) {
        JsonWriter json;
        summary_json(json, s);
        return json.str();
    }
    if (format == Format::csv) return summary_csv(s, lang);
    bool zh = lang == Lang::zh;
    std::string out = heading(title_of(s, lang), 2, format);
    out += figures_table(s.stats, format, lang);
    for (const auto& [dimension, values] : s.distributions) {
        out += heading(section_title(dimension, lang, s.as_of), 3, format);
        std::vector<std::vector<std::string>> rows;
        for (const auto& [value, count] : values)
            rows.push_back({value_label(dimension, value, lang), std::to_string(count), share_text(count, s.stats.total)});
        out += render_report(format,
                             {{std::string(zh ? info(dimension).zh : info(dimension).en), "value"},
                              {zh ? "人数" : "count", "count", true},
                              {zh ? "占比" : "share", "share", true}},
                             rows);
    }
    if (s.grades) {
        out += heading(section_title(Dimension::grade, lang, s.as_of), 3, format);
        std::vector<std::vector<std::string>> rows;
        for (const auto& row : grade_table(*s.grades))
            rows.push_back({value_label(Dimension::grade, row.grade, lang), std::to_string(row.up),
                            std::to_string(row.down), std::to_string(row.up + row.down)});
        out += render_report(format,
                             {{zh ? "等次" : "grade", "grade"},
                              {std::string(directions().label("up", lang)), "up", true},
                              {std::string(directions().label("down", lang)), "down", true},
                              {zh ? "合计" : "total", "total", true}},
                             rows);
    }
    if (s.reports) {
        out += heading(zh ? fmt::format("汇报情况（截至 {}）", s.as_of.iso()) : fmt::format("Reports on {}", s.as_of.iso()), 3,
                       format);
        out += render_compliance(format, *s.reports, lang, "");
    }
    return out;
}

std::string group_label(const std::vector<Dimension>& by, const GroupStats& g, Lang lang) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < by.size(); ++i) parts.push_back(value_label(by[i], g.key[i], lang));
    return fmt::format("{}", fmt::join(parts, " "));
}

namespace {

// The figures a group table shows in the terminal: the rest are in CSV and JSON.
constexpr std::array<std::string_view, 8> kMain = {"total", "up", "down", "non_party", "selected_or_reserve",
                                                   "up_from_township", "female", "minority"};

} // namespace

std::string render_groups(const std::vector<Dimension>& by, const std::vector<GroupStats>& groups, Format format,
                          Lang lang) {
    bool zh = lang == Lang::zh;
    if (format == Format::json) {
        JsonWriter json;
        json.begin_object().key("by").begin_array();
        for (Dimension d : by) json.value(info(d).key);
        json.end_array().key("groups").begin_array();
        for (const auto& g : groups) {
            json.begin_object();
            for (std::size_t i = 0; i < by.size(); ++i) {
                json.key(info(by[i]).key);
                if (by[i] == Dimension::batch_year) json.value(std::stoi(g.key[i]));
                else json.value(g.key[i]);
            }
            write_figures_json(json, g.stats);
            json.end_object();
        }
        json.end_array().end_object();
        return json.str();
    }
    bool csv = format == Format::csv;
    std::vector<ReportColumn> columns;
    for (Dimension d : by)
        columns.push_back({csv ? std::string(info(d).key) : std::string(zh ? info(d).zh : info(d).en), std::string(info(d).key)});
    for (const Figure& f : figures(YearStats{})) {
        if (!csv && std::find(kMain.begin(), kMain.end(), f.key) == kMain.end()) continue;
        bool numeric = !f.denominator || csv;
        if (csv) {
            columns.push_back({std::string(f.key), std::string(f.key), true});
            if (f.denominator) columns.push_back({fmt::format("{}_share_of_{}", f.key, f.of_key), "", true});
        } else {
            columns.push_back({std::string(f.label(lang)), std::string(f.key), numeric});
        }
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : groups) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < by.size(); ++i)
            row.push_back(csv || by[i] == Dimension::batch_year ? g.key[i] : value_label(by[i], g.key[i], lang));
        for (const Figure& f : figures(g.stats)) {
            if (csv) {
                row.push_back(std::to_string(f.count));
                if (f.denominator) row.push_back(percent(f));
            } else if (std::find(kMain.begin(), kMain.end(), f.key) != kMain.end()) {
                row.push_back(f.denominator ? fmt::format("{} ({})", f.count, percent(f)) : std::to_string(f.count));
            }
        }
        rows.push_back(std::move(row));
    }
    std::string out = render_report(format, columns, rows);
    if (!csv) {
        // Say what each share is of, once, under the table.
        std::string note = zh ? "占比：上挂、下派、党外干部、选调生和县级后备干部、女干部、少数民族干部占本组总数；上挂干部中来自乡镇占本组上挂人数。"
                              : "Shares: up, down, non-Party, selected graduates and reserve cadres, women, minorities — of "
                                "the group's total; up-seconded from townships — of the group's up-seconded.";
        out += format == Format::html ? fmt::format("<p class=\"note\">{}</p>\n", util::xml_escape(note)) : "\n" + note + "\n";
    }
    return out;
}

std::string render_bars(const std::string& title, const std::vector<Bar>& bars, bool unicode, int width) {
    std::int64_t most = 0;
    std::size_t label_width = 0;
    for (const auto& b : bars) {
        most = std::max(most, b.value);
        label_width = std::max(label_width, display_width(b.label));
    }
    std::string out = title.empty() ? std::string() : title + "\n";
    static const std::array<std::string_view, 8> eighths = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    for (const auto& b : bars) {
        // In eighths of a cell, rounded, so that equal values draw equal bars.
        std::int64_t units = most == 0 ? 0 : (b.value * width * 8 + most / 2) / most;
        std::string bar;
        if (unicode) {
            for (std::int64_t i = 0; i < units / 8; ++i) bar += "█";
            bar += eighths[static_cast<std::size_t>(units % 8)];
        } else {
            bar.assign(static_cast<std::size_t>((units + 4) / 8), '#');
        }
        std::string padding(label_width - display_width(b.label), ' ');
        out += fmt::format("{}{} {} {}{}\n", b.label, padding, unicode ? "│" : "|", bar,
                           fmt::format("{}{}{}", bar.empty() ? "" : " ", b.value, b.note.empty() ? "" : " (" + b.note + ")"));
    }
    return out;
}

} // namespace guazhi
