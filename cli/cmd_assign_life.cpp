// guazhi assign appoint|note|extend|recall|complete|follow-up: the life of a secondment.
#include "commands.hpp"
#include "app/lifecycle.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct AppointOptions {
    std::int64_t id = 0;
    std::optional<std::string> post_level, doc_number, doc_date, filed, united_front, election_date, election_result,
        mentor, division, party_transfer, date;
    std::string reason, by;
};

int run_appoint(const AppointOptions& o, const Context& ctx) {
    AppointmentChange c;
    c.post_level = o.post_level;
    c.doc_number = o.doc_number;
    c.doc_date = flag_date(o.doc_date, "--doc-date");
    c.filed_on = flag_date(o.filed, "--filed");
    c.united_front_on = flag_date(o.united_front, "--united-front");
    c.election_date = flag_date(o.election_date, "--election-date");
    c.election_result = o.election_result;
    c.mentor = o.mentor;
    c.division_of_work = o.division;
    c.party_transfer_on = flag_date(o.party_transfer, "--party-transfer");
    if (!c.post_level && !c.doc_number && !c.doc_date && !c.filed_on && !c.united_front_on && !c.election_date &&
        !c.election_result && !c.mentor && !c.division_of_work && !c.party_transfer_on)
        throw Error(msg(N_("assign appoint: nothing to record; see --help")));
    Database db = ctx.open(OpenMode::write);
    app::Lifecycle(db, ctx.config, o.by).appoint(o.id, c, flag_date(o.date, "--date").value_or(util::Date::today()), o.reason);
    diag(ctx.lang, msg(N_("assignment #{}: appointment recorded"), o.id));
    return 0;
}

struct NoteOptions {
    std::int64_t id = 0;
    std::string kind, date, text, by;
};

int run_note(const NoteOptions& o, const Context& ctx) {
    util::Date date = flag_date(o.date, "--date");
    Database db = ctx.open(OpenMode::write);
    app::Lifecycle(db, ctx.config, o.by).note(o.id, o.kind, date, o.text);
    diag(ctx.lang, msg(N_("assignment #{}: {} on {} recorded"), o.id, note_kinds().label(o.kind, ctx.lang), date.iso()));
    return 0;
}

struct ExtendOptions {
    std::int64_t id = 0;
    std::string until, home_consent, reason, by;
};

int run_extend(const ExtendOptions& o, const Context& ctx) {
    util::Date until = flag_date(o.until, "--until");
    Database db = ctx.open(OpenMode::write);
    app::Lifecycle(db, ctx.config, o.by).extend(o.id, until, o.home_consent, o.reason);
    diag(ctx.lang, msg(N_("assignment #{}: extended until {}"), o.id, until.iso()));
    return 0;
}

struct RecallOptions {
    std::int64_t id = 0;
    std::string date, reason, host_consent, note, by;
};

int run_recall(const RecallOptions& o, const Context& ctx) {
    util::Date date = flag_date(o.date, "--date");
    Database db = ctx.open(OpenMode::write);
    app::Lifecycle(db, ctx.config, o.by).recall(o.id, date, o.reason, o.host_consent, o.note);
    diag(ctx.lang, msg(N_("assignment #{}: recalled, last day {} ({})"), o.id, date.iso(),
                       recall_reasons().label(o.reason, ctx.lang)));
    return 0;
}

struct CompleteOptions {
    std::int64_t id = 0;
    std::optional<std::string> date;
    std::string handover, unfinished, arrangement, by;
};

int run_complete(const CompleteOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::write);
    app::Lifecycle life(db, ctx.config, o.by);
    util::Date day = life.complete(o.id, flag_date(o.date, "--date"), o.handover, o.unfinished, o.arrangement);
    // A recalled term is not completed: what was recorded is its handover (工作交接).
    if (life.load(o.id).recalled_on)
        diag(ctx.lang, msg(N_("assignment #{}: handover on {} recorded (the term was recalled)"), o.id, day.iso()));
    else diag(ctx.lang, msg(N_("assignment #{}: completion on {} recorded"), o.id, day.iso()));
    return 0;
}

struct FollowUpOptions {
    std::string cadre, post, date, note, by;
    bool promotion = false;
};

int run_follow_up(const FollowUpOptions& o, const Context& ctx) {
    util::Date date = flag_date(o.date, "--date");
    Database db = ctx.open(OpenMode::write);
    app::Lifecycle(db, ctx.config, o.by).follow_up(std::string_view(o.cadre), date, o.post, o.promotion, o.note);
    diag(ctx.lang, o.promotion ? msg(N_("follow-up on {} recorded (promotion)"), date.iso())
                               : msg(N_("follow-up on {} recorded"), date.iso()));
    return 0;
}

} // namespace

