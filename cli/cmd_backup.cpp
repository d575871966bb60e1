// guazhi backup FILE: a consistent copy of the database while others go on working.
#include "commands.hpp"
#include "error.hpp"
#include "app/queries.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct BackupCliOptions {
    std::string file;
    bool force = false;
};

int run_backup(const BackupCliOptions& o, const Context& ctx) {
    std::error_code ec;
    if (!o.force && std::filesystem::exists(std::filesystem::symlink_status(o.file, ec)))
        throw Error(msg(N_("{}: already exists; not overwritten (--force replaces it)"), o.file));
    // Read-only and never upgraded: the copy is of the file as it is.
    Database db = ctx.open(OpenMode::read_only);
    auto started = std::chrono::steady_clock::now();
    BackupResult r = app::backup(db, o.file, o.force);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    diag(ctx.lang, msg(N_("backed up {} to {} ({} pages, {} MiB, {} s)"), ctx.db_path.string(), o.file, r.pages,
                       fmt::format("{:.1f}", static_cast<double>(r.bytes) / (1024.0 * 1024.0)),
                       fmt::format("{:.2f}", took.count())));
    return 0;
}

} // namespace

void setup_backup(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<BackupCliOptions>();
    auto* sub = app.add_subcommand("backup", "Copy the database to FILE while others may go on writing");
    sub->add_option("FILE", o->file, "The copy to write (created with mode 0600)")->required();
    sub->add_flag("--force", o->force, "Replace FILE if it exists");
    sub->footer("Uses SQLite's online backup API: one consistent snapshot, taken without stopping other\n"
                "clerks' commands. The copy is written to FILE.tmp-PID and renamed to FILE only when complete,\n"
                "so FILE is never half a backup. It is a guazhi database: `guazhi --db FILE check` verifies it.\n"
                "Example:\n  guazhi backup /media/usb/guazhi-$(date +%F).db");
    sub->callback([o, &global, &exit_code] { exit_code = run_backup(*o, make_context(global)); });
}

} // namespace guazhi::cli
