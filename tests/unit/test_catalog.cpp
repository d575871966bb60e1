// The Chinese catalog built into guazhi (issue "Chinese by default", lib/util/catalog.hpp): every
// entry can be worded with its arguments and keeps what must not be translated, and the wording
// of nested messages, lists and a text the catalog lacks.
#include "util/catalog.hpp"
#include "util/message.hpp"

#include <doctest/doctest.h>
#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace guazhi;

namespace {

// The argument indices a text's placeholders stand for, in order: {} counts on from the last
// automatic one, {N} is N; {{ and }} are braces, and a brace pair that is no placeholder (the
// "{table,csv}" of a usage text) is text. nullopt when automatic and numbered ones are mixed
// (fmt refuses that).
std::optional<std::vector<int>> placeholders(std::string_view text) {
    static const std::regex kPlaceholder(R"(\{(\d*)(:[^{}]*)?\})");
    std::vector<int> out;
    bool automatic = false, numbered = false;
    int next = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "{{") == 0 || text.compare(i, 2, "}}") == 0) {
            ++i;
            continue;
        }
        if (text[i] != '{') continue;
        auto close = text.find('}', i);
        if (close == std::string_view::npos) break;
        std::string candidate(text.substr(i, close - i + 1));
        std::smatch m;
        if (!std::regex_match(candidate, m, kPlaceholder)) continue;
        if (m[1].length() == 0) {
            automatic = true;
            out.push_back(next++);
        } else {
            numbered = true;
            out.push_back(std::stoi(m[1].str()));
        }
        i = close;
    }
    if (automatic && numbered) return std::nullopt;
    return out;
}

std::size_t arity(const std::vector<int>& indices) {
    return indices.empty() ? 0 : static_cast<std::size_t>(*std::max_element(indices.begin(), indices.end())) + 1;
}

// The code points of a UTF-8 text (an invalid byte is U+FFFD).
std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t c = n == 1 ? b : b & (0x7F >> n);
        for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(c);
        i += n;
    }
    return out;
}

// A Han ideograph, CJK punctuation or a full-width form (tests/cli/lang_audit.pl's CJK).
bool has_cjk(std::string_view s) {
    for (char32_t c : code_points(s))
        if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
            (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF))
            return true;
    return false;
}

// Whether a text has words to translate: a letter outside its placeholders, flags, commands in
// backquotes and the program's name ("guazhi: {}" has none).
bool has_words(std::string_view text) {
    static const std::regex kNotWords(R"(\{[^{}]*\}|--?[A-Za-z][\w-]*|`[^`]*`|\bguazhi\b)");
    std::string rest = std::regex_replace(std::string(text), kNotWords, " ");
    return std::any_of(rest.begin(), rest.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// The text with each placeholder written {}: a command keeps its arguments when a translation
// numbers them.
std::string unnumbered(std::string_view text) {
    static const std::regex kNumbered(R"(\{\d+\})");
    return std::regex_replace(std::string(text), kNumbered, "{}");
}

// What a translation must keep as it is: flags (--reveal-id) and commands in backquotes.
std::vector<std::string> kept_words(std::string_view text) {
    static const std::regex kKept(R"((?:^|[^\w-])(--[A-Za-z][\w-]*)|(`[^`]+`))");
    std::vector<std::string> out;
    std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), kKept); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
    return out;
}

// The text formatted with `n` string arguments ⟨0⟩, ⟨1⟩ …
std::string format_with(std::string_view pattern, std::size_t n) {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (std::size_t i = 0; i < n; ++i) store.push_back(fmt::format("⟨{}⟩", i));
    return fmt::vformat(pattern, store);
}

struct Entry {
    std::string id, text;
};

std::vector<Entry> entries() {
    std::vector<Entry> out;
    for (std::size_t i = 0; i < util::catalog_size(Lang::zh); ++i) {
        auto [id, text] = util::catalog_entry(Lang::zh, i);
        out.push_back({std::string(id), std::string(text)});
    }
    return out;
}