void setup_assign_life(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
    {
        auto o = std::make_shared<AppointOptions>();
        auto* sub = assign.add_subcommand("appoint", "Record the appointment at the host (任职): post, document, "
                                                     "filing, election, mentor, division of work, Party relationship");
        sub->add_option("ID", o->id, "Assignment id")->required();
        sub->add_option("--post-level", o->post_level, "Post given, e.g. 副科级领导职务 or 副乡镇长");
        sub->add_option("--doc-number", o->doc_number, "Appointment document number (任职文件)");
        sub->add_option("--doc-date", o->doc_date, "Appointment document date");
        sub->add_option("--filed", o->filed, "Date filed with the Organization Department (备案)");
        sub->add_option("--united-front", o->united_front,
                        "Date the document was copied to the United Front Work Department (non-Party cadres)");
        sub->add_option("--election-date", o->election_date, "Township people's congress election (下派 only)");
        sub->add_option("--election-result", o->election_result, "elected|not_elected (当选|未当选)")
            ->transform(CLI::Transformer({{"当选", "elected"}, {"未当选", "not_elected"}, {"elected", "elected"},
                                          {"not_elected", "not_elected"}},
                                         CLI::ignore_case));
        sub->add_option("--mentor", o->mentor, "Mentor at the host unit (传帮带)");
        sub->add_option("--division", o->division, "Division of work (分工)");
        sub->add_option("--party-transfer", o->party_transfer,
                        "Date the temporary Party relationship was transferred (Party members)");
        sub->add_option("--date", o->date, "Date of this record (default today)");
        sub->add_option("--reason", o->reason, "A note kept with the record");
        add_by_option(sub, o->by);
        sub->footer("Fields not given stay as recorded. Pending items: assign list --pending election|united-front|...\n"
                    "Example:\n  guazhi assign appoint 35 --post-level 副镇长 --election-date 2006-09-12 "
                    "--election-result elected --united-front 2006-08-20");
        sub->callback([o, &global, &exit_code] { exit_code = run_appoint(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<NoteOptions>();
        auto* sub = assign.add_subcommand("note", "Record a talk, visit, inspection or problem (care and supervision)");
        sub->add_option("ID", o->id, "Assignment id")->required();
        sub->add_option("--kind", o->kind, "talk|visit|inspection|problem|other (谈心谈话|看望|考察|反映问题|其他)")
            ->required()
            ->transform(vocabulary_validator(note_kinds(), global.language));
        sub->add_option("--date", o->date, "When it happened")->required();
        sub->add_option("--text", o->text, "What was said or found")->required();
        add_by_option(sub, o->by);
        sub->footer("Example:\n  guazhi assign note 14 --kind inspection --date 2007-06-20 --text \"县委组织部考察，表现优秀\"");
        sub->callback([o, &global, &exit_code] { exit_code = run_note(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<ExtendOptions>();
        auto* sub = assign.add_subcommand("extend", "Extend a term (延长): needs the home unit's consent");
        sub->add_option("ID", o->id, "Assignment id")->required();
        sub->add_option("--until", o->until, "The new last day of the term")->required();
        sub->add_option("--home-consent", o->home_consent, "The home unit's consent: date and/or reference");
        sub->add_option("--reason", o->reason, "Why the host keeps the cadre longer");
        add_by_option(sub, o->by);
        sub->footer("Example:\n  guazhi assign extend 14 --until 2007-10-31 --home-consent \"资中县财政局函 2007-07-20\"");
        sub->callback([o, &global, &exit_code] { exit_code = run_extend(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<RecallOptions>();
        auto* sub = assign.add_subcommand("recall", "Recall a secondee early (中途抽回)");
        sub->add_option("ID", o->id, "Assignment id")->required();
        sub->add_option("--date", o->date, "The last day of the secondment")->required();
        sub->add_option("--reason", o->reason, "promotion|education-campaign|special (提拔|参加先进性教育活动|特殊工作; also 提拔使用, 先进性教育活动)")
            ->required()
            ->transform(vocabulary_validator(recall_reasons(), global.language));
        sub->add_option("--host-consent", o->host_consent, "The host unit's consent (required for special)");
        sub->add_option("--note", o->note, "Details");
        add_by_option(sub, o->by);
        sub->footer("Seed: except for promotion and the education campaign, a recall needs the host unit's consent.\n"
                    "Example:\n  guazhi assign recall 14 --date 2007-03-31 --reason promotion");
        sub->callback([o, &global, &exit_code] { exit_code = run_recall(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<CompleteOptions>();
        auto* sub = assign.add_subcommand("complete", "Record the end of the term: handover and arrangement back home");
        sub->add_option("ID", o->id, "Assignment id")->required();
        sub->add_option("--date", o->date, "Completion date (default: the end of the term; for a recalled term the "
                                           "handover's date, on or after the recall)");
        sub->add_option("--handover", o->handover, "Work handed over (工作交接)");
        sub->add_option("--unfinished", o->unfinished, "Items not yet finished, and to whom they went");
        sub->add_option("--arrangement", o->arrangement, "Arrangement back home (返回后安排)");
        add_by_option(sub, o->by);
        sub->footer("A recalled term is not completed: with --handover it records the handover (工作交接) alone.\n"
                    "Example:\n  guazhi assign complete 14 --handover 已完成 --arrangement \"回原单位任预算股股长\"");
        sub->callback([o, &global, &exit_code] { exit_code = run_complete(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<FollowUpOptions>();
        auto* sub = assign.add_subcommand("follow-up", "Record a former secondee's new post or promotion (跟踪管理)");
        sub->add_option("CADRE", o->cadre, "ID number, or the id of one of the cadre's assignments")->required();
        sub->add_option("--post", o->post, "The new post")->required();
        sub->add_option("--date", o->date, "Since when")->required();
        sub->add_flag("--promotion", o->promotion, "It is a promotion (提拔)");
        sub->add_option("--note", o->note, "Details");
        add_by_option(sub, o->by);
        sub->footer("Example:\n  guazhi assign follow-up 14 --post 资中县财政局副局长 --date 2008-03-01 --promotion");
        sub->callback([o, &global, &exit_code] { exit_code = run_follow_up(*o, make_context(global, o->by)); });
    }
}

} // namespace guazhi::cli
