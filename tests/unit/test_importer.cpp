#include "app/imports.hpp"
#include "error.hpp"
#include "fixture.hpp"
#include "flags.hpp"
#include "store/assignment_store.hpp"
#include "store/importer.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace guazhi;

using guazhi::test::contains;
using guazhi::test::count;

namespace {

const std::string kExample = std::string(GUAZHI_EXAMPLES) + "/roster-2005-2006.csv";

const char* const kHeader = guazhi::test::kRosterHeader;
const char* const kRowLuo = guazhi::test::kRosterRowLuo;
const char* const kRowSu = "51101119760922324X,苏莉,中共党员,东兴区司法局,上挂,市司法局,2005-08-01\n";
const char* const kRowWu = "511025196811053356,吴建忠,中共党员,资中县委办公室,上挂,市委办,2005-08-01\n";

using guazhi::test::import_text;

ImportReport import_example(Database& db, const ImportOptions& options = {}) {
    std::ifstream in(kExample, std::ios::binary);
    REQUIRE(in);
    return app::import_roster(db, {in, "", "roster-2005-2006.csv", {}}, Config{}, options);
}

// The message of the Error importing `text` throws; empty when it does not.
std::string import_error(const std::string& text, const ImportOptions& options = {},
                         util::TableOptions table = {}) {
    Database db = Database::in_memory();
    try {
        import_text(db, text, options, {}, std::move(table));
    } catch (const Error& e) {
        return guazhi::cli::words(e);
    }
    return {};
}

} // namespace

TEST_CASE("importer: the example roster imports completely") {
    Database db = Database::in_memory();
    ImportReport r = import_example(db);
    CHECK(r.problems.empty());
    CHECK(r.problem_count == 0);
    CHECK(r.rows == 40);
    CHECK(r.inserted == 40);
    CHECK(r.identical == 0);
    CHECK(r.committed);
    CHECK(r.source == "UTF-8");
    CHECK(count(db, "assignments") == 40);
    CHECK(count(db, "cadres") == 40);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM assignments WHERE batch_year = 2005").getInt() == 13);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM assignments WHERE batch_year = 2006").getInt() == 27);
    CHECK(db.sql().execAndGet("SELECT count(*) FROM cadre_categories").getInt() == 8);

    // A row as the store gives it back: 苏莉, whose post holds a quoted comma.
    AssignmentStore store(db.sql());
    auto su = store.find_cadre("51101119760922324X");
    REQUIRE(su);
    CHECK(su->cadre.name == "苏莉");
    CHECK(su->cadre.gender == "female");
    CHECK(su->cadre.birth_date == "1976-09-22");
    auto terms = store.assignments_of(su->id);
    REQUIRE(terms.size() == 1);
    CHECK(terms[0].home_post == "办公室副主任,主任科员");
    CHECK(terms[0].home_unit == Unit{"东兴区司法局", "county_dept", "东兴区"});
    CHECK(terms[0].host_unit == Unit{"市司法局", "city_organ", ""});
    CHECK(terms[0].start.iso() == "2005-08-01");
    CHECK(terms[0].end.iso() == "2006-07-31");
    // 陈浩's dates were written 2006年8月1日.
    auto chen = store.find_cadre("511025198007250753");
    REQUIRE(chen);
    CHECK(store.assignments_of(chen->id).at(0).end.iso() == "2007-07-31");
    CHECK(chen->cadre.categories == std::vector<std::string>{"selected_graduate"});
}

TEST_CASE("importer: importing the same file again finds every row identical") {
    Database db = Database::in_memory();
    REQUIRE(import_example(db).inserted == 40);
    ImportReport again = import_example(db);
    CHECK(again.rows == 40);
    CHECK(again.inserted == 0);
    CHECK(again.identical == 40);
    CHECK(again.problems.empty());
    CHECK(again.committed);
    CHECK(count(db, "assignments") == 40);
}

TEST_CASE("importer: one bad row among good ones refuses the whole file") {
    Database db = Database::in_memory();
    std::string text = std::string(kHeader) + kRowLuo + "511028197003141731,苏莉,中共党员,东兴区司法局,上挂,市司法局,2005-08-01\n" +
                       kRowWu;
    ImportReport r = import_text(db, text);
    CHECK(r.rows == 3);
    CHECK_FALSE(r.committed);
    CHECK(r.problem_count == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0] == "t.csv:3: 身份证号: ID number '511028197003141731' has a wrong check digit (expected 0)");
    CHECK(count(db, "assignments") == 0);
    CHECK(count(db, "cadres") == 0);
    CHECK(count(db, "units") == 0);
}

