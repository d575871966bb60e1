// An event's details as text (render/event_details.hpp), and the words that tell a unit from
// a person where appraise's recorder is given (domain/rules.hpp: names_a_unit).
#include "domain/rules.hpp"
#include "render/event_details.hpp"

#include <doctest/doctest.h>

using namespace guazhi;

TEST_CASE("details_text: a note's text alone, other details as labelled values in their order") {
    CHECK(details_text(R"({"text":"群众评价好"})", Lang::zh) == "群众评价好");
    CHECK(details_text(R"({"text":"a \"quoted\" line"})", Lang::en) == "a \"quoted\" line");
    CHECK(details_text(R"({"until":"2007-10-31","from":"2007-07-31","home_consent":"函"})", Lang::zh) ==
          "延长至：2007-10-31；原结束日期：2007-07-31；派出单位意见：函");
    CHECK(details_text(R"({"until":"2007-10-31","home_consent":"函"})", Lang::en) ==
          "extended until: 2007-10-31; home unit's consent: 函");
    CHECK(details_text(R"({"post":"副县长","promotion":true})", Lang::zh) == "职务：副县长；提拔：是");
    CHECK(details_text(R"({"post":"副县长","promotion":false})", Lang::en) == "post: 副县长; promotion: no");
    CHECK(details_text(R"({"unknown_key":"x","count":3})", Lang::zh) == "unknown_key：x；count：3");
    CHECK(details_text("{}", Lang::zh).empty());
    CHECK(details_text("not json", Lang::zh) == "not json");
    CHECK(details_text(R"(["a"])", Lang::zh) == R"(["a"])");
}

TEST_CASE("yes_no: 是/否 in Chinese, yes/no in English") {
    CHECK(yes_no(true, Lang::zh) == "是");
    CHECK(yes_no(false, Lang::zh) == "否");
    CHECK(yes_no(true, Lang::en) == "yes");
    CHECK(yes_no(false, Lang::en) == "no");
}

TEST_CASE("names_a_unit: units' names, not people's") {
    for (const char* unit : {"东兴区文化局", "市民政局", "市委组织部", "越溪镇", "伏龙乡", "资中县财政局", "市委办",
                             "市纪委", "市政协研究室", "市人民医院", "东兴区人民政府", "市发改委", "城东街道"})
        CHECK_MESSAGE(names_a_unit(unit), unit);
    for (const char* person : {"王科员", "李明", "张会", "欧阳娜娜", "ci", "root", "wang"})
        CHECK_MESSAGE(!names_a_unit(person), person);
}
