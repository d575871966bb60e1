#include "temp_dir.hpp"
#include "error.hpp"
#include "fixture.hpp"
#include "report_sample.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store/recorder.hpp"
#include "store/schema.hpp"
#include "store/reports.hpp"
#include "util/sha256.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace guazhi;
using namespace guazhi::test::report_sample;
using guazhi::util::Date;
using guazhi::test::contains;
using guazhi::test::count;
using guazhi::test::error_of;
using guazhi::test::he;
using guazhi::test::luo;
using guazhi::test::secondment;
namespace fs = std::filesystem;

namespace {

using guazhi::test::TempDir;

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

std::string contents(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
    return out;
}

std::string sha256_of(const std::string& bytes) {
    util::Sha256 sha;
    sha.update(bytes);
    return sha.hex();
}

// Binary bytes: every byte value (NULs included), then 200 KiB of pseudo-random data, then a
// tail that makes the size no multiple of the 64 KiB chunk.
std::string binary_document() {
    std::string out;
    for (int i = 0; i < 256; ++i) out.push_back(static_cast<char>(i));
    out.append(std::string(5, '\0'));
    std::uint32_t x = 20060801;
    for (int i = 0; i < 200 * 1024; ++i) {
        x = x * 1664525u + 1013904223u;
        out.push_back(static_cast<char>(x >> 24));
    }
    out.append(std::string("\0\r\n\x1a\xff", 5));
    return out;
}

// One row of the reports table, as text.
std::string row(Database& db, std::int64_t id) {
    SQLite::Statement s(db.sql(), "SELECT assignment_id, kind, period, period_start, period_end, submitted_on, "
                                  "recipient, recorded_by, coalesce(superseded_by, '-') FROM reports WHERE id = ?");
    s.bind(1, id);
    if (!s.executeStep()) return "(none)";
    std::string out;
    for (int i = 0; i < 9; ++i) out += (i ? " " : "") + s.getColumn(i).getString();
    return out;
}

const char* standing_name(Standing s) {
    switch (s) {
    case Standing::on_time: return "on_time";
    case Standing::late: return "late";
    case Standing::missing: return "missing";
    case Standing::pending: return "pending";
    }
    return "?";
}

Lines standings(Fixture& fx, Date as_of) {
    AssignmentFilter f;
    f.as_of = as_of;
    Lines out;
    for_each_standing(fx.store, f, fx.config, [&](const Assignment& a, const ReportPeriod& p, Standing s) {
        out.push_back(a.cadre.name + " " + p.label + " " + standing_name(s));
    });
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// add_report

TEST_CASE("reports: add_report records kind, the resolved period, recipient and clerk") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::string a = std::to_string(id);

    std::int64_t q1 = fx.report(id, "quarterly", "2006Q4", {2006, 11, 10}, "home");
    CHECK(row(fx.db, q1) == a + " quarterly Q1 2006-08-01 2006-10-31 2006-11-10 home 王干事 -");
    std::int64_t h1 = fx.report(id, "semiannual", "H1", {2007, 2, 10}, "orgdept");
    CHECK(row(fx.db, h1) == a + " semiannual H1 2006-08-01 2007-01-31 2007-02-10 orgdept 王干事 -");
    std::int64_t q2 = fx.report(id, "quarterly", "q2", {2006, 11, 1}); // the first day of the period will do
    CHECK(row(fx.db, q2) == a + " quarterly Q2 2006-11-01 2007-01-31 2006-11-01 both 王干事 -");
    std::int64_t fin = fx.report(id, "final", "总结", {2007, 8, 20});
    CHECK(row(fx.db, fin) == a + " final final 2006-08-01 2007-07-31 2007-08-20 both 王干事 -");
    CHECK(fx.reports() == 4);
    CHECK(fx.attachments() == 0);

    auto all = fx.list(false);
    REQUIRE(all.size() == 4);
    for (const Report& r : all) {
        CHECK(r.assignment_id == id);
        CHECK(r.cadre_name == "罗鸿灵");
        CHECK(r.recorded_by == "王干事");
        CHECK(r.recorded_at.size() == 20);
        CHECK_FALSE(r.superseded_by);
        CHECK_FALSE(r.attachment);
    }
    auto quarterly = fx.list(false, std::string("quarterly"));
    REQUIRE(quarterly.size() == 2);
    CHECK(quarterly[0].id == q1); // ordered by period
    CHECK(quarterly[0].period == "Q1");
    CHECK(quarterly[0].period_start == Date{2006, 8, 1});
    CHECK(quarterly[0].period_end == Date{2006, 10, 31});
    CHECK(quarterly[0].submitted_on == Date{2006, 11, 10});
    CHECK(quarterly[0].recipient == "home");
    CHECK(quarterly[1].id == q2);
    CHECK(quarterly[1].period == "Q2");
    auto semiannual = fx.list(false, std::string("semiannual"));
    REQUIRE(semiannual.size() == 1);
    CHECK(semiannual[0].id == h1);
    CHECK(semiannual[0].period_end == Date{2007, 1, 31});
    CHECK(fx.list(false, std::string("final")).size() == 1);
}

TEST_CASE("reports: add_report refuses and writes nothing") {
    Fixture fx;
    std::int64_t id = fx.add(luo());

    CHECK(error_of([&] { fx.report(id + 41, "quarterly", "Q1", {2006, 11, 10}); }) ==
          "no assignment #" + std::to_string(id + 41));

    std::string outside = error_of([&] { fx.report(id, "quarterly", "Q5", {2007, 11, 10}); });
    CHECK(outside.starts_with("--period:"));
    CHECK(outside == "--period: Q5 is outside the term; its quarterly periods are: " + kQuarters2006);
    CHECK(error_of([&] { fx.report(id, "quarterly", "2008Q1", {2008, 4, 1}); }).starts_with("--period: "));
    CHECK(error_of([&] { fx.report(id, "final", "Q4", {2007, 8, 1}); }) ==
          "--period: the final summary's period is 'final' (总结, 年度总结, 挂职总结), not 'Q4'");

    std::string early = error_of([&] { fx.report(id, "quarterly", "Q2", {2006, 10, 31}); });
    CHECK(early.starts_with("--submitted:"));
    CHECK(early == "--submitted: 2006-10-31 is before the period Q2 began (2006-11-01)");

    CHECK(fx.reports() == 0);
    CHECK(fx.attachments() == 0);
}

TEST_CASE("reports: a second submission of the same period needs --replace") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::int64_t other = fx.add(he());
    std::int64_t first = fx.report(id, "quarterly", "Q1", {2006, 11, 10}, "home");
    std::string before = row(fx.db, first);