TEST_CASE("importer: problems name the column as the file's header wrote it") {
    Database db = Database::in_memory();
    std::string text = "身份证号码,姓名,政治面貌,派员单位,挂职方式,挂职单位,挂职开始日期,截止日期\n"
                       "511028197003141730,罗鸿灵,火星人,隆昌县国土资源局,上挂,市国土资源局,2005-08-01,2005-07-01\n";
    ImportReport r = import_text(db, text);
    REQUIRE(r.problems.size() == 2);
    CHECK(english(r.problems[0]).starts_with("t.csv:2: 政治面貌: unknown political status '火星人'"));
    CHECK(r.problems[1] == "t.csv:2: 截止日期: 2005-07-01 is before the start date 2005-08-01");
}

TEST_CASE("importer: problems found by the recorder are reported the same way") {
    Database db = Database::in_memory();
    REQUIRE(import_text(db, std::string(kHeader) + kRowLuo).committed);
    // The same ID with another name, in a later year.
    std::string text = std::string(kHeader) + "511028197003141730,罗宏灵,中共党员,隆昌县国土资源局,上挂,市国土资源局,2006-08-01\n";
    ImportReport r = import_text(db, text);
    CHECK_FALSE(r.committed);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0] == "t.csv:2: 身份证号: 511***********1730 is recorded with other data — 罗鸿灵 姓名: 罗鸿灵 → 罗宏灵");
    CHECK(count(db, "assignments") == 1);
}

TEST_CASE("importer: the line of a problem is the line its record starts on") {
    Database db = Database::in_memory();
    std::string text = std::string("身份证号,姓名,政治面貌,派出单位,原职务,挂职类型,接收单位,开始日期\n") +
                       "511028197003141730,罗鸿灵,中共党员,隆昌县国土资源局,\"地籍股\n股长\",上挂,市国土资源局,2005-08-01\n" +
                       "\n" +
                       "51101119760922324X,苏莉,中共党员,东兴区司法局,,上挂,市司法局,2005-02-30\n";
    ImportReport r = import_text(db, text);
    CHECK(r.rows == 2);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0] == "t.csv:5: 开始日期: '2005-02-30' is not a real date");
}

TEST_CASE("importer: the same cadre twice in one file with overlapping terms") {
    Database db = Database::in_memory();
    std::string text = std::string(kHeader) + kRowLuo +
                       "511028197003141730,罗鸿灵,中共党员,隆昌县国土资源局,上挂,市委办,2006-01-01\n";
    ImportReport r = import_text(db, text);
    CHECK_FALSE(r.committed);
    REQUIRE(r.problems.size() == 1);
    CHECK(english(r.problems[0]).starts_with("t.csv:3: 开始日期: the term 2006-01-01..2006-12-31 overlaps assignment #"));
    CHECK(count(db, "assignments") == 0);
}

TEST_CASE("importer: dry_run validates and counts but writes nothing") {
    Database db = Database::in_memory();
    ImportOptions options;
    options.dry_run = true;
    ImportReport r = import_example(db, options);
    CHECK(r.rows == 40);
    CHECK(r.inserted == 40);
    CHECK(r.problems.empty());
    CHECK_FALSE(r.committed);
    CHECK(count(db, "assignments") == 0);
    CHECK(count(db, "cadres") == 0);
    CHECK(count(db, "units") == 0);
    // And a real import afterwards still works.
    CHECK(import_example(db).inserted == 40);
}

TEST_CASE("importer: title rows and blank rows above the header are skipped") {
    Database db = Database::in_memory();
    std::string text = std::string("2005年度挂职干部花名册,,,,,,\n") + ",,,,,,\n" + "（市委组织部　2005年7月）\n" + kHeader +
                       kRowLuo + ",,,,,,\n" + kRowSu + ",,,,,,\n,,,,,,\n";
    ImportReport r = import_text(db, text);
    CHECK(r.problems.empty());
    CHECK(r.rows == 2);
    CHECK(r.inserted == 2);
    CHECK(r.committed);
}

TEST_CASE("importer: the header is the first row naming the required columns, lines above it are counted") {
    std::string titles;
    for (int i = 0; i < 6; ++i) titles += "title\n";
    Database db = Database::in_memory();
    ImportReport r = import_text(db, titles + kHeader + kRowLuo);
    CHECK(r.problems.empty());
    CHECK(r.lines_above_header == 6);
    CHECK(r.inserted == 1);
    // Beyond the first 30 rows no header is looked for.
    std::string many;
    for (int i = 0; i < 30; ++i) many += "title\n";
    CHECK(contains(import_error(many + kHeader + kRowLuo), "t.csv: no header row in the first 30 rows"));
}

