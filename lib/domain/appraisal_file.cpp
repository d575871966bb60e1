#include "domain/appraisal_file.hpp"

#include "domain/appraisal.hpp"
#include "error.hpp"
#include "util/encoding.hpp"
#include "util/text.hpp"
#include "util/toml.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace guazhi {

namespace {

constexpr std::string_view kKnown = "date, author_unit, conclusion, ideology, work, study, life, integrity";

std::optional<std::size_t> dimension_index(std::string_view key) {
    for (std::size_t i = 0; i < kDimensions.size(); ++i)
        if (kDimensions[i].code == key) return i;
    return std::nullopt;
}

// Where a byte offset is, as line:column (1-based, columns in bytes), for JSON messages.
std::string position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return fmt::format("{}:{}", line, column);
}

AppraisalDraft from_toml(std::string_view text, std::string_view name) {
    toml::table root;
    try {
        root = toml::parse(text, name);
    } catch (const toml::parse_error& e) {
        throw Error(msg("{}:{}:{}: {} (not valid TOML)", name, e.source().begin.line, e.source().begin.column,
                        std::string(e.description())));
    }
    auto where = [&](const toml::node& n) { return fmt::format("{}:{}:{}", name, n.source().begin.line, n.source().begin.column); };
    auto string_of = [&](const toml::node& n, std::string_view key) {
        if (auto s = n.value_exact<std::string>()) return *s;
        throw Error(msg("{}: {} must be a string", where(n), key));
    };
    AppraisalDraft d;
    for (auto&& [key, node] : root) {
        std::string_view k = key.str();
        if (k == "date") {
            if (auto date = node.value_exact<toml::date>())
                d.date = fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day);
            else d.date = string_of(node, k);
        } else if (k == "author_unit") d.author_unit = string_of(node, k);
        else if (k == "conclusion") d.conclusion = string_of(node, k);
        else if (auto i = dimension_index(k)) {
            auto* table = node.as_table();
            if (!table) throw Error(msg("{}: {} must be a table with rating and comment", where(node), k));
            for (auto&& [sub, value] : *table) {
                if (sub.str() == "rating") d.rating[*i] = string_of(value, fmt::format("{}.rating", k));
                else if (sub.str() == "comment") d.comment[*i] = string_of(value, fmt::format("{}.comment", k));
                else throw Error(msg("{}: unknown key {}.{} (known: rating, comment)", where(value), k, sub.str()));
            }
        } else throw Error(msg("{}: unknown key {} (known: {})", where(node), k, kKnown));
    }
    return d;
}

AppraisalDraft from_json(std::string_view text, std::string_view name) {
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        if (auto at = what.find("parse error"); at != std::string::npos) what = what.substr(at);
        // nlohmann::json words its reason in English: quoted, after a sentence of ours.
        throw Error(msg("{}:{}: {} (not valid JSON)", name, position(text, e.byte > 0 ? e.byte - 1 : 0), what));
    }
    if (!root.is_object()) throw Error(msg("{}: the file must hold one JSON object", name));
    auto string_of = [&](const nlohmann::json& v, std::string_view key) {
        if (!v.is_string()) throw Error(msg("{}: {} must be a string", name, key));
        return v.get<std::string>();
    };
    AppraisalDraft d;
    for (const auto& [k, v] : root.items()) {
        if (k == "date") d.date = string_of(v, k);
        else if (k == "author_unit") d.author_unit = string_of(v, k);
        else if (k == "conclusion") d.conclusion = string_of(v, k);
        else if (auto i = dimension_index(k)) {
            if (!v.is_object()) throw Error(msg("{}: {} must be an object with rating and comment", name, k));
            for (const auto& [sub, value] : v.items()) {
                if (sub == "rating") d.rating[*i] = string_of(value, k + ".rating");
                else if (sub == "comment") d.comment[*i] = string_of(value, k + ".comment");
                else throw Error(msg("{}: unknown key {}.{} (known: rating, comment)", name, k, sub));
            }
        } else throw Error(msg("{}: unknown key {} (known: {})", name, k, kKnown));
    }
    return d;
}

} // namespace

AppraisalDraft parse_appraisal_file(std::string_view bytes, std::string_view name) {
    // As the CSV reader does: UTF-8 if valid, else GB18030 (GBK files from Chinese Windows);
    // a BOM dropped.
    std::string text;
    try {
        text = util::decode_text(bytes);
    } catch (const util::DecodeError& e) {
        throw Error(msg(N_("{}: {}"), fmt::format("{}:{}", name, position(bytes, util::utf8_valid_prefix(bytes))), e.message()));
    }
    std::string_view body = text;
    auto first = body.find_first_not_of(" \t\r\n");
    bool json = name.ends_with(".json") || (!name.ends_with(".toml") && first != std::string_view::npos && body[first] == '{');
    return json ? from_json(body, name) : from_toml(body, name);
}

} // namespace guazhi
