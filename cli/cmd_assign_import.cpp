// guazhi assign import FILE: a roster (花名册) as the clerk has it — CSV or tab-separated text,
// .xlsx or .xls — all rows or none.
#include "commands.hpp"
#include "flags.hpp"
#include "error.hpp"
#include "app/imports.hpp"
#include "util/catalog.hpp"
#include "util/text.hpp"
#include "util/workbook.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace guazhi::cli {

namespace {

struct ImportCliOptions {
    std::string file;
    TableFlags table;
    std::vector<std::string> maps; // --map HEADER=FIELD
    bool dry_run = false;
    bool update = false;
    std::optional<std::string> since;
    bool ignore_unknown = false;
    RecordFlags record;
};

// --map HEADER=FIELD, after the config's [columns] so that the run's own word counts first.
ColumnAliases column_aliases(const std::vector<std::string>& maps, const Config& config) {
    ColumnAliases aliases;
    for (const auto& m : maps) {
        auto eq = m.find('=');
        std::string header = eq == std::string::npos ? std::string() : util::clean(m.substr(0, eq));
        std::string target = eq == std::string::npos ? std::string() : util::clean(m.substr(eq + 1));
        if (header.empty() || target.empty())
            throw Error(msg("--map '{}': write HEADER=FIELD, e.g. --map 原单位=home_unit", util::printable(m)));
        auto meaning = meaning_of_target(target);
        if (!meaning)
            throw Error(msg("--map '{}': '{}' is no column (a roster field such as home_unit or 派出单位, or one "
                            "of {})",
                            util::printable(m), util::printable(target), kSpecialTargets));
        aliases.emplace_back(header, *meaning);
    }
    for (const auto& [header, target] : config.policy.column_aliases)
        aliases.emplace_back(header, *meaning_of_target(target)); // checked when the config was read
    return aliases;
}

// The lines of the summary that say how the sheet was read: nothing is skipped unsaid.
void print_reading_notes(const ImportReport& r, const std::string& name, Lang lang) {
    auto n_of = [](std::size_t n, const char* one, const char* many) { return counted(n, one, many, n); };
    if (r.lines_above_header)
        diag(lang, msg("{}: skipped {} above the header", name, n_of(r.lines_above_header, N_("{} line"), N_("{} lines"))));
    if (r.header_rows > 1) diag(lang, msg("{}: the header has {} rows", name, r.header_rows));
    if (r.footer_lines)
        diag(lang, msg("{}: skipped {} (填表人, 合计 …)", name,
                       n_of(r.footer_lines, N_("{} footer line"), N_("{} footer lines"))));
    if (r.hidden_rows)
        diag(lang, msg("{}: {} read as data", name, n_of(r.hidden_rows, N_("{} hidden row"), N_("{} hidden rows"))));
    if (!r.ignored_columns.empty())
        diag(lang, msg("{}: ignored {}: {}", name, n_of(r.ignored_columns.size(), N_("{} column"), N_("{} columns")),
                       util::printable(fmt::format("{}", fmt::join(r.ignored_columns, ", ")), 400)));
    if (!r.derived_columns.empty())
        diag(lang, msg("{}: not read (computed from the other columns): {}", name,
                       util::printable(fmt::format("{}", fmt::join(r.derived_columns, ", ")), 400)));
    if (r.start_months)
        diag(lang, msg("{}: {} given as a month, taken as its first day", name,
                       n_of(r.start_months, N_("{} start date"), N_("{} start dates"))));
    if (r.end_months)
        diag(lang, msg("{}: {} given as a month, taken as its last day", name,
                       n_of(r.end_months, N_("{} end date"), N_("{} end dates"))));
    if (r.directions_inferred)
        diag(lang, msg("{}: {} without 挂职类型: 下派 where the host is a township, else 上挂", name,
                       n_of(r.directions_inferred, N_("{} row"), N_("{} rows"))));
}

int run_import(const ImportCliOptions& o, const Context& ctx) {
    ImportOptions options;
    options.dry_run = o.dry_run;
    options.ignore_unknown_columns = o.ignore_unknown;
    options.policy = o.record.to_policy();
    if (o.since && !o.update)
        throw UsageError(msg("--since goes with --update (the day the file's new values took effect)"));
    options.policy.update = o.update;
    options.policy.offer_update = true;
    options.policy.update_since = flag_date(o.since, "--since");
    options.aliases = column_aliases(o.maps, ctx.config);
    options.name = flag_of;
    bool tty = ::isatty(STDERR_FILENO);
    options.progress = [tty, lang = ctx.lang](std::size_t rows) {
        if (tty && rows >= 5000) diag("\r{}", util::words(msg("read {} rows…", rows), lang));
    };

    Input input(o.file);
    const std::string& name = input.name();
    Database db = ctx.open(o.dry_run ? OpenMode::read : OpenMode::write);
    ImportReport report = app::import_roster(db, input.table(o.table), ctx.config, options);
    if (tty && report.rows >= 5000) diag("\r{:30}\r", ""); // wipe the progress line

    const Lang lang = ctx.lang;
    for (const auto& p : report.problems) diag(lang, p);
    if (report.problem_count > report.problems.size())
        diag(lang, msg("… and {} more problems", report.problem_count - report.problems.size()));
    Message rows = counted(report.rows, N_("{} row"), N_("{} rows"), report.rows);
    if (report.problem_count > 0) {
        diag(lang, msg("{}: {} in {}; nothing was written", name,
                       counted(report.problem_count, N_("{} problem"), N_("{} problems"), report.problem_count), rows));
        return 1;
    }
    for (const auto& u : report.updates) diag("{}\n", u);
    if (!report.updates.empty()) {
        Message values = counted(report.updates.size(), N_("{} value"), N_("{} values"), report.updates.size());
        diag(lang, o.dry_run ? msg("{}: {} of known cadres would change (dry run)", name, values)
                             : msg("{}: {} of known cadres changed", name, values));
    }
    print_reading_notes(report, name, lang);
    diag(lang, o.dry_run ? msg("{}: {} ({}): {} would be added (dry run, nothing written), {} already recorded (skipped)",
                               name, rows, report.source, report.inserted, report.identical)
                         : msg("{}: {} ({}): {} added, {} already recorded (skipped)", name, rows, report.source,
                               report.inserted, report.identical));
    if (report.over_quota)
        diag(lang, msg("{} beyond max_per_host_per_batch = {} (override recorded: {})",
                       counted(report.over_quota, N_("{} row"), N_("{} rows"), report.over_quota),
                       ctx.config.policy.max_per_host_per_batch, o.record.reason));
    return 0;
}

} // namespace

