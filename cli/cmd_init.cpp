// guazhi init: create (or upgrade) the database; optionally write a sample config.
#include "commands.hpp"
#include "error.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>

namespace guazhi::cli {

namespace {

struct InitOptions {
    std::optional<std::string> sample_config;
    bool want_sample = false;
};

int run_init(const InitOptions& o, const Context& ctx) {
    std::string sample = o.sample_config && !o.sample_config->empty() ? *o.sample_config : "guazhi.toml";
    std::error_code ec;
    if (o.want_sample && std::filesystem::exists(sample, ec))
        throw Error(msg(N_("{}: already exists; not overwritten"), sample));
    bool existed = std::filesystem::exists(ctx.db_path, ec);
    // The database first: a failed init leaves no sample config behind either.
    Database db = ctx.open(OpenMode::create);
    if (!existed)
        diag(ctx.lang, msg(N_("created {} (schema version {})"), ctx.db_path.string(), current_schema_version()));
    else if (db.opened_at_version() < current_schema_version())
        diag(ctx.lang, msg(N_("upgraded {} from schema version {} to {}"), ctx.db_path.string(), db.opened_at_version(),
                           current_schema_version()));
    else
        diag(ctx.lang, msg(N_("{} is already a guazhi database (schema version {}); nothing to do"),
                           ctx.db_path.string(), current_schema_version()));
    if (o.want_sample) {
        // 0600 like every file guazhi writes, through a temporary file: a full disk leaves no
        // half-written config (Output).
        Output out(sample);
        out.write(sample_config());
        out.commit();
        diag(ctx.lang, msg(N_("wrote a sample config to {}"), sample));
    }
    return 0;
}

} // namespace

void setup_init(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<InitOptions>();
    auto* sub = app.add_subcommand("init", "Create the database (file mode 0600), or upgrade an older one");
    sub->add_option("--sample-config", o->sample_config,
                    "Also write a commented sample config to this path (default ./guazhi.toml)")
        ->expected(0, 1);
    sub->footer("Example:\n  guazhi --db 2006.db init --sample-config");
    sub->callback([o, sub, &global, &exit_code] {
        o->want_sample = sub->count("--sample-config") > 0;
        exit_code = run_init(*o, make_context(global));
    });
}

} // namespace guazhi::cli
