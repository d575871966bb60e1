#include "util/redact.hpp"

#include <doctest/doctest.h>

using guazhi::util::mask_id_numbers;
using guazhi::util::redact;

TEST_CASE("redact: ID-number-like tokens are masked however they are written") {
    CHECK(mask_id_numbers("ID number '511011197609223241' has a wrong check digit (expected X)") ==
          "ID number '511***********3241' has a wrong check digit (expected X)");
    CHECK(mask_id_numbers("=\"51101119760922324X\"") == "=\"511***********324X\"");
    CHECK(mask_id_numbers("51101119760922324x,") == "511***********324x,");
    CHECK(mask_id_numbers("511025198003150000 ends in zeros") == "511***********0000 ends in zeros");
    CHECK(mask_id_numbers("old 15-digit 511025800315001") == "old 15-digit 511********5001");
    CHECK(mask_id_numbers("a:511025198003150018:b") == "a:511***********0018:b");
    // Not ID numbers: shorter or longer runs, numbers with units, dates.
    CHECK(mask_id_numbers("1000000 rows, 2006-08-01, 12345678901234") == "1000000 rows, 2006-08-01, 12345678901234");
    // A run of more digits holds one (an ID number typed with a digit too many), and one typed
    // with its area code set apart is one number.
    CHECK(mask_id_numbers("5110251980031500181") == "511************0181");
    CHECK(mask_id_numbers("'511025-198003150018' is not") == "'511***********0018' is not");
    CHECK(mask_id_numbers("511025 19800315001X") == "511***********001X");
    CHECK(mask_id_numbers("2006-08-01 2007-07-31, 20060801-20070731, 100000 200000") ==
          "2006-08-01 2007-07-31, 20060801-20070731, 100000 200000");
    CHECK(mask_id_numbers("5.11025E+17") == "5.11025E+17");
}

TEST_CASE("redact: terminal controls are escaped, line breaks kept") {
    CHECK(redact("name \x1B]0;pwned\x07\x1B[31mred") == "name \\x1B]0;pwned\\x07\\x1B[31mred");
    CHECK(redact("line one\nline two\n") == "line one\nline two\n");
    CHECK(redact("\rread 5000 rows") == "\rread 5000 rows");
    CHECK(redact("tab\there") == "tab\\x09here");
    CHECK(redact("张明 511025198003150018\n") == "张明 511***********0018\n");
}