void setup_assign_import(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
    const Lang lang = global.language; // for the validator's words
    auto o = std::make_shared<ImportCliOptions>();
    auto* sub = assign.add_subcommand("import", "Import a roster (花名册: .xlsx, .xls, CSV or tab-separated text): all "
                                                "rows or none");
    sub->add_option("FILE", o->file, "The roster file, or - for CSV/text on standard input")->required();
    sub->add_option("--map", o->maps, "HEADER=FIELD: read a column this roster heads otherwise (repeatable), e.g. "
                                      "--map 原单位名称=home_unit")
        ->allow_extra_args(false)
        ->check([lang](const std::string& m) -> std::string {
            auto eq = m.find('=');
            if (eq == std::string::npos || util::clean(m.substr(0, eq)).empty())
                return util::words(msg("write HEADER=FIELD, e.g. --map 原单位=home_unit"), lang);
            if (!meaning_of_target(m.substr(eq + 1)))
                return util::words(msg("'{}' is no column (a roster field such as home_unit or 派出单位, or one of {})",
                                       util::printable(util::clean(m.substr(eq + 1))), kSpecialTargets),
                                   lang);
            return {};
        });
    add_table_options(sub, o->table);
    sub->add_flag("--dry-run", o->dry_run, "Validate every row and report, but write nothing");
    sub->add_flag("--ignore-unknown-columns", o->ignore_unknown, "Skip columns guazhi does not know");
    sub->add_flag("--update", o->update,
                  "A row that says other of a known cadre changes the record (dated fields from its start date, "
                  "the rest corrected) instead of being refused");
    sub->add_option("--since", o->since, "With --update: the day the dated fields changed (default: each row's start date)");
    add_record_flags(sub, o->record);
    sub->footer("Columns (Chinese or English headers, any order; README \"Columns\" lists every alias): 身份证号\n"
                "id_number, 姓名 name, 性别 gender, 民族 ethnicity, 出生年月 birth_date, 政治面貌 political_status,\n"
                "学历 education, 干部类别 categories, 派出单位 home_unit, 所属县区 home_county, 原单位层级 home_level,\n"
                "原职务 home_post, 挂职类型 direction, 接收单位 host_unit, 挂职职务 host_post, 开始日期 start_date,\n"
                "结束日期 end_date, 年度 batch_year, 全日制教育 education_fulltime, 在职教育 education_inservice,\n"
                "籍贯 native_place, 参加工作时间 started_work, 入党时间 joined_party, 职级 rank, 联系电话 phone,\n"
                "备注 remark, 挂职项目 programme; also 序号, 挂职起止时间 (a term in one cell), 派出单位及职务 and\n"
                "接收单位及挂职职务 (a unit and a post in one cell). Title lines above the header, two-row headers\n"
                "and footer lines (填表人, 合计 …) are recognised and skipped, and the summary says so.\n"
                "Problems are reported as FILE:LINE: column: message (FILE:SHEET!CELL for workbooks). Rows already\n"
                "recorded identically are skipped.\n"
                "Example:\n  guazhi assign import examples/roster-2005-2006.csv --dry-run\n"
                "  guazhi assign import 2007年花名册.xlsx --sheet 下派 --map 原单位名称=home_unit");
    sub->callback([o, &global, &exit_code] { exit_code = run_import(*o, make_context(global, o->record.by)); });
}

} // namespace guazhi::cli
