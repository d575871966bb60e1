#include "temp_dir.hpp"
#include "fixture.hpp"
#include "config.hpp"
#include "error.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace guazhi;
namespace fs = std::filesystem;

using guazhi::test::contains;

namespace {

// The message of the ConfigError that parsing `text` throws; empty when it does not.
std::string config_error(std::string_view text) {
    try {
        parse_config(text, "guazhi.toml");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return {};
}

// A fresh empty directory, removed with everything in it at the end of the test.
using guazhi::test::TempDir;

// Runs with the working directory changed, restoring it afterwards.
struct InDir {
    fs::path old = fs::current_path();
    explicit InDir(const fs::path& p) { fs::current_path(p); }
    ~InDir() { fs::current_path(old); }
};

} // namespace

TEST_CASE("config: parse_config defaults") {
    Config cfg = parse_config("", "guazhi.toml");
    CHECK_FALSE(cfg.db.has_value());
    CHECK_FALSE(cfg.lang.has_value()); // unset: the environment chooses (cli/language.hpp)
    CHECK(cfg.policy.term_months == 12);
    CHECK(cfg.policy.non_party_exclude.empty());
    CHECK(cfg.source == "guazhi.toml");
    Config plain;
    CHECK(plain.source.empty());
    CHECK(plain.policy.term_months == 12);
}

TEST_CASE("config: each key") {
    Config cfg = parse_config("# comment\n"
                              "db = \"/var/lib/guazhi/records.db\"\n"
                              "lang = \"en\"\n"
                              "term_months = 24\n"
                              "non_party_exclude = [\"masses\"]\n",
                              "guazhi.toml");
    REQUIRE(cfg.db.has_value());
    CHECK(*cfg.db == "/var/lib/guazhi/records.db");
    CHECK(cfg.lang == Lang::en);
    CHECK(cfg.policy.term_months == 24);
    CHECK(cfg.policy.non_party_exclude == std::vector<std::string>{"masses"});
    CHECK(parse_config("lang = \"zh\"", "x").lang == Lang::zh);
    CHECK(parse_config("term_months = 1", "x").policy.term_months == 1);
    CHECK(parse_config("term_months = 120", "x").policy.term_months == 120);
}

TEST_CASE("config: non_party_exclude takes Chinese labels and aliases, stored as codes") {
    Config cfg = parse_config("non_party_exclude = [\"群众\", \"共青团员\", \"团员\"]", "guazhi.toml");
    CHECK(cfg.policy.non_party_exclude == std::vector<std::string>{"masses", "cyl_member", "cyl_member"});
    CHECK(parse_config("non_party_exclude = []", "x").policy.non_party_exclude.empty());
}

TEST_CASE("config: an unknown key names the file, line and key") {
    std::string msg = config_error("lang = \"zh\"\n\ncolour = \"red\"\n");
    CHECK(msg.starts_with("guazhi.toml:3: colour: unknown key"));
    CHECK(contains(msg, "known: db, lang, term_months, max_term_months, note_margin_days, non_party_exclude"));
    // A table is an unknown key as well.
    CHECK(config_error("[rules]\nterm_months = 12\n").starts_with("guazhi.toml:1: rules: unknown key"));
}

TEST_CASE("config: wrong types name the key and what it must be") {
    CHECK(config_error("term_months = \"12\"") == "guazhi.toml:1: term_months: must be an integer number of months");
    CHECK(config_error("\nterm_months = 12.5") == "guazhi.toml:2: term_months: must be an integer number of months");
    CHECK(config_error("db = 3").starts_with("guazhi.toml:1: db: must be a string"));
    CHECK(config_error("lang = 1").starts_with("guazhi.toml:1: lang: must be a string"));
    CHECK(config_error("non_party_exclude = \"群众\"").starts_with("guazhi.toml:1: non_party_exclude: must be an array"));
    CHECK(config_error("non_party_exclude = [1]") == "guazhi.toml:1: non_party_exclude: must be an array of strings");
}

TEST_CASE("config: bad values") {
    CHECK(config_error("lang = \"fr\"") == "guazhi.toml:1: lang: 'fr' is not \"zh\" or \"en\"");
    CHECK(config_error("term_months = 0") == "guazhi.toml:1: term_months: 0 is outside 1..120");
    CHECK(config_error("term_months = 121") == "guazhi.toml:1: term_months: 121 is outside 1..120");
    CHECK(config_error("term_months = -12") == "guazhi.toml:1: term_months: -12 is outside 1..120");
    std::string msg = config_error("non_party_exclude = [\n  \"群众\",\n  \"火星人\",\n]\n");
    CHECK(msg.starts_with("guazhi.toml:3: non_party_exclude: unknown political status '火星人'"));
}

TEST_CASE("config: TOML syntax errors name the file, line and column") {
    std::string msg = config_error("lang = \"zh\"\nterm_months = = 3\n");
    CHECK(msg.starts_with("guazhi.toml:2:"));
    CHECK_THROWS_AS(parse_config("lang = \"zh", "x"), ConfigError);
    CHECK_THROWS_AS(parse_config("lang = \"zh\"\nlang = \"en\"\n", "x"), ConfigError); // duplicate key
}

// toml++ is compiled into guazhi (lib/util/toml.hpp); these inputs reach an assertion and an
// unreachable branch in toml++ 3.3.0 (the fuzz corpus keeps them). Each must be a plain
// syntax error naming the place, in every build type, as with Debian's shared library.
TEST_CASE("config: inputs that trip toml++ 3.3.0's own checks are syntax errors") {
    CHECK(config_error("[&\n").starts_with("guazhi.toml:1:"));
    CHECK(config_error("\xc3\xa1" "4").starts_with("guazhi.toml:1:"));
    CHECK(config_error("s = \"\"\"\\\n\xc2\xa7\"\"\"\n").starts_with("guazhi.toml:"));
}

TEST_CASE("config: sample_config parses to the defaults") {
    std::string sample = sample_config();
    Config cfg = parse_config(sample, "sample");
    CHECK_FALSE(cfg.db.has_value());
    CHECK(cfg.lang == Lang::zh);
    CHECK(cfg.policy.term_months == 12);
    CHECK(cfg.policy.non_party_exclude.empty());
    CHECK(contains(sample, "non_party_exclude"));
    CHECK(contains(sample, "term_months"));
}

TEST_CASE("config: load_config reads a file and names it in errors") {
    TempDir dir;
    dir.write("a.toml", "lang = \"en\"\nterm_months = 6\n");
    Config cfg = load_config(dir.path / "a.toml");
    CHECK(cfg.lang == Lang::en);
    CHECK(cfg.policy.term_months == 6);
    CHECK(cfg.source == (dir.path / "a.toml").string());

    dir.write("b.toml", "lang = \"en\"\nbogus = 1\n");
    try {
        load_config(dir.path / "b.toml");
        FAIL("no error");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()).starts_with((dir.path / "b.toml").string() + ":2: bogus: unknown key"));
    }

    try {
        load_config(dir.path / "missing.toml");
        FAIL("no error");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()) == (dir.path / "missing.toml").string() + ": cannot read the config file");
    }
}

