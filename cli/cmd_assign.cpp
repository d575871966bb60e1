// guazhi assign add|list|show (import lives in cmd_assign_import.cpp).
#include "commands.hpp"
#include "language.hpp"
#include "flags.hpp"
#include "app/record.hpp"
#include "domain/roster.hpp"
#include "error.hpp"
#include "render/assignment_view.hpp"
#include "util/json.hpp"
#include "render/table.hpp"
#include "app/listing.hpp"
#include "util/csv.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

int run_add(const RowValues& raw, const RecordFlags& flags, const Context& ctx) {
    RecordPolicy policy = flags.to_policy();
    RowValues values;
    for (std::size_t i = 0; i < kFieldCount; ++i) values[i] = util::clean(raw[i]);
    Database db = ctx.open(OpenMode::write);
    app::AddedAssignment added = app::add_assignment(db, ctx.config, values, policy);
    const RowResult& row = added.row;
    const RecordOutcome& outcome = added.outcome;
    std::vector<Message> problems;
    for (const auto& p : row.problems) problems.push_back(msg(N_("{}: {}"), flag_for(p.field), describe(p, flag_of)));
    for (const auto& p : outcome.problems) problems.push_back(msg(N_("{}: {}"), flag_for(p.field), describe(p, flag_of)));
    if (!problems.empty()) throw Error(msg(N_("{}\nnothing was recorded"), lines_of(std::move(problems))));
    if (outcome.kind == RecordOutcome::Kind::identical) {
        diag(ctx.lang, msg(N_("already recorded as assignment #{}; nothing added"), outcome.id));
    } else {
        const Assignment& a = *row.assignment;
        if (outcome.over_quota)
            diag(ctx.lang, msg(N_("{} now receives more than max_per_host_per_batch = {} in batch {}; override recorded"),
                               a.host_unit.name, ctx.config.policy.max_per_host_per_batch, a.batch_year));
        diag(ctx.lang, msg(N_("recorded assignment #{}: {} {} {} → {}, {} ~ {}"), outcome.id, a.cadre.name,
                           directions().label(a.direction, ctx.lang), a.home_unit.name, a.host_unit.name, a.start.iso(),
                           a.end.iso()));
    }
    fmt::print("{}\n", outcome.id);
    return 0;
}

struct ListOptions {
    FilterOptions filter;
    std::optional<std::string> ending_within; // a period: 30d, 60天, 2个月 … (domain/filter.hpp)
    Format format = Format::table;
    bool reveal_id = false;
};

int run_list(const ListOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    if (o.ending_within) {
        ParsedPeriod period = parse_period(*o.ending_within);
        if (!period) throw UsageError(msg(N_("{}: {}"), "--ending-within", period.error));
        filter.ending_within = period.period;
    }
    Database db = ctx.open(OpenMode::read);
    Output out(std::nullopt);
    std::size_t count = 0;
    if (o.format == Format::json) {
        // Streamed: one array element at a time, whatever the number of rows; nothing before
        // the first, so that a refused filter prints nothing on stdout.
        app::for_each_listed(db, filter, ctx.config, [&](const Assignment& a) {
            JsonWriter json(JsonLayout::one_line);
            write_assignment_json(json, a, filter.as_of, ctx.config, o.reveal_id);
            out.write(count++ ? ",\n" : "[\n");
            out.write(json.str());
        });
        out.write(count ? "\n]\n" : "[]\n");
    } else if (o.format == Format::csv) {
        std::string line;
        std::vector<std::string> header;
        for (const auto& c : list_columns(ctx.lang)) header.push_back(c.header);
        util::write_csv_record(line, header); // written with the first row, or alone at the end
        app::for_each_listed(db, filter, ctx.config, [&](const Assignment& a) {
            if (count) line.clear();
            util::write_csv_record(line, list_cells(a, ctx.lang, filter.as_of));
            out.write(line);
            ++count;
        });
        if (count == 0) out.write(line); // the header alone
    } else {
        std::vector<std::vector<std::string>> rows;
        app::for_each_listed(db, filter, ctx.config,
                             [&](const Assignment& a) { rows.push_back(list_cells(a, ctx.lang, filter.as_of)); });
        count = rows.size();
        out.write(render_table(list_columns(ctx.lang), rows));
    }
    out.commit();
    diag(ctx.lang, counted(count, N_("{} assignment"), N_("{} assignments"), count));
    return 0;
}

