// guazhi stats: the yearly summary leadership asks for.
#include "commands.hpp"
#include "error.hpp"
#include "render/stats_view.hpp"
#include "render/compliance_view.hpp"
#include "store/appraisals.hpp"
#include "store/stats_query.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct StatsOptions {
    std::optional<int> year;
    bool reports = false;
    std::optional<std::string> as_of;
    Format format = Format::table;
};

int run_stats(const StatsOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    AssignmentFilter filter;
    if (o.year) {
        filter.year = o.year;
    } else {
        // Without --year: the most recent batch, which is what a clerk usually means.
        filter.year = latest_batch_year(db.sql());
        if (!filter.year) throw Error("no assignments are recorded yet; import a roster first");
        fmt::print(stderr, "batch year {} (the latest; use --year for another)\n", *filter.year);
    }
    YearStats stats = compute_stats(db.sql(), filter, ctx.config);
    std::vector<ComplianceRow> reports;
    if (o.reports) {
        if (o.as_of) filter.as_of = flag_date(*o.as_of, "--as-of");
        AssignmentStore store(db.sql());
        reports = compliance(store, filter, ctx.config, ComplianceGroup::all);
    }
    auto grades = grade_distribution(db.sql(), filter, ctx.config);
    Output out(std::nullopt);
    switch (o.format) {
    case Format::table: out.write(stats_table(stats, ctx.lang)); break;
    case Format::csv: out.write(stats_csv(stats, ctx.lang)); break;
    case Format::json: out.write(stats_json(stats, o.reports ? &reports : nullptr, &grades)); break;
    }
    // The annual grades of the batch (for its own year), once any are recorded.
    if (!grades.empty() && o.format != Format::json) {
        out.write(o.format == Format::table
                      ? fmt::format("\n{}\n", ctx.lang == Lang::zh ? fmt::format("{}年度考核等次", *filter.year)
                                                                    : fmt::format("Annual grades {}", *filter.year))
                      : "\n");
        out.write(grades_report(o.format, grades, ctx.lang));
    }
    if (o.reports && o.format != Format::json) {
        // A second section: the report compliance of the batch, as `report compliance` prints it.
        out.write(o.format == Format::table ? fmt::format("\n{}\n", ctx.lang == Lang::zh
                                                                         ? fmt::format("汇报情况（截至 {}）", filter.as_of.iso())
                                                                         : fmt::format("Reports on {}", filter.as_of.iso()))
                                            : "\n");
        out.write(render_compliance(o.format, reports, ctx.lang, ""));
    }
    out.commit();
    return 0;
}

} // namespace

void setup_stats(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<StatsOptions>();
    auto* sub = app.add_subcommand("stats", "Yearly figures: up/down, non-Party, 选调生, reserve cadres, townships");
    sub->add_option("--year", o->year, "Batch year (default: the latest recorded)");
    sub->add_flag("--reports", o->reports, "Add the report compliance of the batch (on time / late / missing)");
    sub->add_option("--as-of", o->as_of, "Judge report compliance on this date (default today)")->needs("--reports");
    add_format_option(sub, o->format);
    sub->footer("Once annual grades are recorded, their distribution by direction follows (grades of the\n"
                "batch for its own year).\n"
                "Shares print with one decimal in table/CSV; JSON carries counts, denominators and exact shares.\n"
                "Example:\n  guazhi stats --year 2006\n"
                "  guazhi stats --year 2006 --format json | jq '.non_party.share'");
    sub->callback([o, &global, &exit_code] { exit_code = run_stats(*o, make_context(global)); });
}

} // namespace guazhi::cli
