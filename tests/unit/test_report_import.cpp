// import_reports: a CSV of submitted reports under Chinese or English headers, all or nothing.
#include "app/imports.hpp"
#include "error.hpp"
#include "report_sample.hpp"
#include "store/report_import.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include <sstream>
#include <string>

using namespace guazhi;
using namespace guazhi::test::report_sample;
using guazhi::test::contains;
using guazhi::test::count;
using guazhi::test::error_of;
using guazhi::test::he;
using guazhi::test::luo;

namespace {

std::size_t import_csv(Fixture& fx, const std::string& text, const std::string& name = "r.csv") {
    std::istringstream in(text);
    return app::import_reports(fx.db, {in, "", name, {}}, fx.config, "李干事").rows;
}

// Rows of the reports table: "assignment kind period submitted_on recipient recorded_by".
Lines report_rows(Fixture& fx) {
    SQLite::Statement s(fx.db.sql(), "SELECT assignment_id, kind, period, submitted_on, recipient, recorded_by "
                                     "FROM reports ORDER BY id");
    Lines out;
    while (s.executeStep()) {
        std::string line;
        for (int i = 0; i < 6; ++i) line += (i ? " " : "") + s.getColumn(i).getString();
        out.push_back(line);
    }
    return out;
}

} // namespace


TEST_CASE("reports: import_reports records rows under Chinese headers") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::int64_t other = fx.add(he());
    std::string a = std::to_string(id), b = std::to_string(other);

    std::size_t n = import_csv(fx, "挂职编号,报告类型,期次,提交日期,报送对象\n" +
                                       a + ",季度汇报,Q1,2006-11-10,派出单位\n" +
                                       a + ",思想和工作汇报,2007H1,2007/2/10,市委组织部\n"
                                       ",,,,\n" +
                                       b + ",季报,2006Q4,2006年12月12日,\n" +
                                       a + ",挂职工作总结,总结,2007.8.20,组织部\n");
    CHECK(n == 4);
    CHECK(report_rows(fx) == Lines{a + " quarterly Q1 2006-11-10 home 李干事", a + " semiannual H1 2007-02-10 orgdept 李干事",
                                   b + " quarterly Q1 2006-12-12 both 李干事", a + " final final 2007-08-20 orgdept 李干事"});
    CHECK(count(fx.db, "reports WHERE assignment_id = " + b + " AND period_start = '2006-09-01' AND "
                                                                "period_end = '2006-11-30'") == 1);
}

TEST_CASE("reports: import_reports reads the ID number under the roster's other headers too") {
    // One header rule for the roster and the batch imports (util::header_names): a sheet that
    // says 身份证号码 or 公民身份号码, as many 花名册 do, is read the same way.
    for (const std::string header : {"身份证号码", "公民身份号码", " 身份证号 ", "ID_Number"}) {
        CAPTURE(header);
        Fixture fx;
        std::int64_t id = fx.add(luo());
        CHECK(import_csv(fx, header + ",报告类型,期次,提交日期\n511028197003141730,季度汇报,Q1,2006-11-10\n") == 1);
        CHECK(report_rows(fx) == Lines{std::to_string(id) + " quarterly Q1 2006-11-10 both 李干事"});
    }
}

TEST_CASE("reports: import_reports finds the assignment by 身份证号 and 年度") {
    Fixture fx;
    std::int64_t earlier = fx.add(luo_2005());
    std::int64_t id = fx.add(luo());
    std::int64_t other = fx.add(he());

    std::size_t n = import_csv(fx, "身份证号,年度,报告类型,期次,提交日期\n"
                                   "511028197003141730,2006,季度汇报,Q1,2006-11-10\n"
                                   "511028197003141730,2005,季度汇报,Q1,2005-11-10\n"
                                   "511002198104161811,,季度汇报,Q1,2006-12-01\n");
    CHECK(n == 3);
    CHECK(report_rows(fx) == Lines{std::to_string(id) + " quarterly Q1 2006-11-10 both 李干事",
                                   std::to_string(earlier) + " quarterly Q1 2005-11-10 both 李干事",
                                   std::to_string(other) + " quarterly Q1 2006-12-01 both 李干事"});
    CHECK(count(fx.db, "reports WHERE assignment_id = " + std::to_string(earlier) +
                           " AND period_start = '2005-08-01' AND period_end = '2005-10-31'") == 1);
}

