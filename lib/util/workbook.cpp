// What the two workbook readers share: cell names, number formats (which numbers are dates,
// which have fixed decimals), a number's text as a clerk sees it, and file sniffing.
#include "util/workbook.hpp"

#include "error.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <utility>

namespace guazhi::util {

std::string cell_name(std::size_t column, std::size_t row) {
    // Bijective base 26: A..Z, AA..ZZ, AAA..XFD.
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return fmt::format("{}{}", letters, row);
}

namespace workbook_detail {

using Kind = NumberFormat::Kind;

NumberFormat builtin_number_format(unsigned id) {
    // ECMA-376 18.8.30 lists 0–49; 27–36 and 50–58 are the CJK built-ins, here as zh-CN
    // Excel defines them (27 = yyyy"年"m"月", 28 = m"月"d"日", 31 = yyyy"年"m"月"d"日",
    // 32 = h"时"mm"分", 57 = yyyy"年"m"月" …). Ids with no date and no fixed decimals are
    // General for us: currency, percent, fractions, scientific and text show as General.
    // clang-format off
    static constexpr std::pair<unsigned, Kind> kBuiltins[] = {
        {2, Kind::fixed}, {4, Kind::fixed}, {39, Kind::fixed}, {40, Kind::fixed}, {43, Kind::fixed}, // 0.00, #,##0.00
        {14, Kind::date}, {15, Kind::date}, {16, Kind::date}, {22, Kind::date}, {28, Kind::date}, {29, Kind::date},
        {30, Kind::date}, {31, Kind::date}, {51, Kind::date}, {53, Kind::date}, {54, Kind::date}, {58, Kind::date},
        {17, Kind::year_month}, {27, Kind::year_month}, {36, Kind::year_month}, {50, Kind::year_month},
        {52, Kind::year_month}, {57, Kind::year_month},
        {18, Kind::time}, {19, Kind::time}, {20, Kind::time}, {21, Kind::time}, {32, Kind::time}, {33, Kind::time},
        {34, Kind::time}, {35, Kind::time}, {45, Kind::time}, {46, Kind::time}, {47, Kind::time}, {55, Kind::time},
        {56, Kind::time},
    };
    // clang-format on
    for (const auto& [builtin, kind] : kBuiltins)
        if (builtin == id) return {kind, kind == Kind::fixed ? 2 : 0};
    return {Kind::general, 0};
}

namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(s[i]) != lower(prefix[i]))
            return false;
    return true;
}

// The pieces of a format code's first section that decide how we show a number.
struct FormatTokens {
    std::string date_letters;  // y, m, d, h, s in order, one per run ("yyyy-mm-dd" → "ymd")
    bool elapsed_time = false; // [h], [mm], [ss]
    bool am_pm = false;
    bool general = false;
    bool text = false;          // @
    bool other_numeric = false; // %, E+, fractions, digit placeholders we do not reproduce
    bool after_point = false;
    int decimals = 0;
};

// Skips what a format code shows literally: "quoted text", \x, _x (a space as wide as x),
// *x (fill with x); reads [..] only for elapsed time ([h]:mm), not colours or conditions.
FormatTokens tokenize_format(std::string_view code) {
    FormatTokens t;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        const char lc = lower(c);
        if (c == ';')
            break; // later sections are for negatives, zero and text
        if (c == '"') {
            std::size_t close = code.find('"', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == '[') {
            std::size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos)
                close = code.size();
            std::string_view inner = code.substr(i + 1, close - i - 1);
            if (!inner.empty() && inner.find_first_not_of("hHmMsS") == std::string_view::npos)
                t.elapsed_time = true;
            i = close;
        } else if (starts_with_ci(code.substr(i), "am/pm")) {
            t.am_pm = true;
            i += 4;
        } else if (starts_with_ci(code.substr(i), "a/p")) {
            t.am_pm = true;
            i += 2;
        } else if (starts_with_ci(code.substr(i), "general")) {
            t.general = true;
            i += 6;
        } else if ((lc == 'e') && i + 1 < code.size() &&
                   (code[i + 1] == '+' || code[i + 1] == '-')) {
            t.other_numeric = true; // scientific
            ++i;
        } else if (lc == 'y' || lc == 'm' || lc == 'd' || lc == 'h' || lc == 's' || lc == 'e') {
            const char letter = lc == 'e' ? 'y' : lc; // e: the year in some locales
            if (t.date_letters.empty() || t.date_letters.back() != letter || code[i - 1] != c)
                t.date_letters += letter;
        } else if (c == '@') {
            t.text = true;
        } else if (c == '%' || c == '/' || c == '?') {
            t.other_numeric = true;
        } else if (c == '.') {
            t.after_point = true;
        } else if (c == '0') {
            if (t.after_point)
                ++t.decimals;
        } else if (c == '#') {
            if (t.after_point)
                t.other_numeric = true; // optional decimals: as General
        }
    }
    return t;
}