struct ShowOptions {
    std::int64_t id = 0;
    Format format = Format::table;
    bool reveal_id = false;
};

int run_show(const ShowOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    app::AssignmentHistory shown = app::gather_assignment(db, o.id);
    const Assignment* a = &shown.assignment;
    const Appointment& appointment = shown.appointment;
    const std::vector<Event>& events = shown.events;
    util::Date today = util::Date::today();
    Output out(std::nullopt);
    if (o.format == Format::json) {
        JsonWriter json;
        write_assignment_json(json, *a, today, ctx.config, o.reveal_id, appointment, events);
        out.write(json.str());
    } else {
        out.write(show_text(*a, ctx.lang, today, ctx.config, o.reveal_id));
        out.write(history_text(appointment, events, ctx.lang));
    }
    out.commit();
    return 0;
}

} // namespace

void setup_assign(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto* assign = app.add_subcommand("assign", "Record and list secondments (挂职)");
    assign->require_subcommand(1);
    assign->footer("Example:\n  guazhi assign list --year 2006 --pending election");

    auto raw = std::make_shared<RowValues>();
    auto* add = assign->add_subcommand("add", "Record one secondment from flags");
    for (const auto& s : roster_fields()) {
        auto* opt = add->add_option(flag_for(s.field), (*raw)[static_cast<std::size_t>(s.field)],
                                    s.required ? help_text(add, msg(N_("{} ({}), required"), s.zh, s.key)) : help_text(add, msg(N_("{} ({})"), s.zh, s.key)));
        if (s.required) opt->required();
    }
    add->footer("Creates the cadre and units when new; refuses data that contradicts what is recorded.\n"
                "The end date defaults to start + term_months - 1 day; the batch year to the start's year.\n"
                "Example:\n  guazhi assign add --id-number 511025198003150018 --name 张明 --political-status 中共党员 \\\n"
                "    --home-unit 资中县财政局 --home-county 资中县 --direction 上挂 --host-unit 市外事办 \\\n"
                "    --host-post 科长助理 --start-date 2006-08-01");
    auto add_flags = std::make_shared<RecordFlags>();
    add_record_flags(add, *add_flags);
    add->callback([raw, add_flags, &global, &exit_code] {
        exit_code = run_add(*raw, *add_flags, make_context(global, add_flags->by));
    });

    auto list_opts = std::make_shared<ListOptions>();
    auto* list = assign->add_subcommand("list", "List secondments, filtered");
    add_filter_options(list, list_opts->filter, global.language);
    add_format_option(list, list_opts->format);
    list->add_flag("--reveal-id", list_opts->reveal_id, "Show full ID numbers in JSON (masked by default)");
    list->add_option("--ending-within", list_opts->ending_within,
                     "Terms ending soon: the last day served within PERIOD of --as-of (30d, 60天, 4w, 2m, 2个月, "
                     "两个月; a bare number is days), not yet over");
    list->footer("Example:\n  guazhi assign list --year 2006 --direction 下派 --non-party\n"
                 "  guazhi assign list --year 2006 --format json | jq '.[].name'\n"
                 "  guazhi assign list --ending-within 30d --as-of 2007-07-01");
    list->callback([list_opts, &global, &exit_code] { exit_code = run_list(*list_opts, make_context(global)); });

    auto show_opts = std::make_shared<ShowOptions>();
    auto* show = assign->add_subcommand("show", "Show one secondment with its cadre");
    show->add_option("ID", show_opts->id, "Assignment id (from `assign list`)")->required();
    add_format_option(show, show_opts->format, {"table", "json"});
    show->add_flag("--reveal-id", show_opts->reveal_id, "Show the full ID number (masked by default)");
    show->footer("Example:\n  guazhi assign show 14 --format json");
    show->callback([show_opts, &global, &exit_code] { exit_code = run_show(*show_opts, make_context(global)); });

    setup_assign_import(*assign, global, exit_code);
    setup_assign_life(*assign, global, exit_code);
    setup_assign_quota(*assign, global, exit_code);
    setup_assign_allowance(*assign, global, exit_code);
    setup_assign_edit(*assign, global, exit_code);
}

} // namespace guazhi::cli
