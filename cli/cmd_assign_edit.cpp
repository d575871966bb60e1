// guazhi assign edit|delete: correcting what was recorded. The audit log keeps every row removed
// (and the command line with its --reason), so `undo` brings the assignment back.
#include "commands.hpp"
#include "language.hpp"
#include "flags.hpp"
#include "app/record.hpp"
#include "domain/vocabulary.hpp"
#include "render/cadre_view.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct DeleteOptions {
    std::int64_t id = 0;
    std::string reason, by;
    bool cascade = false;
};

int run_delete(const DeleteOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::write);
    DeletedAssignment d = app::delete_assignment(db, o.id, o.cascade ? Dependents::delete_too : Dependents::refuse);
    const Assignment& a = d.assignment;
    const AssignmentRecords& r = d.with;
    diag(ctx.lang, msg(N_("deleted assignment #{}: {} {} {} → {}, {} ~ {}"), a.id, a.cadre.name,
                       directions().label(a.direction, ctx.lang), a.home_unit.name, a.host_unit.name, a.start.iso(),
                       a.end.iso()));
    if (r.any()) {
        if (r.appointment)
            diag(ctx.lang, msg(N_("with it: {} report(s), {} annual assessment(s), {} final appraisal(s), {} event(s), "
                                  "the appointment record"),
                               r.reports, r.annual_assessments, r.final_appraisals, r.events));
        else
            diag(ctx.lang, msg(N_("with it: {} report(s), {} annual assessment(s), {} final appraisal(s), {} event(s)"),
                               r.reports, r.annual_assessments, r.final_appraisals, r.events));
    }
    diag(ctx.lang, msg(N_("the cadre stays recorded; `guazhi undo` brings the assignment back")));
    return 0;
}

// The fields of a secondment `assign edit` corrects (the cadre's are `cadre edit`'s).
constexpr Field kEditable[] = {Field::direction,  Field::batch_year, Field::home_unit, Field::home_county,
                               Field::home_level, Field::home_post,  Field::host_unit, Field::host_post,
                               Field::start_date, Field::end_date,   Field::remark,    Field::programme};

struct EditOptions {
    std::int64_t id = 0;
    std::array<std::optional<std::string>, kFieldCount> values;
    RecordFlags flags;
};

int run_edit(const EditOptions& o, const Context& ctx) {
    app::AssignmentEdit edit;
    for (Field f : kEditable)
        if (const auto& v = o.values[static_cast<std::size_t>(f)]) edit.values.emplace_back(f, util::clean(*v));
    if (edit.values.empty()) throw UsageError(msg(N_("nothing to change: give a field to correct (--host-post, --start-date …)")));
    if (util::clean(o.flags.reason).empty()) throw UsageError(msg(N_("--reason is required (why the record was wrong; kept in the log)")));
    edit.policy = o.flags.to_policy();
    Database db = ctx.open(OpenMode::write);
    app::EditedAssignment done = app::edit_assignment(db, ctx.config, o.id, edit);
    if (!done.problems.empty()) {
        std::vector<Message> lines;
        for (const auto& p : done.problems) lines.push_back(msg(N_("{}: {}"), flag_for(p.field), describe(p, flag_of)));
        throw Error(msg(N_("assignment #{}: {}\nnothing was changed"), o.id, lines_of(std::move(lines))));
    }
    if (!done.committed) {
        diag(ctx.lang, msg(N_("assignment #{}: already so; nothing changed"), o.id));
        return 0;
    }
    RowValues before = to_row(done.before), after = to_row(done.after);
    for (Field f : kEditable) {
        const auto i = static_cast<std::size_t>(f);
        if (before[i] != after[i])
            diag("{}\n", change_line(util::words(msg(N_("assignment #{} {}"), o.id, done.before.cadre.name), ctx.lang),
                                     spec(f).key, before[i], after[i], std::nullopt, ctx.lang));
    }
    if (done.over_quota)
        diag(ctx.lang, msg(N_("{} now receives more than max_per_host_per_batch = {} in batch {}; override recorded"),
                           done.after.host_unit.name, ctx.config.policy.max_per_host_per_batch, done.after.batch_year));
    diag(ctx.lang, msg(N_("corrected; `guazhi undo` reverts it")));
    return 0;
}

struct NoteOptions {
    std::int64_t id = 0;
    std::optional<std::string> kind, date, text;
    std::string reason, by;
};