TEST_CASE("reports: import_reports lists every bad row and writes nothing") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::string a = std::to_string(id);
    std::int64_t existing = fx.report(id, "semiannual", "H1", {2007, 2, 1});
    Lines before = report_rows(fx);

    std::string csv = "挂职编号,报告类型,期次,提交日期\n" +          // 1
                      a + ",季度汇报,Q1,2006-11-10\n" +               // 2: good
                      a + ",季度汇报,Q9,2007-02-10\n" +               // 3: no such quarter
                      a + ",季度汇报,Q2,2006-10-15\n" +               // 4: before Q2 began
                      a + ",汇报,Q3,2007-05-10\n" +                   // 5: unknown kind
                      a + ",季度汇报,Q3,2007-13-01\n" +               // 6: no such date
                      a + ",思想和工作汇报,H1,2007-02-20\n" +         // 7: already recorded
                      a + ",季度汇报,Q4,2007-08-10\n";                // 8: good
    std::string message = error_of([&] { import_csv(fx, csv); });
    CHECK(contains(message, "r.csv:3: 期次: Q9 is outside the term; its quarterly periods are: " + kQuarters2006 + "\n"));
    CHECK(contains(message, "r.csv:4: 提交日期: 2006-10-15 is before the period Q2 began (2006-11-01)\n"));
    CHECK(contains(message, "r.csv:5: 报告类型: unknown report kind '汇报' (expected one of: 季度汇报 (quarterly), "
                            "思想和工作汇报 (semiannual), 挂职工作总结 (final))\n"));
    CHECK(contains(message, "r.csv:6: 提交日期: "));
    CHECK(contains(message, "r.csv:7: "));
    CHECK(contains(message, "report #" + std::to_string(existing) + " (semiannual H1, submitted 2007-02-01) is already recorded"));
    CHECK_FALSE(contains(message, "r.csv:2:"));
    CHECK_FALSE(contains(message, "r.csv:8:"));
    CHECK(message.ends_with("\nr.csv: nothing was written"));
    CHECK(report_rows(fx) == before);
    CHECK(fx.reports() == 1);

    // A single bad row among good ones is enough to write nothing.
    message = error_of([&] {
        import_csv(fx, "挂职编号,报告类型,期次,提交日期\n" + a + ",季度汇报,Q1,2006-11-10\n" + a +
                           ",季度汇报,2008Q1,2008-04-01\n" + a + ",季度汇报,Q2,2007-02-10\n");
    });
    CHECK(message == "r.csv:3: 期次: no quarterly period of the term ends in 2008Q1; its periods are: " + kQuarters2006 +
                         "\nr.csv: nothing was written");
    CHECK(report_rows(fx) == before);
}

TEST_CASE("reports: import_reports puts each refusal at the column of the parameter it is about") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::string a = std::to_string(id);
    std::int64_t existing = fx.report(id, "semiannual", "H1", {2007, 2, 1});
    std::string csv = "挂职编号,报告类型,期次,提交日期\n" + a + ",思想和工作汇报,H1,2007-02-20\n" + // 2: already recorded
                      "999,季度汇报,Q1,2006-11-10\n";                                            // 3: no such assignment
    std::string message = error_of([&] { import_csv(fx, csv); });
    // Lib names a parameter the file has no column for by its domain name; the cli passes its flags.
    CHECK(contains(message, "r.csv:2: 期次: report #" + std::to_string(existing) +
                                " (semiannual H1, submitted 2007-02-01) is already recorded; replace replaces it"));
    CHECK(contains(message, "r.csv:3: 挂职编号: no assignment #999\n"));
    std::istringstream in(csv);
    message = error_of([&] { app::import_reports(fx.db, {in, "", "r.csv", {}}, fx.config, "李干事", cli::flag_of); });
    CHECK(contains(message, "is already recorded; --replace replaces it and keeps it in the history\n"));
    CHECK(fx.reports() == 1);

    // A masked ID number names the flag that gives the full one (the cli's names), or its
    // domain name in lib's own wording.
    std::string masked = "身份证号,报告类型,期次,提交日期\n511***********1730,季度汇报,Q1,2006-11-10\n";
    std::istringstream again(masked);
    message = error_of([&] { app::import_reports(fx.db, {again, "", "r.csv", {}}, fx.config, "李干事", cli::flag_of); });
    CHECK(contains(message, "r.csv:2: 身份证号: ID number '511***********1730' is masked; export again with --reveal-id "
                            "to import\n"));
    CHECK(contains(error_of([&] { import_csv(fx, masked); }), "export again with reveal_id to import"));
}

