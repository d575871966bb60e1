// guazhi assign import FILE: a roster (花名册) as the clerk has it — CSV or tab-separated text,
// .xlsx or .xls — all rows or none.
#include "commands.hpp"
#include "flags.hpp"
#include "error.hpp"
#include "app/imports.hpp"
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
            throw Error(fmt::format("--map '{}': write HEADER=FIELD, e.g. --map 原单位=home_unit", util::printable(m)));
        auto meaning = meaning_of_target(target);
        if (!meaning)
            throw Error(fmt::format("--map '{}': '{}' is no column (a roster field such as home_unit or 派出单位, or one "
                                    "of {})",
                                    util::printable(m), util::printable(target), kSpecialTargets));
        aliases.emplace_back(header, *meaning);
    }
    for (const auto& [header, target] : config.policy.column_aliases)
        aliases.emplace_back(header, *meaning_of_target(target)); // checked when the config was read
    return aliases;
}

// The lines of the summary that say how the sheet was read: nothing is skipped unsaid.
void print_reading_notes(const ImportReport& r, const std::string& name) {
    auto plural = [](std::size_t n, std::string_view one, std::string_view many) {
        return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    if (r.lines_above_header)
        diag("{}: skipped {} above the header\n", name, plural(r.lines_above_header, "line", "lines"));
    if (r.header_rows > 1) diag("{}: the header has {} rows\n", name, r.header_rows);
    if (r.footer_lines)
        diag("{}: skipped {} (填表人, 合计 …)\n", name, plural(r.footer_lines, "footer line", "footer lines"));
    if (r.hidden_rows)
        diag("{}: {} read as data\n", name, plural(r.hidden_rows, "hidden row", "hidden rows"));
    if (!r.ignored_columns.empty())
        diag("{}: ignored {}: {}\n", name, plural(r.ignored_columns.size(), "column", "columns"),
                   util::printable(fmt::format("{}", fmt::join(r.ignored_columns, ", ")), 400));
    if (!r.derived_columns.empty())
        diag("{}: not read (computed from the other columns): {}\n", name,
                   util::printable(fmt::format("{}", fmt::join(r.derived_columns, ", ")), 400));
    if (r.start_months)
        diag("{}: {} given as a month, taken as its first day\n", name,
                   plural(r.start_months, "start date", "start dates"));
    if (r.end_months)
        diag("{}: {} given as a month, taken as its last day\n", name,
                   plural(r.end_months, "end date", "end dates"));
    if (r.directions_inferred)
        diag("{}: {} without 挂职类型: 下派 where the host is a township, else 上挂\n", name,
                   plural(r.directions_inferred, "row", "rows"));
}

int run_import(const ImportCliOptions& o, const Context& ctx) {
    ImportOptions options;
    options.dry_run = o.dry_run;
    options.ignore_unknown_columns = o.ignore_unknown;
    options.policy = o.record.to_policy();
    if (o.since && !o.update) throw UsageError("--since goes with --update (the day the file's new values took effect)");
    options.policy.update = o.update;
    options.policy.offer_update = true;
    options.policy.update_since = flag_date(o.since, "--since");
    options.aliases = column_aliases(o.maps, ctx.config);
    options.name = flag_of;
    bool tty = ::isatty(STDERR_FILENO);
    options.progress = [tty](std::size_t rows) {
        if (tty && rows >= 5000) diag("\rread {} rows…", rows);
    };

    Input input(o.file);
    const std::string& name = input.name();
    Database db = ctx.open(o.dry_run ? OpenMode::read : OpenMode::write);
    ImportReport report = app::import_roster(db, input.table(o.table), ctx.config, options);
    if (tty && report.rows >= 5000) diag("\r{:30}\r", ""); // wipe the progress line

    for (const auto& p : report.problems) diag("{}\n", p);
    if (report.problem_count > report.problems.size())
        diag("… and {} more problems\n", report.problem_count - report.problems.size());
    if (report.problem_count > 0) {
        diag("{}: {} problem{} in {} row{}; nothing was written\n", name, report.problem_count,
                   report.problem_count == 1 ? "" : "s", report.rows, report.rows == 1 ? "" : "s");
        return 1;
    }
    for (const auto& u : report.updates) diag("{}\n", u);
    if (!report.updates.empty())
        diag("{}: {} {} of known cadres {}\n", name, report.updates.size(),
             report.updates.size() == 1 ? "value" : "values", o.dry_run ? "would change (dry run)" : "changed");
    print_reading_notes(report, name);
    diag("{}: {} row{} ({}): {} {}, {} already recorded (skipped)\n", name, report.rows,
               report.rows == 1 ? "" : "s", report.source,
               report.inserted, o.dry_run ? "would be added (dry run, nothing written)" : "added", report.identical);
    if (report.over_quota)
        diag("{} row{} beyond max_per_host_per_batch = {} (override recorded: {})\n", report.over_quota,
                   report.over_quota == 1 ? "" : "s", ctx.config.policy.max_per_host_per_batch, o.record.reason);
    return 0;
}

} // namespace

void setup_assign_import(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<ImportCliOptions>();
    auto* sub = assign.add_subcommand("import", "Import a roster (花名册: .xlsx, .xls, CSV or tab-separated text): all "
                                                "rows or none");
    sub->add_option("FILE", o->file, "The roster file, or - for CSV/text on standard input")->required();
    sub->add_option("--map", o->maps, "HEADER=FIELD: read a column this roster heads otherwise (repeatable), e.g. "
                                      "--map 原单位名称=home_unit")
        ->allow_extra_args(false)
        ->check([](const std::string& m) -> std::string {
            auto eq = m.find('=');
            if (eq == std::string::npos || util::clean(m.substr(0, eq)).empty())
                return "write HEADER=FIELD, e.g. --map 原单位=home_unit";
            if (!meaning_of_target(m.substr(eq + 1)))
                return fmt::format("'{}' is no column (a roster field such as home_unit or 派出单位, or one of {})",
                                   util::printable(util::clean(m.substr(eq + 1))), kSpecialTargets);
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
