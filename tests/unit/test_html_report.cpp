#include "fixture.hpp"

#include "app/summary.hpp"
#include "render/html_report.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace guazhi;
using guazhi::test::contains;

namespace {

// The 2006 batch: two up (罗鸿灵, 何俊杰) and one down from a unit whose name and county need
// escaping; the 2005 batch: one up.
struct ReportFixture : test::StoreFixture {
    ReportFixture() {
        add(test::luo());
        add(test::he());
        Unit odd{"<b>&\"", "county_dept", "<b>&\""};
        add(test::secondment("511025197001010033", "张三", "down", 2006, odd, {"白马镇", "township", "市中区"},
                             {2006, 8, 1}, {2007, 7, 31}));
        add(test::secondment("51102519700101005X", "李四", "up", 2005, {"白马镇", "township", "市中区"},
                             {"市外事办", "city_organ", ""}, {2005, 8, 1}, {2006, 7, 31}));
    }

    std::string page(Lang lang) {
        AssignmentFilter filter;
        filter.year = 2006;
        return render_html_report(app::gather_year_report(db, filter, config), lang, {2026, 1, 2});
    }
};

// The page without the one address it may hold: the SVG namespace, which names, not fetches.
std::string without_svg_namespace(std::string html) {
    const std::string ns = "xmlns=\"http://www.w3.org/2000/svg\"";
    for (auto at = html.find(ns); at != std::string::npos; at = html.find(ns)) html.erase(at, ns.size());
    return html;
}

} // namespace

TEST_CASE("html report: a whole page with the batch's figures, trend charts and counties") {
    ReportFixture f;
    std::string html = f.page(Lang::zh);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
    CHECK(contains(html, "</body>\n</html>\n"));
    CHECK(contains(html, "<title>2006 年度挂职干部工作报告</title>"));
    // The summary `stats --year 2006` shows: 3 secondees, 2 up = 66.7%, 1 down = 33.3%.
    CHECK(contains(html, "<h2>2006 年度挂职干部统计</h2>"));
    CHECK(contains(html, "<tr><td>挂职干部总数</td><td class=\"n\">3</td><td class=\"n\"></td><td class=\"n\"></td></tr>"));
    CHECK(contains(html, "<tr><td>上挂</td><td class=\"n\">2</td><td class=\"n\">3</td><td class=\"n\">66.7%</td></tr>"));
    CHECK(contains(html, "<td>　其中上挂</td>"));
    // Two charts over 2005..2006: a stacked bar per year (2005: one up), and the shares.
    CHECK(contains(html, "<h2>历年趋势（2005—2006 年度）</h2>"));
    CHECK(contains(html, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(contains(html, "<title>2005 上挂: 1</title>"));
    CHECK(contains(html, "<title>2006 下派: 1</title>"));
    CHECK(contains(html, "<title>2006 党外干部: 0.0%</title>"));
    // Per county: 隆昌县, 市中区, the odd one, escaped.
    CHECK(contains(html, "<h2>按所属县区（2006 年度）</h2>"));
    CHECK(contains(html, "<td>隆昌县</td>"));
    CHECK(contains(html, "<td>&lt;b&gt;&amp;&quot;</td>"));
    CHECK_FALSE(contains(html, "<b>&\""));
    // Dated and versioned; no ID numbers, masked or not, and it says so.
    CHECK(contains(html, std::string("2026-01-02 由 guazhi ") + GUAZHI_VERSION + " 生成"));
    CHECK(contains(html, "不含姓名和身份证号"));
    CHECK_FALSE(contains(html, "511028"));
    CHECK_FALSE(contains(html, "***"));
}

TEST_CASE("html report: self-contained — nothing fetched, no scripts") {
    ReportFixture f;
    std::string html = without_svg_namespace(f.page(Lang::zh));
    CHECK_FALSE(contains(html, "http://"));
    CHECK_FALSE(contains(html, "https://"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<link"));
    CHECK_FALSE(contains(html, "url("));
}

TEST_CASE("html report: English with --lang en") {
    ReportFixture f;
    std::string html = f.page(Lang::en);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(contains(html, "<h2>Secondment batch 2006</h2>"));
    CHECK(contains(html, "<tr><td>up-seconded</td><td class=\"n\">2</td><td class=\"n\">3</td><td class=\"n\">66.7%</td></tr>"));
    CHECK(contains(html, "Generated on 2026-01-02 by guazhi"));
    CHECK(contains(html, "no names and no ID numbers"));
    CHECK(contains(html, "<h2>By home county, batch 2006</h2>"));
    CHECK_FALSE(contains(html, "挂职干部总数"));
}

TEST_CASE("html report: needs a batch year and draws at most 30 years of trend") {
    ReportFixture f;
    AssignmentFilter filter;
    CHECK(test::error_of([&] { app::gather_year_report(f.db, filter, f.config); }) == "the yearly report needs a batch year");
    filter.year = 2050;
    YearReport r = app::gather_year_report(f.db, filter, f.config);
    REQUIRE(r.trend.size() == kTrendYears);
    CHECK(r.trend.front().stats.year == 2021);
    CHECK(r.summary.stats.total == 0);
}
