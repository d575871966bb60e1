// The English words for a Problem (problem.hpp): the one place where lib's problems become
// sentences. Issue "Chinese by default" adds the Chinese catalog beside it.
#pragma once

#include "problem.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace guazhi {

// How the reader knows a parameter: the cli by its flag, an import by its column.
using Namer = std::function<std::string(Parameter)>;

// The parameter's domain name ("home_consent"): the name used in code, JSON and docs.
std::string_view domain_name(Parameter p);

// Names each parameter by its domain name (for logs, tests, what()).
std::string by_domain_name(Parameter p);

// Whether the sentence begins with the subject's name. An import omits it: the column is
// already named before the sentence (FILE:LINE: 期次: …).
enum class SubjectNamed { yes, no };

// The sentence for `p`, naming parameters through `name`; "assignment #N: " first when the
// problem is about one assignment.
Message describe(const Problem& p, const Namer& name, SubjectNamed subject = SubjectNamed::yes);

// One line per problem.
Message describe(const std::vector<Problem>& problems, const Namer& name);

// A text shown as it is in every language: a value inside a sentence that is a Message of its
// own (a file's column header as written, a name), never looked up in the catalog.
Message verbatim(std::string text);

} // namespace guazhi