// The date or time a run of date letters shows. An m next to h or s is minutes ("h:mm",
// "mm:ss"), otherwise the month.
NumberFormat date_format(const std::string& letters, bool elapsed_time) {
    bool day = false, month = false, year = false, time = elapsed_time;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        switch (letters[i]) {
        case 'd':
            day = true;
            break;
        case 'y':
            year = true;
            break;
        case 'h':
        case 's':
            time = true;
            break;
        case 'm': {
            const bool minutes = (i > 0 && letters[i - 1] == 'h') ||
                                 (i + 1 < letters.size() && letters[i + 1] == 's');
            (minutes ? time : month) = true;
            break;
        }
        default:
            break;
        }
    }
    if (day)
        return {Kind::date, 0};
    if (month)
        return {Kind::year_month, 0};
    if (year)
        return {Kind::year, 0};
    if (time)
        return {Kind::time, 0};
    return {Kind::general, 0};
}

} // namespace

NumberFormat parse_format_code(std::string_view code) {
    const FormatTokens t = tokenize_format(code);
    if (!t.date_letters.empty() || t.elapsed_time)
        return date_format(t.date_letters, t.elapsed_time);
    if (t.am_pm)
        return {Kind::time, 0};
    if (t.general || t.text || t.other_numeric || t.decimals == 0)
        return {Kind::general, 0};
    return {Kind::fixed, t.decimals};
}

std::string number_text(double value) {
    if (!std::isfinite(value))
        return fmt::format("{}", value);
    if (value == 0)
        return "0"; // and not "-0"
    if (std::fabs(value) < 1e15 && std::trunc(value) == value)
        return fmt::format("{}", static_cast<long long>(value)); // exact, and faster than a double
    // As printf's %.15G: 15 significant digits, trailing zeros dropped, E notation below 1e-5
    // and from 1e15 on — the text Excel's General format shows for the value.
    return fmt::format("{:.15G}", value);
}

namespace {

// value rounded half away from zero to `decimals` places, from its 15 significant digits
// (what Excel keeps), so 0.125 → "0.13" and 1979.1 → "1979.10" as Excel shows them.
std::string fixed_text(double value, int decimals) {
    if (!std::isfinite(value))
        return number_text(value);
    const std::string sci = fmt::format("{:.14e}", std::fabs(value)); // d.dddddddddddddde±XX
    std::string digits = sci.substr(0, 1) + sci.substr(2, 14);
    int point = std::stoi(sci.substr(17)) + 1; // digits before the decimal point
    const int keep = point + decimals;
    if (keep < 0) {
        digits = "0";
        point = 1;
    } else {
        if (static_cast<std::size_t>(keep) < digits.size() &&
            digits[static_cast<std::size_t>(keep)] >= '5') {
            int i = keep - 1;
            for (; i >= 0 && digits[static_cast<std::size_t>(i)] == '9'; --i)
                digits[static_cast<std::size_t>(i)] = '0';
            if (i >= 0)
                ++digits[static_cast<std::size_t>(i)];
            else {
                digits.insert(digits.begin(), '1');
                ++point;
            }
        }
        digits.resize(static_cast<std::size_t>(point + decimals) > digits.size()
                          ? static_cast<std::size_t>(point + decimals)
                          : digits.size(),
                      '0');
    }
    auto digit_at = [&](int i) {
        return i < 0 || static_cast<std::size_t>(i) >= digits.size()
                   ? '0'
                   : digits[static_cast<std::size_t>(i)];
    };
    std::string out;
    for (int i = 0; i < point; ++i)
        out += digit_at(i);
    if (out.empty())
        out = "0";
    if (decimals > 0) {
        out += '.';
        for (int i = point; i < point + decimals; ++i)
            out += digit_at(i);
    }
    const bool zero = out.find_first_not_of("0.") == std::string::npos;
    return value < 0 && !zero ? "-" + out : out;
}

// Excel's serial day numbers: 1 = 1900-01-01 in the 1900 system, whose 60 is the 1900-02-29
// that Lotus 1-2-3 had and Excel kept (so days from 61 on are counted from 1899-12-30);
// 0 = 1904-01-01 in the 1904 system of old Mac workbooks.
std::string serial_day_text(long day, bool date1904, Kind kind) {
    if (date1904)
        day += 1462;             // the same day in the 1900 system, where it is ≥ 1462
    if (day == 60 || day == 0) { // no real date: as Excel shows them
        const std::string text = day == 60 ? "1900-02-29" : "1900-01-00";
        return kind == Kind::year         ? text.substr(0, 4)
               : kind == Kind::year_month ? text.substr(0, 7)
                                          : text;
    }
    const Date d =
        Date::from_days(day - (day < 60 ? 25568 : 25569)); // 25569: 1899-12-30 to 1970-01-01
    if (kind == Kind::year)
        return fmt::format("{:04}", d.year);
    if (kind == Kind::year_month)
        return fmt::format("{:04}-{:02}", d.year, d.month);
    return d.iso();
}

std::string date_text(double serial, bool date1904, Kind kind) {
    constexpr double kLastDay = 2958465; // 9999-12-31; Excel shows ##### beyond it and below 0
    if (!(serial >= 0 && serial < kLastDay + 1))
        return number_text(serial);
    const auto seconds = static_cast<long long>(std::llround(serial * 86400.0));
    const long day = static_cast<long>(seconds / 86400);
    const long long second_of_day = seconds % 86400;
    const std::string time = fmt::format("{:02}:{:02}:{:02}", second_of_day / 3600,
                                         second_of_day / 60 % 60, second_of_day % 60);
    if (kind == Kind::time)
        return time;
    std::string text = serial_day_text(day, date1904, kind);
    if (kind == Kind::date && second_of_day != 0)
        text += " " + time;
    return text;
}

} // namespace

