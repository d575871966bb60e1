// guazhi: records of cadre secondment work (干部挂职锻炼). Parses the command line, runs the
// subcommand, and maps failures to the documented exit codes.
#include "commands.hpp"

#include <sstream>
#include "flags.hpp"
#include "error.hpp"
#include "language.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <string_view>
#include <utility>

namespace {
constexpr const char* kExitCodes = N_(R"(Exit codes:
  0  success
  1  refused: bad input, a broken rule, a database or I/O problem (nothing was written);
     `check` found problems
  2  usage: unknown subcommand or option, bad option value
  3  a condition was found: `report due --fail-if-overdue` found overdue reports

Run `guazhi SUBCOMMAND --help` for the options and an example of each subcommand.

Example:
  guazhi init && guazhi assign import examples/roster-2005-2006.csv && guazhi stats --year 2006)");

using Setup = void (*)(CLI::App&, const guazhi::cli::GlobalOptions&, int&);
// In the order `guazhi --help` lists them.
constexpr std::pair<std::string_view, Setup> kSubcommands[] = {
    {"init", guazhi::cli::setup_init},     {"assign", guazhi::cli::setup_assign},
    {"cadre", guazhi::cli::setup_cadre},
    {"report", guazhi::cli::setup_report}, {"appraise", guazhi::cli::setup_appraise},
    {"stats", guazhi::cli::setup_stats},   {"export", guazhi::cli::setup_export},
    {"import-all", guazhi::cli::setup_import_all}, {"log", guazhi::cli::setup_log},
    {"undo", guazhi::cli::setup_undo},     {"unit", guazhi::cli::setup_unit},
    {"check", guazhi::cli::setup_check},   {"backup", guazhi::cli::setup_backup},
};

// Whether `name`'s options must be built for this command line. Building all of them costs
// about 1.3 ms of CPU, as much as `stats` on the example spends on its own work (the
// benchmark's start-up rows), so only the named subcommand is built; all of them when none is
// named (the overview `--help`, the error that one is needed, a misspelt one), and none for a
// bare `--version`.
bool needs_subcommand(int argc, char** argv, std::string_view name) {
    bool version = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--db" || arg == "--config" || arg == "--lang") {
            ++i; // its value
            continue;
        }
        if (arg == "--version") version = true;
        if (arg == "--help" || arg == "-h") version = false;
        if (arg.starts_with('-')) continue;
        // The first word is the subcommand, if it is one.
        for (const auto& subcommand : kSubcommands)
            if (subcommand.first == arg) return arg == name;
        break;
    }
    return !version;
}

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
    guazhi::Message why = guazhi::sqlite_failure(e.getErrorCode(), timeout);
    if (why.empty()) return guazhi::util::words(guazhi::msg(N_("{}: database error: {}"), db, e.what()), global.language);
    return guazhi::util::words(guazhi::msg(N_("{}: {} ({})"), db, why, e.what()), global.language);
}
}

int main(int argc, char** argv) {
    using namespace guazhi::cli;
    GlobalOptions global;
    // The language is known before the options are built: their help texts, the validators'
    // messages and CLI11's own are worded in it.
    global.language = lang_before_parsing(argc, argv);
    const guazhi::Lang lang = global.language;
    CLI::App app{N_("guazhi — records of cadre secondment work (干部挂职锻炼)")};
    app.formatter(std::make_shared<HelpFormatter>(lang));
    app.set_help_flag("-h,--help", N_("Print this help message and exit"));
    app.set_version_flag("--version", "guazhi " GUAZHI_VERSION, N_("Display program version information and exit"));
    app.require_subcommand(1);
    app.fallthrough(); // global flags work after the subcommand too
    // A repeated option takes its last value, as in most Unix tools (handy in scripts).
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.footer(kExitCodes);

    std::vector<std::string> args(argv, argv + argc);
    args.front() = "guazhi";
    global.command_line = shell_line(args);
    app.add_option("--db", global.db, "Database file (default: $GUAZHI_DB, config `db`, ./guazhi.db)");
    app.add_option("--config", global.config,
                   "Config file (default: ./guazhi.toml, then $XDG_CONFIG_HOME/guazhi/config.toml)");
    app.add_option("--lang", global.lang,
                   "Language of messages, help and labels: zh or en (default: $GUAZHI_LANG, config `lang`, "
                   "the locale, then zh)")
        ->check(CLI::IsMember({"zh", "en"}));

    int exit_code = 0;
    for (const auto& [name, setup] : kSubcommands)
        if (needs_subcommand(argc, argv, name)) setup(app, global, exit_code);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11's own messages quote the values given: through diag() like every message, so
        // that a value holding an escape sequence or an ID number is escaped and masked.
        std::ostringstream err;
        if (lang == guazhi::Lang::zh && e.get_exit_code() != 0) {
            diag("{}", parse_error_words(e, lang, &app));
            return 2;
        }
        int rc = app.exit(e, std::cout, err);
        if (!err.str().empty()) diag("{}", err.str());
        return rc == 0 ? 0 : 2;
    } catch (const UsageError& e) {
        diag(lang, guazhi::msg(N_("guazhi: {}\nRun with --help for more information."), words(e, lang)));
        return 2;
    } catch (const guazhi::Error& e) {
        diag(lang, guazhi::msg(N_("guazhi: {}"), words(e, lang)));
        return 1;
    } catch (const SQLite::Exception& e) {
        diag(lang, guazhi::msg(N_("guazhi: {}"), sqlite_failure(e, global)));
        return 1;
    } catch (const std::exception& e) {
        diag(lang, guazhi::msg(N_("guazhi: unexpected error: {}"), e.what()));
        return 1;
    }
    return exit_code;
}
