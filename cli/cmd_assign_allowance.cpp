// guazhi assign allowance: the living allowance (生活补助) home units owe, from actual dates.
#include "commands.hpp"
#include "error.hpp"
#include "render/report.hpp"
#include "app/queries.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct AllowanceOptions {
    FilterOptions filter;
    std::optional<std::string> group;
    Format format = Format::table;
};

int run_allowance(const AllowanceOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    Database db = ctx.open(OpenMode::read);
    bool zh = ctx.lang == Lang::zh;
    bool per_unit = o.group.has_value();
    auto lines = app::allowance(db, filter, ctx.config, per_unit ? app::AllowanceBy::home_unit : app::AllowanceBy::assignment);
    std::vector<ReportColumn> columns;
    if (!per_unit) columns.push_back({"ID", "id", true});
    columns.push_back({per_unit ? (zh ? "派出单位" : "home unit") : (zh ? "姓名" : "name"), per_unit ? "home_unit" : "name"});
    if (!per_unit) columns.push_back({zh ? "派出单位" : "home unit", "home_unit"});
    else columns.push_back({zh ? "人数" : "people", "people", true});
    columns.push_back({zh ? "天数" : "days", "days", true});
    columns.push_back({zh ? "金额（元）" : "amount (yuan)", "amount", true});
    // --as-of: beside the full term, what is owed up to that day (paid to date).
    const bool to_date = o.filter.as_of.has_value();
    const std::string as_of = filter.as_of.iso();
    if (to_date) {
        columns.push_back({zh ? fmt::format("截至{}天数", as_of) : fmt::format("days to {}", as_of), "days_to_date", true});
        columns.push_back({zh ? fmt::format("截至{}金额（元）", as_of) : fmt::format("amount to {} (yuan)", as_of),
                           "amount_to_date", true});
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : lines) {
        bool total = &l == &lines.back();
        std::vector<std::string> row;
        if (!per_unit) row.push_back(total ? "" : std::to_string(l.assignment_id));
        row.push_back(total ? std::string(zh ? "合计" : "total") : l.name);
        if (!per_unit) row.push_back(total ? "" : l.home_unit);
        else row.push_back(std::to_string(l.people));
        row.push_back(std::to_string(l.days));
        row.push_back(yuan(l.amount_fen));
        if (to_date) {
            row.push_back(std::to_string(l.days_to_date));
            row.push_back(yuan(l.amount_to_date_fen));
        }
        rows.push_back(std::move(row));
    }
    // The totals line is for people; scripts sum the JSON themselves.
    if (o.format == Format::json) rows.pop_back();
    Output out(std::nullopt);
    out.write(render_report(o.format, columns, rows));
    out.commit();
    diag(ctx.lang, counted(lines.back().people, N_("{} secondee, {} days at {} 元/day: {} 元"),
                           N_("{} secondees, {} days at {} 元/day: {} 元"), lines.back().people, lines.back().days,
                           ctx.config.policy.allowance_per_day, yuan(lines.back().amount_fen)));
    if (to_date)
        diag(ctx.lang, msg(N_("to {}: {} days, {} 元"), as_of, lines.back().days_to_date, yuan(lines.back().amount_to_date_fen)));
    return 0;
}

} // namespace

void setup_assign_allowance(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<AllowanceOptions>();
    auto* sub = assign.add_subcommand("allowance", "Living allowance owed by home units, from actual dates");
    add_filter_options(sub, o->filter, global.language);
    sub->add_option("--by", o->group, "Group: home-unit|派出单位 (one line per paying unit)")
        ->transform(CLI::Transformer({{"派出单位", "home-unit"}, {"派员单位", "home-unit"}, {"原单位", "home-unit"}}))
        ->check(CLI::IsMember({"home-unit", "home_unit"}));
    add_format_option(sub, o->format);
    sub->footer("Days run from the start to the last day actually served (recall and extension included);\n"
                "the rate is allowance_per_day (default 2 元, 内财政行[1996]63号).\n"
                "With --as-of DATE, the days and amount up to DATE are shown beside the full term.\n"
                "Example:\n  guazhi assign allowance --year 2006 --by home-unit\n"
                "  guazhi assign allowance --year 2006 --as-of 2007-01-31");
    sub->callback([o, &global, &exit_code] { exit_code = run_allowance(*o, make_context(global)); });
}

} // namespace guazhi::cli
