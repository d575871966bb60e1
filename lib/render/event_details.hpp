// An event's details (the JSON object lib/store/lifecycle.cpp writes with each change) as a
// clerk reads them: a note's text alone, else "label: value" pairs, flags as 是/否.
#pragma once

#include "domain/vocabulary.hpp"

#include <string>
#include <string_view>

namespace guazhi {

// "{"text":"…"}" → the text; "{"until":"2007-12-31","home_consent":"派出单位同意"}" →
// "延长至 2007-12-31；派出单位同意 派出单位同意". Keys keep their order; a key without a label shows
// as itself, and text that is not a JSON object is returned as it is.
std::string details_text(std::string_view details, Lang lang);

} // namespace guazhi
