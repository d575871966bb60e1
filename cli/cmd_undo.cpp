// guazhi undo: reverts the latest change in the audit log (a whole import is one), itself
// logged; run again to step further back.
#include "commands.hpp"
#include "app/record.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

int run_undo(bool dry_run, const Context& ctx) {
    Database db = ctx.open(OpenMode::write);
    UndoResult r = app::undo(db, dry_run);
    diag("{} change #{} ({} by {}, {}): {} row{} reverted{}\n", dry_run ? "would undo" : "undid", r.undone.id,
               r.undone.at, r.undone.by, r.undone.command, r.rows, r.rows == 1 ? "" : "s",
               dry_run ? " (dry run, nothing written)" : "");
    return 0;
}

} // namespace

void setup_undo(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto dry_run = std::make_shared<bool>(false);
    auto* sub = app.add_subcommand("undo", "Revert the latest change (see `guazhi log`); again to step further back");
    sub->add_flag("--dry-run", *dry_run, "Say what would be reverted, change nothing");
    sub->footer("Reverts every row of the latest change that is not an undo and not undone, in one transaction,\n"
                "and logs that as a change of its own. Refused, with nothing changed, when a record it touched\n"
                "is no longer as it left it (changed outside guazhi) or records added since depend on it.\n"
                "Example:\n  guazhi undo --dry-run && guazhi undo");
    sub->callback([dry_run, &global, &exit_code] { exit_code = run_undo(*dry_run, make_context(global)); });
}

} // namespace guazhi::cli
