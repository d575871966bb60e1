// The command line's names for lib's parameters and fields, and lib's problems worded with
// them. Its own library (guazhi_cli_words) so that the unit tests see the words a user sees.
#pragma once

#include "domain/roster.hpp"
#include "problem_text.hpp"
#include "util/lang.hpp"

#include <string>

namespace guazhi::cli {

// The flag a parameter is given by: --until, --home-consent, --by (appraise's assessing unit).
std::string flag_of(Parameter p);

// The flag of a roster field in `assign add`: --id-number, --home-unit …
std::string flag_for(Field f);

// A problem as the command line words it ("--year: 2300 is outside 1949..2100"), in `lang`.
std::string words(const Problem& p, Lang lang = Lang::en);

// An Error as the command line words it, in `lang`: a Problem through its flags, else its
// Message; another exception by its what().
std::string words(const std::exception& e, Lang lang = Lang::en);

} // namespace guazhi::cli
