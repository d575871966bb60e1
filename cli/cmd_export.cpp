// guazhi export assignments: the canonical roster CSV (or JSON) that import reads back.
#include "commands.hpp"
#include "domain/roster.hpp"
#include "error.hpp"
#include "render/assignment_view.hpp"
#include "util/json.hpp"
#include "render/report.hpp"
#include "store/applications.hpp"
#include "store/assignment_store.hpp"
#include "store/lifecycle.hpp"
#include "util/csv.hpp"
#include "util/id_number.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace guazhi::cli {

namespace {

struct ExportOptions {
    std::string dataset;
    FilterOptions filter;
    Format format = Format::csv;
    std::optional<std::string> output;
    bool reveal_id = false;
};

// Events of the matching assignments (and their cadres' follow-ups), one row each.
std::size_t export_events(SQLite::Database& db, AssignmentStore& store, const AssignmentFilter& filter,
                          const ExportOptions& o, const Context& ctx, Output& out) {
    std::vector<ReportColumn> columns = {{"assignment_id", "assignment_id", true}, {"name", "name"},
                                         {"kind", "kind"},         {"date", "date"},
                                         {"recorded_by", "recorded_by"}, {"recorded_at", "recorded_at"},
                                         {"reason", "reason"},     {"details", "details", false, true}};
    std::vector<std::vector<std::string>> rows;
    std::set<std::int64_t> seen; // a cadre's follow-ups come with each of the cadre's assignments
    store.for_each(filter, ctx.config, [&](const Assignment& a) {
        for (const Event& e : events_of(db, a.id))
            if (seen.insert(e.id).second)
                rows.push_back({e.assignment_id ? std::to_string(e.assignment_id) : "", a.cadre.name, e.kind, e.date.iso(),
                            e.recorded_by, e.recorded_at, e.reason, e.details});
    });
    out.write(render_report(o.format, columns, rows));
    return rows.size();
}

std::size_t export_applications(SQLite::Database& db, const AssignmentFilter& filter, const ExportOptions& o,
                                Output& out) {
    if (!filter.year) throw Error("export applications: give --year");
    std::vector<ReportColumn> columns = {{"host_unit", "host_unit"}, {"batch_year", "batch_year", true},
                                         {"requested", "requested", true}, {"assigned", "assigned", true}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : application_summary(db, *filter.year))
        rows.push_back({r.host, std::to_string(*filter.year), r.requested ? std::to_string(*r.requested) : "",
                        std::to_string(r.assigned)});
    out.write(render_report(o.format, columns, rows));
    return rows.size();
}

int run_export(const ExportOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    std::error_code ec;
    if (o.output && std::filesystem::equivalent(*o.output, ctx.db_path, ec))
        throw Error(fmt::format("-o {}: that is the database itself; choose another file", *o.output));
    Database db = ctx.open(OpenMode::read);
    if (o.dataset != "assignments") {
        AssignmentStore store(db.sql());
        Output out(o.output);
        std::size_t n = o.dataset == "events" ? export_events(db.sql(), store, filter, o, ctx, out)
                                              : export_applications(db.sql(), filter, o, out);
        out.commit();
        fmt::print(stderr, "exported {} {}{}\n", n, o.dataset, o.output ? " to " + *o.output : "");
        return 0;
    }
    AssignmentStore store(db.sql());
    Output out(o.output, o.reveal_id ? FileMode::private_file : FileMode::shared);
    std::size_t count = 0;
    std::string buffer;
    if (o.format == Format::csv) {
        std::vector<std::string> header;
        for (const auto& s : roster_fields()) header.emplace_back(s.key);
        util::write_csv_record(buffer, header);
        out.write(buffer);
        store.for_each(filter, ctx.config, [&](const Assignment& a) {
            RowValues row = to_row(a);
            auto& id = row[static_cast<std::size_t>(Field::id_number)];
            if (!o.reveal_id) {
                id = util::mask_id_number(id);
                auto& born = row[static_cast<std::size_t>(Field::birth_date)];
                born = born.substr(0, 7);
            }
            buffer.clear();
            util::write_csv_record(buffer, std::vector<std::string>(row.begin(), row.end()));
            out.write(buffer);
            ++count;
        });
    } else {
        // JSON carries what the roster CSV cannot: the appointment and every event.
        out.write("[");
        store.for_each(filter, ctx.config, [&](const Assignment& a) {
            JsonWriter json(false);
            write_assignment_json(json, a, filter.as_of, ctx.config, o.reveal_id, appointment_of(db.sql(), a.id),
                                  events_of(db.sql(), a.id));
            out.write(count++ ? ",\n" : "\n");
            out.write(json.str());
        });
        out.write(count ? "\n]\n" : "]\n");
    }
    out.commit();
    fmt::print(stderr, "exported {} assignment{}{}{}\n", count, count == 1 ? "" : "s",
               o.output ? " to " + *o.output : "",
               o.reveal_id ? "" : " (ID numbers masked; --reveal-id for an export that can be imported)");
    return 0;
}

} // namespace

void setup_export(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<ExportOptions>();
    auto* sub = app.add_subcommand("export", "Export records: assignments (canonical CSV/JSON), events, applications");
    sub->add_option("DATASET", o->dataset, "What to export: assignments, events, applications")
        ->required()
        ->check(CLI::IsMember({"assignments", "events", "applications"}));
    add_filter_options(sub, o->filter);
    add_format_option(sub, o->format, {"csv", "json"});
    sub->add_option("-o,--output", o->output, "Write to this file (atomically) instead of standard output");
    sub->add_flag("--reveal-id", o->reveal_id, "Write full ID numbers (masked by default; a masked export cannot be imported)");
    sub->footer("The CSV has the canonical English header and codes, so export → import → export is identical.\n"
                "JSON assignments also carry the term's changes, the appointment and every event.\n"
                "Example:\n  guazhi export assignments --year 2006 --reveal-id -o 2006.csv");
    sub->callback([o, &global, &exit_code] { exit_code = run_export(*o, make_context(global)); });
}

} // namespace guazhi::cli