std::string number_text(double value, const NumberFormat& format, bool date1904) {
    switch (format.kind) {
    case Kind::general:
        return number_text(value);
    case Kind::fixed:
        return fixed_text(value, format.decimals);
    default:
        return date_text(value, date1904, format.kind);
    }
}


std::size_t select_sheet(const std::vector<std::string>& names, const std::string& selector,
                         const std::string& name) {
    const std::string_view wanted = trim(selector);
    if (names.empty())
        throw Error(msg("{}: the workbook has no sheets", name));
    if (wanted.empty())
        return 0;
    if (is_digits(wanted) && wanted.size() < 10) {
        const auto n = static_cast<std::size_t>(std::stoul(std::string(wanted)));
        if (n >= 1 && n <= names.size())
            return n - 1;
    }
    for (std::size_t i = 0; i < names.size(); ++i)
        if (trim(names[i]) == wanted)
            return i;
    constexpr std::size_t kListed = 20; // a hostile workbook may have thousands
    std::vector<Message> listed;
    for (std::size_t i = 0; i < names.size() && i < kListed; ++i)
        listed.emplace_back(fmt::format("\"{}\"", printable(names[i])));
    if (names.size() > kListed)
        listed.emplace_back("…");
    if (names.size() == 1)
        throw Error(msg("{}: no sheet \"{}\"; the workbook has 1 sheet: {}", name, printable(wanted), list_of(listed)));
    throw Error(msg("{}: no sheet \"{}\"; the workbook has {} sheets: {}", name, printable(wanted), names.size(),
                    list_of(listed)));
}

std::size_t excel_length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80)
            ++n;
        if (c >= 0xF0)
            ++n; // outside the BMP: a surrogate pair in UTF-16
    }
    return n;
}

namespace {

// True when an OLE compound file names a stream "EncryptedPackage" in UTF-16: the
// encrypted form of an .xlsx (MS-OFFCRYPTO 2.3.4). The name may be in any directory
// sector, so the file is scanned in chunks, carrying an overlap across chunk ends.
bool has_encrypted_package(std::ifstream& in) {
    static const std::string needle = [] {
        std::string s;
        for (char c : std::string_view("EncryptedPackage")) {
            s += c;
            s += '\0';
        }
        return s;
    }();
    std::string buffer;
    std::array<char, 1 << 16> chunk{};
    in.clear();
    in.seekg(0);
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        buffer.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (buffer.find(needle) != std::string::npos)
            return true;
        buffer.erase(0, buffer.size() - std::min(buffer.size(), needle.size()));
    }
    return false;
}

} // namespace

FileKind sniff_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return FileKind::unreadable;
    std::array<char, 8> head{};
    in.read(head.data(), head.size());
    const std::string_view magic(head.data(), static_cast<std::size_t>(in.gcount()));
    if (magic.empty())
        return FileKind::empty;
    if (magic.substr(0, 2) == "PK")
        return FileKind::zip;
    if (magic == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return has_encrypted_package(in) ? FileKind::ole_encrypted : FileKind::ole;
    // Web pages and XML that systems export under an .xls name (HTML tables, SpreadsheetML).
    std::string_view start = trim(magic);
    if (magic.substr(0, 3) == "\xEF\xBB\xBF")
        start = trim(magic.substr(3));
    if (!start.empty() && start[0] == '<')
        return FileKind::markup;
    return FileKind::other;
}

void throw_protected(const std::string& name) {
    throw Error(
        msg("{}: the workbook is protected by a password; open it in Excel or WPS, remove "
                    "the password and save an unprotected copy to import",
                    name));
}

} // namespace workbook_detail
} // namespace guazhi::util
