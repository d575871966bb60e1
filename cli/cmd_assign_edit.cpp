// guazhi assign delete: correcting what was recorded. The audit log keeps every row removed
// (and the command line with its --reason), so `undo` brings the assignment back.
#include "commands.hpp"
#include "app/record.hpp"
#include "domain/vocabulary.hpp"

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
    diag("deleted assignment #{}: {} {} {} → {}, {} ~ {}\n", a.id, a.cadre.name, directions().label(a.direction, ctx.lang),
         a.home_unit.name, a.host_unit.name, a.start.iso(), a.end.iso());
    if (r.any())
        diag("with it: {} report(s), {} annual assessment(s), {} final appraisal(s), {} event(s){}\n", r.reports,
             r.annual_assessments, r.final_appraisals, r.events, r.appointment ? ", the appointment record" : "");
    diag("the cadre stays recorded; `guazhi undo` brings the assignment back\n");
    return 0;
}

} // namespace

void setup_assign_edit(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
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
