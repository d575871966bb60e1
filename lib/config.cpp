#include "config.hpp"

#include "sample_config.hpp" // generated

#include "domain/roster_layout.hpp"

#include "error.hpp"
#include "util/toml.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace guazhi {

namespace {

std::string where(std::string_view source, const toml::node& node, std::string_view key) {
    return fmt::format("{}:{}: {}", source, node.source().begin.line, key);
}

} // namespace

Config parse_config(std::string_view text, std::string_view source) {
    Config cfg;
    cfg.source = std::string(source);
    toml::table table;
    try {
        table = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        // toml++ words its reason in English: quoted, after a sentence of ours.
        throw ConfigError(msg("{}:{}:{}: {} (not valid TOML)", source, e.source().begin.line, e.source().begin.column,
                              std::string(e.description())));
    }
    std::optional<std::uint32_t> max_term_line; // where max_term_months is set, to name it below
    for (auto&& entry : table) {
        // Not a structured binding: clang before 16 cannot capture one in the lambdas below.
        const toml::node& node = entry.second;
        std::string_view k = entry.first.str();
        auto wrong_type = [&](std::string_view expected) {
            return ConfigError(msg("{}: must be {}", where(source, node, k), Message(std::string(expected))));
        };
        auto integer = [&](int64_t min, int64_t max, std::string_view expected) {
            if (node.type() != toml::node_type::integer) throw wrong_type(expected);
            auto v = *node.value<int64_t>();
            if (v < min || v > max)
                throw ConfigError(msg("{}: {} is outside {}..{}", where(source, node, k), v, min, max));
            return static_cast<int>(v);
        };
        auto number = [&](double min, double max, std::string_view expected) {
            if (node.type() != toml::node_type::floating_point && node.type() != toml::node_type::integer)
                throw wrong_type(expected);
            double v = node.type() == toml::node_type::integer ? static_cast<double>(*node.value<int64_t>())
                                                                : *node.value<double>();
            if (!(v >= min && v <= max))
                throw ConfigError(msg("{}: {} is outside {}..{}", where(source, node, k), v, min, max));
            return v;
        };
        if (k == "db") {
            auto v = node.value<std::string>();
            if (!v || node.type() != toml::node_type::string) throw wrong_type(N_("a string (a file path)"));
            cfg.db = *v;
        } else if (k == "lang") {
            auto v = node.value<std::string>();
            if (!v || node.type() != toml::node_type::string) throw wrong_type(N_("a string, \"zh\" or \"en\""));
            auto lang = parse_lang(*v);
            if (!lang) throw ConfigError(msg("{}: '{}' is not \"zh\" or \"en\"", where(source, node, k), *v));
            cfg.lang = *lang;
        } else if (k == "term_months") {
            cfg.policy.term_months = integer(1, 120, N_("an integer number of months"));
        } else if (k == "max_term_months") {
            cfg.policy.max_term_months = integer(1, 120, N_("an integer number of months"));
            max_term_line = node.source().begin.line;
        } else if (k == "note_margin_days") {
            cfg.policy.note_margin_days = integer(0, 3650, N_("an integer number of days"));
        } else if (k == "max_per_host_per_batch") {
            cfg.policy.max_per_host_per_batch = integer(0, 1000, N_("an integer (0 = no limit)"));
        } else if (k == "inspection_window_days") {
            cfg.policy.inspection_window_days = integer(0, 3650, N_("an integer number of days"));
        } else if (k == "report_grace_days") {
            cfg.policy.report_grace_days = integer(0, 366, N_("an integer number of days"));
        } else if (k == "final_report_days") {
            cfg.policy.final_report_days = integer(0, 366, N_("an integer number of days"));
        } else if (k == "final_due_days_before") {
            cfg.policy.final_due_days_before = integer(0, 366, N_("an integer number of days"));
        } else if (k == "busy_timeout_ms") {
            cfg.busy_timeout_ms = integer(0, 600000, N_("an integer number of milliseconds"));
        } else if (k == "max_attachment_mib") {
            // SQLite stores at most 10^9 bytes in one value: 953 MiB.
            cfg.policy.max_attachment_bytes = static_cast<std::int64_t>(integer(1, 953, N_("an integer number of MiB"))) * 1024 * 1024;
        } else if (k == "report_periods") {
            auto v = node.value<std::string>();
            if (!v || node.type() != toml::node_type::string || (*v != "term" && *v != "calendar"))
                throw wrong_type(N_("\"term\" or \"calendar\""));
            cfg.policy.report_periods = *v == "calendar" ? ReportPeriods::calendar : ReportPeriods::term;
        } else if (k == "allowance_per_day") {
            cfg.policy.allowance_per_day = number(0, 100000, N_("a number of 元 per day"));
        } else if (k == "excellent_vote_share") {
            cfg.policy.excellent_vote_share = number(0, 1, N_("a share between 0 and 1, e.g. 0.6"));
        } else if (k == "excellent_cap_share") {
            cfg.policy.excellent_cap_share = number(0, 1, N_("a share between 0 and 1 (0 = no cap), e.g. 0.2"));
        } else if (k == "age_bands") {
            auto* arr = node.as_array();
            if (!arr || arr->empty()) throw wrong_type(N_("a non-empty array of ages, e.g. [30, 35, 40, 45]"));
            cfg.policy.age_bands.clear();
            for (auto&& item : *arr) {
                auto v = item.value_exact<int64_t>();
                if (!v || *v < 18 || *v > 100) throw ConfigError(msg("{}: each age must be a whole number 18..100", where(source, item, k)));
                if (!cfg.policy.age_bands.empty() && *v <= cfg.policy.age_bands.back())
                    throw ConfigError(msg("{}: ages must increase ({} after {})", where(source, item, k), *v, cfg.policy.age_bands.back()));
                cfg.policy.age_bands.push_back(static_cast<int>(*v));
            }
        } else if (k == "appraisal_scale") {
            auto* arr = node.as_array();
            if (!arr || arr->empty()) throw wrong_type(N_("a non-empty array of ratings, e.g. [\"优秀\", \"良好\", \"一般\", \"较差\"]"));
            cfg.policy.appraisal_scale.clear();
            for (auto&& item : *arr) {
                auto v = item.value<std::string>();
                if (!v || item.type() != toml::node_type::string || v->empty()) throw wrong_type(N_("an array of non-empty strings"));
                if (std::find(cfg.policy.appraisal_scale.begin(), cfg.policy.appraisal_scale.end(), *v) != cfg.policy.appraisal_scale.end())
                    throw ConfigError(msg("{}: '{}' is listed twice", where(source, item, k), *v));
                cfg.policy.appraisal_scale.push_back(*v);
            }
        } else if (k == "non_party_exclude") {
            auto* arr = node.as_array();
            if (!arr) throw wrong_type(N_("an array of political statuses, e.g. [\"群众\"]"));
            for (auto&& item : *arr) {
                auto v = item.value<std::string>();
                if (!v || item.type() != toml::node_type::string) throw wrong_type(N_("an array of strings"));
                auto code = political_statuses().code_of(*v);
                if (!code) throw ConfigError(msg(N_("{}: {}"), where(source, item, k), political_statuses().unknown(*v)));
                cfg.policy.non_party_exclude.emplace_back(*code);
            }
        } else if (k == "columns") {
            // [columns] "原单位" = "home_unit": headers this office writes, for every import.
            auto* columns = node.as_table();
            if (!columns) throw wrong_type(N_("a table of headers, e.g. [columns] \"原单位\" = \"home_unit\""));
            for (auto&& [header, target] : *columns) {
                auto v = target.value<std::string>();
                if (!v || target.type() != toml::node_type::string)
                    throw ConfigError(msg("{}: must be a column name (a string)", where(source, target, "columns")));
                if (!meaning_of_target(*v))
                    throw ConfigError(msg("{}: '{}' is no column (a roster field such as home_unit or 派出单位, "
                                          "or one of {})",
                                          where(source, target, "columns"), *v, kSpecialTargets));
                cfg.policy.column_aliases.emplace_back(std::string(header.str()), *v);
            }
        } else {
            throw ConfigError(msg("{}: unknown key (known: db, lang, term_months, max_term_months, note_margin_days, non_party_exclude, "
                                          "max_per_host_per_batch, allowance_per_day, inspection_window_days, report_periods, "
                                          "report_grace_days, final_report_days, final_due_days_before, max_attachment_mib, excellent_vote_share, "
                                          "excellent_cap_share, appraisal_scale, age_bands, busy_timeout_ms, [columns])",
                                          where(source, node, k)));
        }
    }
    // The longest term holds at least the default one: when not set, it grows with term_months;
    // set shorter, it names its key.
    if (cfg.policy.max_term_months < cfg.policy.term_months) {
        if (max_term_line)
            throw ConfigError(msg("{}:{}: max_term_months: {} is shorter than term_months ({})", source,
                                  *max_term_line, cfg.policy.max_term_months, cfg.policy.term_months));
        cfg.policy.max_term_months = cfg.policy.term_months;
    }
    return cfg;
}

Config load_config(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(msg("{}: cannot read the config file", path.string()));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_config(buffer.str(), path.string());
}

std::optional<std::filesystem::path> find_config(const std::optional<std::filesystem::path>& explicit_path,
                                                 const char* xdg_config_home, const char* home) {
    namespace fs = std::filesystem;
    if (explicit_path) return explicit_path;
    std::error_code ec;
    if (fs::exists("guazhi.toml", ec)) return fs::path("guazhi.toml");
    fs::path base;
    if (xdg_config_home && *xdg_config_home) base = xdg_config_home;
    else if (home && *home) base = fs::path(home) / ".config";
    else return std::nullopt;
    fs::path candidate = base / "guazhi" / "config.toml";
    if (fs::exists(candidate, ec)) return candidate;
    return std::nullopt;
}

std::string sample_config() {
    return kSampleConfig; // lib/sample_config.toml, built in (lib/CMakeLists.txt)
}

} // namespace guazhi
