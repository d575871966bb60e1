// guazhi log: the audit log — every change made, by whom, with which command; --change N
// shows the rows of one change before and after.
#include "commands.hpp"
#include "render/report.hpp"
#include "app/queries.hpp"
#include "util/date.hpp"
#include "util/redact.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct LogOptions {
    std::optional<std::string> since, by;
    std::optional<std::int64_t> change;
    Format format = Format::table;
    bool reveal_id = false;
};

std::string state_of(const Change& c, Lang lang) {
    if (c.undoes) return util::words(msg(N_("undoes #{}"), *c.undoes), lang);
    if (c.undone_by) return util::words(msg(N_("undone by #{}"), *c.undone_by), lang);
    return "";
}

int run_log(const LogOptions& o, const Context& ctx) {
    if (o.since && !util::parse_date(*o.since)) throw UsageError(msg(N_("--since {}: not a date (YYYY-MM-DD)"), *o.since));
    Database db = ctx.open(OpenMode::read);
    bool zh = ctx.lang == Lang::zh;
    // An image is JSON text: written as is in JSON, as text elsewhere.
    Holds image = o.format == Format::json ? Holds::json : Holds::text;
    auto col = [&](const char* key, const char* zh_header, const char* en_header, Holds holds = Holds::text) {
        return column_holding(zh ? zh_header : en_header, key, holds);
    };
    Output out(std::nullopt);
    if (o.change) {
        std::vector<std::vector<std::string>> rows;
        // The row images hold ID numbers, birth dates and phones: masked as exports are.
        auto shown = [&](const std::optional<std::string>& image) {
            return !image ? std::string() : o.reveal_id ? *image : util::redact_row_image(*image);
        };
        for (const auto& r : app::rows_of_change(db, *o.change))
            rows.push_back({r.table, r.op, shown(r.before), shown(r.after)});
        out.write(render_report(o.format, {col("table", "表", "table"), col("op", "操作", "operation"),
                                           col("before", "修改前", "before", image), col("after", "修改后", "after", image)},
                                rows));
        out.commit();
        return 0;
    }
    std::optional<std::string> since;
    if (o.since) since = util::parse_date(*o.since).value->iso();
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : app::changes(db, since, o.by))
        rows.push_back({std::to_string(c.id), c.at, c.by, o.reveal_id ? c.command : util::mask_id_numbers(c.command),
                        std::to_string(c.rows), state_of(c, ctx.lang)});
    out.write(render_report(o.format, {col("id", "编号", "id", Holds::number), col("at", "时间(UTC)", "at (UTC)"), col("by", "操作人", "by"),
                                       col("command", "命令", "command"), col("rows", "记录数", "rows", Holds::number),
                                       col("state", "状态", "state")},
                            rows));
    out.commit();
    return 0;
}

} // namespace

void setup_log(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<LogOptions>();
    auto* sub = app.add_subcommand("log", "The audit log: every change, who made it and with which command");
    sub->add_option("--since", o->since, "Only changes on or after this date");
    sub->add_option("--by", o->by, "Only changes by this user");
    sub->add_option("--change", o->change, "Show the rows of this change, before and after (JSON)");
    add_format_option(sub, o->format);
    sub->add_flag("--reveal-id", o->reveal_id,
                  "Show complete ID numbers, birth dates and phones (masked by default, as in every export)");
    sub->footer("Every command that changes records logs one change in the same transaction: when (UTC), who\n"
                "(the clerk it names with --by or --recorded-by, else $USER), the command line, and every row\n"
                "inserted, updated or deleted as JSON before and after. `guazhi undo` reverts the latest.\n"
                "Example:\n  guazhi log --since 2026-11-01 --by 王科员\n  guazhi log --change 12 --format json");
    sub->callback([o, &global, &exit_code] { exit_code = run_log(*o, make_context(global)); });
}

} // namespace guazhi::cli
