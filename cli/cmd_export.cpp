// guazhi export assignments: the canonical roster CSV (or JSON) that import reads back.
#include "commands.hpp"
#include "domain/roster.hpp"
#include "error.hpp"
#include "render/assignment_view.hpp"
#include "util/json.hpp"
#include "store/assignment_store.hpp"
#include "util/csv.hpp"
#include "util/id_number.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct ExportOptions {
    std::string dataset;
    FilterOptions filter;
    Format format = Format::csv;
    std::optional<std::string> output;
    bool reveal_id = false;
};

int run_export(const ExportOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    Database db = ctx.open(OpenMode::read);
    AssignmentStore store(db.sql());
    Output out(o.output);
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
            if (!o.reveal_id) id = util::mask_id_number(id);
            buffer.clear();
            util::write_csv_record(buffer, std::vector<std::string>(row.begin(), row.end()));
            out.write(buffer);
            ++count;
        });
    } else {
        out.write("[");
        store.for_each(filter, ctx.config, [&](const Assignment& a) {
            JsonWriter json(false);
            write_assignment_json(json, a, filter.as_of, ctx.config, o.reveal_id);
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
    auto* sub = app.add_subcommand("export", "Export records: assignments (canonical CSV/JSON)");
    sub->add_option("DATASET", o->dataset, "What to export: assignments")
        ->required()
        ->check(CLI::IsMember({"assignments"}));
    add_filter_options(sub, o->filter);
    add_format_option(sub, o->format, {"csv", "json"});
    sub->add_option("-o,--output", o->output, "Write to this file (atomically) instead of standard output");
    sub->add_flag("--reveal-id", o->reveal_id, "Write full ID numbers (masked by default; a masked export cannot be imported)");
    sub->footer("The CSV has the canonical English header and codes, so export → import → export is identical.\n"
                "Example:\n  guazhi export assignments --year 2006 --reveal-id -o 2006.csv");
    sub->callback([o, &global, &exit_code] { exit_code = run_export(*o, make_context(global)); });
}

} // namespace guazhi::cli
