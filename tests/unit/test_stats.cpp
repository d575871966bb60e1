#include "app/imports.hpp"
#include "domain/rules.hpp"
#include "fixture.hpp"
#include "domain/stats.hpp"
#include "store/importer.hpp"
#include "store/stats_query.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace guazhi;

using guazhi::test::figure;

namespace {

Database example_db() {
    Database db = Database::in_memory();
    std::ifstream in(std::string(GUAZHI_EXAMPLES) + "/roster-2005-2006.csv", std::ios::binary);
    REQUIRE(in);
    ImportReport r = app::import_roster(db, {in, "", "roster-2005-2006.csv", {}}, Config{}, ImportOptions{});
    REQUIRE(r.committed);
    REQUIRE(r.inserted == 40);
    return db;
}

YearStats stats_for(Database& db, int year, const Config& config = {}) {
    AssignmentFilter f;
    f.year = year;
    return compute_stats(db.sql(), f, config);
}

} // namespace

TEST_CASE("stats: the 2006 batch equals the seed's figures") {
    Database db = example_db();
    YearStats s = stats_for(db, 2006);
    CHECK(s.year == 2006);
    CHECK(s.total == 27);
    CHECK(s.up == 21);
    CHECK(s.down == 6);
    CHECK(s.non_party == 13);
    CHECK(s.non_party_up == 7);
    CHECK(s.non_party_down == 6);
    CHECK(s.selected_graduate == 4);
    CHECK(s.county_reserve == 4);
    CHECK(s.selected_or_reserve == 8);
    CHECK(s.up_from_township == 5);
    CHECK(s.up_from_township_selected_graduate == 4);
    CHECK(s.up_from_township_non_party == 1);

    auto fs = figures(s);
    // "党外干部共计13名，占挂职干部总数的48.1%"; 选调生和县级后备干部 8 = 29.6%.
    REQUIRE(figure(fs, "non_party").share().has_value());
    CHECK(*figure(fs, "non_party").share() == doctest::Approx(13.0 / 27.0));
    CHECK(*figure(fs, "selected_or_reserve").share() == doctest::Approx(8.0 / 27.0));
    CHECK(*figure(fs, "up_from_township").share() == doctest::Approx(5.0 / 21.0));
}

TEST_CASE("stats: the 2005 batch is 13 up-seconded Party members") {
    Database db = example_db();
    YearStats s = stats_for(db, 2005);
    CHECK(s.year == 2005);
    CHECK(s.total == 13);
    CHECK(s.up == 13);
    CHECK(s.down == 0);
    CHECK(s.non_party == 0);
    CHECK(s.selected_graduate == 0);
    CHECK(s.county_reserve == 0);
    CHECK(s.up_from_township == 1); // 王国平 from 越溪镇
    CHECK(s.up_from_township_selected_graduate == 0);
}

TEST_CASE("stats: all years together, and other filters") {
    Database db = example_db();
    AssignmentFilter all;
    YearStats s = compute_stats(db.sql(), all, Config{});
    CHECK(s.year == 0);
    CHECK(s.total == 40);
    CHECK(s.up == 34);
    CHECK(s.down == 6);
    CHECK(s.non_party == 13);

    AssignmentFilter down;
    down.year = 2006;
    down.direction = "down";
    YearStats d = compute_stats(db.sql(), down, Config{});
    CHECK(d.total == 6);
    CHECK(d.up == 0);
    CHECK(d.non_party == 6);

    AssignmentFilter county;
    county.year = 2006;
    county.county = "资中县";
    YearStats z = compute_stats(db.sql(), county, Config{});
    CHECK(z.total == 5); // 曾庆, 陈浩, 黄志刚, 廖勇, 邱小平
    CHECK(z.non_party == 2);
    CHECK(z.up_from_township == 1);
}

TEST_CASE("stats: an empty year is all zeros and has no shares") {
    Database db = example_db();
    YearStats s = stats_for(db, 2010);
    CHECK(s.year == 2010);
    CHECK(s.total == 0);
    CHECK(s.up == 0);
    CHECK(s.down == 0);
    CHECK(s.non_party == 0);
    CHECK(s.non_party_up == 0);
    CHECK(s.non_party_down == 0);
    CHECK(s.selected_graduate == 0);
    CHECK(s.county_reserve == 0);
    CHECK(s.selected_or_reserve == 0);
    CHECK(s.up_from_township == 0);
    CHECK(s.up_from_township_selected_graduate == 0);
    CHECK(s.up_from_township_non_party == 0);
    for (const Figure& f : figures(s)) {
        CAPTURE(f.key);
        CHECK(f.count == 0);
        CHECK_FALSE(f.share().has_value());
    }
    // An empty database too.
    Database empty = Database::in_memory();
    CHECK(stats_for(empty, 2006).total == 0);
}

