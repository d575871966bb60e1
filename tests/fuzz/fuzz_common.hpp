// Shared by the fuzz targets: the oracle macro and small helpers. A fuzz target fails by
// crashing: ASan/UBSan reports, an uncaught exception (std::terminate), or an oracle abort.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <string>
#include <string_view>

#ifndef GUAZHI_FUZZ_ORACLES
#define GUAZHI_FUZZ_ORACLES 1
#endif

namespace guazhi::fuzz {

// Prints what broke and aborts, so libFuzzer saves the input as a crash.
[[noreturn]] inline void oracle_failed(const char* what, const char* file, int line, const std::string& detail) {
    std::fprintf(stderr, "\n==== guazhi fuzz oracle failed: %s\n     at %s:%d\n", what, file, line);
    if (!detail.empty()) std::fprintf(stderr, "     %s\n", detail.c_str());
    std::fflush(stderr);
    std::abort();
}

// A value shown with its bytes escaped, for oracle messages.
inline std::string show(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += fmt::format("\\{}", static_cast<char>(c));
        else if (c >= 0x20 && c < 0x7F) out += static_cast<char>(c);
        else out += fmt::format("\\x{:02X}", c);
    }
    return out + "\"";
}

} // namespace guazhi::fuzz

// A documented property of the code under test; checked unless GUAZHI_FUZZ_ORACLES=OFF.
// The detail arguments (a fmt format string and its values) are only evaluated on failure.
#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (GUAZHI_FUZZ_ORACLES && !(cond))                                                        \
            ::guazhi::fuzz::oracle_failed(#cond, __FILE__, __LINE__, fmt::format(__VA_ARGS__));    \
    } while (0)