TEST_CASE("config: find_config precedence") {
    TempDir dir;
    const fs::path work = dir.path / "work";
    const fs::path home = dir.path / "home";
    const fs::path xdg = dir.path / "xdg";
    fs::create_directories(work);
    fs::create_directories(home);
    fs::create_directories(xdg);
    InDir in(work);
    const std::string home_s = home.string(), xdg_s = xdg.string();

    SUBCASE("nothing anywhere") {
        CHECK_FALSE(find_config(std::nullopt, xdg_s.c_str(), home_s.c_str()).has_value());
        CHECK_FALSE(find_config(std::nullopt, nullptr, home_s.c_str()).has_value());
        CHECK_FALSE(find_config(std::nullopt, nullptr, nullptr).has_value());
    }
    SUBCASE("HOME/.config when XDG_CONFIG_HOME is unset or empty") {
        dir.write("home/.config/guazhi/config.toml", "");
        CHECK(find_config(std::nullopt, nullptr, home_s.c_str()) == home / ".config" / "guazhi" / "config.toml");
        CHECK(find_config(std::nullopt, "", home_s.c_str()) == home / ".config" / "guazhi" / "config.toml");
        // A set XDG_CONFIG_HOME replaces ~/.config; it is not a fallback.
        CHECK_FALSE(find_config(std::nullopt, xdg_s.c_str(), home_s.c_str()).has_value());
    }
    SUBCASE("XDG_CONFIG_HOME wins over HOME") {
        dir.write("home/.config/guazhi/config.toml", "");
        dir.write("xdg/guazhi/config.toml", "");
        CHECK(find_config(std::nullopt, xdg_s.c_str(), home_s.c_str()) == xdg / "guazhi" / "config.toml");
        CHECK(find_config(std::nullopt, xdg_s.c_str(), nullptr) == xdg / "guazhi" / "config.toml");
    }
    SUBCASE("./guazhi.toml wins over XDG") {
        dir.write("xdg/guazhi/config.toml", "");
        dir.write("work/guazhi.toml", "");
        CHECK(find_config(std::nullopt, xdg_s.c_str(), home_s.c_str()) == fs::path("guazhi.toml"));
    }
    SUBCASE("the explicit path wins, even when it does not exist") {
        dir.write("xdg/guazhi/config.toml", "");
        dir.write("work/guazhi.toml", "");
        fs::path explicit_path = dir.path / "elsewhere.toml";
        CHECK(find_config(explicit_path, xdg_s.c_str(), home_s.c_str()) == explicit_path);
    }
}

TEST_CASE("config: max_term_months and note_margin_days (issue 19)") {
    Config defaults = parse_config("", "guazhi.toml");
    CHECK(defaults.policy.max_term_months == 24);
    CHECK(defaults.policy.note_margin_days == 30);
    Config sample = parse_config(sample_config(), "sample");
    CHECK(sample.policy.max_term_months == 24);
    CHECK(sample.policy.note_margin_days == 30);
    Config cfg = parse_config("max_term_months = 18\nnote_margin_days = 0\n", "guazhi.toml");
    CHECK(cfg.policy.max_term_months == 18);
    CHECK(cfg.policy.note_margin_days == 0);
    CHECK(config_error("max_term_months = 0") == "guazhi.toml:1: max_term_months: 0 is outside 1..120");
    CHECK(config_error("max_term_months = \"24\"") == "guazhi.toml:1: max_term_months: must be an integer number of months");
    CHECK(config_error("note_margin_days = -1") == "guazhi.toml:1: note_margin_days: -1 is outside 0..3650");
    CHECK(config_error("note_margin_days = 1.5") == "guazhi.toml:1: note_margin_days: must be an integer number of days");
    // Never shorter than the default term: set shorter it is refused, not set it follows it.
    CHECK(config_error("term_months = 12\nmax_term_months = 6\n") ==
          "guazhi.toml:2: max_term_months: 6 is shorter than term_months (12)");
    CHECK(parse_config("term_months = 36\n", "x").policy.max_term_months == 36);
    CHECK(parse_config("term_months = 12\nmax_term_months = 12\n", "x").policy.max_term_months == 12);
}
