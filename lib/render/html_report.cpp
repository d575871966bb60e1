#include "render/html_report.hpp"

#include "domain/dimension.hpp"
#include "error.hpp"
#include "render/table.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <optional>

namespace guazhi {

namespace {

using util::xml_escape;

// Charts take their wording from the figures, so that they say what `stats` says.
std::string figure_label(std::string_view key, Lang lang) {
    for (const Figure& f : figures(YearStats{}))
        if (f.key == key) return std::string(f.label(lang));
    return std::string(key);
}

// A figure's share in percent; none for an empty batch (nothing to draw rather than 0%).
std::optional<double> percent_of(const YearStats& s, std::string_view key) {
    for (const Figure& f : figures(s))
        if (f.key == key && f.share()) return *f.share() * 100.0;
    return std::nullopt;
}

// One stack of a bar chart or one line of a line chart: a value per batch year.
struct Series {
    std::string label;
    std::string_view colour;
    std::vector<std::optional<double>> values;
};

// The drawing area of a chart: one slot per batch year along x, 0..y_top along y.
struct Plot {
    static constexpr double width = 560, height = 300, left = 48, right = 12, top = 52, bottom = 30;
    std::vector<int> years;
    double y_top = 1;

    double slot() const { return (width - left - right) / static_cast<double>(years.size()); }
    double x(std::size_t i) const { return left + slot() * (static_cast<double>(i) + 0.5); }
    double y(double v) const { return top + (height - top - bottom) * (1.0 - v / y_top); }
};

// The top of a count axis and its step: whole multiples of 1, 2 or 5 times a power of ten,
// at most about five steps.
std::pair<double, double> count_axis(double most) {
    double raw = std::max(most, 1.0) / 5.0;
    double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10.0 * power;
    for (double m : {5.0, 2.0, 1.0})
        if (m * power >= raw) step = m * power;
    step = std::max(step, 1.0);
    return {std::max(step, std::ceil(most / step) * step), step};
}

// The chart's frame: title, legend, grid lines with the y labels, and the years below (every
// few when there are many, so that they do not overlap).
std::string open_chart(const Plot& p, const std::string& title, const std::vector<Series>& series, double step,
                       const std::function<std::string(double)>& y_label) {
    std::string out = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
                                  "height=\"{1}\" role=\"img\">\n<title>{2}</title>\n"
                                  "<text x=\"{3}\" y=\"18\" class=\"title\">{2}</text>\n",
                                  Plot::width, Plot::height, xml_escape(title), Plot::left);
    double x = Plot::left;
    for (const auto& s : series) {
        out += fmt::format("<rect x=\"{:.1f}\" y=\"30\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                           "<text x=\"{:.1f}\" y=\"39\">{}</text>\n",
                           x, s.colour, x + 14, xml_escape(s.label));
        x += 30 + 6.5 * static_cast<double>(display_width(s.label));
    }
    for (double v = 0; v <= p.y_top + step / 2; v += step)
        out += fmt::format("<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" class=\"grid\"/>"
                           "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
                           Plot::left, Plot::width - Plot::right, p.y(v), Plot::left - 6, p.y(v) + 4, y_label(v));
    std::size_t every = (p.years.size() + 11) / 12;
    for (std::size_t i = 0; i < p.years.size(); i += every)
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", p.x(i),
                           Plot::height - Plot::bottom + 18, p.years[i]);
    return out;
}

// Bars of the series stacked per year, the first at the bottom, with the year's total above.
std::string stacked_bars(const Plot& p, const std::vector<Series>& stack) {
    std::string out;
    double w = std::min(p.slot() * 0.6, 40.0);
    for (std::size_t i = 0; i < p.years.size(); ++i) {
        double base = 0;
        for (const auto& s : stack) {
            double v = s.values[i].value_or(0);
            if (v <= 0) continue;
            out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
                               "<title>{} {}: {}</title></rect>\n",
                               p.x(i) - w / 2, p.y(base + v), w, p.y(base) - p.y(base + v), s.colour, p.years[i],
                               xml_escape(s.label), v);
            base += v;
        }
        if (base > 0 && p.slot() >= 16)
            out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", p.x(i),
                               p.y(base) - 4, base);
    }
    return out;
}

// A line per series with a dot per year; a year without a value breaks the line.
std::string lines(const Plot& p, const std::vector<Series>& series) {
    std::string out;
    for (const auto& s : series) {
        std::string path, dots;
        bool drawing = false;
        for (std::size_t i = 0; i < p.years.size(); ++i) {
            drawing = drawing && s.values[i];
            if (!s.values[i]) continue;
            path += fmt::format("{}{:.1f},{:.1f} ", drawing ? "L" : "M", p.x(i), p.y(*s.values[i]));
            dots += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"><title>{} {}: {:.1f}%</title>"
                                "</circle>\n",
                                p.x(i), p.y(*s.values[i]), s.colour, p.years[i], xml_escape(s.label), *s.values[i]);
            drawing = true;
        }
        if (!path.empty())
            out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", path, s.colour);
        out += dots;
    }
    return out;
}

