// toml++, compiled into guazhi rather than loaded as Debian's shared library (which, with the
// libstdc++ it needs, cost every command's start-up most of a millisecond). Include this, not
// <toml++/toml.h>.
//
// Its internal assertions are off in every build type, as in Debian's NDEBUG build of the
// library: toml++ 3.3.0 asserts a precondition that malformed table headers such as "[&"
// break (marzer/tomlplusplus#294), and reports a parse error for them when the assertion is
// off (tests/unit/test_config.cpp holds us to that).
#pragma once

#define TOML_HEADER_ONLY 1
#define TOML_SHARED_LIB 0
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>