// The first entry whose msgid has `n` automatic placeholders and no other braces.
std::optional<Entry> entry_with(std::size_t n) {
    for (const auto& e : entries()) {
        auto p = placeholders(e.id);
        if (!p || p->size() != n || arity(*p) != n) continue;
        if (std::count(e.id.begin(), e.id.end(), '{') != static_cast<long>(n)) continue;
        if (e.id.find("{}") == std::string::npos && n > 0) continue;
        return e;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("catalog: Chinese has a catalog, English none") {
    CHECK(util::catalog_size(Lang::en) == 0);
    CHECK(util::catalog_size(Lang::zh) > 0);
    auto [id, text] = util::catalog_entry(Lang::zh, util::catalog_size(Lang::zh)); // past the end
    CHECK(id.empty());
    CHECK(text.empty());
}

TEST_CASE("catalog: every translation has the placeholders of its English text") {
    for (const auto& e : entries()) {
        CAPTURE(e.id);
        CAPTURE(e.text);
        auto english = placeholders(e.id);
        auto chinese = placeholders(e.text);
        REQUIRE(english.has_value());
        REQUIRE_MESSAGE(chinese.has_value(), "the translation mixes {} and {N}");
        CHECK(chinese->size() == english->size());
        // The same arguments, each as often, in any order ({1}…{0} reorders them).
        auto a = *english, b = *chinese;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        CHECK(a == b);
    }
}

TEST_CASE("catalog: every translation formats with its arguments, and shows each of them") {
    for (const auto& e : entries()) {
        auto english = placeholders(e.id);
        if (!english || english->empty()) continue; // a text without arguments is shown as it is
        std::size_t n = arity(*english);
        CAPTURE(e.id);
        CAPTURE(e.text);
        std::string worded;
        CHECK_NOTHROW(format_with(e.id, n));
        CHECK_NOTHROW(worded = format_with(e.text, n));
        for (std::size_t i = 0; i < n; ++i) {
            if (std::find(english->begin(), english->end(), static_cast<int>(i)) == english->end()) continue;
            CHECK_MESSAGE(worded.find(fmt::format("⟨{}⟩", i)) != std::string::npos, "argument ", i, " is lost");
        }
        // What the reader gets: util::words with the same arguments as values.
        Message m(e.id);
        for (std::size_t i = 0; i < n; ++i) m.args.push_back({fmt::format("⟨{}⟩", i), nullptr});
        CHECK(util::words(m, Lang::zh) == worded);
    }
}

TEST_CASE("catalog: every translation keeps the flags and commands of its English text") {
    for (const auto& e : entries()) {
        CAPTURE(e.id);
        CAPTURE(e.text);
        std::string text = unnumbered(e.text);
        for (const auto& word : kept_words(e.id)) {
            CAPTURE(word);
            CHECK(text.find(word) != std::string::npos);
        }
    }
}

TEST_CASE("catalog: every translation is Chinese, unless its English text has no words") {
    for (const auto& e : entries()) {
        CAPTURE(e.id);
        CAPTURE(e.text);
        CHECK_FALSE(e.text.empty());
        if (has_words(e.id)) CHECK(has_cjk(e.text));
    }
    CHECK_FALSE(has_words("guazhi: {}"));
    CHECK_FALSE(has_words("{}: {} (--reveal-id, `guazhi init`)"));
    CHECK(has_words("guazhi: {}: no database here"));
}

TEST_CASE("catalog: a nested message is worded in the reader's language too") {
    // Whatever the catalog holds: English words the code's text as written.
    CHECK(util::words(msg("outer {} and {}", msg("inner {}", 7), "value"), Lang::en) == "outer inner 7 and value");
    CHECK(english(msg("a {}", msg("b {}", msg("c {}", 1)))) == "a b c 1");

    auto outer = entry_with(1), inner = entry_with(0);
    REQUIRE(outer.has_value());
    REQUIRE(inner.has_value());
    CAPTURE(outer->id);
    CAPTURE(inner->id);
    Message nested = msg(outer->id, msg(inner->id));
    CHECK(util::words(nested, Lang::zh) == fmt::format(fmt::runtime(outer->text), inner->text));
    CHECK(util::words(nested, Lang::en) == fmt::format(fmt::runtime(outer->id), inner->id));
    // Two levels down.
    Message deeper = msg(outer->id, msg(outer->id, msg(inner->id)));
    CHECK(util::words(deeper, Lang::zh) ==
          fmt::format(fmt::runtime(outer->text), fmt::format(fmt::runtime(outer->text), inner->text)));
    // A value is not a sentence: it is shown as given, even when it reads like one.
    CHECK(util::words(msg(outer->id, inner->id), Lang::zh) == fmt::format(fmt::runtime(outer->text), inner->id));
}

TEST_CASE("catalog: a list is joined with the reader's separator, lines one below the other") {
    CHECK(util::words(list_of({"上挂", "下派"}), Lang::en) == "上挂, 下派");
    CHECK(util::words(list_of({"上挂", "下派"}), Lang::zh) == "上挂、下派");
    CHECK(util::words(list_of({"a", "b", "c"}), Lang::en) == "a, b, c");
    CHECK(util::words(list_of({"a", "b", "c"}), Lang::zh) == "a、b、c");
    CHECK(util::words(list_of({"only"}), Lang::zh) == "only");
    CHECK(util::words(list_of({}), Lang::zh).empty());
    CHECK(util::words(lines_of({"a", "b"}), Lang::en) == "a\nb");
    CHECK(util::words(lines_of({"a", "b"}), Lang::zh) == "a\nb");
    // The items are messages: each is worded in the list's language.
    auto inner = entry_with(0);
    REQUIRE(inner.has_value());
    CHECK(util::words(list_of({msg(inner->id), "x"}), Lang::zh) == inner->text + "、x");
    CHECK(util::words(list_of({msg(inner->id), "x"}), Lang::en) == inner->id + ", x");
    CHECK(util::words(msg("known: {}", list_of({"a", "b"})), Lang::en) == "known: a, b");
}

TEST_CASE("catalog: a text the catalog lacks is shown in English") {
    const std::string missing = "a text no catalog translates, with {} and {}";
    CHECK_FALSE(util::translated(Lang::zh, missing));
    CHECK(util::translated(Lang::en, missing));
    CHECK(util::translate(Lang::zh, missing) == missing);
    CHECK(util::words(msg(missing, 1, "二"), Lang::zh) == "a text no catalog translates, with 1 and 二");
    CHECK(util::words(msg(missing, 1, "二"), Lang::en) == "a text no catalog translates, with 1 and 二");
    CHECK(util::words(Message("plain words"), Lang::zh) == "plain words");
    CHECK(util::translate(Lang::zh, "") == "");
    // Inside a translated sentence, the missing one stays English and the rest is Chinese.
    auto outer = entry_with(1);
    REQUIRE(outer.has_value());
    CHECK(util::words(msg(outer->id, msg(missing, 1, 2)), Lang::zh) ==
          fmt::format(fmt::runtime(outer->text), "a text no catalog translates, with 1 and 2"));
    // Every entry is found by its English text.
    for (const auto& e : entries()) {
        CAPTURE(e.id);
        CHECK(util::translated(Lang::zh, e.id));
        CHECK(util::translate(Lang::zh, e.id) == e.text);
        CHECK(util::translate(Lang::en, e.id) == e.id);
    }
}