    // Another spelling of the same period is the same period.
    for (const std::string spelling : {"Q1", "q1", "2006Q4"}) {
        CAPTURE(spelling);
        CHECK(error_of([&] { fx.report(id, "quarterly", spelling, {2006, 11, 20}); }) ==
              "report #" + std::to_string(first) +
                  " (quarterly Q1, submitted 2006-11-10) is already recorded; --replace replaces it and keeps it "
                  "in the history");
    }
    CHECK(fx.reports() == 1);
    CHECK(row(fx.db, first) == before);

    // Not duplicates: another kind over the same start, or another assignment's Q1.
    fx.report(id, "semiannual", "H1", {2007, 2, 10});
    fx.report(other, "quarterly", "Q1", {2006, 12, 1});
    CHECK(fx.reports() == 3);
}

TEST_CASE("reports: replace supersedes the earlier submission and keeps it in the history") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    std::int64_t first = fx.report(id, "quarterly", "Q1", {2006, 11, 10}, "home");

    NewReport again = new_report(id, "quarterly", "2006Q4", {2006, 11, 20});
    again.recipient = "both"; // reaches the home unit too: it replaces the one to the home unit
    again.replace = true;
    std::int64_t second = add_report(fx.db.sql(), fx.config, again);
    CHECK(second != first);
    std::string a = std::to_string(id);
    CHECK(row(fx.db, first) == a + " quarterly Q1 2006-08-01 2006-10-31 2006-11-10 home 王干事 " + std::to_string(second));
    CHECK(row(fx.db, second) == a + " quarterly Q1 2006-08-01 2006-10-31 2006-11-20 both 王干事 -");

    auto current = fx.list(false);
    REQUIRE(current.size() == 1);
    CHECK(current[0].id == second);
    CHECK(current[0].submitted_on == Date{2006, 11, 20});
    CHECK_FALSE(current[0].superseded_by);

    auto history = fx.list(true);
    REQUIRE(history.size() == 2);
    CHECK(history[0].id == first);
    CHECK(history[0].superseded_by == second);
    CHECK(history[1].id == second);
    CHECK_FALSE(history[1].superseded_by);

    // Replacing again chains the history; the first still points at the second.
    again.submitted_on = {2006, 11, 25};
    std::int64_t third = add_report(fx.db.sql(), fx.config, again);
    CHECK(count(fx.db, "reports WHERE id = " + std::to_string(first) + " AND superseded_by = " + std::to_string(second)) == 1);
    CHECK(count(fx.db, "reports WHERE id = " + std::to_string(second) + " AND superseded_by = " + std::to_string(third)) == 1);
    CHECK(count(fx.db, "reports WHERE superseded_by IS NULL") == 1);
    CHECK(fx.list(false).size() == 1);
    CHECK(fx.list(true).size() == 3);

    // replace with nothing to replace simply records.
    NewReport h1 = new_report(id, "semiannual", "H1", {2007, 2, 1});
    h1.replace = true;
    std::int64_t h = add_report(fx.db.sql(), fx.config, h1);
    CHECK(row(fx.db, h) == a + " semiannual H1 2006-08-01 2007-01-31 2007-02-01 both 王干事 -");
    CHECK(fx.reports() == 4);
}

