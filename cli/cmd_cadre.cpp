// guazhi cadre show|edit: a cadre's profile with its history, and its changes (issue
// "corrections"). A dated attribute changes from a day on (--since); any other field is a
// correction (--reason), the old value kept (`cadre show --history`) and in the change log.
#include "commands.hpp"
#include "language.hpp"
#include "flags.hpp"
#include "app/cadres.hpp"
#include "render/cadre_view.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct ShowOptions {
    std::string cadre;
    Format format = Format::table;
    bool history = false, reveal_id = false;
};

int run_show(const ShowOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    CadreProfile p = app::cadre_profile(db, o.cadre);
    Output out(std::nullopt);
    if (o.format == Format::json) {
        JsonWriter json;
        write_cadre_json(json, p, o.history, o.reveal_id);
        out.write(json.str());
        out.write("\n");
    } else {
        out.write(cadre_text(p, ctx.lang, o.history, o.reveal_id));
    }
    out.commit();
    return 0;
}

// The fields `cadre edit` takes: the cadre's own but the ID number and what it decides (the
// birth date and gender are digits of it).
constexpr Field kEditable[] = {Field::name,         Field::ethnicity,    Field::political_status,
                               Field::education,    Field::education_fulltime, Field::education_inservice,
                               Field::categories,   Field::rank,         Field::native_place,
                               Field::started_work, Field::joined_party, Field::phone};

struct EditOptions {
    std::string cadre;
    std::array<std::optional<std::string>, kFieldCount> values;
    std::optional<std::string> since;
    std::string reason, by;
};

int run_edit(const EditOptions& o, const Context& ctx) {
    app::CadreEdit edit;
    for (Field f : kEditable)
        if (const auto& v = o.values[static_cast<std::size_t>(f)]) edit.values.emplace_back(f, util::clean(*v));
    if (edit.values.empty())
        throw UsageError(msg(N_("nothing to change: give a field to edit (--political-status, --name …; see --help)")));
    if (o.since) {
        if (*o.since == "first") edit.since_first = true;
        else edit.since = flag_date(*o.since, "--since");
    }
    edit.reason = util::clean(o.reason);
    edit.by = ctx.user;
    Database db = ctx.open(OpenMode::write);
    app::CadreEdited done = app::edit_cadre(db, o.cadre, edit);
    if (!done.problems.empty()) {
        std::vector<Message> lines;
        for (const auto& p : done.problems) lines.push_back(msg(N_("{}: {}"), flag_for(p.field), describe(p, flag_of)));
        throw Error(msg(N_("{}\nnothing was changed"), lines_of(std::move(lines))));
    }
    for (const auto& c : done.changes) {
        std::string line = change_line(done.cadre.name, c.field, c.before, c.after, c.since, ctx.lang);
        if (c.changed) diag("{}\n", line);
        else diag(ctx.lang, msg(N_("{} — already so; nothing changed"), line));
    }
    if (done.committed) diag(ctx.lang, msg(N_("recorded; `guazhi undo` reverts it")));
    return 0;
}

} // namespace

void setup_cadre(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto* cadre = app.add_subcommand("cadre", "A cadre's profile, its changes over time and its corrections");
    cadre->footer("Example:\n  guazhi cadre show 14 --history");
    cadre->require_subcommand(1);

    auto s = std::make_shared<ShowOptions>();
    auto* show = cadre->add_subcommand("show", "Show a cadre's profile with the history of what changes over time");
    show->add_option("CADRE", s->cadre, "An ID number, or the id of one of the cadre's assignments")->required();
    add_format_option(show, s->format, {"table", "json"});
    show->add_flag("--history", s->history, "Also list the corrections (the values recorded before, e.g. an old name)");
    show->add_flag("--reveal-id", s->reveal_id, "Show the full ID number, birth date and phone (masked by default)");
    show->footer("The profile is the one in force today; a secondment is judged by the values in force on its\n"
                 "start date (stats, listings, exports).\n"
                 "Example:\n  guazhi cadre show 511025198003150018 --history");
    show->callback([s, &global, &exit_code] { exit_code = run_show(*s, make_context(global)); });

    auto e = std::make_shared<EditOptions>();
    auto* edit = cadre->add_subcommand("edit", "Record a dated change of a cadre, or correct a field recorded wrongly");
    edit->add_option("CADRE", e->cadre, "An ID number, or the id of one of the cadre's assignments")->required();
    for (Field f : kEditable) {
        const FieldSpec& spec_ = spec(f);
        bool dated = is_dated_attribute(spec_.key);
        edit->add_option(flag_for(f), e->values[static_cast<std::size_t>(f)],
                         dated ? help_text(edit, msg(N_("{} ({}), changes on a date: needs --since"), spec_.zh, spec_.key))
                               : help_text(edit, msg(N_("{} ({})"), spec_.zh, spec_.key)));
    }
    edit->add_option("--since", e->since,
                     "The day the dated fields took effect (YYYY-MM-DD); `first` corrects the value recorded first");
    edit->add_option("--reason", e->reason, "Why (required for a correction; kept in the change log)");
    add_by_option(edit, e->by);
    edit->footer("Dated fields (政治面貌, 学历, 全日制教育, 在职教育, 干部类别, 职级) change from --since on: the\n"
                 "secondments that began before keep the value of their day. Any other field is corrected,\n"
                 "with --reason. Refused with nothing changed when a value does not read. `guazhi undo` reverts.\n"
                 "Example:\n  guazhi cadre edit 511025198003150018 --political-status 中共党员 --since 2008-07-01\n"
                 "  guazhi cadre edit 14 --name 李芳 --reason \"录入错误\"");
    edit->callback([e, &global, &exit_code] { exit_code = run_edit(*e, make_context(global, e->by)); });
}

} // namespace guazhi::cli
