// Settings from guazhi.toml: where the database is, the label language, and the rules that
// vary between places (a domain::Policy). Unknown keys and wrong types are errors naming the
// key and line. Above the domain: the domain sees only the Policy.
#pragma once

#include "domain/policy.hpp"
#include "domain/vocabulary.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// What guazhi.toml says: the application's settings, and the policy the domain is given.
struct Config {
    std::optional<std::string> db; // `db`: database path
    std::optional<Lang> lang;       // `lang`: "zh" or "en"; unset: the environment decides (cli/language.hpp)
    int busy_timeout_ms = 5000;     // `busy_timeout_ms`: how long to wait for another process's write lock
    Policy policy;                  // the rules that vary between places (domain/policy.hpp)
    std::string source;             // the file it came from; empty for the defaults
};

// Parses TOML text; `source` names it in messages. Throws ConfigError.
Config parse_config(std::string_view text, std::string_view source);

// Reads and parses a config file. Throws ConfigError.
Config load_config(const std::filesystem::path& path);

// Where the config comes from: the explicit path if given; else ./guazhi.toml if it exists;
// else $XDG_CONFIG_HOME/guazhi/config.toml (XDG_CONFIG_HOME defaults to ~/.config) if it
// exists; else none. Environment values are passed in (null when unset).
std::optional<std::filesystem::path> find_config(const std::optional<std::filesystem::path>& explicit_path,
                                                 const char* xdg_config_home, const char* home);

// A commented sample config with every key at its default.
std::string sample_config();

} // namespace guazhi