int run_note_edit(const NoteOptions& o, const Context& ctx) {
    NoteChange change;
    if (o.kind) change.kind = util::clean(*o.kind);
    if (o.text) change.text = util::clean(*o.text);
    change.date = flag_date(o.date, "--date");
    if (!change.kind && !change.text && !change.date) throw UsageError(msg(N_("nothing to change: give --text, --date or --kind")));
    Database db = ctx.open(OpenMode::write);
    Event before = app::edit_note(db, ctx.config, o.id, change);
    diag(ctx.lang, msg(N_("event #{} of assignment #{} corrected; `guazhi undo` reverts it"), before.id, before.assignment_id));
    return 0;
}

int run_note_delete(const NoteOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::write);
    Event before = app::delete_note(db, o.id);
    diag(ctx.lang, msg(N_("deleted event #{} ({} {}) of assignment #{}; `guazhi undo` brings it back"), before.id,
                       before.date.iso(), note_kinds().label(before.kind, ctx.lang), before.assignment_id));
    return 0;
}

} // namespace

void setup_assign_edit(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
    auto e = std::make_shared<EditOptions>();
    auto* edit = assign.add_subcommand("edit", "Correct a secondment's fields (挂职职务, units, dates …)");
    edit->add_option("ID", e->id, "Assignment id")->required();
    for (Field f : kEditable)
        edit->add_option(flag_for(f), e->values[static_cast<std::size_t>(f)], help_text(edit, msg(N_("{} ({})"), spec(f).zh, spec(f).key)));
    add_record_flags(edit, e->flags);
    edit->footer("Every rule of a new row runs again, the assignment itself left out: units' kinds, the term\n"
                 "overlapping another of the cadre's, the host's quota (--override with --reason to exceed it),\n"
                 "and reports, assessments or appraisals a moved date would leave outside the term. A refusal\n"
                 "names the rule and changes nothing. --reason is required; `guazhi undo` reverts the edit.\n"
                 "Example:\n  guazhi assign edit 14 --host-post 科长助理 --reason \"录入错误\"");
    edit->callback([e, &global, &exit_code] { exit_code = run_edit(*e, make_context(global, e->flags.by)); });

    auto n = std::make_shared<NoteOptions>();
    auto* note_edit = assign.add_subcommand("note-edit", "Correct a note (assign note): its text, date or kind");
    note_edit->add_option("EVENT", n->id, "The note's event id (#N in `assign show`)")->required();
    note_edit->add_option("--text", n->text, "The note's text");
    note_edit->add_option("--date", n->date, "Its date (YYYY-MM-DD)");
    note_edit->add_option("--kind", n->kind, "talk|visit|inspection|problem|other (谈心谈话|看望|考察|反映问题|其他)");
    note_edit->add_option("--reason", n->reason, "Why (kept in the change log)")->required();
    add_by_option(note_edit, n->by);
    note_edit->footer("Only notes: an extension, recall or completion is undone with its command (guazhi undo --change N).\n"
                      "Example:\n  guazhi assign note-edit 3 --text \"谈心谈话，了解思想状况\" --reason \"补全\"");
    note_edit->callback([n, &global, &exit_code] { exit_code = run_note_edit(*n, make_context(global, n->by)); });

    auto d = std::make_shared<NoteOptions>();
    auto* note_delete = assign.add_subcommand("note-delete", "Delete a note recorded by mistake");
    note_delete->add_option("EVENT", d->id, "The note's event id (#N in `assign show`)")->required();
    note_delete->add_option("--reason", d->reason, "Why (kept in the change log)")->required();
    add_by_option(note_delete, d->by);
    note_delete->footer("Example:\n  guazhi assign note-delete 3 --reason \"重复录入\"");
    note_delete->callback([d, &global, &exit_code] { exit_code = run_note_delete(*d, make_context(global, d->by)); });


    auto o = std::make_shared<DeleteOptions>();
    auto* sub = assign.add_subcommand("delete", "Delete a secondment recorded by mistake (the cadre stays)");
    sub->add_option("ID", o->id, "Assignment id")->required();
    sub->add_option("--reason", o->reason, "Why (kept in the change log)")->required();
    sub->add_flag("--cascade", o->cascade,
                  "Also delete its reports, assessments, appraisals, events and appointment record");
    add_by_option(sub, o->by);
    sub->footer("Refused, with nothing changed, while records depend on the assignment; they are listed, and\n"
                "--cascade deletes them too. `guazhi undo` restores all of it.\n"
                "Example:\n  guazhi assign delete 35 --reason \"重复录入\"");
    sub->callback([o, &global, &exit_code] { exit_code = run_delete(*o, make_context(global, o->by)); });
}

} // namespace guazhi::cli
