// Fuzzes config.hpp parse_config() on arbitrary text. ConfigError is the expected failure;
// any other exception, crash or UB is a bug. A config that parses holds only values in the
// documented ranges.
//
// Debian's toml++ is a shared library built without instrumentation, so a target that
// called it would fuzz the TOML parser blind. This target therefore compiles the library's
// own lib/config.cpp (GUAZHI_CONFIG_CPP, set by CMake) against header-only toml++, which is
// then instrumented like the rest. Nothing else in the link needs config.cpp's symbols, so
// guazhi_core's copy of config.o is never pulled in.
//
// Assertions inside toml++ are off, as in Debian's NDEBUG build of the library that guazhi
// runs with: toml++ 3.3.0 asserts a precondition that malformed table headers such as "[&"
// break (marzer/tomlplusplus#294), while the shipped library reports a parse error for them.
// (Defining NDEBUG instead would turn its assertions into clang's __builtin_assume: UB.)
#define TOML_ASSERT(expr) static_assert(true)
#undef TOML_HEADER_ONLY
#define TOML_HEADER_ONLY 1
#undef TOML_SHARED_LIB
#define TOML_SHARED_LIB 0
#include GUAZHI_CONFIG_CPP

#include "fuzz_common.hpp"

#include "domain/vocabulary.hpp"
#include "error.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace guazhi;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // The sample `guazhi init --sample-config` writes is valid and all defaults.
    Config sample = parse_config(sample_config(), "sample");
    Config defaults;
    FUZZ_CHECK(sample.policy.term_months == defaults.policy.term_months && sample.policy.allowance_per_day == defaults.policy.allowance_per_day &&
                   sample.policy.max_per_host_per_batch == defaults.policy.max_per_host_per_batch &&
                   sample.policy.max_attachment_bytes == defaults.policy.max_attachment_bytes,
               "sample_config() does not give the defaults");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    Config c;
    try {
        c = parse_config(text, "fuzz.toml");
    } catch (const ConfigError& e) {
        FUZZ_CHECK(std::string_view(e.what()).starts_with("fuzz.toml:"), "ConfigError without the file name: {}",
                   fuzz::show(e.what()));
        return 0;
    }
    FUZZ_CHECK(c.source == "fuzz.toml", "source {}", fuzz::show(c.source));
    FUZZ_CHECK(!c.lang || *c.lang == Lang::zh || *c.lang == Lang::en, "lang"); // unset: the environment chooses
    FUZZ_CHECK(c.policy.term_months >= 1 && c.policy.term_months <= 120, "term_months {}", c.policy.term_months);
    FUZZ_CHECK(c.policy.max_per_host_per_batch >= 0 && c.policy.max_per_host_per_batch <= 1000, "max_per_host_per_batch {}",
               c.policy.max_per_host_per_batch);
    FUZZ_CHECK(std::isfinite(c.policy.allowance_per_day) && c.policy.allowance_per_day >= 0 && c.policy.allowance_per_day <= 100000,
               "allowance_per_day {}", c.policy.allowance_per_day);
    FUZZ_CHECK(c.policy.inspection_window_days >= 0 && c.policy.inspection_window_days <= 3650, "inspection_window_days {}",
               c.policy.inspection_window_days);
    FUZZ_CHECK(c.policy.report_grace_days >= 0 && c.policy.report_grace_days <= 366, "report_grace_days {}", c.policy.report_grace_days);
    FUZZ_CHECK(c.policy.final_report_days >= 0 && c.policy.final_report_days <= 366, "final_report_days {}", c.policy.final_report_days);
    FUZZ_CHECK(c.policy.max_attachment_bytes >= 1024 * 1024 && c.policy.max_attachment_bytes <= 953LL * 1024 * 1024,
               "max_attachment_bytes {}", c.policy.max_attachment_bytes);
    FUZZ_CHECK(c.policy.report_periods == ReportPeriods::term || c.policy.report_periods == ReportPeriods::calendar,
               "report_periods {}", static_cast<int>(c.policy.report_periods));
    for (const auto& code : c.policy.non_party_exclude) {
        auto known = political_statuses().code_of(code);
        FUZZ_CHECK(known && *known == code, "non_party_exclude holds {}", fuzz::show(code));
    }
    return 0;
}
