#include "flags.hpp"

#include "util/catalog.hpp"

namespace guazhi::cli {

namespace {

// --snake-name for snake_name, the convention every flag follows.
std::string dashed(std::string_view name) {
    std::string flag = "--" + std::string(name);
    for (char& c : flag)
        if (c == '_') c = '-';
    return flag;
}

} // namespace

std::string flag_of(Parameter p) {
    switch (p) {
    case Parameter::assignment: return "ASSIGNMENT"; // the positional argument
    case Parameter::event: return "EVENT";
    case Parameter::assessing_unit: return "--unit";
    case Parameter::recorded_by: return "--by";
    case Parameter::dimensions: return "--by";
    case Parameter::submitted_on: return "--submitted";
    case Parameter::division_of_work: return "--division";
    case Parameter::override_quota: return "--override";
    case Parameter::override_rule: return "--override";
    default: return dashed(domain_name(p));
    }
}

std::string flag_for(Field f) {
    return dashed(spec(f).key);
}

std::string words(const Problem& p, Lang lang) {
    return util::words(describe(p, flag_of), lang);
}

std::string words(const std::exception& e, Lang lang) {
    if (const auto* one = dynamic_cast<const ProblemError*>(&e)) return words(one->problem(), lang);
    if (const auto* many = dynamic_cast<const ProblemsError*>(&e)) return util::words(describe(many->problems(), flag_of), lang);
    if (const auto* error = dynamic_cast<const Error*>(&e)) return util::words(error->message(), lang);
    return e.what();
}

} // namespace guazhi::cli
