// guazhi: records of cadre secondment work (干部挂职锻炼). Parses the command line, runs the
// subcommand, and maps failures to the documented exit codes.
#include "commands.hpp"
#include "error.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

namespace {
constexpr const char* kExitCodes = R"(Exit codes:
  0  success
  1  refused: bad input, a broken rule, a database or I/O problem (nothing was written);
     `check` found problems
  2  usage: unknown subcommand or option, bad option value
  3  a condition was found: `report due --fail-if-overdue` found overdue reports

Run `guazhi SUBCOMMAND --help` for the options and an example of each subcommand.

Example:
  guazhi init && guazhi assign import roster.csv && guazhi stats --year 2006)";

// A SQLite failure that escaped a command (a lock held past the busy timeout, a damaged page
// met mid-way) in words, naming the database; its transaction was rolled back.
std::string sqlite_failure(const SQLite::Exception& e, const guazhi::cli::GlobalOptions& global) {
    std::string db = "database";
    int timeout = guazhi::kDefaultBusyTimeoutMs;
    try {
        auto ctx = guazhi::cli::make_context(global);
        db = ctx.db_path.string();
        timeout = ctx.config.busy_timeout_ms;
    } catch (const std::exception&) {
        // The command got as far as the database, so this worked before; keep the defaults.
    }
    std::string why = guazhi::explain_sqlite_failure(e.getErrorCode(), timeout);
    if (why.empty()) return fmt::format("{}: database error: {}", db, e.what());
    return fmt::format("{}: {} ({})", db, why, e.what());
}
}

int main(int argc, char** argv) {
    using namespace guazhi::cli;
    CLI::App app{"guazhi — records of cadre secondment work (干部挂职锻炼)"};
    app.set_version_flag("--version", "guazhi " GUAZHI_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // global flags work after the subcommand too
    // A repeated option takes its last value, as in most Unix tools (handy in scripts).
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.footer(kExitCodes);

    GlobalOptions global;
    std::vector<std::string> args(argv, argv + argc);
    args.front() = "guazhi";
    global.command_line = shell_line(args);
    global.user = audit_user(args);
    app.add_option("--db", global.db, "Database file (default: $GUAZHI_DB, config `db`, ./guazhi.db)");
    app.add_option("--config", global.config,
                   "Config file (default: ./guazhi.toml, then $XDG_CONFIG_HOME/guazhi/config.toml)");
    app.add_option("--lang", global.lang, "Label language: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}));

    int exit_code = 0;
    setup_init(app, global, exit_code);
    setup_assign(app, global, exit_code);
    setup_report(app, global, exit_code);
    setup_appraise(app, global, exit_code);
    setup_stats(app, global, exit_code);
    setup_export(app, global, exit_code);
    setup_import_all(app, global, exit_code);
    setup_log(app, global, exit_code);
    setup_undo(app, global, exit_code);
    setup_unit(app, global, exit_code);
    setup_check(app, global, exit_code);
    setup_backup(app, global, exit_code);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    } catch (const UsageError& e) {
        fmt::print(stderr, "guazhi: {}\nRun with --help for more information.\n", e.what());
        return 2;
    } catch (const guazhi::Error& e) {
        fmt::print(stderr, "guazhi: {}\n", e.what());
        return 1;
    } catch (const SQLite::Exception& e) {
        fmt::print(stderr, "guazhi: {}\n", sqlite_failure(e, global));
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "guazhi: unexpected error: {}\n", e.what());
        return 1;
    }
    return exit_code;
}
