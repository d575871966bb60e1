// guazhi check: lists everything wrong in a database — SQLite's integrity and foreign-key
// checks and the domain's invariants (store/check.hpp) — without changing the file.
#include "commands.hpp"
#include "error.hpp"
#include "render/report.hpp"
#include "app/queries.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct CheckCliOptions {
    Format format = Format::table;
};

int run_check(const CheckCliOptions& o, const Context& ctx) {
    // Read-only: a check must not change what it checks, nor upgrade it first.
    Database db = ctx.open(OpenMode::read_only);
    if (db.opened_at_version() == 0)
        throw Error(msg(N_("{}: is empty, not yet a guazhi database; create one with `guazhi init`"),
                        ctx.db_path.string()));
    if (db.opened_at_version() < current_schema_version())
        throw Error(msg(N_("{}: has schema version {}, older than this guazhi's {}; `guazhi init` upgrades it "
                           "(keeping a copy of the old file), then check it"),
                        ctx.db_path.string(), db.opened_at_version(), current_schema_version()));
    CheckReport report = app::check(db, ctx.config.policy);

    bool zh = ctx.lang == Lang::zh;
    std::vector<ReportColumn> columns = {{zh ? "表" : "table", "table"},
                                         {zh ? "行" : "row", "row", true},
                                         {zh ? "类别" : "code", "code"},
                                         {zh ? "问题" : "problem", "problem"}};
    std::vector<std::vector<std::string>> cells;
    for (const auto& p : report.problems)
        cells.push_back({p.table, p.row ? std::to_string(*p.row) : "", p.code, util::words(p.message, ctx.lang)});
    // A clean database prints nothing as a table (scripts test the exit code); CSV and JSON
    // always print their header or [] so that a reader need not special-case it.
    if (!cells.empty() || o.format != Format::table) {
        Output out(std::nullopt);
        out.write(render_report(o.format, columns, cells));
        out.commit();
    }
    std::size_t n = report.problems.size();
    if (n == 0) {
        diag(ctx.lang, msg(N_("{}: no problems found ({} checks)"), ctx.db_path.string(), report.checks));
        return 0;
    }
    diag(ctx.lang, counted(n, N_("{}: {} problem found ({} checks)"), N_("{}: {} problems found ({} checks)"),
                           ctx.db_path.string(), n, report.checks));
    return 1;
}

} // namespace

void setup_check(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<CheckCliOptions>();
    auto* sub = app.add_subcommand("check", "Check the database: SQLite integrity, foreign keys and the domain's rules");
    add_format_option(sub, o->format);
    sub->footer("Opens the database read-only and lists every problem, one per line, naming the table and row:\n"
                "SQLite's integrity_check and foreign_key_check; terms of one cadre that overlap as served;\n"
                "dates that are not real or out of order (end before start, an extension not after the end,\n"
                "a recall outside the term); report periods outside their term; attachments whose content\n"
                "does not match their size or SHA-256; category_mask not matching the cadre's categories;\n"
                "more than one current row per key (reports, annual assessments, final appraisals);\n"
                "dates that cannot be: filed or copied to the United Front before the document, an election\n"
                "outside the term, a note more than note_margin_days outside the term or with no text, a\n"
                "report submitted after today, an annual assessment decided before the end of its year, a\n"
                "term extended beyond max_term_months.\n"
                "Exit codes: 0 no problems; 1 problems found (listed on stdout), or the file could not be\n"
                "opened (not SQLite, truncated, damaged, locked, older schema: said on stderr).\n"
                "Example:\n  guazhi check || echo 'restore the latest backup'");
    sub->callback([o, &global, &exit_code] { exit_code = run_check(*o, make_context(global)); });
}

} // namespace guazhi::cli
