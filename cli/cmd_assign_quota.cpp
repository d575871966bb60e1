// guazhi assign apply|applications: host units' applications (申报) against what they got.
#include "commands.hpp"
#include "error.hpp"
#include "render/report.hpp"
#include "app/imports.hpp"
#include "app/record.hpp"
#include "app/queries.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct ApplyOptions {
    std::optional<std::string> host, import_file;
    std::optional<int> year;
    std::optional<std::int64_t> requested;
    std::string encoding = "auto", by;
};

int run_apply(const ApplyOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::write);
    if (o.import_file) {
        Input input(*o.import_file);
        std::size_t n = app::import_applications(db, input.stream(), input.name(), *util::parse_encoding(o.encoding), o.by);
        diag(ctx.lang, counted(n, N_("{}: {} application recorded"), N_("{}: {} applications recorded"), input.name(), n));
        return 0;
    }
    if (!o.host || !o.year || !o.requested)
        throw Error(msg(N_("assign apply: give --host, --year and --requested (or --import FILE)")));
    app::record_application(db, *o.host, *o.year, *o.requested, o.by);
    diag(ctx.lang, counted(static_cast<std::size_t>(*o.requested), N_("{} applied for {} secondee in batch {}"),
                           N_("{} applied for {} secondees in batch {}"), *o.host, *o.requested, *o.year));
    return 0;
}

struct ApplicationsOptions {
    int year = 0;
    Format format = Format::table;
};

int run_applications(const ApplicationsOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    bool zh = ctx.lang == Lang::zh;
    std::vector<ReportColumn> columns = {{zh ? "接收单位" : "host unit", "host_unit"},
                                         {zh ? "层级" : "kind", "kind"},
                                         {zh ? "申报" : "requested", "requested", true},
                                         {zh ? "安排" : "assigned", "assigned", true},
                                         {zh ? "差额" : "difference", "difference", true}};
    std::vector<std::vector<std::string>> rows;
    std::int64_t requested = 0, assigned = 0;
    for (const auto& r : app::applications(db, o.year)) {
        rows.push_back({r.host,
                        o.format == Format::json ? r.kind : std::string(unit_kinds().label(r.kind, ctx.lang)),
                        r.requested ? std::to_string(*r.requested) : "",
                        std::to_string(r.assigned),
                        r.requested ? std::to_string(r.assigned - *r.requested) : ""});
        requested += r.requested.value_or(0);
        assigned += r.assigned;
    }
    Output out(std::nullopt);
    out.write(render_report(o.format, columns, rows));
    out.commit();
    diag(ctx.lang, msg(N_("batch {}: {} host units, {} requested, {} assigned"), o.year, rows.size(), requested, assigned));
    return 0;
}

} // namespace

void setup_assign_quota(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
    {
        auto o = std::make_shared<ApplyOptions>();
        auto* sub = assign.add_subcommand("apply", "Record how many secondees a host unit applied for (申报)");
        sub->add_option("--host", o->host, "Host unit");
        sub->add_option("--year", o->year, "Batch year");
        sub->add_option("--requested", o->requested, "How many it asked for")->check(CLI::Range(0, 10000));
        sub->add_option("--import", o->import_file,
                        "Or read many from CSV: 接收单位 (host_unit), 年度 (batch_year), 申报人数 (requested)");
        sub->add_option("--encoding", o->encoding, "auto, utf-8 or gbk (with --import)")
            ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gbk", "gb18030", "gb2312"}, CLI::ignore_case));
        add_by_option(sub, o->by);
        sub->footer("Recording a host's application again replaces the number.\n"
                    "Example:\n  guazhi assign apply --host 市财政局 --year 2006 --requested 2");
        sub->callback([o, &global, &exit_code] { exit_code = run_apply(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<ApplicationsOptions>();
        auto* sub = assign.add_subcommand("applications", "Requested vs assigned secondees per host unit in a batch");
        sub->add_option("--year", o->year, "Batch year")->required();
        add_format_option(sub, o->format);
        sub->footer("Hosts that did not apply but were given secondees are listed with an empty request.\n"
                    "Example:\n  guazhi assign applications --year 2006");
        sub->callback([o, &global, &exit_code] { exit_code = run_applications(*o, make_context(global)); });
    }
}

} // namespace guazhi::cli
