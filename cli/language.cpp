#include "language.hpp"

#include "config.hpp"
#include "domain/vocabulary.hpp"
#include "render/table.hpp"

#include <cstdlib>
#include <regex>
#include <sstream>
#include <string_view>

namespace guazhi::cli {

namespace {

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

// The locale's language, as gettext reads it for messages: the first of LC_ALL, LC_MESSAGES
// and LANG that is set.
Lang locale_lang() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (auto v = env(name)) return v->rfind("en", 0) == 0 ? Lang::en : Lang::zh;
    return Lang::zh;
}

} // namespace

Lang choose_lang(const std::optional<std::string>& flag, const std::optional<Lang>& config) {
    if (flag)
        if (auto l = parse_lang(*flag)) return *l;
    if (auto v = env("GUAZHI_LANG"))
        if (auto l = parse_lang(*v)) return *l;
    if (config) return *config;
    return locale_lang();
}

Lang lang_before_parsing(int argc, char** argv) {
    std::optional<std::string> flag, config_file;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--") break;
        auto value = [&](std::string_view name, std::optional<std::string>& into) {
            if (a == name && i + 1 < argc) into = argv[++i];
            else if (a.size() > name.size() && a.starts_with(name) && a[name.size()] == '=')
                into = std::string(a.substr(name.size() + 1));
        };
        value("--lang", flag);
        value("--config", config_file);
    }
    std::optional<Lang> config;
    if (!(flag && parse_lang(*flag)) && !(env("GUAZHI_LANG") && parse_lang(*env("GUAZHI_LANG")))) {
        try {
            std::optional<std::filesystem::path> explicit_config;
            if (config_file) explicit_config = *config_file;
            if (auto path = find_config(explicit_config, std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME")))
                config = load_config(*path).lang;
        } catch (const std::exception&) {
            // The command reports a broken config file itself, once the language is known.
        }
    }
    return choose_lang(flag, config);
}

HelpFormatter::HelpFormatter(Lang lang) : lang_(lang) {
    // CLI11's headings and value names (FormatterBase::get_label).
    for (const char* key : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
                            N_("Options"), N_("Subcommands"), N_("REQUIRED"), N_("TEXT"), N_("INT"), N_("UINT"),
                            N_("FLOAT"), N_("ENUM"), N_("Env"), N_("Needs"), N_("Excludes")})
        label(key, std::string(util::translate(lang, key)));
    column_width(32);
}

namespace {

// The names CLI11 shows after an option's value type (TEXT:direction, INT:POSITIVE): the
// validators' descriptions, translated through the catalog — a vocabulary's name
// (vocabulary_validator: Vocabulary::what(), marked in domain/vocabulary.cpp), the categories,
// and CLI11's own. A value list ({zh,en}, {当选->elected,…}) is shown as it is.
[[maybe_unused]] constexpr const char* kValueNames[] = {N_("category"), N_("POSITIVE"), N_("NONNEGATIVE")};

// CLI::detail::format_help with the left column measured in display cells, not bytes: the same
// text for an ASCII name, aligned for a Chinese one.
std::string help_line(const std::string& left, const std::string& description, std::size_t width) {
    std::string name = "  " + left;
    std::size_t cells = display_width(name);
    std::string out = name;
    if (cells < width) out.append(width - cells, ' ');
    if (!description.empty()) {
        if (cells >= width) out += "\n" + std::string(width, ' ');
        for (char c : description) {
            out += c;
            if (c == '\n') out.append(width, ' ');
        }
    }
    return out + "\n";
}

// The heading of a group of options ("Options:"; 选项：with the full-width colon in Chinese).
std::string heading(const std::string& name, Lang lang) { return "\n" + name + (lang == Lang::en ? ":\n" : "：\n"); }

} // namespace

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
    return help_line(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt), column_width_);
}

