// guazhi stats: the yearly summary leadership asks for.
#include "commands.hpp"
#include "error.hpp"
#include "render/stats_view.hpp"
#include "store/stats_query.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct StatsOptions {
    std::optional<int> year;
    Format format = Format::table;
};

int run_stats(const StatsOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    AssignmentFilter filter;
    if (o.year) {
        filter.year = o.year;
    } else {
        // Without --year: the most recent batch, which is what a clerk usually means.
        auto latest = db.sql().execAndGet("SELECT max(batch_year) FROM assignments");
        if (latest.isNull()) throw Error("no assignments are recorded yet; import a roster first");
        filter.year = latest.getInt();
        fmt::print(stderr, "batch year {} (the latest; use --year for another)\n", *filter.year);
    }
    YearStats stats = compute_stats(db.sql(), filter, ctx.config);
    Output out(std::nullopt);
    switch (o.format) {
    case Format::table: out.write(stats_table(stats, ctx.lang)); break;
    case Format::csv: out.write(stats_csv(stats, ctx.lang)); break;
    case Format::json: out.write(stats_json(stats)); break;
    }
    out.commit();
    return 0;
}

} // namespace

void setup_stats(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<StatsOptions>();
    auto* sub = app.add_subcommand("stats", "Yearly figures: up/down, non-Party, 选调生, reserve cadres, townships");
    sub->add_option("--year", o->year, "Batch year (default: the latest recorded)");
    add_format_option(sub, o->format);
    sub->footer("Shares print with one decimal in table/CSV; JSON carries counts, denominators and exact shares.\n"
                "Example:\n  guazhi stats --year 2006\n"
                "  guazhi stats --year 2006 --format json | jq '.non_party.share'");
    sub->callback([o, &global, &exit_code] { exit_code = run_stats(*o, make_context(global)); });
}

} // namespace guazhi::cli