// ---------------------------------------------------------------------------------------------
// attachments

TEST_CASE("reports: an attachment is stored and read back byte for byte") {
    Fixture fx;
    TempDir dir;
    std::int64_t id = fx.add(luo());
    const std::string bytes = binary_document();
    REQUIRE(bytes.size() == 256 + 5 + 200 * 1024 + 5);
    fs::path file = dir.write("第一季度汇报.doc", bytes);

    NewReport r = new_report(id, "quarterly", "Q1", {2006, 11, 10});
    r.attach = file;
    std::int64_t rid = add_report(fx.db.sql(), fx.config, r);
    CHECK(fx.attachments() == 1);
    const std::string sha = sha256_of(bytes);
    REQUIRE(sha.size() == 64);
    SQLite::Statement s(fx.db.sql(), "SELECT name, size, length(content), sha256 FROM attachments WHERE report_id = ?");
    s.bind(1, rid);
    REQUIRE(s.executeStep());
    CHECK(s.getColumn(0).getString() == "第一季度汇报.doc");
    CHECK(s.getColumn(1).getInt64() == static_cast<std::int64_t>(bytes.size()));
    CHECK(s.getColumn(2).getInt64() == static_cast<std::int64_t>(bytes.size()));
    CHECK(s.getColumn(3).getString() == sha);

    File out(std::tmpfile());
    REQUIRE(out);
    Attachment att = read_attachment(fx.db.sql(), rid, out.get());
    CHECK(att.name == "第一季度汇报.doc");
    CHECK(att.size == static_cast<std::int64_t>(bytes.size()));
    CHECK(att.sha256 == sha);
    std::string back = contents(out.get());
    CHECK(back.size() == bytes.size());
    CHECK(back == bytes);

    auto listed = fx.list(false);
    REQUIRE(listed.size() == 1);
    REQUIRE(listed[0].attachment);
    CHECK(listed[0].attachment->name == "第一季度汇报.doc");
    CHECK(listed[0].attachment->size == static_cast<std::int64_t>(bytes.size()));
    CHECK(listed[0].attachment->sha256 == sha);

    // A replacement brings its own attachment; the replaced report keeps its own.
    NewReport again = new_report(id, "quarterly", "Q1", {2006, 11, 20});
    again.replace = true;
    again.attach = dir.write("v2.txt", "second version");
    std::int64_t rid2 = add_report(fx.db.sql(), fx.config, again);
    File out2(std::tmpfile());
    REQUIRE(out2);
    CHECK(read_attachment(fx.db.sql(), rid2, out2.get()).name == "v2.txt");
    CHECK(contents(out2.get()) == "second version");
    File out3(std::tmpfile());
    REQUIRE(out3);
    read_attachment(fx.db.sql(), rid, out3.get());
    CHECK(contents(out3.get()) == bytes);
}

