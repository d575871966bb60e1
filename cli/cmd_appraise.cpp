// guazhi appraise annual|history|final|show|missing|recommend|import: annual assessments,
// the 优秀 recommendation, and the end-of-term appraisal (鉴定).
#include "commands.hpp"
#include "language.hpp"
#include "flags.hpp"
#include "app/imports.hpp"
#include "app/record.hpp"
#include "domain/appraisal_file.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "render/appraisal_view.hpp"
#include "render/assignment_view.hpp"
#include "app/queries.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace guazhi::cli {

namespace {

// Who records it: --by, as in every command (default $USER). --by used to name the assessing
// unit here; the unit is --unit, and a --by that reads as a unit is refused naming it
// (recorder_problem). --recorded-by, the old name of the recorder, stays accepted.
void add_recorder_options(CLI::App* app, std::string& recorded_by) {
    add_by_option(app, recorded_by);
    app->add_option("--recorded-by", recorded_by, "The old spelling of --by")->group(std::string()); // hidden
}

// --override with --reason: the host rule set aside (the reason is recorded); --reason alone
// is a usage error unless `also` (final's --early) takes it.
std::optional<std::string> override_reason(bool override_rule, const std::optional<std::string>& reason, bool also) {
    if (!override_rule) {
        if (reason && !also) throw UsageError(msg(N_("--reason goes with --override")));
        return std::nullopt;
    }
    return std::string(util::trim(reason.value_or("")));
}

struct AnnualOptions {
    std::string target;
    int year = 0;
    std::optional<std::string> grade, votes, date, unit, home_note, reason;
    bool outstanding = false, not_outstanding = false, replace = false, override_rule = false;
    std::string recorded_by;
};

void print_outcome(const AnnualOutcome& outcome, const Message& what, Lang lang) {
    if (!outcome.changed) diag(lang, msg(N_("{}: already recorded as given; nothing changed"), what));
    else diag(lang, msg(N_("{}: recorded (#{})"), what, outcome.id));
    if (outcome.cap_warning) diag(lang, msg(N_("warning: {}"), *outcome.cap_warning));
    fmt::print("{}\n", outcome.id);
}

AnnualChange to_change(const AnnualOptions& o) {
    AnnualChange c;
    c.year = o.year;
    c.grade = o.grade;
    if (o.votes) {
        auto parsed = parse_votes(*o.votes);
        if (!parsed.votes) throw UsageError(msg(N_("{}: {}"), "--votes", parsed.error));
        c.votes = parsed.votes;
    }
    c.decided_on = flag_date(o.date, "--date");
    if (o.unit) c.unit = util::clean(*o.unit);
    if (o.home_note) c.home_note = util::clean(*o.home_note);
    if (o.outstanding) c.outstanding = true;
    if (o.not_outstanding) c.outstanding = false;
    c.replace = o.replace;
    c.override_reason = override_reason(o.override_rule, o.reason, false);
    c.recorded_by = o.recorded_by;
    return c;
}

int run_annual(const AnnualOptions& o, const Context& ctx) {
    AnnualChange c = to_change(o);
    if (!c.grade && !c.votes && !c.outstanding && !c.home_note && !c.decided_on && !c.unit)
        throw UsageError(msg(N_("give at least one of --grade, --votes, --outstanding, --home-note, --date, --unit")));
    std::string text = util::clean(o.target);
    if (!util::is_digits(text) || text.size() > 15) throw UsageError(msg(N_("ASSIGNMENT: '{}' is not an assignment id"), text));
    c.assignment_id = std::stoll(text);
    Database db = ctx.open(OpenMode::write);
    auto outcome = app::record_annual_assessment(db, ctx.config, c);
    print_outcome(outcome, msg(N_("assignment #{}, {} annual assessment"), *c.assignment_id, o.year), ctx.lang);
    return 0;
}

int run_history(const AnnualOptions& o, const Context& ctx) {
    AnnualChange c = to_change(o);
    Database db = ctx.open(OpenMode::write);
    app::CadreGrade graded = app::record_cadre_grade(db, ctx.config, o.target, c);
    print_outcome(graded.outcome, msg(N_("{}, {} grade"), graded.cadre.name, o.year), ctx.lang);
    return 0;
}

struct FinalOptions {
    std::int64_t id = 0;
    std::optional<std::string> from, conclusion, unit, date, reason;
    std::array<std::optional<std::string>, 5> rating, comment;
    bool early = false, replace = false, override_rule = false;
    std::string recorded_by;
};

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(msg(N_("--from {}: cannot read the file"), path));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

int run_final(const FinalOptions& o, const Context& ctx) {
    AppraisalDraft d;
    if (o.from) d = parse_appraisal_file(read_text_file(*o.from), *o.from);
    // Flags override the file, field by field.
    for (std::size_t i = 0; i < kDimensions.size(); ++i) {
        if (o.rating[i]) d.rating[i] = o.rating[i];
        if (o.comment[i]) d.comment[i] = o.comment[i];
    }
    if (o.conclusion) d.conclusion = o.conclusion;
    if (o.unit) d.author_unit = o.unit;
    if (o.date) d.date = o.date;
    FinalAppraisal f;
    f.assignment_id = o.id;
    for (std::size_t i = 0; i < kDimensions.size(); ++i)
        f.dimensions[i] = {util::clean(d.rating[i].value_or("")), std::string(util::trim(d.comment[i].value_or("")))};
    f.conclusion = std::string(util::trim(d.conclusion.value_or("")));
    f.author_unit = util::clean(d.author_unit.value_or(""));
    f.written_on = d.date ? flag_date(*d.date, o.date ? Message("--date") : msg(N_("date (in --from)"))) : util::Date::today();
    // One --reason says why for each of --early and --override given.
    if (o.reason && !o.early && !o.override_rule) throw UsageError(msg(N_("--reason goes with --early or --override")));
    f.early_reason = o.early ? o.reason.value_or("") : "";
    f.override_reason = override_reason(o.override_rule, o.reason, o.early).value_or("");
    f.recorded_by = o.recorded_by;
    Database db = ctx.open(OpenMode::write);
    auto id = app::record_final(db, ctx.config, f, o.early, o.replace, o.override_rule);
    diag(ctx.lang, msg(N_("assignment #{}: final appraisal recorded (#{})"), o.id, id));
    fmt::print("{}\n", id);
    return 0;
}

struct ShowOptions {
    std::string target;
    bool history = false;
    Format format = Format::table;
};

int run_show(const ShowOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    auto all = app::appraisals(db, o.target, ctx.config, o.history ? Versions::with_replaced : Versions::current);
    Output out(std::nullopt);
    out.write(o.format == Format::json ? appraisals_json(all, ctx.lang) : appraisals_text(all, ctx.lang));
    out.commit();
    return 0;
}

struct MissingOptions {
    FilterOptions filter;
    Format format = Format::table;
};

int run_missing(const MissingOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    Database db = ctx.open(OpenMode::read);
    bool zh = ctx.lang == Lang::zh;
    bool json = o.format == Format::json;
    std::vector<ReportColumn> columns = {{zh ? "挂职" : "assignment", "assignment_id", true},
                                         {zh ? "姓名" : "name", "name"},
                                         {zh ? "接收单位" : "host unit", "host_unit"},
                                         {zh ? "派出单位" : "home unit", "home_unit"},
                                         {zh ? "结束日期" : "ended", "ended"},
                                         {zh ? "状态" : "status", "status"}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : app::missing_final_appraisals(db, filter, ctx.config)) {
        auto status = status_on(a, filter.as_of);
        rows.push_back({std::to_string(a.id), a.cadre.name, a.host_unit.name, a.home_unit.name, a.effective_end().iso(),
                        json ? std::string(status) : std::string(statuses().label(status, ctx.lang))});
    }
    Output out(std::nullopt);
    out.write(render_report(o.format, columns, rows));
    out.commit();
    diag(ctx.lang, counted(rows.size(), N_("{} ended assignment without a final appraisal on {}"),
                           N_("{} ended assignments without a final appraisal on {}"), rows.size(), filter.as_of.iso()));
    return 0;
}

struct RecommendOptions {
    int year = 0;
    Format format = Format::table;
};

int run_recommend(const RecommendOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    auto result = app::recommendations(db, o.year, ctx.config);
    bool zh = ctx.lang == Lang::zh;
    Output out(std::nullopt);
    if (o.format == Format::json) {
        JsonWriter json;
        json.begin_object().key("year").value(o.year).key("excellent_vote_share").value(ctx.config.policy.excellent_vote_share);
        json.key("assignments").begin_array();
        for (const auto& r : result.rows) {
            json.begin_object().key("assignment_id").value(r.assignment.id).key("name").value(r.assignment.cadre.name);
            json.key("host_unit").value(r.assignment.host_unit.name).key("grade");
            r.assessment && r.assessment->grade ? json.value(*r.assessment->grade) : json.null();
            json.key("recommendation");
            write_recommendation_json(json, r.recommendation, ctx.lang);
            json.end_object();
        }
        const auto& x = result.excellence;
        json.end_array().key("excellent_cap").begin_object().key("graded").value(x.graded);
        json.key("excellent").value(x.excellent).key("recommended").value(x.recommended).key("cap");
        x.cap ? json.value(*x.cap) : json.null();
        json.key("over_cap").value(x.over()).end_object();
        json.end_object();
        out.write(json.str());
    } else {
        std::vector<ReportColumn> columns = {{zh ? "挂职" : "assignment", "assignment_id", true},
                                             {zh ? "姓名" : "name", "name"},
                                             {zh ? "接收单位" : "host unit", "host_unit"},
                                             {zh ? "推荐优秀" : "recommend excellent", "recommended"},
                                             {zh ? "原因" : "why not", "unmet"},
                                             {zh ? "已定等次" : "grade", "grade"}};
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : result.rows)
            rows.push_back({std::to_string(r.assignment.id), r.assignment.cadre.name, r.assignment.host_unit.name,
                            r.recommendation.recommended() ? (zh ? "是" : "yes") : (zh ? "否" : "no"),
                            fmt::format("{}", fmt::join(unmet_conditions(r.recommendation, ctx.lang), zh ? "；" : "; ")),
                            r.assessment && r.assessment->grade
                                ? std::string(grades().label(*r.assessment->grade, ctx.lang))
                                : ""});
        out.write(render_report(o.format, columns, rows));
        // The cap over the year's graded secondees, where one is configured.
        const auto& x = result.excellence;
        if (x.cap && o.format == Format::table)
            out.write("\n" +
                      util::words(x.over() ? msg(N_("Cap on excellent grades (excellent_cap_share = {}): {} graded, {} "
                                                    "excellent, cap {}, over"),
                                                 ctx.config.policy.excellent_cap_share, x.graded, x.excellent, *x.cap)
                                           : msg(N_("Cap on excellent grades (excellent_cap_share = {}): {} graded, {} "
                                                    "excellent, cap {}"),
                                                 ctx.config.policy.excellent_cap_share, x.graded, x.excellent, *x.cap),
                                  ctx.lang) +
                      "\n");
    }
    out.commit();
    std::size_t yes = 0;
    for (const auto& r : result.rows) yes += r.recommendation.recommended() ? 1 : 0;
    diag(ctx.lang, msg(N_("{}: {} assessed, {} recommended for 优秀"), o.year, result.rows.size(), yes));
    if (result.excellence.over())
        diag(ctx.lang, msg(N_("warning: {} 优秀 of {} graded for {}, above the cap of {}"), result.excellence.excellent,
                           result.excellence.graded, o.year, *result.excellence.cap));
    return 0;
}

