// Settings from guazhi.toml: where the database is, the label language and the rules that
// vary between places. Unknown keys and wrong types are errors naming the key and line.
#pragma once

#include "domain/vocabulary.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

struct Config {
    std::optional<std::string> db;      // `db`: database path
    Lang lang = Lang::zh;               // `lang`: "zh" or "en"
    int term_months = 12;               // `term_months`: default length of a term
    std::vector<std::string> non_party_exclude; // `non_party_exclude`: statuses not counted as 党外干部
    int max_per_host_per_batch = 1;     // `max_per_host_per_batch`: secondees a host gets per batch; 0 = no limit
    double allowance_per_day = 2.0;     // `allowance_per_day`: living allowance in 元 per day
    int inspection_window_days = 60;    // `inspection_window_days`: how soon before a term's end an inspection is due
    std::string report_periods = "term"; // `report_periods`: quarters counted from the start ("term") or "calendar"
    int report_grace_days = 15;         // `report_grace_days`: days after a period's end before a report is overdue
    int final_report_days = 30;         // `final_report_days`: days after the term's end the summary is due
    std::int64_t max_attachment_bytes = 50LL * 1024 * 1024; // `max_attachment_mib`: attachment size limit
    double excellent_vote_share = 0.6;  // `excellent_vote_share`: share of 优秀 votes the recommendation rule asks for
    double excellent_cap_share = 0.0;   // `excellent_cap_share`: cap on a host unit's share of 优秀 grades; 0 = off
    std::vector<std::string> appraisal_scale = {"优秀", "良好", "一般", "较差"}; // `appraisal_scale`: 鉴定 ratings
    std::vector<int> age_bands = {30, 35, 40, 45}; // `age_bands`: upper bounds of the age bands at the start date
    int busy_timeout_ms = 5000;         // `busy_timeout_ms`: how long to wait for another process's write lock
    std::vector<std::pair<std::string, std::string>> column_aliases; // `[columns]`: header = roster column
    std::string source;                 // the file it came from; empty for the defaults
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