TEST_CASE("reports: import_reports checks the header") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::string row1 = std::to_string(id) + ",季度汇报,Q1,2006-11-10\n";

    CHECK(error_of([&] { import_csv(fx, "挂职编号,报告类型,期次,提交日期,备注\n" + row1); }) ==
          "r.csv:1:5: unknown column '备注'");
    CHECK(error_of([&] { import_csv(fx, "挂职编号,报告类型,期次,期次\n" + row1); }) == "r.csv:1:4: duplicate column '期次'");
    CHECK(error_of([&] { import_csv(fx, "挂职编号,assignment_id,报告类型,期次,提交日期\n" + row1); }) ==
          "r.csv:1:2: duplicate column 'assignment_id'");
    CHECK(error_of([&] { import_csv(fx, "挂职编号,报告类型,提交日期\n" + row1); }) == "r.csv:1: missing column 期次 (period)");
    CHECK(error_of([&] { import_csv(fx, "报告类型,期次,提交日期\n季度汇报,Q1,2006-11-10\n"); }) ==
          "r.csv:1: missing column 挂职编号 (assignment_id) or 身份证号 (id_number)");
    CHECK(error_of([&] { import_csv(fx, ""); }) == "r.csv: the file is empty (no header row)");
    CHECK(error_of([&] { import_csv(fx, "挂职编号,报告类型,期次,提交日期\n"); }) ==
          "r.csv: there are no data rows after the header");
    CHECK(fx.reports() == 0);

    // English headers, any case, do as well.
    CHECK(import_csv(fx, "Assignment_ID,kind,period,submitted_on,recipient\n" + std::to_string(id) +
                             ",quarterly,Q1,2006-11-10,home\n") == 1);
    CHECK(report_rows(fx) == Lines{std::to_string(id) + " quarterly Q1 2006-11-10 home 李干事"});
}

TEST_CASE("reports: import_reports needs 年度 for a cadre with two assignments") {
    Fixture fx;
    fx.add(luo_2005());
    fx.add(luo());
    CHECK(error_of([&] { import_csv(fx, "身份证号,报告类型,期次,提交日期\n511028197003141730,季度汇报,Q1,2006-11-10\n"); }) ==
          "r.csv:2: 身份证号: the cadre has several assignments; add 年度 (batch_year) or 挂职编号\n"
          "r.csv: nothing was written");
    CHECK(error_of([&] {
              import_csv(fx, "身份证号,年度,报告类型,期次,提交日期\n511028197003141730,2007,季度汇报,Q1,2007-11-10\n");
          }) == "r.csv:2: 身份证号: no assignment of this cadre is recorded (for that year)\nr.csv: nothing was written");
    CHECK(fx.reports() == 0);
}

TEST_CASE("reports: import_reports names the 挂职编号 column for an assignment id that is not there") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::string missing = std::to_string(id + 98);
    // The problem is the assignment id; the message should point at that column.
    CHECK(error_of([&] { import_csv(fx, "挂职编号,报告类型,期次,提交日期\n" + missing + ",季度汇报,Q1,2006-11-10\n"); }) ==
          "r.csv:2: 挂职编号: no assignment #" + missing + "\nr.csv: nothing was written");
    CHECK(fx.reports() == 0);
}

TEST_CASE("reports: import_reports takes an over-long 挂职编号 as a row problem, not an escaping exception") {
    Fixture fx;
    fx.add(luo());
    std::string message;
    CHECK_NOTHROW(message = error_of([&] {
                      import_csv(fx, "挂职编号,报告类型,期次,提交日期\n99999999999999999999,季度汇报,Q1,2006-11-10\n");
                  }));
    CHECK(message.starts_with("r.csv:2: 挂职编号: "));
    CHECK(message.ends_with("\nr.csv: nothing was written"));
    CHECK(fx.reports() == 0);
}

namespace {

ReportImport import_with(Fixture& fx, const std::string& text, ReportImportOptions options) {
    std::istringstream in(text);
    return app::import_reports(fx.db, {in, "", "r.csv", {}}, fx.config, "李干事", cli::flag_of, options);
}

} // namespace