struct ImportOptions {
    std::string file, recorded_by;
    TableFlags table;
    bool replace = false, override_rule = false, dry_run = false, ignore_unknown = false;
    std::optional<std::string> reason;
};

int run_import(const ImportOptions& o, const Context& ctx) {
    auto reason = override_reason(o.override_rule, o.reason, false);
    Input input(o.file);
    Database db = ctx.open(o.dry_run ? OpenMode::read : OpenMode::write);
    AppraisalImportChecks checks{o.dry_run, o.ignore_unknown};
    auto result =
        app::import_appraisals(db, input.table(o.table), ctx.config, o.replace, o.recorded_by, flag_of, reason, checks);
    if (!result.ignored_columns.empty())
        diag(ctx.lang, msg("{}: ignored {}: {}", input.name(),
                           counted(result.ignored_columns.size(), N_("{} column"), N_("{} columns"), result.ignored_columns.size()),
                           util::printable(fmt::format("{}", fmt::join(result.ignored_columns, ", ")), 400)));
    Message assessments = counted(result.recorded, N_("{} assessment"), N_("{} assessments"), result.recorded);
    diag(ctx.lang, o.dry_run ? msg("{}: {} would be recorded (dry run, nothing written), {} already recorded as given",
                                   input.name(), assessments, result.unchanged)
                             : msg("{}: {} recorded, {} already recorded as given", input.name(), assessments,
                                   result.unchanged));
    return 0;
}

