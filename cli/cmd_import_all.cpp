// guazhi import-all FILE: the JSON document of `export all --format json` read back — into a
// new database, an identical copy; into one with records, a merge (a county's file into the
// city's), all or nothing, every conflict listed.
#include "commands.hpp"
#include "app/imports.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct ImportAllOptions {
    std::string file;
    bool dry_run = false;
};

int run_import_all(const ImportAllOptions& o, const Context& ctx) {
    Input input(o.file);
    Database db = ctx.open(o.dry_run ? OpenMode::read : OpenMode::write);
    ExchangeReport report = app::import_exchange(db, input.stream(), input.name(), o.dry_run);
    for (const auto& c : report.conflicts) diag(ctx.lang, msg(N_("{}: conflict: {}"), input.name(), c));
    if (report.conflict_count > report.conflicts.size())
        diag(ctx.lang, msg(N_("… and {} more conflicts"), report.conflict_count - report.conflicts.size()));
    if (report.conflict_count > 0) {
        diag(ctx.lang, counted(report.conflict_count, N_("{}: {} conflict with the records in {}; nothing was written"),
                               N_("{}: {} conflicts with the records in {}; nothing was written"), input.name(),
                               report.conflict_count, ctx.db_path.string()));
        return 1;
    }
    std::size_t added = 0, identical = 0;
    for (const auto& [table, counts] : report.tables) {
        diag(ctx.lang, msg(N_("  {}: {} added, {} already recorded"), table, counts.added, counts.identical));
        added += counts.added;
        identical += counts.identical;
    }
    if (o.dry_run)
        diag(ctx.lang, counted(added, N_("{}: {} record would be added (dry run, nothing written), {} already recorded (skipped)"),
                               N_("{}: {} records would be added (dry run, nothing written), {} already recorded (skipped)"),
                               input.name(), added, identical));
    else
        diag(ctx.lang, counted(added, N_("{}: {} record added, {} already recorded (skipped)"),
                               N_("{}: {} records added, {} already recorded (skipped)"), input.name(), added, identical));
    return 0;
}

} // namespace

void setup_import_all(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<ImportAllOptions>();
    auto* sub = app.add_subcommand("import-all", "Read a whole-database JSON document (export all --format json) "
                                                 "into the database: a copy, or a merge");
    sub->add_option("FILE", o->file, "The JSON document, or - for standard input")->required();
    sub->add_flag("--dry-run", o->dry_run, "Check the whole document and report, but write nothing");
    sub->footer("Into a new database: the exported one again, the same ids. Into one with records: a merge —\n"
                "units by name, cadres by ID number, assignments by cadre and start date, reports by assignment,\n"
                "kind and period, appraisals by cadre and year; the same record with the same content is skipped,\n"
                "with other content it is a conflict. New records get new ids. Any conflict and nothing is\n"
                "written (exit 1). The document must come from this schema version with complete ID numbers.\n"
                "Example:\n  guazhi --db 资中县.db export all --format json --reveal-id -o 资中县.json\n"
                "  guazhi --db 内江市.db import-all 资中县.json");
    sub->callback([o, &global, &exit_code] { exit_code = run_import_all(*o, make_context(global)); });
}

} // namespace guazhi::cli
