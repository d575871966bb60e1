// guazhi assign import FILE: a roster CSV from Excel/WPS, all rows or none.
#include "commands.hpp"
#include "error.hpp"
#include "store/importer.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace guazhi::cli {

namespace {

struct ImportCliOptions {
    std::string file;
    std::string encoding = "auto";
    bool dry_run = false;
    bool ignore_unknown = false;
    RecordFlags record;
};

int run_import(const ImportCliOptions& o, const Context& ctx) {
    ImportOptions options;
    options.encoding = *util::parse_encoding(o.encoding); // checked by the option's validator
    options.dry_run = o.dry_run;
    options.ignore_unknown_columns = o.ignore_unknown;
    options.policy = o.record.to_policy();
    bool tty = ::isatty(STDERR_FILENO);
    options.progress = [tty](std::size_t rows) {
        if (tty && rows >= 5000) fmt::print(stderr, "\rread {} rows…", rows);
    };

    Input input(o.file);
    const std::string& name = input.name();
    Database db = ctx.open(o.dry_run ? OpenMode::read : OpenMode::write);
    ImportReport report = import_roster(db, input.stream(), name, ctx.config, options);
    if (tty && report.rows >= 5000) fmt::print(stderr, "\r{:30}\r", ""); // wipe the progress line

    for (const auto& p : report.problems) fmt::print(stderr, "{}\n", p);
    if (report.problem_count > report.problems.size())
        fmt::print(stderr, "… and {} more problems\n", report.problem_count - report.problems.size());
    std::string_view encoding = report.encoding == util::Encoding::utf8 ? "UTF-8" : "GB18030";
    if (report.problem_count > 0) {
        fmt::print(stderr, "{}: {} problem{} in {} row{}; nothing was written\n", name, report.problem_count,
                   report.problem_count == 1 ? "" : "s", report.rows, report.rows == 1 ? "" : "s");
        return 1;
    }
    fmt::print(stderr, "{}: {} row{} ({}): {} {}, {} already recorded (skipped)\n", name, report.rows,
               report.rows == 1 ? "" : "s", encoding,
               report.inserted, o.dry_run ? "would be added (dry run, nothing written)" : "added", report.identical);
    if (report.over_quota)
        fmt::print(stderr, "{} row{} beyond max_per_host_per_batch = {} (override recorded: {})\n", report.over_quota,
                   report.over_quota == 1 ? "" : "s", ctx.config.max_per_host_per_batch, o.record.reason);
    return 0;
}

} // namespace

void setup_assign_import(CLI::App& assign, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<ImportCliOptions>();
    auto* sub = assign.add_subcommand("import", "Import a roster CSV (Excel/WPS, UTF-8 or GBK): all rows or none");
    sub->add_option("FILE", o->file, "CSV file, or - for standard input")->required();
    add_encoding_option(sub, o->encoding);
    sub->add_flag("--dry-run", o->dry_run, "Validate every row and report, but write nothing");
    sub->add_flag("--ignore-unknown-columns", o->ignore_unknown, "Skip columns guazhi does not know");
    add_record_flags(sub, o->record);
    sub->footer("Columns (Chinese or English headers, any order): 身份证号 id_number, 姓名 name, 性别 gender,\n"
                "民族 ethnicity, 出生年月 birth_date, 政治面貌 political_status, 学历 education, 干部类别 categories,\n"
                "派出单位 home_unit, 所属县区 home_county, 原单位层级 home_level, 原职务 home_post, 挂职类型 direction,\n"
                "接收单位 host_unit, 挂职职务 host_post, 开始日期 start_date, 结束日期 end_date, 年度 batch_year.\n"
                "Problems are reported as FILE:LINE: column: message. Rows already recorded identically are skipped.\n"
                "Example:\n  guazhi assign import examples/roster-2005-2006.csv --dry-run");
    sub->callback([o, &global, &exit_code] { exit_code = run_import(*o, make_context(global)); });
}

} // namespace guazhi::cli