void add_override_options(CLI::App* sub, bool& override_rule, std::optional<std::string>& reason, const std::string& what) {
    sub->add_flag("--override", override_rule, what);
    sub->add_option("--reason", reason, "Why the rule is set aside (recorded with the assessment)");
}

void add_annual_flags(CLI::App* sub, AnnualOptions& o, Lang lang) {
    sub->add_option("--year", o.year, "The year assessed")->required();
    sub->add_option("--grade", o.grade, "优秀|称职|基本称职|不称职|不定等次|不进行考核 (or the codes)")
        ->transform(vocabulary_validator(grades(), lang));
    sub->add_option("--date", o.date, "When the grade was decided");
    sub->add_option("--unit", o.unit, "The assessing unit (考核单位; default for a secondment year: the host unit)");
    sub->add_flag("--replace", o.replace, "Change a part already recorded (the earlier record is kept in the history)");
    add_recorder_options(sub, o.recorded_by);
}

} // namespace

void setup_appraise(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto* appraise = app.add_subcommand("appraise", "Annual assessments, the 优秀 recommendation, final appraisals");
    appraise->require_subcommand(1);
    appraise->footer("Example:\n  guazhi appraise recommend --year 2006");
    {
        auto o = std::make_shared<AnnualOptions>();
        auto* sub = appraise->add_subcommand("annual", "Record a year's assessment of a secondee (年度考核), in parts");
        sub->add_option("ASSIGNMENT", o->target, "Assignment id")->required();
        add_annual_flags(sub, *o, global.language);
        sub->add_option("--votes", o->votes, "Democratic evaluation (民主测评): 优秀=18,称职=6,基本称职=1,不称职=0");
        auto* yes = sub->add_flag("--outstanding", o->outstanding, "Performance marked outstanding (表现突出)");
        sub->add_flag("--not-outstanding", o->not_outstanding, "Performance not outstanding (with --replace)")->excludes(yes);
        sub->add_option("--home-note", o->home_note, "The home unit's view of the first half year");
        add_override_options(sub, o->override_rule, o->reason, N_("A unit other than the host assesses (needs --reason)"));
        sub->footer("The host unit assesses (年度考核由接收单位负责): --unit names another unit only with --override\n"
                    "--reason. --by is the person recording, as everywhere.\n"
                    "The year must fall in the term. Parts (grade, votes, outstanding, note) may be recorded at\n"
                    "different times; changing one already recorded needs --replace. The share of 优秀 votes\n"
                    "is derived from the counts.\n"
                    "Example:\n  guazhi appraise annual 14 --year 2006 --votes 优秀=18,称职=6 --outstanding\n"
                    "  guazhi appraise annual 14 --year 2006 --grade 优秀 --date 2007-01-10");
        sub->callback([o, &global, &exit_code] { exit_code = run_annual(*o, make_context(global, o->recorded_by)); });
    }
    {
        auto o = std::make_shared<AnnualOptions>();
        auto* sub = appraise->add_subcommand("history", "Record a cadre's grade for a year outside any secondment");
        sub->add_option("CADRE", o->target, "ID number, or the id of one of the cadre's assignments")->required();
        add_annual_flags(sub, *o, global.language);
        sub->get_option("--grade")->required();
        sub->footer("The recommendation rule looks at the two years before the assessed year.\n"
                    "Example:\n  guazhi appraise history 14 --year 2005 --grade 优秀");
        sub->callback([o, &global, &exit_code] { exit_code = run_history(*o, make_context(global, o->recorded_by)); });
    }
    {
        auto o = std::make_shared<FinalOptions>();
        auto* sub = appraise->add_subcommand("final", "Record the end-of-term appraisal (鉴定)");
        sub->add_option("ASSIGNMENT", o->id, "Assignment id")->required();
        sub->add_option("--from", o->from, "A UTF-8 TOML or JSON file with the fields (flags override it)");
        for (std::size_t i = 0; i < kDimensions.size(); ++i) {
            std::string code(kDimensions[i].code);
            sub->add_option("--" + code, o->rating[i], help_text(sub, msg(N_("Rating for {} ({})"), code, kDimensions[i].zh)));
            sub->add_option("--" + code + "-comment", o->comment[i], help_text(sub, msg(N_("Comment on {}"), code)));
        }
        sub->add_option("--conclusion", o->conclusion, "The overall conclusion (鉴定意见)");
        sub->add_option("--unit", o->unit, "The author unit (default: the host unit, who writes the 鉴定)");
        sub->add_option("--date", o->date, "When it was written (default: today)");
        sub->add_flag("--early", o->early, "Written before the term ends (needs --reason)");
        sub->add_flag("--override", o->override_rule, "A unit other than the host wrote it (needs --reason)");
        sub->add_option("--reason", o->reason, "Why it is written early, or why another unit wrote it (recorded)");
        sub->add_flag("--replace", o->replace, "Replace the recorded appraisal (kept in the history)");
        add_recorder_options(sub, o->recorded_by);
        sub->footer("Ratings come from the config's appraisal_scale (default 优秀, 良好, 一般, 较差); every\n"
                    "dimension needs one, and a conclusion is required.\n"
                    "A --from file (TOML; JSON alike):\n"
                    "  date = 2007-07-20\n  conclusion = \"该同志挂职期间……\"\n  [ideology]\n  rating = \"优秀\"\n"
                    "  comment = \"……\"\n  (and [work], [study], [life], [integrity])\n"
                    "Example:\n  guazhi appraise final 14 --from examples/鉴定-何俊杰.toml");
        sub->callback([o, &global, &exit_code] { exit_code = run_final(*o, make_context(global, o->recorded_by)); });
    }
    {
        auto o = std::make_shared<ShowOptions>();
        auto* sub = appraise->add_subcommand("show", "Everything recorded about a cadre's appraisals");
        sub->add_option("TARGET", o->target, "Assignment id, or a cadre's ID number (all assignments)")->required();
        sub->add_flag("--history", o->history, "Include replaced records");
        add_format_option(sub, o->format, {"table", "json"});
        sub->footer("Example:\n  guazhi appraise show 14");
        sub->callback([o, &global, &exit_code] { exit_code = run_show(*o, make_context(global)); });
    }
    {
        auto o = std::make_shared<MissingOptions>();
        auto* sub = appraise->add_subcommand("missing", "Ended assignments (completed or recalled) without a final appraisal");
        add_filter_options(sub, o->filter, global.language);
        add_format_option(sub, o->format);
        sub->footer("Example:\n  guazhi appraise missing --year 2005");
        sub->callback([o, &global, &exit_code] { exit_code = run_missing(*o, make_context(global)); });
    }
    {
        auto o = std::make_shared<RecommendOptions>();
        auto* sub = appraise->add_subcommand("recommend", "Whether the rule recommends 优秀 for each secondee of a year, and why not");
        sub->add_option("--year", o->year, "The year assessed")->required();
        add_format_option(sub, o->format);
        sub->footer("Rule (DOMAIN.md rule 6): 优秀 in both previous years, a share of 优秀 votes of at least\n"
                    "excellent_vote_share (config, default 0.6), and performance marked outstanding.\n"
                    "Listed: assignments at their host on 31 December of the year, and any with that year's\n"
                    "assessment recorded. With excellent_cap_share set, each host's cap and count are shown.\n"
                    "Example:\n  guazhi appraise recommend --year 2006 --format json");
        sub->callback([o, &global, &exit_code] { exit_code = run_recommend(*o, make_context(global)); });
    }
    {
        auto o = std::make_shared<ImportOptions>();
        auto* sub = appraise->add_subcommand("import", "Record many annual assessments from a sheet (.xlsx, .xls, CSV): "
                                                       "all or none");
        sub->add_option("FILE", o->file, "The file, or - for CSV/text on standard input")->required();
        add_table_options(sub, o->table);
        sub->add_flag("--replace", o->replace, "Let rows change parts already recorded (kept in the history)");
        add_override_options(sub, o->override_rule, o->reason,
                             N_("Let rows whose 考核单位 is not the host be recorded (needs --reason)"));
        sub->add_flag("--dry-run", o->dry_run, "Check every row and report, but write nothing");
        sub->add_flag("--ignore-unknown-columns", o->ignore_unknown, "Skip columns guazhi does not know");
        add_recorder_options(sub, o->recorded_by);
        sub->footer("Columns: 挂职编号 (assignment_id) or 身份证号 (id_number), 考核年度 (year), and any of 等次 (grade),\n"
                    "优秀票 称职票 基本称职票 不称职票 (votes_…), 表现突出 (outstanding: 是/否), 考核单位 (unit),\n"
                    "考核日期 (decided_on), 派出单位意见 (home_note), 姓名 (name: checked against the cadre).\n"
                    "The 考核单位 of a secondment year must be the host unless --override --reason. With an ID number, a year outside every\n"
                    "term of the cadre is a prior year's grade. Rows already recorded as given are skipped.\n"
                    "Example:\n  guazhi appraise import examples/年度考核-2006.csv");
        sub->callback([o, &global, &exit_code] { exit_code = run_import(*o, make_context(global, o->recorded_by)); });
    }
}

} // namespace guazhi::cli
