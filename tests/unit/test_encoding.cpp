#include "util/encoding.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using guazhi::util::DecodeError;
using guazhi::util::Encoding;
using guazhi::util::Utf8Source;

namespace {

constexpr std::size_t kChunk = 64 * 1024;

struct Decoded {
    std::string text;
    Encoding encoding = Encoding::automatic;
    std::size_t chunks = 0;
};

// Reads a whole stream through Utf8Source, checking that every chunk is valid UTF-8 on its own.
Decoded decode(const std::string& bytes, Encoding encoding) {
    std::istringstream in(bytes);
    Utf8Source source(in, encoding);
    Decoded out;
    for (;;) {
        std::string_view chunk = source.next_chunk();
        if (chunk.empty()) break;
        ++out.chunks;
        out.text += chunk;
    }
    out.encoding = source.encoding();
    return out;
}

} // namespace

TEST_CASE("encoding: parse_encoding names") {
    CHECK(guazhi::util::parse_encoding("auto") == Encoding::automatic);
    CHECK(guazhi::util::parse_encoding("utf-8") == Encoding::utf8);
    CHECK(guazhi::util::parse_encoding("UTF8") == Encoding::utf8);
    CHECK(guazhi::util::parse_encoding("gbk") == Encoding::gb18030);
    CHECK(guazhi::util::parse_encoding("GB2312") == Encoding::gb18030);
    CHECK(guazhi::util::parse_encoding("gb18030") == Encoding::gb18030);
    CHECK(guazhi::util::parse_encoding("cp936") == Encoding::gb18030);
    CHECK_FALSE(guazhi::util::parse_encoding("latin1").has_value());
    CHECK_FALSE(guazhi::util::parse_encoding("").has_value());
    CHECK(guazhi::util::parse_encoding("utf-16") == Encoding::utf16le);
    CHECK(guazhi::util::parse_encoding("UTF-16BE") == Encoding::utf16be);
    CHECK_FALSE(guazhi::util::parse_encoding("utf-32").has_value());
}

TEST_CASE("encoding: automatic detection of UTF-8") {
    auto d = decode("姓名,身份证号\n罗鸿灵\n", Encoding::automatic);
    CHECK(d.encoding == Encoding::utf8);
    CHECK(d.text == "姓名,身份证号\n罗鸿灵\n");
}

TEST_CASE("encoding: automatic detection of GBK bytes decodes them as GB18030") {
    // "姓名,身份证号\n罗鸿灵\n" in GBK (checked with iconv -t GB18030).
    auto d = decode("\xD0\xD5\xC3\xFB,\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5\n\xC2\xDE\xBA\xE8\xC1\xE9\n", Encoding::automatic);
    CHECK(d.encoding == Encoding::gb18030);
    CHECK(d.text == "姓名,身份证号\n罗鸿灵\n");
}

TEST_CASE("encoding: GB18030 four-byte sequences and the full-width forms decode") {
    // U+1F600 is 94 39 FC 36 in GB18030; "２" is A3 B2; U+3000 is A1 A1.
    auto d = decode("\x94\x39\xFC\x36\xA3\xB2\xA1\xA1", Encoding::gb18030);
    CHECK(d.text == "\xF0\x9F\x98\x80" "２\xE3\x80\x80");
}

TEST_CASE("encoding: pure ASCII is UTF-8") {
    auto d = decode("id,name\n", Encoding::automatic);
    CHECK(d.encoding == Encoding::utf8);
    CHECK(d.text == "id,name\n");
}

TEST_CASE("encoding: empty input gives no chunks") {
    auto d = decode("", Encoding::automatic);
    CHECK(d.text.empty());
    CHECK(d.chunks == 0);
}

TEST_CASE("encoding: a UTF-8 BOM is dropped and means UTF-8") {
    auto d = decode("\xEF\xBB\xBF姓名\n", Encoding::automatic);
    CHECK(d.encoding == Encoding::utf8);
    CHECK(d.text == "姓名\n");
    auto forced = decode("\xEF\xBB\xBF姓名\n", Encoding::utf8);
    CHECK(forced.text == "姓名\n");
    // Only one BOM at the start is dropped.
    auto twice = decode("\xEF\xBB\xBF\xEF\xBB\xBF" "a", Encoding::automatic);
    CHECK(twice.text == "\xEF\xBB\xBF" "a");
}

TEST_CASE("encoding: a file that is only a BOM is empty") {
    auto d = decode("\xEF\xBB\xBF", Encoding::automatic);
    CHECK(d.text.empty());
    CHECK(d.encoding == Encoding::utf8);
}

TEST_CASE("encoding: forced UTF-8 on GBK bytes throws DecodeError") {
    CHECK_THROWS_AS(decode("\xD0\xD5\xC3\xFB\n", Encoding::utf8), DecodeError);
    try {
        decode("\xD0\xD5\xC3\xFB\n", Encoding::utf8);
    } catch (const DecodeError& e) {
        CHECK(std::string(e.what()) == "invalid UTF-8");
        CHECK(e.not_utf8()); // the CSV reader then names the encoding flag (test_csv)
    }
}

TEST_CASE("encoding: UTF-8 cut off at the end of the file throws") {
    CHECK_THROWS_AS(decode("abc\xE6\x8C", Encoding::utf8), DecodeError);
}

TEST_CASE("encoding: bytes invalid in GB18030 throw DecodeError") {
    // 0xFF is never a GB18030 lead byte; a lone lead byte at the end is incomplete.
    CHECK_THROWS_AS(decode("\xD0\xD5\xFF\xFF", Encoding::gb18030), DecodeError);
    CHECK_THROWS_AS(decode("\xD0\xD5\xD0", Encoding::gb18030), DecodeError);
}

