#include "app/imports.hpp"
#include "app/record.hpp"
#include "error.hpp"
#include "fixture.hpp"
#include "store/applications.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "app/lifecycle.hpp"
#include "store/lifecycle.hpp"
#include "store/recorder.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace guazhi;

using guazhi::test::contains;
using guazhi::test::count;

namespace {

std::string kind_of(Database& db, const std::string& unit) {
    AssignmentStore store(db.sql());
    auto u = store.find_unit(unit);
    return u ? u->unit.kind : std::string("(none)");
}

std::int64_t requested(Database& db, const std::string& host, int year) {
    SQLite::Statement s(db.sql(), "SELECT p.requested FROM applications p JOIN units u ON u.id = p.host_unit_id "
                                  "WHERE u.name = ? AND p.batch_year = ?");
    s.bind(1, host);
    s.bind(2, year);
    return s.executeStep() ? s.getColumn(0).getInt64() : -1;
}

Assignment secondment(std::string id_number, std::string name, std::string direction, Unit home, Unit host) {
    return guazhi::test::secondment(std::move(id_number), std::move(name), std::move(direction), 2006, std::move(home),
                                    std::move(host), {2006, 8, 1}, {2007, 7, 31});
}

std::size_t import_text(Database& db, const std::string& text) {
    std::istringstream in(text);
    return app::import_applications(db, in, "apps.csv", util::Encoding::automatic, "王干事");
}

std::string import_error(Database& db, const std::string& text) {
    try {
        import_text(db, text);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("applications: record_application creates the host by its name and replaces on re-record") {
    Database db = Database::in_memory();
    app::record_application(db, "白马镇", 2006, 2, "王干事");
    app::record_application(db, "市财政局", 2006, 1, "王干事");
    app::record_application(db, "档案馆", 2006, 1, "王干事");
    CHECK(kind_of(db, "白马镇") == "township");
    CHECK(kind_of(db, "市财政局") == "city_organ");
    CHECK(kind_of(db, "档案馆") == "city_organ"); // not a township, so a city organ
    CHECK(count(db, "units") == 3);
    CHECK(count(db, "applications") == 3);
    CHECK(requested(db, "白马镇", 2006) == 2);
    CHECK(count(db, "applications WHERE recorded_by = '王干事'") == 3);

    // Again for the same host and batch: replaced, not added; the unit is reused.
    app::record_application(db, "白马镇", 2006, 1, "李干事");
    CHECK(count(db, "applications") == 3);
    CHECK(count(db, "units") == 3);
    CHECK(requested(db, "白马镇", 2006) == 1);
    CHECK(count(db, "applications WHERE recorded_by = '李干事'") == 1);
    // Another batch is another application.
    app::record_application(db, "白马镇", 2007, 0, "王干事");
    CHECK(count(db, "applications") == 4);
    CHECK(requested(db, "白马镇", 2007) == 0);
    CHECK(requested(db, "白马镇", 2006) == 1);
}

TEST_CASE("applications: record_application keeps a recorded unit's kind and refuses bad input") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    store.insert_unit({"史家镇", "county_dept", "市中区"}); // recorded otherwise, e.g. as a home unit
    // A county department receives no secondees, so it cannot apply for any.
    CHECK_THROWS_WITH_AS(app::record_application(db, "史家镇", 2006, 1, "王干事"),
                         doctest::Contains("only city organs and townships receive secondees"), guazhi::Error);
    CHECK_THROWS_WITH_AS(app::record_application(db, "资中县审计局", 2006, 1, "王干事"),
                         doctest::Contains("'资中县审计局' is a county department"), guazhi::Error);
    CHECK(count(db, "applications") == 0);
    store.insert_unit({"市委党校", "city_organ", ""});
    app::record_application(db, "市委党校", 2006, 1, "王干事");
    CHECK(kind_of(db, "市委党校") == "city_organ");
    CHECK(count(db, "units") == 2);
    CHECK(requested(db, "市委党校", 2006) == 1);
    app::record_application(db, "档案馆", 2006, 1, "王干事"); // no clue in the name: a city organ
    CHECK(kind_of(db, "档案馆") == "city_organ");

    CHECK(guazhi::test::error_of([&] { app::record_application(db, "", 2006, 1, "王干事"); }) == "--host: the host unit is required");
    CHECK(guazhi::test::error_of([&] { app::record_application(db, "市财政局", 2006, -1, "王干事"); }) ==
          "--requested: must not be negative");
    CHECK(count(db, "units") == 3); // 史家镇, 市委党校, 档案馆: the refusals added none
    CHECK(count(db, "applications") == 2);
}

TEST_CASE("applications: application_summary lists hosts that applied and hosts that only received") {
    Database db = Database::in_memory();
    AssignmentStore store(db.sql());
    Config config;
    AssignmentRecorder recorder(store, config, {"王干事", false, ""});
    // 市财政局 applied for 2 and got 1; 市国土资源局 did not apply and got 1; 白马镇 applied
    // and got none; 市统计局 applied only for 2007.
    app::record_application(db, "市财政局", 2006, 2, "王干事");
    app::record_application(db, "白马镇", 2006, 1, "王干事");
    app::record_application(db, "市统计局", 2007, 1, "王干事");
    RecordOutcome fin = recorder.record(secondment("511028197003141730", "罗鸿灵", "up",
                                                   {"隆昌县国土资源局", "county_dept", "隆昌县"},
                                                   {"市财政局", "city_organ", ""}),
                                        true);
    REQUIRE(fin.kind == RecordOutcome::Kind::inserted);
    REQUIRE(recorder.record(secondment("511002198104161811", "何俊杰", "up", {"史家镇", "township", "市中区"},
                                       {"市国土资源局", "city_organ", ""}),
                            true)
                .kind == RecordOutcome::Kind::inserted);

    auto rows = application_summary(db.sql(), 2006);
    REQUIRE(rows.size() == 3); // home units (隆昌县国土资源局, 史家镇) are not hosts
    // By kind, then name.
    CHECK(rows[0].host == "市国土资源局");
    CHECK(rows[0].kind == "city_organ");
    CHECK_FALSE(rows[0].requested);
    CHECK(rows[0].assigned == 1);
    CHECK(rows[1].host == "市财政局");
    CHECK(rows[1].requested == std::optional<std::int64_t>(2));
    CHECK(rows[1].assigned == 1);
    CHECK(rows[2].host == "白马镇");
    CHECK(rows[2].kind == "township");
    CHECK(rows[2].requested == std::optional<std::int64_t>(1));
    CHECK(rows[2].assigned == 0);

    // A recalled secondee still counts as given.
    app::Lifecycle(db, config, "王干事").recall(fin.id, {2007, 1, 31}, "promotion", "", "");
    CHECK(application_summary(db.sql(), 2006)[1].assigned == 1);

    auto next = application_summary(db.sql(), 2007);
    REQUIRE(next.size() == 1);
    CHECK(next[0].host == "市统计局");
    CHECK(next[0].requested == std::optional<std::int64_t>(1));
    CHECK(next[0].assigned == 0);
    CHECK(application_summary(db.sql(), 2005).empty());
}

TEST_CASE("applications: import_applications reads Chinese and English headers") {
    Database db = Database::in_memory();
    SUBCASE("Chinese") {
        CHECK(import_text(db, "接收单位,年度,申报人数\n白马镇,2006,2\n\n市财政局,2006,1\n,,\n") == 2);
    }
    SUBCASE("English, any case, in another order, with a BOM and CRLF") {
        CHECK(import_text(db, "\xEF\xBB\xBFRequested,HOST_UNIT,batch_year\r\n2,白马镇,2006\r\n1,市财政局,2006\r\n") == 2);
    }
    SUBCASE("申报单位, full-width digits and stray spaces") {
        CHECK(import_text(db, "\n申报单位,年度,申报人数\n 白马镇 ,２００６,２\n市财政局,2006, 1\n") == 2);
    }
    CHECK(count(db, "applications") == 2);
    CHECK(requested(db, "白马镇", 2006) == 2);
    CHECK(requested(db, "市财政局", 2006) == 1);
    CHECK(kind_of(db, "白马镇") == "township");
    CHECK(kind_of(db, "市财政局") == "city_organ");
    CHECK(count(db, "applications WHERE recorded_by = '王干事'") == 2);
}

TEST_CASE("applications: import_applications writes all rows or none") {
    Database db = Database::in_memory();
    app::record_application(db, "市财政局", 2006, 1, "王干事");
    std::string msg = import_error(db, "接收单位,年度,申报人数\n白马镇,2006,2\n市财政局,2006,两\n,06,1\n");
    CHECK(contains(msg, "apps.csv:3: 申报人数: '两' is not a number of people"));
    CHECK(contains(msg, "apps.csv:4: 接收单位: is required"));
    CHECK(contains(msg, "apps.csv:4: 年度: '06' is not a year"));
    CHECK(contains(msg, "nothing was written"));
    CHECK(msg == "apps.csv:3: 申报人数: '两' is not a number of people\n"
                 "apps.csv:4: 接收单位: is required\n"
                 "apps.csv:4: 年度: '06' is not a year\n"
                 "apps.csv: nothing was written");
    // The good row before the bad ones was not kept, nor its new unit; the earlier record stays.
    CHECK(count(db, "applications") == 1);
    CHECK(requested(db, "市财政局", 2006) == 1);
    CHECK(count(db, "units") == 1);
    CHECK(kind_of(db, "白马镇") == "(none)");

    // A negative number and an empty one are not numbers of people either.
    msg = import_error(db, "接收单位,年度,申报人数\n白马镇,2006,-1\n越溪镇,2006,\n");
    CHECK(contains(msg, "apps.csv:2: 申报人数: '-1' is not a number of people"));
    CHECK(contains(msg, "apps.csv:3: 申报人数: '' is not a number of people"));
    CHECK(count(db, "applications") == 1);
}

TEST_CASE("applications: import_applications refuses bad headers and empty files") {
    Database db = Database::in_memory();
    CHECK(import_error(db, "接收单位,年度,申报人数,备注\n白马镇,2006,2,\n") ==
          "apps.csv:1:4: unknown column '备注' (expected 接收单位, 年度, 申报人数)");
    CHECK(import_error(db, "接收单位,年度\n白马镇,2006\n") ==
          "apps.csv:1: the header needs 接收单位 (host_unit), 年度 (batch_year) and 申报人数 (requested)");
    CHECK(import_error(db, "\n\nhost_unit,requested\n白马镇,2\n") ==
          "apps.csv:3: the header needs 接收单位 (host_unit), 年度 (batch_year) and 申报人数 (requested)");
    CHECK(import_error(db, "") == "apps.csv: the file is empty (no header row)");
    CHECK(import_error(db, "\n\n") == "apps.csv: the file is empty (no header row)");
    CHECK(import_error(db, "接收单位,年度,申报人数\n") == "apps.csv: there are no data rows after the header");
    CHECK(import_error(db, "接收单位,年度,申报人数\n,,\n\n") == "apps.csv: there are no data rows after the header");
    CHECK(count(db, "applications") == 0);
    CHECK(count(db, "units") == 0);
}