// Up and down per batch year, stacked: how large each batch was and how it divided.
std::string trend_bars(const std::vector<GroupStats>& trend, Lang lang) {
    Plot p;
    std::vector<Series> stack = {{figure_label("up", lang), "#2f6fb0", {}}, {figure_label("down", lang), "#e08a2c", {}}};
    double most = 0;
    for (const auto& g : trend) {
        p.years.push_back(g.stats.year);
        stack[0].values.emplace_back(static_cast<double>(g.stats.up));
        stack[1].values.emplace_back(static_cast<double>(g.stats.down));
        most = std::max(most, static_cast<double>(g.stats.total));
    }
    auto [top, step] = count_axis(most);
    p.y_top = top;
    std::string title = lang == Lang::zh ? "各年度挂职干部人数" : "Secondees per batch";
    return open_chart(p, title, stack, step, [](double v) { return fmt::format("{}", v); }) + stacked_bars(p, stack) +
           "</svg>\n";
}

// The shares leadership watches (seed: 党外干部 48.1%), per batch year, 0..100%.
std::string trend_shares(const std::vector<GroupStats>& trend, Lang lang) {
    Plot p;
    p.y_top = 100;
    std::vector<Series> series = {{figure_label("non_party", lang), "#c0392b", {}},
                                  {figure_label("selected_or_reserve", lang), "#27864a", {}}};
    for (const auto& g : trend) {
        p.years.push_back(g.stats.year);
        series[0].values.push_back(percent_of(g.stats, "non_party"));
        series[1].values.push_back(percent_of(g.stats, "selected_or_reserve"));
    }
    std::string title = lang == Lang::zh ? "占挂职干部总数的比例" : "Share of the secondees";
    return open_chart(p, title, series, 20, [](double v) { return fmt::format("{}%", v); }) + lines(p, series) +
           "</svg>\n";
}

// Inline, so that the page needs nothing else; fonts are the reader's own.
constexpr std::string_view kStyle = R"(
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei",
       sans-serif; color: #222; max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #2f6fb0; padding-bottom: .2rem; margin: 1.8rem 0 .6rem; column-span: all; }
h3 { font-size: 1rem; margin: 0 0 .3rem; break-after: avoid; }
p { margin: .3rem 0; }
.meta, .note { color: #555; font-size: .85rem; }
.privacy { background: #f0f4f9; border-left: 4px solid #2f6fb0; padding: .4rem .8rem; }
.summary { columns: 2 28rem; column-gap: 2.5rem; }
.summary table { break-inside: avoid; margin-bottom: 1rem; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid #ccd; padding: .15rem .55rem; text-align: left; }
th { background: #eef2f7; }
td { white-space: nowrap; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
.charts svg { flex: 1 1 26rem; max-width: 560px; height: auto; }
svg text { font-size: 12px; fill: #333; }
svg .title { font-size: 14px; font-weight: bold; }
svg .grid { stroke: #ddd; }
@media print { body { margin: 0; max-width: none; } svg, table { break-inside: avoid; } }
)";

} // namespace

std::string render_html_report(const YearReport& r, Lang lang, util::Date generated) {
    bool zh = lang == Lang::zh;
    int year = r.summary.stats.year;
    int first = r.trend.empty() ? year : r.trend.front().stats.year;
    std::string title = zh ? fmt::format("{} 年度挂职干部工作报告", year) : fmt::format("Secondment report, batch {}", year);
    std::string meta = zh ? fmt::format("{} 由 guazhi {} 生成", generated.iso(), GUAZHI_VERSION)
                          : fmt::format("Generated on {} by guazhi {}", generated.iso(), GUAZHI_VERSION);
    std::string privacy = zh ? "本报告只有统计数字，不含姓名和身份证号。" : "This report holds figures only: no names and no ID numbers.";
    std::string trend = zh ? fmt::format("历年趋势（{}—{} 年度）", first, year) : fmt::format("Trend, batches {}–{}", first, year);
    std::string per_year = zh ? fmt::format("历年统计（{}—{} 年度）", first, year) : fmt::format("Figures per batch, {}–{}", first, year);
    std::string_view county = zh ? info(Dimension::home_county).zh : info(Dimension::home_county).en;
    std::string by_county = zh ? fmt::format("按{}（{} 年度）", county, year) : fmt::format("By {}, batch {}", county, year);
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                  "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                                  zh ? "zh-CN" : "en", xml_escape(title), kStyle);
    out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n<p class=\"privacy\">{}</p>\n</header>\n",
                       xml_escape(title), xml_escape(meta), xml_escape(privacy));
    out += "<section class=\"summary\">\n" + render_summary(r.summary, Format::html, lang) + "</section>\n";
    out += fmt::format("<section>\n<h2>{}</h2>\n<div class=\"charts\">\n{}{}</div>\n</section>\n", xml_escape(trend),
                       trend_bars(r.trend, lang), trend_shares(r.trend, lang));
    out += fmt::format("<section>\n<h2>{}</h2>\n{}</section>\n", xml_escape(by_county),
                       render_groups({Dimension::home_county}, r.counties, Format::html, lang));
    out += fmt::format("<section>\n<h2>{}</h2>\n{}</section>\n", xml_escape(per_year),
                       render_groups({Dimension::batch_year}, r.trend, Format::html, lang));
    return out + "</body>\n</html>\n";
}

} // namespace guazhi
