// guazhi undo [--change N]: reverts the latest change in the audit log (a whole import is one),
// or change N, itself logged; run again to step further back.
#include "commands.hpp"
#include "app/record.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct UndoOptions {
    bool dry_run = false;
    std::optional<std::int64_t> change;
};

int run_undo(const UndoOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::write);
    UndoResult r = app::undo(db, o.change, o.dry_run);
    if (o.dry_run)
        diag(ctx.lang, counted(r.rows, N_("would undo change #{} ({} by {}, {}): {} row reverted (dry run, nothing written)"),
                               N_("would undo change #{} ({} by {}, {}): {} rows reverted (dry run, nothing written)"),
                               r.undone.id, r.undone.at, r.undone.by, r.undone.command, r.rows));
    else
        diag(ctx.lang, counted(r.rows, N_("undid change #{} ({} by {}, {}): {} row reverted"),
                               N_("undid change #{} ({} by {}, {}): {} rows reverted"), r.undone.id, r.undone.at,
                               r.undone.by, r.undone.command, r.rows));
    return 0;
}

} // namespace

void setup_undo(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<UndoOptions>();
    auto* sub = app.add_subcommand("undo", "Revert the latest change, or change N (see `guazhi log`); again to step further back");
    sub->add_flag("--dry-run", o->dry_run, "Say what would be reverted, change nothing");
    sub->add_option("--change", o->change, "The change to revert (its id in `guazhi log`), even if it is not the latest")
        ->check(CLI::PositiveNumber);
    sub->footer("Reverts every row of the change, by default the latest that is not an undo and not undone, in\n"
                "one transaction, and logs that as a change of its own. Refused, with nothing changed, when a\n"
                "later change still in effect touched the same records (they are named: undo them first), when\n"
                "a record it touched is no longer as it left it (changed outside guazhi), or when records added\n"
                "since depend on it.\n"
                "Example:\n  guazhi undo --dry-run && guazhi undo\n  guazhi log && guazhi undo --change 12");
    sub->callback([o, &global, &exit_code] { exit_code = run_undo(*o, make_context(global)); });
}

} // namespace guazhi::cli