TEST_CASE("reports: import_reports checks 姓名 against the assignment's cadre") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::int64_t other = fx.add(he());
    std::string a = std::to_string(id), b = std::to_string(other);

    // The cadre's name, however padded (罗 鸿灵, a full-width space), or none, is accepted.
    CHECK(import_csv(fx, "挂职编号,姓名,报告类型,期次,提交日期\n" + a + ",罗鸿灵,季度汇报,Q1,2006-11-10\n" + a +
                             ",罗　鸿灵,季度汇报,Q2,2007-02-10\n" + b + ",,季度汇报,Q1,2006-12-10\n") == 3);
    CHECK(fx.reports() == 3);
    // Under the roster's header too, with 身份证号.
    CHECK(import_csv(fx, "身份证号,姓 名,报告类型,期次,提交日期\n511028197003141730,罗鸿灵,季度汇报,Q3,2007-05-10\n") == 1);
    CHECK(fx.reports() == 4);

    // Another person's row pasted under this id: both names and the place, nothing written.
    Lines before = report_rows(fx);
    std::string message = error_of([&] {
        import_csv(fx, "挂职编号,姓名,报告类型,期次,提交日期\n" + a + ",罗鸿灵,季度汇报,Q4,2007-08-10\n" + a +
                           ",何俊杰,思想和工作汇报,H1,2007-02-10\n");
    });
    CHECK(message == "r.csv:3: 姓名: the name '何俊杰' is not that of assignment #" + a + "'s cadre, '罗鸿灵'\n"
                     "r.csv: nothing was written");
    CHECK(report_rows(fx) == before);
    message = error_of([&] {
        import_csv(fx, "身份证号,姓名,报告类型,期次,提交日期\n511028197003141730,何俊杰,季度汇报,Q4,2007-08-10\n");
    });
    CHECK(contains(message, "r.csv:2: 姓名: the name '何俊杰' is not that of assignment #" + a + "'s cadre, '罗鸿灵'\n"));
    CHECK_FALSE(contains(message, "511028197003141730"));
    CHECK(report_rows(fx) == before);
}

TEST_CASE("reports: import_reports --dry-run checks every row and writes nothing") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::string a = std::to_string(id);
    std::string good = "挂职编号,报告类型,期次,提交日期\n" + a + ",季度汇报,Q1,2006-11-10\n" + a + ",季度汇报,Q2,2007-02-10\n";
    ReportImportOptions dry;
    dry.dry_run = true;
    ReportImport r = import_with(fx, good, dry);
    CHECK(r.rows == 2);
    CHECK_FALSE(r.committed);
    CHECK(fx.reports() == 0);
    CHECK(count(fx.db, "changes") == 0);
    // A bad row is refused in a dry run as in a real one.
    CHECK(error_of([&] { import_with(fx, good + a + ",季度汇报,Q9,2007-02-10\n", dry); }) ==
          "r.csv:4: 期次: Q9 is outside the term; its quarterly periods are: " + kQuarters2006 +
              "\nr.csv: nothing was written");
    CHECK(fx.reports() == 0);
    // Two rows of the file for one period are found in the dry run too.
    CHECK(contains(error_of([&] { import_with(fx, good + a + ",季度汇报,Q1,2006-11-12\n", dry); }),
                   "r.csv:4: 期次: report #"));
    CHECK(fx.reports() == 0);
    // The same file for real.
    r = import_with(fx, good, {});
    CHECK(r.committed);
    CHECK(fx.reports() == 2);
}

TEST_CASE("reports: import_reports --ignore-unknown-columns skips what it does not know") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::string csv = "挂职编号,报告类型,期次,提交日期,备注,审核人\n" + std::to_string(id) + ",季度汇报,Q1,2006-11-10,按时,张科长\n";
    CHECK(error_of([&] { import_with(fx, csv, {}); }) == "r.csv:1:5: unknown column '备注'");
    CHECK(fx.reports() == 0);
    ReportImportOptions ignore;
    ignore.ignore_unknown_columns = true;
    ReportImport r = import_with(fx, csv, ignore);
    CHECK(r.rows == 1);
    CHECK(r.ignored_columns == std::vector<std::string>{"备注", "审核人"});
    CHECK(report_rows(fx) == Lines{std::to_string(id) + " quarterly Q1 2006-11-10 both 李干事"});
    // A duplicate column stays an error.
    CHECK(error_of([&] { import_with(fx, "挂职编号,报告类型,期次,期次\n1,季度汇报,Q1,Q1\n", ignore); }) ==
          "r.csv:1:4: duplicate column '期次'");
}
