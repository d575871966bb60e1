// Shared test helpers: sample secondments from the example roster, an in-memory store, and
// error capture. Header-only so each test file stays self-contained.
#pragma once

#include "app/imports.hpp"
#include "config.hpp"
#include "domain/appraisal.hpp"
#include "domain/stats.hpp"
#include "error.hpp"
#include "flags.hpp"
#include "store/assignment_store.hpp"
#include "store/database.hpp"
#include "store/importer.hpp"
#include "store/recorder.hpp"
#include "util/id_number.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <sstream>
#include <string>
#include <string_view>

namespace guazhi::test {

inline bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }
// A message's English words contain `part` (issue 20: a parser's error is a Message).
inline bool contains(const Message& m, std::string_view part) { return contains(english(m), part); }

// The figure with this key; fails the test when there is none.
inline const Figure& figure(const std::vector<Figure>& fs, std::string_view key) {
    for (const auto& f : fs)
        if (f.key == key) return f;
    FAIL("no figure " << key);
    return fs.front();
}

inline std::int64_t count(Database& db, const std::string& sql_from_where) {
    return db.sql().execAndGet("SELECT count(*) FROM " + sql_from_where).getInt64();
}

// The message of the Error `f` throws as the command line words it (a Problem through its
// flags), or "(no error)".
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return cli::words(e);
    }
    return "(no error)";
}

inline Assignment secondment(std::string id_number, std::string name, std::string direction, int year, Unit home,
                             Unit host, util::Date start, util::Date end) {
    Assignment a;
    // The birth date and gender the ID number carries, as validate_row sets them (check holds
    // every stored cadre to that).
    std::string born = util::id_birth_date(id_number).iso();
    std::string gender = util::id_is_female(id_number) ? "female" : "male";
    a.cadre = {std::move(id_number), std::move(name), gender, "", born, "cpc_member", "", {}, {}, {}, {}, {}, {}, {}, {}};
    a.direction = std::move(direction);
    a.batch_year = year;
    a.home_unit = std::move(home);
    a.host_unit = std::move(host);
    a.start = start;
    a.end = end;
    return a;
}

// 罗鸿灵 of the 2006 batch (2006-08-01..2007-07-31).
inline Assignment luo() {
    return secondment("511028197003141730", "罗鸿灵", "up", 2006, {"隆昌县国土资源局", "county_dept", "隆昌县"},
                      {"市国土资源局", "city_organ", ""}, {2006, 8, 1}, {2007, 7, 31});
}
// 何俊杰, 2006 batch, a month later: 2006-09-01..2007-08-31.
inline Assignment he() {
    return secondment("511002198104161811", "何俊杰", "up", 2006, {"史家镇", "township", "市中区"},
                      {"市财政局", "city_organ", ""}, {2006, 9, 1}, {2007, 8, 31});
}

// Checks that two assignments record the same secondment: cadre, direction, batch, units,
// posts and term (ids and derived fields aside).
inline void check_same(const Assignment& got, const Assignment& want) {
    CHECK(got.cadre == want.cadre);
    CHECK(got.direction == want.direction);
    CHECK(got.batch_year == want.batch_year);
    CHECK(got.home_unit == want.home_unit);
    CHECK(got.home_post == want.home_post);
    CHECK(got.host_unit == want.host_unit);
    CHECK(got.host_post == want.host_post);
    CHECK(got.start == want.start);
    CHECK(got.end == want.end);
}

// An empty in-memory database with a store and the default config.
struct StoreFixture {
    Database db = Database::in_memory();
    AssignmentStore store{db.sql()};
    Config config;

    std::int64_t add(const Assignment& a) {
        AssignmentRecorder recorder(store, config, {"王干事", false, ""});
        RecordOutcome r = recorder.record(a, true);
        REQUIRE(r.kind == RecordOutcome::Kind::inserted);
        return r.id;
    }
};

// A roster CSV with the seed's columns, and 罗鸿灵's 2005 row in it.
inline const char* const kRosterHeader = "身份证号,姓名,政治面貌,派出单位,挂职类型,接收单位,开始日期\n";
inline const char* const kRosterRowLuo =
    "511028197003141730,罗鸿灵,中共党员,隆昌县国土资源局,上挂,市国土资源局,2005-08-01\n";

// Imports roster CSV text as the file "t.csv".
inline ImportReport import_text(Database& db, const std::string& text, const ImportOptions& options = {},
                                const Config& config = {}, util::TableOptions table = {}) {
    std::istringstream in(text);
    return app::import_roster(db, {in, "", "t.csv", std::move(table)}, config, options);
}

// A year-end democratic evaluation: the votes for 优秀, 称职, 基本称职, 不称职.
inline Votes votes(std::int64_t excellent, std::int64_t competent, std::int64_t basic = 0, std::int64_t incompetent = 0) {
    return Votes{{excellent, competent, basic, incompetent}};
}

} // namespace guazhi::test