TEST_CASE("importer: a missing required column is an error naming it") {
    std::string msg = import_error("身份证号,政治面貌,派出单位,挂职类型,接收单位,开始日期\n"
                                   "511028197003141730,中共党员,隆昌县国土资源局,上挂,市国土资源局,2005-08-01\n");
    CHECK(msg.starts_with("t.csv:1: missing required column 姓名 (name) (of the first 2 rows, this one comes closest"));
    std::string two = import_error("身份证号,姓名,政治面貌,派出单位,接收单位\n1,2,3,4,5\n");
    CHECK(contains(two, "t.csv:1: missing required column 开始日期 (start_date) ("));
}

TEST_CASE("importer: a duplicate column is an error naming both") {
    std::string msg = import_error("身份证号,姓名,身份证号码,政治面貌,派出单位,挂职类型,接收单位,开始日期\n"
                                   "1,2,3,4,5,6,7,8\n");
    CHECK(msg == "t.csv:1:3: duplicate column '身份证号码': column 1 ('身份证号') already means id_number");
}

TEST_CASE("importer: an unknown column is an error unless ignored") {
    std::string text = std::string("身份证号,姓名,政治面貌,爱好,派出单位,挂职类型,接收单位,开始日期\n") +
                       "511028197003141730,罗鸿灵,中共党员,书法,隆昌县国土资源局,上挂,市国土资源局,2005-08-01\n";
    CHECK(import_error(text) ==
          "t.csv:1:4: unknown column '爱好' (use --ignore-unknown-columns to skip it, or --map '爱好=FIELD' to read it)");
    ImportOptions options;
    options.ignore_unknown_columns = true;
    Database db = Database::in_memory();
    ImportReport r = import_text(db, text, options);
    CHECK(r.problems.empty());
    CHECK(r.inserted == 1);
    CHECK(r.committed);
    AssignmentStore store(db.sql());
    auto cadre = store.find_cadre("511028197003141730");
    REQUIRE(cadre);
    CHECK(cadre->cadre.political_status == "cpc_member");
    CHECK(store.find_unit("隆昌县国土资源局").has_value());
}

TEST_CASE("importer: English headers and codes, as `export assignments` writes them") {
    Database db = Database::in_memory();
    std::string text = "id_number,name,political_status,home_unit,direction,host_unit,start_date,end_date,batch_year\n"
                       "511028197003141730,罗鸿灵,cpc_member,隆昌县国土资源局,up,市国土资源局,2005-08-01,2006-07-31,2005\n";
    ImportReport r = import_text(db, text);
    CHECK(r.problems.empty());
    CHECK(r.inserted == 1);
}

TEST_CASE("importer: values in an unnamed column are refused, empty ones are fine") {
    Database db = Database::in_memory();
    std::string header = "身份证号,姓名,政治面貌,派出单位,挂职类型,接收单位,开始日期,\n";
    std::string ok = "511028197003141730,罗鸿灵,中共党员,隆昌县国土资源局,上挂,市国土资源局,2005-08-01,\n";
    std::string extra = "51101119760922324X,苏莉,中共党员,东兴区司法局,上挂,市司法局,2005-08-01,,stray\n";
    ImportReport r = import_text(db, header + ok + extra);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0] == "t.csv:3: row: has values in 9 columns, the header names 8");
    std::string unnamed = "511025196811053356,吴建忠,中共党员,资中县委办公室,上挂,市委办,2005-08-01,stray\n";
    ImportReport u = import_text(db, header + unnamed);
    REQUIRE(u.problems.size() == 1);
    CHECK(u.problems[0] == "t.csv:2: row: column 8 has a value but no header");
}

TEST_CASE("importer: short rows leave the missing fields empty") {
    Database db = Database::in_memory();
    std::string text = std::string(kHeader) + "511028197003141730,罗鸿灵,中共党员,隆昌县国土资源局,上挂\n";
    ImportReport r = import_text(db, text);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0] == "t.csv:2: 接收单位: is required");
    CHECK(r.problems[1] == "t.csv:2: 开始日期: is required");
}

TEST_CASE("importer: header-only and empty input throw") {
    CHECK(import_error(kHeader) == "t.csv:1: there are no data rows after the header");
    CHECK(import_error(std::string(kHeader) + ",,,,,,\n\n") == "t.csv:1: there are no data rows after the header");
    CHECK(import_error("") == "t.csv: the file is empty (no header row)");
    CHECK(import_error("\n\n,,,\n") == "t.csv: the file is empty (no header row)");
    CHECK(import_error("\xEF\xBB\xBF") == "t.csv: the file is empty (no header row)");
}

TEST_CASE("importer: malformed CSV throws with the place") {
    std::string msg = import_error(std::string(kHeader) + "\"511028197003141730,罗鸿灵\n");
    CHECK(msg.starts_with("t.csv:2:1: quoted field is never closed"));
}