// CLI::Formatter::make_option_opts, with the value type's pieces worded in the language: TEXT,
// INT … by the labels, a validator's name through the catalog, a range's words, a value list
// kept as it is.
std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
    std::string type_name = opt->get_type_name();
    std::string typed;
    if (lang_ == Lang::en) {
        typed = get_label(type_name);
    } else {
        // Split at the ':' outside braces and brackets.
        std::vector<std::string> pieces(1);
        int depth = 0;
        for (char c : type_name) {
            if (c == '{' || c == '[' || c == '(') ++depth;
            if (c == '}' || c == ']' || c == ')') --depth;
            if (c == ':' && depth == 0) pieces.emplace_back();
            else pieces.back() += c;
        }
        static const std::regex range(R"((\S+) in \[(.*) - (.*)\])");
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const std::string& piece = pieces[i];
            std::smatch m;
            std::string worded;
            if (piece.empty() || piece.front() == '{' || piece.front() == '[' || piece.front() == '(') worded = piece;
            else if (std::regex_match(piece, m, range))
                worded = util::words(msg(N_("in [{} - {}]"), m[2].str(), m[3].str()), lang_); // INT:取值 [0 - 10000]
            else if (i == 0) worded = get_label(piece);
            else worded = std::string(util::translate(lang_, piece));
            typed += (i ? ":" : "") + worded;
        }
    }
    std::string out;
    if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
    if (opt->get_type_size() != 0) {
        if (!type_name.empty()) out += " " + typed;
        if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
        if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out += " ...";
        else if (opt->get_expected_min() > 1) out += " x " + std::to_string(opt->get_expected());
        if (opt->get_required()) out += " " + get_label("REQUIRED");
    }
    if (!opt->get_envname().empty()) out += " (" + get_label("Env") + ":" + opt->get_envname() + ")";
    if (!opt->get_needs().empty()) {
        out += " " + get_label("Needs") + ":";
        for (const CLI::Option* op : opt->get_needs()) out += " " + op->get_name();
    }
    if (!opt->get_excludes().empty()) {
        out += " " + get_label("Excludes") + ":";
        for (const CLI::Option* op : opt->get_excludes()) out += " " + op->get_name();
    }
    return out;
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
    std::string out = CLI::Formatter::make_usage(app, std::move(name));
    // 用法：guazhi … — a Chinese heading takes the full-width colon, with no space after it.
    std::string prefix = get_label("Usage") + ": ";
    if (lang_ != Lang::en && out.starts_with(prefix)) out.replace(0, prefix.size(), get_label("Usage") + "：");
    return out;
}

// An option group's name in a subcommand's help ([Option Group: NAME]) in the language.
std::string HelpFormatter::make_expanded(const CLI::App* sub) const {
    std::string out = CLI::Formatter::make_expanded(sub);
    const std::string english = "[Option Group: ";
    if (lang_ != Lang::en && out.starts_with(english)) {
        auto end = out.find(']');
        if (end != std::string::npos) {
            std::string group = out.substr(english.size(), end - english.size());
            out.replace(0, end + 1, util::words(msg(N_("[Option Group: {}]"), util::translate(lang_, group)), lang_));
        }
    }
    return out;
}

Lang help_lang(const CLI::App* app) {
    auto formatter = app ? app->get_formatter() : nullptr;
    if (const auto* ours = dynamic_cast<const HelpFormatter*>(formatter.get())) return ours->lang();
    return Lang::en;
}

std::string help_text(const CLI::App* app, const Message& text) { return util::words(text, help_lang(app)); }

std::string HelpFormatter::make_description(const CLI::App* app) const {
    std::string desc(util::translate(lang_, app->get_description()));
    // CLI::Formatter's notes on what the subcommand requires, worded in the language.
    std::size_t min = app->get_require_option_min(), max = app->get_require_option_max();
    if (app->get_required()) desc += " " + get_label("REQUIRED") + " ";
    if (max == min && min == 1) desc += " \n" + util::words(msg(N_("[Exactly 1 of the following options is required]")), lang_);
    else if (max == min && min > 0)
        desc += " \n" + util::words(msg(N_("[Exactly {} of the following options are required]"), min), lang_);
    else if (max > 0 && min > 0)
        desc += " \n" + util::words(msg(N_("[Between {} and {} of the following options are required]"), min, max), lang_);
    else if (max > 0) desc += " \n" + util::words(msg(N_("[At most {} of the following options are allowed]"), max), lang_);
    else if (min > 0) desc += " \n" + util::words(msg(N_("[At least {} of the following options are required]"), min), lang_);
    return desc.empty() ? std::string() : desc + "\n";
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
    std::string footer = app->get_footer();
    return footer.empty() ? std::string() : std::string(util::translate(lang_, footer)) + "\n";
}

std::string HelpFormatter::make_option_desc(const CLI::Option* opt) const {
    return std::string(util::translate(lang_, opt->get_description()));
}

std::string HelpFormatter::make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const {
    std::string out = CLI::Formatter::make_group(group, is_positional, std::move(opts));
    // The base names the group "\nGROUP:\n" (a label already worded for Positionals).
    std::string english = "\n" + group + ":\n";
    if (out.starts_with(english)) out.replace(0, english.size(), heading(std::string(util::translate(lang_, group)), lang_));
    return out;
}

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const {
    std::string out = CLI::Formatter::make_subcommands(app, mode);
    const std::string english = "\nSubcommands:\n";
    if (auto at = out.find(english); at != std::string::npos)
        out.replace(at, english.size(), heading(std::string(util::translate(lang_, "Subcommands")), lang_));
    return out;
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
    return help_line(sub->get_display_name(true), std::string(util::translate(lang_, sub->get_description())), column_width_);
}