TEST_CASE("reports: the stored SHA-256 is that of the file") {
    Fixture fx;
    TempDir dir;
    std::int64_t id = fx.add(luo());
    struct Vector {
        const char* kind;
        const char* period;
        std::string text;
        std::string sha;
    };
    const Vector vectors[] = {
        {"quarterly", "Q1", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"quarterly", "Q2", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"semiannual", "H1", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    };
    for (const Vector& v : vectors) {
        CAPTURE(v.text);
        NewReport r = new_report(id, v.kind, v.period, {2007, 3, 1});
        r.attach = dir.write(std::string(v.period) + ".txt", v.text);
        std::int64_t rid = add_report(fx.db.sql(), fx.config, r);
        CHECK(fx.db.sql().execAndGet("SELECT sha256 FROM attachments WHERE report_id = " + std::to_string(rid))
                  .getString() == v.sha);
        File out(std::tmpfile());
        REQUIRE(out);
        Attachment att = read_attachment(fx.db.sql(), rid, out.get());
        CHECK(att.sha256 == v.sha);
        CHECK(att.size == static_cast<std::int64_t>(v.text.size()));
        CHECK(contents(out.get()) == v.text);
    }
}

TEST_CASE("reports: attachments that are too large or missing are refused before anything is written") {
    Fixture fx;
    TempDir dir;
    std::int64_t id = fx.add(luo());
    fx.config.policy.max_attachment_bytes = 1000;

    NewReport big = new_report(id, "quarterly", "Q1", {2006, 11, 10});
    big.attach = dir.write("big.pdf", std::string(1001, 'x'));
    std::string message = error_of([&] { add_report(fx.db.sql(), fx.config, big); });
    CHECK(message.starts_with("--attach " + big.attach->string() + ": 1001 bytes is larger than the limit"));
    CHECK(fx.reports() == 0);
    CHECK(fx.attachments() == 0);

    NewReport missing = new_report(id, "quarterly", "Q1", {2006, 11, 10});
    missing.attach = dir.path / "missing.pdf";
    CHECK(error_of([&] { add_report(fx.db.sql(), fx.config, missing); }) ==
          "--attach " + missing.attach->string() + ": not a readable file");
    NewReport directory = new_report(id, "quarterly", "Q1", {2006, 11, 10});
    directory.attach = dir.path;
    CHECK(error_of([&] { add_report(fx.db.sql(), fx.config, directory); }) ==
          "--attach " + dir.path.string() + ": not a readable file");
    CHECK(fx.reports() == 0);
    CHECK(fx.attachments() == 0);

    // Exactly at the limit is allowed.
    NewReport fits = new_report(id, "quarterly", "Q1", {2006, 11, 10});
    fits.attach = dir.write("fits.pdf", std::string(1000, 'y'));
    std::int64_t rid = add_report(fx.db.sql(), fx.config, fits);
    CHECK(fx.reports() == 1);
    CHECK(count(fx.db, "attachments WHERE size = 1000 AND length(content) = 1000 AND report_id = " +
                           std::to_string(rid)) == 1);
}

TEST_CASE("reports: read_attachment refuses a report without one and a tampered one") {
    Fixture fx;
    TempDir dir;
    std::int64_t id = fx.add(luo());
    std::int64_t plain = fx.report(id, "quarterly", "Q1", {2006, 11, 10});
    File out(std::tmpfile());
    REQUIRE(out);
    CHECK(error_of([&] { read_attachment(fx.db.sql(), plain, out.get()); }) ==
          "report #" + std::to_string(plain) + " has no attachment");
    CHECK(error_of([&] { read_attachment(fx.db.sql(), plain + 100, out.get()); }) ==
          "report #" + std::to_string(plain + 100) + " has no attachment");

    NewReport r = new_report(id, "quarterly", "Q2", {2007, 2, 10});
    r.attach = dir.write("q2.txt", "第二季度思想和工作汇报");
    std::int64_t rid = add_report(fx.db.sql(), fx.config, r);

    SUBCASE("the recorded checksum changed") {
        fx.db.sql().exec("UPDATE attachments SET sha256 = '00' WHERE report_id = " + std::to_string(rid));
        std::string message = error_of([&] { read_attachment(fx.db.sql(), rid, out.get()); });
        CHECK(contains(message, "does not match"));
        CHECK(message == "report #" + std::to_string(rid) + ": the stored attachment does not match its SHA-256 00");
    }
    SUBCASE("the stored bytes changed") {
        fx.db.sql().exec("UPDATE attachments SET content = zeroblob(size) WHERE report_id = " + std::to_string(rid));
        std::string message = error_of([&] { read_attachment(fx.db.sql(), rid, out.get()); });
        CHECK(contains(message, "report #" + std::to_string(rid) + ": the stored attachment does not match its SHA-256 "));
        CHECK(contains(message, sha256_of("第二季度思想和工作汇报")));
    }
}

// ---------------------------------------------------------------------------------------------
// what is owed

TEST_CASE("reports: reports_due follows the term, the grace and the submissions") {
    Fixture fx;
    std::int64_t id = fx.add(luo());

    CHECK(due_lines(fx, {2006, 9, 1}).empty());
    CHECK(due_lines(fx, {2006, 10, 31}).empty()); // Q1's last day: it has not ended
    CHECK(due_lines(fx, {2006, 11, 1}) == Lines{"罗鸿灵 Q1 -14"});  // ended, due in 14 days
    CHECK(due_lines(fx, {2006, 11, 15}) == Lines{"罗鸿灵 Q1 0"});   // due today
    CHECK(due_lines(fx, {2006, 11, 16}) == Lines{"罗鸿灵 Q1 1"});   // a day overdue

    AssignmentFilter f;
    f.as_of = {2006, 11, 16};
    auto due = reports_due(fx.store, f, fx.config);
    REQUIRE(due.size() == 1);
    CHECK(due[0].assignment.id == id);
    CHECK(due[0].period.kind == "quarterly");
    CHECK(due[0].period.start == Date{2006, 8, 1});
    CHECK(due[0].period.end == Date{2006, 10, 31});
    CHECK(due[0].period.due == Date{2006, 11, 15});

    fx.report(id, "quarterly", "Q1", {2006, 11, 20});
    CHECK(due_lines(fx, {2006, 11, 21}).empty());
    CHECK(due_lines(fx, {2007, 2, 20}) == Lines{"罗鸿灵 Q2 5", "罗鸿灵 H1 5"});

    // The grace is configurable.
    fx.config.policy.report_grace_days = 0;
    CHECK(due_lines(fx, {2007, 2, 20}) == Lines{"罗鸿灵 Q2 20", "罗鸿灵 H1 20"});
}

TEST_CASE("reports: reports_due sorts the most overdue first and filters by year") {
    Fixture fx;
    fx.add(luo());
    fx.add(he());
    fx.add(jiang());

    CHECK(due_lines(fx, {2007, 3, 1}) == Lines{"罗鸿灵 Q1 106", "何俊杰 Q1 76", "罗鸿灵 Q2 14", "罗鸿灵 H1 14",
                                              "何俊杰 Q2 -14", "何俊杰 H1 -14"});
    CHECK(due_lines(fx, {2007, 3, 1}, 2006) == due_lines(fx, {2007, 3, 1}));
    CHECK(due_lines(fx, {2007, 3, 1}, 2007).empty());

    Lines in_2008 = due_lines(fx, {2008, 1, 1}, 2007);
    CHECK(in_2008 == Lines{"蒋涛 Q1 47"});
    Lines all_2008 = due_lines(fx, {2008, 1, 1});
    CHECK(all_2008.size() == 17); // the two of 2006: 7 each and the 鉴定, everything; 蒋涛 of 2007: Q1
    CHECK(all_2008.front() == "罗鸿灵 Q1 412");
    CHECK(all_2008.back() == "蒋涛 Q1 47");
    for (std::size_t i = 1; i < all_2008.size(); ++i) {
        auto days = [](const std::string& s) { return std::stol(s.substr(s.rfind(' ') + 1)); };
        CHECK(days(all_2008[i - 1]) >= days(all_2008[i]));
    }
}

TEST_CASE("reports: reports_due after a recall and after an extension") {
    Fixture fx;
    app::Lifecycle life{fx.db, fx.config, "王干事"};
    std::int64_t id = fx.add(luo());

    SUBCASE("recalled: the summary is due 30 days after the last day; Q3 is not owed") {
        life.recall(id, {2007, 3, 31}, "promotion", "", "");
        CHECK(due_lines(fx, {2007, 6, 1}) ==
              Lines{"罗鸿灵 Q1 198", "罗鸿灵 Q2 106", "罗鸿灵 H1 106", "罗鸿灵 final 32", "罗鸿灵 鉴定 32"});
    }
    SUBCASE("extended: a fifth quarter and a later summary") {
        life.extend(id, {2007, 10, 31}, "隆昌县国土资源局同意", "接收单位要求");
        CHECK(due_lines(fx, {2007, 11, 16}) ==
              Lines{"罗鸿灵 Q1 366", "罗鸿灵 Q2 274", "罗鸿灵 H1 274", "罗鸿灵 Q3 185", "罗鸿灵 Q4 93",
                    "罗鸿灵 H2 93", "罗鸿灵 Q5 1", "罗鸿灵 final -14", "罗鸿灵 鉴定 -14"});
    }
}

TEST_CASE("reports: for_each_standing says on time, late, missing or pending") {
    Fixture fx;
    std::int64_t id = fx.add(luo());
    fx.report(id, "quarterly", "Q1", {2006, 11, 15}); // on the due date
    fx.report(id, "quarterly", "Q2", {2007, 3, 1});   // due 2007-02-15

    // 2007-05-10: H1 is past its due date, Q3 has ended but is within the grace; Q4, H2 and
    // the summary have not ended.
    CHECK(standings(fx, {2007, 5, 10}) ==
          Lines{"罗鸿灵 Q1 on_time", "罗鸿灵 Q2 late", "罗鸿灵 H1 missing", "罗鸿灵 Q3 pending"});
    CHECK(standings(fx, {2006, 10, 1}).empty());

    // A replacement's date is the one that counts.
    NewReport again = new_report(id, "quarterly", "Q2", {2007, 2, 14});
    again.replace = true;
    add_report(fx.db.sql(), fx.config, again);
    CHECK(standings(fx, {2007, 5, 10}) ==
          Lines{"罗鸿灵 Q1 on_time", "罗鸿灵 Q2 on_time", "罗鸿灵 H1 missing", "罗鸿灵 Q3 pending"});
}