TEST_CASE("importer: max_problems caps the list but counts them all") {
    Database db = Database::in_memory();
    std::string text = kHeader;
    for (int i = 0; i < 5; ++i) text += "511028197003141731,罗鸿灵,中共党员,隆昌县国土资源局,上挂,市国土资源局,2005-08-01\n";
    ImportOptions options;
    options.max_problems = 2;
    ImportReport r = import_text(db, text, options);
    CHECK(r.rows == 5);
    CHECK(r.problem_count == 5);
    REQUIRE(r.problems.size() == 2);
    CHECK(english(r.problems[0]).starts_with("t.csv:2: 身份证号: "));
    CHECK(english(r.problems[1]).starts_with("t.csv:3: 身份证号: "));
    CHECK_FALSE(r.committed);
    options.max_problems = 0;
    ImportReport none = import_text(db, text, options);
    CHECK(none.problems.empty());
    CHECK(none.problem_count == 5);
}

TEST_CASE("importer: GBK input is detected and decoded") {
    Database db = Database::in_memory();
    // "身份证号,姓名,…\n511028197003141730,罗鸿灵,…" with the Chinese parts in GBK (checked with iconv).
    std::string text =
        "id_number,\xD0\xD5\xC3\xFB,political_status,home_unit,direction,host_unit,start_date\r\n"
        "511028197003141730,\xC2\xDE\xBA\xE8\xC1\xE9,cpc_member,\xD4\xBD\xCF\xAA\xD5\xF2,up,\xCA\xD0\xB2\xC6\xD5\xFE\xBE\xD6,2005-08-01\r\n";
    ImportReport r = import_text(db, text);
    CHECK(r.problems.empty());
    CHECK(r.source == "GB18030");
    CHECK(r.inserted == 1);
    AssignmentStore store(db.sql());
    auto c = store.find_cadre("511028197003141730");
    REQUIRE(c);
    CHECK(c->cadre.name == "罗鸿灵");
    auto home = store.find_unit("越溪镇");
    REQUIRE(home);
    CHECK(home->unit.kind == "township");
    CHECK(store.find_unit("市财政局").has_value());
}

TEST_CASE("importer: forcing UTF-8 on a GBK file throws with the place") {
    std::string msg = import_error("\xD0\xD5\xC3\xFB\n", {}, {util::Encoding::utf8, ""});
    CHECK(msg.starts_with("t.csv:1:1: invalid UTF-8"));
}

TEST_CASE("importer: cleaning of values: full-width digits, spaces, aliases") {
    Database db = Database::in_memory();
    std::string text = std::string(kHeader) +
                       "５１１０２８１９７００３１４１７３０,\xE3\x80\x80罗鸿灵 ,中国共产党党员,隆昌县国土资源局,上挂锻炼,市国土资源局,２００５年８月１日\n";
    ImportReport r = import_text(db, text);
    CHECK(r.problems.empty());
    REQUIRE(r.inserted == 1);
    AssignmentStore store(db.sql());
    auto c = store.find_cadre("511028197003141730");
    REQUIRE(c);
    CHECK(c->cadre.name == "罗鸿灵");
    CHECK(c->cadre.political_status == "cpc_member");
    auto a = store.assignments_of(c->id).at(0);
    CHECK(a.direction == "up");
    CHECK(a.start.iso() == "2005-08-01");
}

TEST_CASE("importer: the progress callback is called every 1000 rows") {
    Database db = Database::in_memory();
    std::string text = kHeader;
    for (int i = 0; i < 2500; ++i) text += "1,x,中共党员,a,上挂,b,2005-08-01\n";
    std::vector<std::size_t> calls;
    ImportOptions options;
    options.max_problems = 0;
    options.progress = [&](std::size_t n) { calls.push_back(n); };
    ImportReport r = import_text(db, text, options);
    CHECK(r.rows == 2500);
    CHECK(calls == std::vector<std::size_t>{1000, 2000});
}

TEST_CASE("importer: aliases written with full-width brackets survive cleaning") {
    // util::clean() turns "乡镇（街道）" into "乡镇(街道)"; the alias must still match.
    Database db = Database::in_memory();
    std::string text = "身份证号,姓名,政治面貌,学历,派出单位,原单位层级,挂职类型,接收单位,开始日期\n"
                       "511024196607255675,王国平,中共党员,研究生（硕士）,越溪镇,乡镇（街道）,上挂,市委农办,2005-08-01\n";
    ImportReport r = import_text(db, text);
    CHECK(r.problems.empty());
    CHECK(r.inserted == 1);
    AssignmentStore store(db.sql());
    auto home = store.find_unit("越溪镇");
    REQUIRE(home);
    CHECK(home->unit.kind == "township");
    auto c = store.find_cadre("511024196607255675");
    REQUIRE(c);
    CHECK(c->cadre.education == "master");
}