namespace {

// CLI11 2.1's messages (CLI/Error.hpp, CLI/Validators.hpp) by their shape, and the sentence
// each becomes. The groups of the pattern are the sentence's arguments, in order.
struct Shape {
    const char* pattern;
    const char* english; // the sentence, marked for the catalog
};
const Shape kShapes[] = {
    {R"(A subcommand is required)", N_("a subcommand is required")},
    {R"(Requires at least (\d+) subcommands)", N_("at least {} subcommands are required")},
    {R"((\S+) is required)", N_("{} is required")},
    // CLI11 lists the arguments last first: "x --kind" for `--kind x`, an unknown option and its value.
    {R"(The following arguments? (?:was|were) not expected: (?:[^-]\S* )*(-[^ ]*))", N_("unknown option: {}")},
    {R"(The following arguments? (?:was|were) not expected: (.*))", N_("not expected: {}")},
    {R"(The value (.*) is not an allowed value for (\S+))", N_("{1}: {0} is not an allowed value")},
    {R"(Could not convert: (\S+) = (.*))", N_("{}: cannot read '{}'")},
    {R"((\S+): too many inputs for a flag)", N_("{}: a flag takes no value")},
    {R"((\S+): Should be true/false or a number)", N_("{}: should be true/false or a number")},
    {R"(Expected exactly (\d+) arguments? to (\S+), got (\d+))", N_("{1}: {0} values expected, {2} given")},
    {R"(Expected at least (\d+) arguments? to (\S+), got (\d+))", N_("{1}: at least {0} values expected, {2} given")},
    {R"((\S+): (\d+) required .+ missing)", N_("{}: a value is missing")},
    {R"((\S+): At least (\d+) required but received (\d+))", N_("{}: at least {} values required, {} given")},
    {R"((\S+): At Most (\d+) required but received (\d+))", N_("{}: at most {} values allowed, {} given")},
    {R"((\S+) requires (\S+))", N_("{} needs {}")},
    {R"((\S+) excludes (\S+))", N_("{} cannot be given with {}")},
    {R"((\S+): (.*) not in \{(.*)\})", N_("{}: '{}' is not one of {}")},
    // CLI::PositiveNumber: a range from the smallest double to the largest (309 digits).
    {R"((\S+): Value (.*) not in range 0\.0+ to \d{300,}\.0+)", N_("{}: '{}' is not a positive number")},
    {R"((\S+): Value (.*) not in range (.*) to (.*))", N_("{}: {} is not between {} and {}")},
    {R"((\S+): Value (.*) could not be converted)", N_("{}: '{}' cannot be read")},
    {R"((\S+): File does not exist: (.*))", N_("{}: no such file: {}")},
    {R"((\S+): Failed parsing (.*) as a (.*))", N_("{}: '{}' is not a {}")},
};

// The word of the command line that was taken for a subcommand and is none ("guazhi frob",
// "guazhi assign frob"): CLI11 says only that a subcommand is required.
std::optional<std::string> unknown_subcommand(const CLI::App* app) {
    if (!app) return std::nullopt;
    for (const std::string& word : app->remaining(true))
        if (!word.empty() && word.front() != '-') return word;
    return std::nullopt;
}

// A number as CLI11's ranges print it (std::to_string: 0.000000), without the zero decimals.
std::string plain_number(std::string text) {
    static const std::regex zeros(R"((-?\d+)\.0+)");
    return std::regex_replace(text, zeros, "$1");
}

bool has_cjk(std::string_view text) {
    // U+2E80 and above in UTF-8: a lead byte of E2 BA.. or E3..E9 (CJK, kana, full-width forms).
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xE3 && c <= 0xE9) return true;
        if (c == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xBC) return true;
    }
    return false;
}

} // namespace

std::string parse_error_words(const CLI::ParseError& e, Lang lang, const CLI::App* app) {
    std::string what = e.what();
    std::string line;
    if (what == "A subcommand is required")
        if (auto word = unknown_subcommand(app)) line = util::words(msg(N_("'{}' is not a subcommand"), *word), lang);
    for (const auto& shape : kShapes) {
        if (!line.empty()) break;
        std::smatch m;
        if (!std::regex_match(what, m, std::regex(shape.pattern))) continue;
        Message sentence(shape.english);
        for (std::size_t i = 1; i < m.size(); ++i)
            sentence.args.push_back({lang == Lang::en ? m[i].str() : plain_number(m[i].str()), nullptr});
        line = util::words(sentence, lang);
    }
    // A shape not known here. A validator of guazhi's own words its reason in `lang` already
    // (--direction: 未知的挂职类型…): it is shown as it is.
    if (line.empty()) line = lang == Lang::en || has_cjk(what) ? what : util::words(msg(N_("usage: {}"), what), lang);
    return util::words(msg(N_("guazhi: {}\nRun with --help for more information."), line), lang) + "\n";
}

} // namespace guazhi::cli