TEST_CASE("encoding: forced GB18030 still reads ASCII unchanged") {
    auto d = decode("a,b\r\n", Encoding::gb18030);
    CHECK(d.encoding == Encoding::gb18030);
    CHECK(d.text == "a,b\r\n");
}

TEST_CASE("encoding: a UTF-8 character split across the 64 KiB chunk boundary") {
    // "挂" (3 bytes) starts at byte 65535, so the first read ends after its first byte.
    std::string text = std::string(kChunk - 1, 'a') + "挂职" + std::string(10, 'b');
    SUBCASE("automatic") {
        auto d = decode(text, Encoding::automatic);
        CHECK(d.encoding == Encoding::utf8);
        CHECK(d.text == text);
        CHECK(d.chunks >= 2);
    }
    SUBCASE("forced") {
        auto d = decode(text, Encoding::utf8);
        CHECK(d.text == text);
    }
    SUBCASE("two bytes before the boundary") {
        std::string t2 = std::string(kChunk - 2, 'a') + "挂职" + "\xF0\x9F\x98\x80";
        auto d = decode(t2, Encoding::automatic);
        CHECK(d.text == t2);
    }
}

TEST_CASE("encoding: a GB18030 character split across the 64 KiB chunk boundary") {
    // GBK text at the start makes detection choose GB18030; "姓" (D0 D5) straddles byte 65536.
    std::string bytes = "\xD0\xD5\xC3\xFB" + std::string(kChunk - 4 - 1, 'a') + "\xD0\xD5\xC3\xFB\n";
    REQUIRE(bytes[kChunk - 1] == '\xD0');
    std::string expected = "姓名" + std::string(kChunk - 5, 'a') + "姓名\n";
    SUBCASE("automatic") {
        auto d = decode(bytes, Encoding::automatic);
        CHECK(d.encoding == Encoding::gb18030);
        CHECK(d.text == expected);
    }
    SUBCASE("forced") {
        auto d = decode(bytes, Encoding::gb18030);
        CHECK(d.text == expected);
    }
    SUBCASE("a four-byte sequence cut after its second byte") {
        std::string b4 = "\xD0\xD5" + std::string(kChunk - 2 - 2, 'a') + "\x94\x39\xFC\x36" + "z";
        REQUIRE(b4[kChunk - 2] == '\x94');
        auto d = decode(b4, Encoding::automatic);
        CHECK(d.text == "姓" + std::string(kChunk - 4, 'a') + "\xF0\x9F\x98\x80" "z");
    }
}

TEST_CASE("encoding: detection looks only at the first 64 KiB") {
    // Documented behaviour: valid UTF-8 in the first chunk decides UTF-8, so GBK bytes later
    // in the file are an error rather than silently mis-decoded.
    std::string bytes = std::string(kChunk + 100, 'a') + "\xD0\xD5";
    CHECK_THROWS_AS(decode(bytes, Encoding::automatic), DecodeError);
}

TEST_CASE("encoding: a file of exactly 64 KiB is read whole") {
    std::string text = std::string(kChunk - 3, 'x') + "职";
    REQUIRE(text.size() == kChunk);
    auto d = decode(text, Encoding::automatic);
    CHECK(d.text == text);
}

TEST_CASE("encoding: the good text before a bad byte is handed out before the error") {
    SUBCASE("UTF-8") {
        std::istringstream in("line one\n\xD0\xD5\n");
        Utf8Source source(in, Encoding::utf8);
        CHECK(source.next_chunk() == "line one\n");
        CHECK_THROWS_AS(source.next_chunk(), DecodeError);
    }
    SUBCASE("GB18030") {
        std::istringstream in("\xD0\xD5\xC3\xFB\n\xFF\xFF");
        Utf8Source source(in, Encoding::gb18030);
        CHECK(source.next_chunk() == "姓名\n");
        CHECK_THROWS_AS(source.next_chunk(), DecodeError);
    }
}

namespace {
// UTF-8 text as UTF-16 of either byte order, with a BOM (as Excel's "Unicode 文本" saves it).
std::string utf16(std::string_view utf8, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        unsigned cp = 0;
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += n;
        auto unit = [&](unsigned u) {
            char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
            out += little_endian ? lo : hi;
            out += little_endian ? hi : lo;
        };
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}
} // namespace

TEST_CASE("encoding: UTF-16 with a BOM (Excel's Unicode text) is detected and decoded, either byte order") {
    const std::string text = "姓名\t身份证号\r\n张明\t511025198003150018\r\n𠀀\r\n";
    auto le = decode(utf16(text, true), Encoding::automatic);
    CHECK(le.encoding == Encoding::utf16le);
    CHECK(le.text == text);
    auto be = decode(utf16(text, false), Encoding::automatic);
    CHECK(be.encoding == Encoding::utf16be);
    CHECK(be.text == text);
    CHECK(encoding_name(Encoding::utf16le) == "UTF-16LE");
}

TEST_CASE("encoding: UTF-16 characters split across the 64 KiB chunk boundary") {
    std::string text(kChunk / 2 - 2, 'a'); // the BOM and this fill one chunk less one byte
    text += "挂职干部";
    auto d = decode(utf16(text, true), Encoding::automatic);
    CHECK(d.text == text);
    CHECK(d.chunks >= 2);
}

TEST_CASE("encoding: a workbook piped in is refused, not decoded") {
    std::istringstream in(std::string("PK\x03\x04rest of a zip"));
    Utf8Source source(in, Encoding::automatic);
    CHECK_THROWS_WITH_AS(source.next_chunk(), doctest::Contains("a workbook or document, not text"), DecodeError);
}
