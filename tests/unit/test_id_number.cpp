#include "util/id_number.hpp"
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace guazhi::util;

using guazhi::test::contains;

namespace {

} // namespace

TEST_CASE("id_number: the check character of the DOMAIN.md vectors") {
    CHECK(id_check_char("34052419800101001") == 'X');
    CHECK(id_check_char("11010519491231002") == 'X');
    CHECK(id_check_char("51102819700314173") == '0');
    CHECK(id_check_char("51102819781030438") == '0');
    CHECK(id_check_char("51100219690930421") == '9');
}

TEST_CASE("id_number: valid numbers are returned upper-cased") {
    auto a = parse_id_number("34052419800101001X");
    REQUIRE(a);
    CHECK(*a.value == "34052419800101001X");
    CHECK(a.error.empty());
    auto b = parse_id_number("11010519491231002x");
    REQUIRE(b);
    CHECK(*b.value == "11010519491231002X");
    auto c = parse_id_number("511028197003141730");
    REQUIRE(c);
    CHECK(*c.value == "511028197003141730");
}

TEST_CASE("id_number: a wrong check digit names the expected one") {
    auto r = parse_id_number("340524198001010010");
    REQUIRE_FALSE(r);
    CHECK(r.error == "ID number '340524198001010010' has a wrong check digit (expected X)");
    auto s = parse_id_number("511028197003141731");
    REQUIRE_FALSE(s);
    CHECK(s.error == "ID number '511028197003141731' has a wrong check digit (expected 0)");
    // X where a digit belongs.
    auto t = parse_id_number("51102819700314173X");
    REQUIRE_FALSE(t);
    CHECK(contains(t.error, "(expected 0)"));
}

TEST_CASE("id_number: Excel-mangled numbers get the 'format the column as text' hint") {
    auto sci = parse_id_number("5.10322E+17");
    REQUIRE_FALSE(sci);
    CHECK(contains(sci.error, "'5.10322E+17'"));
    CHECK(contains(sci.error, "format the column as text"));
    auto lower = parse_id_number("5.11028e+17");
    REQUIRE_FALSE(lower);
    CHECK(contains(lower.error, "format the column as text"));
    // 511028197003141730 with 15 significant digits kept: the last three turned to 0.
    auto zeroed = parse_id_number("511028197003141000");
    REQUIRE_FALSE(zeroed);
    CHECK(contains(zeroed.error, "wrong check digit"));
    CHECK(contains(zeroed.error, "format the column as text"));
    // An ordinary typo gets no such hint.
    auto typo = parse_id_number("511028197003141731");
    CHECK_FALSE(contains(typo.error, "format the column as text"));
}

TEST_CASE("id_number: old 15-digit numbers are refused") {
    auto r = parse_id_number("340524800101001");
    REQUIRE_FALSE(r);
    CHECK(contains(r.error, "old 15-digit number"));
    CHECK(contains(r.error, "18-character number is required"));
}

TEST_CASE("id_number: masked input is refused") {
    CHECK(is_masked_id_number("340***********001X"));
    CHECK_FALSE(is_masked_id_number("34052419800101001X"));
    auto r = parse_id_number("340***********001X");
    REQUIRE_FALSE(r);
    CHECK(contains(r.error, "is masked"));
    // The roster words it with the flag that gets the full numbers (test_roster); util does not
    // know the command line.
    CHECK(contains(r.error, "its middle digits are hidden"));
}

TEST_CASE("id_number: malformed numbers") {
    CHECK(parse_id_number("").error == "ID number is empty");
    for (std::string_view bad : {"34052419800101001", "34052419800101001XX", "3405241980010100AX", "A4052419800101001X",
                                 "34052419800101001Y", "3405241980010100 1"}) {
        CAPTURE(bad);
        auto r = parse_id_number(bad);
        CHECK_FALSE(r);
        CHECK(contains(r.error, "must be 17 digits and a check digit or X"));
    }
}

TEST_CASE("id_number: the birth date must be real") {
    // Correct check characters, impossible dates.
    std::string feb30 = std::string("51102819800230001") + id_check_char("51102819800230001");
    auto r = parse_id_number(feb30);
    REQUIRE_FALSE(r);
    CHECK(contains(r.error, "holds no real birth date (19800230)"));
    std::string y1899 = std::string("51102818991231001") + id_check_char("51102818991231001");
    CHECK_FALSE(parse_id_number(y1899));
    std::string leap = std::string("51100219800229001") + id_check_char("51100219800229001");
    CHECK(parse_id_number(leap));
}

TEST_CASE("id_number: birth date and gender from the number") {
    CHECK(id_birth_date("34052419800101001X") == Date{1980, 1, 1});
    CHECK(id_birth_date("11010519491231002X") == Date{1949, 12, 31});
    CHECK(id_birth_date("511028197810304380").iso() == "1978-10-30");
    CHECK_FALSE(id_is_female("34052419800101001X")); // sequence digit 1: male
    CHECK(id_is_female("11010519491231002X"));       // sequence digit 2: female
    CHECK(id_is_female("511028197810304380"));       // 郑晓婷
    CHECK_FALSE(id_is_female("511028197003141730")); // 罗鸿灵
}

TEST_CASE("id_number: mask_id_number keeps the first 3 and last 4 characters") {
    CHECK(mask_id_number("510322198001011234") == "510***********1234");
    CHECK(mask_id_number("51032219800101123X") == "510***********123X");
    CHECK(mask_id_number("34052419800101001X").size() == 18);
    CHECK(is_masked_id_number(mask_id_number("34052419800101001X")));
    CHECK(mask_id_number("1234567") == "*******");
    CHECK(mask_id_number("12345678") == "123*5678");
    CHECK(mask_id_number("") == "");
}

TEST_CASE("id number: phone numbers are masked like ID numbers") {
    using guazhi::util::mask_phone;
    CHECK(mask_phone("13812345678") == "138****5678");
    CHECK(mask_phone("0832-2212345") == "083*-***2345");
    CHECK(mask_phone("+86 138 1234 5678") == "+86 1** **** 5678");
    CHECK(mask_phone("123456") == "****56");
    CHECK(mask_phone("").empty());
}
