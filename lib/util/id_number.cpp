#include "util/id_number.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi::util {

namespace {
constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";
constexpr const char* kExcelHint = N_("Excel has turned it into a number; format the column as text and re-enter it");

bool looks_scientific(std::string_view s) {
    return s.find_first_of("eE") != std::string_view::npos && s.find('.') != std::string_view::npos &&
           s.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
}
} // namespace

char id_check_char(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
    return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

Parsed<std::string> parse_id_number(std::string_view text) {
    if (text.empty()) return {std::nullopt, msg("ID number is empty")};
    if (looks_scientific(text)) return {std::nullopt, msg("ID number '{}': {}", text, Message(kExcelHint))};
    if (is_masked_id_number(text))
        return {std::nullopt, msg("ID number '{}' is masked: its middle digits are hidden", text)};
    std::string id(text);
    if (!id.empty() && id.back() == 'x') id.back() = 'X';
    const std::string_view v(id);
    if (v.size() == 15 && is_digits(v))
        return {std::nullopt, msg("ID number '{}' is an old 15-digit number; the 18-character number is required", text)};
    if (v.size() != 18 || !is_digits(v.substr(0, 17)) || !(is_digits(v.substr(17)) || v[17] == 'X'))
        return {std::nullopt, msg("ID number '{}' must be 17 digits and a check digit or X", text)};
    // Digits only from here on (checked above).
    auto number = [&](std::size_t pos, std::size_t len) {
        int n = 0;
        for (char c : v.substr(pos, len)) n = n * 10 + (c - '0');
        return n;
    };
    int y = number(6, 4);
    auto m = static_cast<unsigned>(number(10, 2));
    auto d = static_cast<unsigned>(number(12, 2));
    char expected = id_check_char(id);
    if (id[17] != expected) {
        if (id.ends_with("000"))
            return {std::nullopt, msg("ID number '{}' has a wrong check digit and ends in zeros: {}", text, Message(kExcelHint))};
        return {std::nullopt, msg("ID number '{}' has a wrong check digit (expected {})", text, std::string(1, expected))};
    }
    if (!Date::valid(y, m, d) || y < 1900)
        return {std::nullopt, msg("ID number '{}' holds no real birth date ({})", text, id.substr(6, 8))};
    return {std::move(id), {}};
}

Date id_birth_date(std::string_view id) {
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (char c : id.substr(pos, len)) v = v * 10 + (c - '0');
        return v;
    };
    return {num(6, 4), static_cast<unsigned>(num(10, 2)), static_cast<unsigned>(num(12, 2))};
}

bool id_is_female(std::string_view id) { return (id[16] - '0') % 2 == 0; }

std::string mask_id_number(std::string_view id) {
    if (id.size() < 8) return std::string(id.size(), '*');
    return std::string(id.substr(0, 3)) + std::string(id.size() - 7, '*') + std::string(id.substr(id.size() - 4));
}

std::string mask_phone(std::string_view phone) {
    std::size_t digits = 0;
    for (char c : phone) digits += c >= '0' && c <= '9';
    std::size_t head = digits >= 8 ? 3 : 0, tail = digits >= 8 ? 4 : 2;
    std::string out;
    std::size_t seen = 0;
    for (char c : phone) {
        bool digit = c >= '0' && c <= '9';
        out += digit && seen >= head && seen + tail < digits ? '*' : c;
        seen += digit;
    }
    return out;
}

bool is_masked_id_number(std::string_view text) { return text.find("***") != std::string_view::npos; }

} // namespace guazhi::util