TEST_CASE("stats: non_party_exclude changes the count when a 群众 cadre exists") {
    Database db = example_db();
    std::string text = "身份证号,姓名,政治面貌,派出单位,所属县区,挂职类型,接收单位,开始日期\n"
                       "511028198501010017,试用,群众,新店镇,资中县,上挂,市委党校,2006-08-01\n";
    // A 群众 cadre up-seconded from a township.
    std::istringstream in(text);
    ImportReport r = app::import_roster(db, {in, "", "more.csv", {}}, Config{}, ImportOptions{});
    REQUIRE(r.problems.empty());
    REQUIRE(r.committed);
    CHECK(r.inserted == 1);

    YearStats counted = stats_for(db, 2006);
    CHECK(counted.total == 28);
    CHECK(counted.up == 22);
    CHECK(counted.non_party == 14);
    CHECK(counted.non_party_up == 8);
    CHECK(counted.up_from_township == 6);
    CHECK(counted.up_from_township_non_party == 2);

    Config cfg;
    cfg.policy.non_party_exclude = {"masses"};
    YearStats excluded = stats_for(db, 2006, cfg);
    CHECK(excluded.total == 28);
    CHECK(excluded.non_party == 13);
    CHECK(excluded.non_party_up == 7);
    CHECK(excluded.up_from_township_non_party == 1);

    // Excluding a status nobody has changes nothing.
    Config tdsl;
    tdsl.policy.non_party_exclude = {"tdsl"};
    CHECK(stats_for(db, 2006, tdsl).non_party == 14);
}

TEST_CASE("stats: excluding every non-CPC status leaves no 党外干部 and valid SQL") {
    Database db = example_db();
    Config cfg;
    for (auto code : non_party_statuses(Policy{})) cfg.policy.non_party_exclude.push_back(code);
    YearStats s = stats_for(db, 2006, cfg);
    CHECK(s.total == 27);
    CHECK(s.non_party == 0);
    CHECK(s.up_from_township_non_party == 0);
}

TEST_CASE("stats: figures list every count with its denominator") {
    // The seed's 2006 batch, in YearStats field order.
    YearStats s{2006, 27, 21, 6, 13, 7, 6, 4, 4, 8, 5, 4, 1, 9, 2};
    auto fs = figures(s);
    REQUIRE(fs.size() == 14);
    CHECK(figure(fs, "female").count == 9);
    CHECK(figure(fs, "female").denominator == 27);
    CHECK(figure(fs, "minority").count == 2);
    CHECK(figure(fs, "minority").of_key == "total");
    CHECK(fs[0].key == "total");
    CHECK_FALSE(fs[0].denominator.has_value());
    CHECK_FALSE(fs[0].share().has_value());
    CHECK(figure(fs, "non_party_up").denominator == 21);
    CHECK(figure(fs, "non_party_up").of_key == "up");
    CHECK(figure(fs, "non_party_up").depth == 1);
    CHECK(figure(fs, "non_party_down").denominator == 6);
    CHECK(*figure(fs, "non_party_down").share() == doctest::Approx(1.0));
    CHECK(figure(fs, "up_from_township_selected_graduate").denominator == 5);
    CHECK(figure(fs, "up_from_township_non_party").of_key == "up_from_township");
    CHECK(figure(fs, "non_party").label(Lang::zh) == "党外干部");
    CHECK(figure(fs, "non_party").label(Lang::en) == "non-Party cadres");
    CHECK(figure(fs, "selected_or_reserve").count == 8);
}

TEST_CASE("stats: Figure::share") {
    Figure f{"k", "zh", "en", 13, 27, "total", 0};
    REQUIRE(f.share().has_value());
    CHECK(*f.share() == doctest::Approx(0.481481));
    Figure zero{"k", "zh", "en", 0, 0, "total", 0};
    CHECK_FALSE(zero.share().has_value());
    Figure plain{"k", "zh", "en", 5, std::nullopt, "", 0};
    CHECK_FALSE(plain.share().has_value());
}
