// guazhi unit list|set: the units secondees come from and go to, and corrections to them.
#include "commands.hpp"
#include "error.hpp"
#include "render/report.hpp"
#include "app/record.hpp"
#include "app/queries.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct UnitListOptions {
    std::optional<std::string> kind, county;
    Format format = Format::table;
};

int run_unit_list(const UnitListOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    auto rows = app::units(db, o.kind, o.county);
    bool zh = ctx.lang == Lang::zh;
    std::vector<ReportColumn> columns = {{zh ? "单位" : "unit", "name"},
                                         {zh ? "层级" : "kind", "kind"},
                                         {zh ? "所属县区" : "county", "county"},
                                         {zh ? "派出" : "sent", "sent", true},
                                         {zh ? "接收" : "received", "received", true}};
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows)
        cells.push_back({r.unit.name,
                         o.format == Format::json ? r.unit.kind : std::string(unit_kinds().label(r.unit.kind, ctx.lang)),
                         r.unit.county, std::to_string(r.sent), std::to_string(r.received)});
    Output out(std::nullopt);
    out.write(render_report(o.format, columns, cells));
    out.commit();
    diag(ctx.lang, counted(rows.size(), N_("{} unit"), N_("{} units"), rows.size()));
    return 0;
}

struct UnitSetOptions {
    std::string name;
    std::optional<std::string> kind, county;
};

int run_unit_set(const UnitSetOptions& o, const Context& ctx) {
    if (!o.kind && !o.county) throw Error(msg(N_("unit set: give --kind and/or --county")));
    Database db = ctx.open(OpenMode::write);
    Unit before = app::correct_unit(db, o.name, o.kind, o.county);
    if (before.kind.empty()) { // not recorded before: recorded now
        if (o.county) diag(ctx.lang, msg(N_("{}: recorded as {} {}"), o.name, unit_kinds().label(*o.kind, ctx.lang), *o.county));
        else diag(ctx.lang, msg(N_("{}: recorded as {}"), o.name, unit_kinds().label(*o.kind, ctx.lang)));
        return 0;
    }
    diag(ctx.lang, msg(N_("{}: {} {} → {} {}"), o.name, unit_kinds().label(before.kind, ctx.lang), before.county,
                       unit_kinds().label(o.kind.value_or(before.kind), ctx.lang), o.county.value_or(before.county)));
    return 0;
}

} // namespace

void setup_unit(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto* unit = app.add_subcommand("unit", "List units and correct their kind or county");
    unit->require_subcommand(1);
    unit->footer("Example:\n  guazhi unit list --kind 乡镇");

    auto list_opts = std::make_shared<UnitListOptions>();
    auto* list = unit->add_subcommand("list", "List units with how many secondees they sent and received");
    list->add_option("--kind", list_opts->kind, "市级机关|县区部门|乡镇 (city_organ|county_dept|township)")
        ->transform(vocabulary_validator(unit_kinds(), global.language));
    list->add_option("--county", list_opts->county, "Only units of this county/district");
    add_format_option(list, list_opts->format);
    list->footer("Example:\n  guazhi unit list --kind 乡镇");
    list->callback([list_opts, &global, &exit_code] { exit_code = run_unit_list(*list_opts, make_context(global)); });

    auto set_opts = std::make_shared<UnitSetOptions>();
    auto* set = unit->add_subcommand("set", "Correct a unit's kind (guessed from its name on import) or county, or "
                                            "record a new unit with --kind");
    set->add_option("NAME", set_opts->name, "The unit's name")->required();
    set->add_option("--kind", set_opts->kind, "市级机关|县区部门|乡镇 (city_organ|county_dept|township)")
        ->transform(vocabulary_validator(unit_kinds(), global.language));
    set->add_option("--county", set_opts->county, "The county/district it belongs to");
    set->footer("A host unit keeps the kind its secondments require (上挂 → 市级机关, 下派 → 乡镇).\n"
                "A unit not yet recorded is recorded with --kind (e.g. a 下派 host whose name reads as a city organ).\n"
                "Example:\n  guazhi unit set 归德镇 --county 资中县");
    set->callback([set_opts, &global, &exit_code] { exit_code = run_unit_set(*set_opts, make_context(global)); });
}

} // namespace guazhi::cli
