// guazhi report add|get|list|due|import|compliance: the reports secondees owe.
#include "commands.hpp"
#include "flags.hpp"
#include "app/record.hpp"
#include "domain/schedule.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "render/compliance_view.hpp"
#include "render/report.hpp"
#include "app/imports.hpp"
#include "app/queries.hpp"
#include "util/text.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace guazhi::cli {

namespace {

struct AddOptions {
    std::int64_t id = 0;
    std::string kind, period, submitted, recipient = "both", by;
    std::optional<std::string> attach;
    bool replace = false;
};

int run_add(const AddOptions& o, const Context& ctx) {
    NewReport r;
    r.assignment_id = o.id;
    r.kind = o.kind;
    if (r.kind.empty()) { // the period may say it: 第一季度, 上半年, 年度总结, Q2 …
        auto implied = kind_of_period(o.period);
        if (!implied) throw UsageError(msg(N_("--kind is required: --period does not say which report it is")));
        r.kind = std::string(*implied);
    }
    r.period = o.period;
    r.submitted_on = flag_date(o.submitted, "--submitted");
    r.recipient = o.recipient;
    if (o.attach) r.attach = *o.attach;
    r.replace = o.replace;
    r.recorded_by = o.by;
    Database db = ctx.open(OpenMode::write);
    std::int64_t id = app::record_report(db, ctx.config, r);
    if (o.attach)
        diag(ctx.lang, msg(N_("recorded report #{}: assignment #{} {} {} to {} with its attachment"), id, o.id,
                           report_kinds().label(r.kind, ctx.lang), o.period, recipients().label(o.recipient, ctx.lang)));
    else
        diag(ctx.lang, msg(N_("recorded report #{}: assignment #{} {} {} to {}"), id, o.id,
                           report_kinds().label(r.kind, ctx.lang), o.period, recipients().label(o.recipient, ctx.lang)));
    fmt::print("{}\n", id);
    return 0;
}

struct GetOptions {
    std::int64_t id = 0;
    std::optional<std::string> output;
    bool force = false;
};

int run_get(const GetOptions& o, const Context& ctx) {
    Database db = ctx.open(OpenMode::read);
    if (!app::report_recorded(db, o.id)) throw Error(msg(N_("no report #{}"), o.id));
    // Without -o, the attachment's own name in the current directory (made safe by lib).
    std::string path = o.output ? *o.output : app::attachment_file_name(db, o.id);
    std::error_code ec;
    if (path != "-" && !o.force && std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        throw Error(o.output ? msg(N_("-o {}: the file exists; --force replaces it"), path)
                             : msg(N_("{}: the file exists; --force replaces it"), path));
    Output out(path, o.force);
    Attachment att = app::copy_attachment(db, o.id, out.file());
    out.commit();
    if (path == "-")
        diag(ctx.lang, msg(N_("report #{}: {} ({} bytes, SHA-256 {}) written to standard output"), o.id, att.name,
                           att.size, att.sha256));
    else
        diag(ctx.lang, msg(N_("report #{}: {} ({} bytes, SHA-256 {}) written to {}"), o.id, att.name, att.size,
                           att.sha256, path));
    return 0;
}

struct ListOptions {
    FilterOptions filter;
    std::optional<std::string> kind;
    bool history = false;
    Format format = Format::table;
};

int run_list(const ListOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    Database db = ctx.open(OpenMode::read);
    bool zh = ctx.lang == Lang::zh;
    bool json = o.format == Format::json;
    std::vector<ReportColumn> columns = {
        {"ID", "id", true},           {zh ? "挂职" : "assignment", "assignment_id", true},
        {zh ? "姓名" : "name", "name"}, {zh ? "类型" : "kind", "kind"},
        {zh ? "期次" : "period", "period"}, {zh ? "起止" : "covers", "covers"},
        {zh ? "提交日期" : "submitted", "submitted_on"}, {zh ? "报送" : "to", "recipient"},
        {zh ? "附件" : "attachment", "attachment"}, {"SHA-256", "sha256"},
        {zh ? "被替换为" : "replaced by", "superseded_by", true}};
    std::vector<std::vector<std::string>> rows;
    auto reports = app::reports(db, filter, ctx.config, o.kind, o.history ? Versions::with_replaced : Versions::current);
    for (const Report& r : reports)
        rows.push_back({std::to_string(r.id), std::to_string(r.assignment_id), r.cadre_name,
                        json ? r.kind : std::string(report_kinds().label(r.kind, ctx.lang)), r.period,
                        fmt::format("{}~{}", r.period_start.iso(), r.period_end.iso()), r.submitted_on.iso(),
                        json ? r.recipient : std::string(recipients().label(r.recipient, ctx.lang)),
                        r.attachment ? fmt::format("{} ({} B)", r.attachment->name, r.attachment->size) : "",
                        r.attachment ? r.attachment->sha256 : "",
                        r.superseded_by ? std::to_string(*r.superseded_by) : ""});
    Output out(std::nullopt);
    out.write(render_report(o.format, columns, rows));
    out.commit();
    diag(ctx.lang, counted(rows.size(), N_("{} report"), N_("{} reports"), rows.size()));
    return 0;
}

struct DueOptions {
    FilterOptions filter;
    bool fail_if_overdue = false;
    Format format = Format::table;
};

int run_due(const DueOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    Database db = ctx.open(OpenMode::read);
    bool zh = ctx.lang == Lang::zh;
    bool json = o.format == Format::json;
    std::vector<ReportColumn> columns = {
        {zh ? "挂职" : "assignment", "assignment_id", true}, {zh ? "姓名" : "name", "name"},
        {zh ? "派出单位" : "home unit", "home_unit"},         {zh ? "接收单位" : "host unit", "host_unit"},
        {zh ? "类型" : "kind", "kind"},                       {zh ? "期次" : "period", "period"},
        {zh ? "报送" : "to", "recipient"},                    {zh ? "应交日期" : "due", "due"},
        {zh ? "逾期天数" : "days overdue", "days_overdue", true}, {zh ? "剩余天数" : "days left", "days_left", true}};
    std::vector<std::vector<std::string>> rows;
    std::size_t overdue = 0;
    for (const DueReport& d : app::reports_due(db, filter, ctx.config)) {
        if (d.days_overdue > 0) ++overdue;
        // The 鉴定 is the host's, not a report of the secondee's: no report kind of its own.
        std::string kind = json ? d.period.kind
                           : d.period.kind == "final_appraisal" ? std::string(zh ? "鉴定" : "final appraisal")
                                                                : std::string(report_kinds().label(d.period.kind, ctx.lang));
        std::string to = d.recipient.empty() || json ? d.recipient : std::string(recipients().label(d.recipient, ctx.lang));
        rows.push_back({std::to_string(d.assignment.id), d.assignment.cadre.name, d.assignment.home_unit.name,
                        d.assignment.host_unit.name, kind, d.period.label, to, d.period.due.iso(),
                        std::to_string(d.days_overdue), d.days_overdue > 0 ? "" : std::to_string(-d.days_overdue)});
    }
    Output out(std::nullopt);
    out.write(render_report(o.format, columns, rows));
    out.commit();
    diag(ctx.lang, counted(rows.size(), N_("{} report owed on {}, {} overdue"), N_("{} reports owed on {}, {} overdue"),
                           rows.size(), filter.as_of.iso(), overdue));
    return o.fail_if_overdue && overdue > 0 ? 3 : 0;
}

struct ImportOptions {
    std::string file, by;
    TableFlags table;
    bool dry_run = false;
    bool ignore_unknown = false;
};

int run_import(const ImportOptions& o, const Context& ctx) {
    Input input(o.file);
    Database db = ctx.open(o.dry_run ? OpenMode::read : OpenMode::write);
    ReportImportOptions options;
    options.dry_run = o.dry_run;
    options.ignore_unknown_columns = o.ignore_unknown;
    ReportImport r = app::import_reports(db, input.table(o.table), ctx.config, o.by, flag_of, options);
    if (!r.ignored_columns.empty())
        diag(ctx.lang, msg("{}: ignored {}: {}", input.name(),
                           counted(r.ignored_columns.size(), N_("{} column"), N_("{} columns"), r.ignored_columns.size()),
                           util::printable(fmt::format("{}", fmt::join(r.ignored_columns, ", ")), 400)));
    if (o.dry_run)
        diag(ctx.lang, counted(r.rows,
                               N_("{}: {} report would be recorded (dry run, nothing written), {} already recorded as "
                                  "given (skipped)"),
                               N_("{}: {} reports would be recorded (dry run, nothing written), {} already recorded as "
                                  "given (skipped)"),
                               input.name(), r.rows, r.unchanged));
    else
        diag(ctx.lang, counted(r.rows, N_("{}: {} report recorded, {} already recorded as given (skipped)"),
                               N_("{}: {} reports recorded, {} already recorded as given (skipped)"), input.name(),
                               r.rows, r.unchanged));
    return 0;
}

struct ComplianceOptions {
    FilterOptions filter;
    std::string group = "all";
    Format format = Format::table;
};

int run_compliance(const ComplianceOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    Database db = ctx.open(OpenMode::read);
    bool zh = ctx.lang == Lang::zh;
    auto group = o.group == "county" ? ComplianceGroup::county : o.group == "host" ? ComplianceGroup::host
                                                                                     : ComplianceGroup::all;
    std::string header = group == ComplianceGroup::county ? (zh ? "所属县区" : "county")
                         : group == ComplianceGroup::host ? (zh ? "接收单位" : "host unit")
                                                          : "";
    auto rows = app::compliance(db, filter, ctx.config, group);
    // City organs belong to no county: name their group for people (JSON keeps "").
    if (group == ComplianceGroup::county && o.format != Format::json)
        for (auto& r : rows)
            if (r.group.empty()) r.group = zh ? "市直" : "(city)";
    Output out(std::nullopt);
    out.write(render_compliance(o.format, rows, ctx.lang, header));
    out.commit();
    return 0;
}

} // namespace

void setup_report(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto* report = app.add_subcommand("report", "Reports secondees owe: record, list, what is due, compliance");
    report->require_subcommand(1);
    report->footer("Example:\n  guazhi report due --year 2006 --fail-if-overdue");
    {
        auto o = std::make_shared<AddOptions>();
        auto* sub = report->add_subcommand("add", "Record a submitted report, optionally with its document");
        sub->add_option("ASSIGNMENT", o->id, "Assignment id")->required();
        sub->add_option("--kind", o->kind, "quarterly|semiannual|final (季度汇报|思想和工作汇报|挂职工作总结); may be "
                                           "left out when --period says it (第一季度, 上半年, 年度总结, Q2 …)")
            ->transform(vocabulary_validator(report_kinds(), global.language));
        sub->add_option("--period", o->period, "Q2, H1 (counted from the start), 2006Q4, 2007H1, or final; in Chinese 第二季度 (二季度), "
                                          "上半年|下半年, 2006年第四季度, 年度总结|挂职总结")->required();
        sub->add_option("--submitted", o->submitted, "Date it was submitted")->required();
        sub->add_option("--to", o->recipient, "home|orgdept|both (default both)")
            ->transform(vocabulary_validator(recipients(), global.language));
        sub->add_option("--attach", o->attach, "The document (docx, pdf, txt …), stored in the database");
        sub->add_flag("--replace", o->replace, "Replace an earlier submission of the same kind and period (kept in history)");
        add_by_option(sub, o->by);
        sub->footer("Example:\n  guazhi report add 14 --kind quarterly --period Q1 --submitted 2006-11-05 --attach examples/何俊杰-2006年第一季度汇报.docx");
        sub->callback([o, &global, &exit_code] { exit_code = run_add(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<GetOptions>();
        auto* sub = report->add_subcommand("get", "Write a report's attached document back, byte for byte");
        sub->add_option("ID", o->id, "Report id (from `report list`)")->required();
        sub->add_option("-o,--output", o->output,
                        "File to write (- for standard output); default: the attachment's own name, here");
        sub->add_flag("--force", o->force, "Replace an existing file");
        sub->footer("Refuses to overwrite an existing file without --force. Without -o the file is the attachment's\n"
                    "recorded name (directories stripped) in the current directory, created 0600.\n"
                    "Example:\n  guazhi report get 1\n  guazhi report get 1 -o 汇报-副本.docx");
        sub->callback([o, &global, &exit_code] { exit_code = run_get(*o, make_context(global)); });
    }
    {
        auto o = std::make_shared<ListOptions>();
        auto* sub = report->add_subcommand("list", "List recorded reports");
        add_filter_options(sub, o->filter, global.language);
        sub->add_option("--kind", o->kind, "Only this kind")->transform(vocabulary_validator(report_kinds(), global.language));
        sub->add_flag("--history", o->history, "Include replaced submissions");
        add_format_option(sub, o->format);
        sub->footer("Example:\n  guazhi report list --year 2006 --kind final");
        sub->callback([o, &global, &exit_code] { exit_code = run_list(*o, make_context(global)); });
    }
    {
        auto o = std::make_shared<DueOptions>();
        auto* sub = report->add_subcommand("due", "Reports owed and not submitted, most overdue first");
        add_filter_options(sub, o->filter, global.language);
        sub->add_flag("--fail-if-overdue", o->fail_if_overdue, "Exit 3 when anything is overdue (for cron and scripts)");
        add_format_option(sub, o->format);
        sub->footer("A quarter or half-year is owed once it has ended; it is overdue report_grace_days later.\n"
                    "A quarterly report is owed to the home unit and to the Organization Department (报送: whom it\n"
                    "is still owed to). The final summary and the 鉴定 are listed from final_due_days_before the\n"
                    "term's end. Days left: until it is due; negative days overdue: the same, within the grace.\n"
                    "Example:\n  guazhi report due --as-of 2007-03-01 --year 2006 --fail-if-overdue");
        sub->callback([o, &global, &exit_code] { exit_code = run_due(*o, make_context(global)); });
    }
    {
        auto o = std::make_shared<ImportOptions>();
        auto* sub = report->add_subcommand("import", "Record many submissions from a sheet (.xlsx, .xls, CSV): all or "
                                                     "none");
        sub->add_option("FILE", o->file, "The file, or - for CSV/text on standard input")->required();
        add_table_options(sub, o->table);
        add_by_option(sub, o->by);
        sub->add_flag("--dry-run", o->dry_run, "Check every row and report, but write nothing");
        sub->add_flag("--ignore-unknown-columns", o->ignore_unknown, "Skip columns guazhi does not know");
        sub->footer("Columns: 挂职编号 (assignment_id) or 身份证号 (id_number) [+ 年度 (batch_year)], 报告类型 (kind),\n"
                    "期次 (period), 提交日期 (submitted_on), 报送对象 (recipient, optional: default both),\n"
                    "姓名 (name, optional: checked against the assignment's cadre).\n"
                    "Example:\n  guazhi report import examples/汇报登记-2006.csv");
        sub->callback([o, &global, &exit_code] { exit_code = run_import(*o, make_context(global, o->by)); });
    }
    {
        auto o = std::make_shared<ComplianceOptions>();
        auto* sub = report->add_subcommand("compliance", "On time / late / missing per kind, overall or by county or host");
        add_filter_options(sub, o->filter, global.language);
        sub->add_option("--by", o->group, "all (default), county|县区 (of the home unit) or host|接收单位")
            ->transform(CLI::Transformer({{"县区", "county"}, {"所属县区", "county"}, {"区县", "county"},
                                          {"接收单位", "host"}, {"挂职单位", "host"}, {"全部", "all"}}))
            ->check(CLI::IsMember({"all", "county", "host"}));
        add_format_option(sub, o->format);
        sub->footer("Example:\n  guazhi report compliance --year 2006 --by county --as-of 2007-12-31");
        sub->callback([o, &global, &exit_code] { exit_code = run_compliance(*o, make_context(global)); });
    }
}

} // namespace guazhi::cli
