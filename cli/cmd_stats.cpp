// guazhi stats: the yearly figures leadership asks for — a summary, by any dimension, as a
// trend, for the terminal (tables, bar charts) and for scripts (CSV, JSON, markdown).
#include "commands.hpp"
#include "language.hpp"
#include "app/summary.hpp"
#include "flags.hpp"
#include "domain/dimension.hpp"
#include "error.hpp"
#include "render/stats_view.hpp"
#include "app/queries.hpp"
#include "util/text.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct StatsOptions {
    FilterOptions filter;
    std::optional<std::string> by;
    std::optional<int> from, to;
    bool reports = false, chart = false, ascii = false;
    std::string figure = "total";
    Format format = Format::table;
};

// Block characters only where the terminal's locale says UTF-8.
bool utf8_locale() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(name);
        if (v && *v) {
            std::string lower = util::ascii_lower(v);
            return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
        }
    }
    return false;
}

// The bar of one group for the chosen figure.
Bar bar_of(const std::string& label, const YearStats& s, const std::string& figure) {
    for (const Figure& f : figures(s))
        if (f.key == figure) return {label, f.count, percent(f)};
    throw UsageError(msg(N_("--figure: unknown figure '{}'"), figure));
}

std::string chart_groups(const std::vector<Dimension>& by, const std::vector<GroupStats>& groups, const StatsOptions& o,
                         Lang lang, bool unicode) {
    std::vector<Bar> bars;
    for (const auto& g : groups) bars.push_back(bar_of(group_label(by, g, lang), g.stats, o.figure));
    const Figure* f = nullptr;
    auto all = figures(YearStats{});
    for (const auto& x : all)
        if (x.key == o.figure) f = &x;
    return render_bars(f ? std::string(f->label(lang)) : o.figure, bars, unicode);
}

std::string chart_summary(const Summary& s, Lang lang, bool unicode) {
    std::vector<Bar> bars;
    for (const Figure& f : figures(s.stats)) bars.push_back({std::string(f.label(lang)), f.count, percent(f)});
    std::string out = render_bars(fmt::format("{}", s.stats.year), bars, unicode);
    for (const auto& [dimension, values] : s.distributions) {
        std::vector<Bar> part;
        for (const auto& [value, count] : values) part.push_back({value_label(dimension, value, lang), count, ""});
        out += "\n" + render_bars(std::string(lang == Lang::zh ? info(dimension).zh : info(dimension).en), part, unicode);
    }
    return out;
}

int run_stats(const StatsOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    std::vector<Dimension> by;
    if (o.by) {
        try {
            by = parse_dimensions(*o.by);
        } catch (const Error& e) {
            throw UsageError(words(e, ctx.lang));
        }
    }
    bool trend = o.from || o.to;
    if (trend && filter.year) throw UsageError(msg(N_("--year and --from/--to exclude each other (a trend spans years)")));
    if (o.chart && o.format != Format::table) throw UsageError(msg(N_("--chart draws for the terminal: leave --format at table")));
    if (std::find(by.begin(), by.end(), Dimension::batch_year) != by.end() && !trend && !filter.year)
        throw UsageError(msg(N_("--by batch_year: use --from/--to for a trend")));
    Database db = ctx.open(OpenMode::read);
    db.map_into_memory();
    bool unicode = !o.ascii && utf8_locale();
    Output out(std::nullopt);

    if (trend) {
        auto first = app::earliest_batch_year(db), last = app::latest_batch_year(db);
        int from = o.from ? *o.from : first.value_or(o.to.value_or(0));
        int to = o.to ? *o.to : last.value_or(from);
        if (from > to) throw UsageError(msg(N_("--from {} is after --to {}"), from, to));
        if (to - from > 200) throw UsageError(msg(N_("--from {} --to {}: at most 200 years"), from, to));
        auto groups = app::trend(db, filter, ctx.config, by, from, to);
        std::vector<Dimension> keys = {Dimension::batch_year};
        keys.insert(keys.end(), by.begin(), by.end());
        out.write(o.chart ? chart_groups(keys, groups, o, ctx.lang, unicode)
                          : render_groups(keys, groups, o.format, ctx.lang));
        out.commit();
        return 0;
    }
    if (!filter.year && !o.filter.where) {
        // Without --year: the most recent batch, which is what a clerk usually means.
        filter.year = app::latest_batch_year(db);
        if (!filter.year) throw Error(msg(N_("no assignments are recorded yet; import a roster first")));
        diag(ctx.lang, msg(N_("batch year {} (the latest; use --year for another)"), *filter.year));
    }
    if (!by.empty()) {
        auto groups = app::groups(db, filter, ctx.config, by);
        out.write(o.chart ? chart_groups(by, groups, o, ctx.lang, unicode) : render_groups(by, groups, o.format, ctx.lang));
        out.commit();
        return 0;
    }
    Summary s = app::summarize(db, filter, ctx.config,
                               o.reports ? app::ReportSection::always : app::ReportSection::if_any_recorded);
    out.write(o.chart ? chart_summary(s, ctx.lang, unicode) : render_summary(s, o.format, ctx.lang));
    out.commit();
    return 0;
}

} // namespace

void setup_stats(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<StatsOptions>();
    auto* sub = app.add_subcommand("stats", "Yearly figures: up/down, non-Party, 选调生, reserve cadres, townships, "
                                            "women, minorities, age, education, status, grades, reports");
    add_filter_options(sub, o->filter, global.language);
    std::vector<std::string> keys;
    for (const auto& d : dimensions()) keys.push_back(fmt::format("{} ({})", d.key, d.zh));
    sub->add_option("--by", o->by,
                    help_text(sub, msg(N_("Group by DIMENSION[,DIMENSION]: {}; also 县区, 类别, 等次, 年龄 …"),
                                       fmt::format("{}", fmt::join(keys, ", ")))));
    sub->add_option("--from", o->from, "First batch year of a trend (one row per year)");
    sub->add_option("--to", o->to, "Last batch year of a trend");
    sub->add_flag("--reports", o->reports, "Add the report compliance even when no report is recorded yet");
    add_format_option(sub, o->format, {"table", "csv", "json", "markdown"});
    sub->add_flag("--chart", o->chart, "Horizontal bar charts instead of tables");
    sub->add_option("--figure", o->figure, "The figure --chart draws for groups and trends (default total), e.g. non_party");
    sub->add_flag("--ascii", o->ascii, "Draw charts with '#' (also when LANG is not UTF-8)");
    sub->footer("Without --year: the latest batch. Shares print with one decimal in table/CSV/markdown (— when\n"
                "the denominator is 0); JSON carries counts, denominators and exact shares (null when 0).\n"
                "Example:\n  guazhi stats --year 2006\n"
                "  guazhi stats --year 2006 --by home_county --format markdown\n"
                "  guazhi stats --from 2002 --to 2006 --by direction --chart\n"
                "  guazhi stats --year 2006 --format json | jq '.non_party.share'");
    sub->callback([o, &global, &exit_code] { exit_code = run_stats(*o, make_context(global)); });
}

} // namespace guazhi::cli
