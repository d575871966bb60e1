// The language guazhi speaks (issue "Chinese by default"), chosen once per run, and CLI11's own
// texts in it: the help's headings and option texts, and its usage errors.
#pragma once

#include "util/catalog.hpp"
#include "util/lang.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace guazhi::cli {

// The language of a run, in this order: --lang, then $GUAZHI_LANG, then the config's `lang`, then
// the locale — the first of $LC_ALL, $LC_MESSAGES and $LANG that is set: en… is English, anything
// else (zh_CN.UTF-8, C, POSIX) Chinese — and Chinese when none is set.
// A $GUAZHI_LANG that is neither is ignored here (make_context refuses it).
Lang choose_lang(const std::optional<std::string>& flag, const std::optional<Lang>& config);

// The language for the help and the parser's messages, before the command line is parsed: the
// last --lang of argv, and the config's `lang` from the file --config or the usual places name.
Lang lang_before_parsing(int argc, char** argv);

// CLI11's help in `lang`: the descriptions, footers and option texts through the catalog, and
// CLI11's own headings (Usage, Options, Subcommands …) in it. One instance serves every
// subcommand (they share their parent's formatter).
class HelpFormatter : public CLI::Formatter {
  public:
    explicit HelpFormatter(Lang lang);
    Lang lang() const { return lang_; }
    // An option's line: the left column measured in display cells (a Chinese value name takes
    // two per character), the value names (TEXT, INT, a validator's name) in `lang`.
    std::string make_option(const CLI::Option* opt, bool is_positional) const override;
    std::string make_option_opts(const CLI::Option* opt) const override;
    std::string make_usage(const CLI::App* app, std::string name) const override;
    std::string make_expanded(const CLI::App* sub) const override;
    std::string make_description(const CLI::App* app) const override;
    std::string make_footer(const CLI::App* app) const override;
    std::string make_option_desc(const CLI::Option* opt) const override;
    std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override;
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
    std::string make_subcommand(const CLI::App* sub) const override;

  private:
    Lang lang_;
};

// The language `app`'s help is printed in (its formatter's: a subcommand shares its parent's),
// English when the formatter is not a HelpFormatter.
Lang help_lang(const CLI::App* app);

// A help text built at run time (a description listing values, say) in `app`'s help language:
// help_text(sub, msg(N_("Output format: {}"), names)). A literal help text needs no call: the
// formatter translates it as it prints it.
std::string help_text(const CLI::App* app, const Message& text);

// A CLI11 usage error in `lang` (its message names the option or value concerned), one line,
// with the hint to run --help.
// With `app` (the command line parsed, or not), a subcommand that is not one is named.
std::string parse_error_words(const CLI::ParseError& e, Lang lang, const CLI::App* app = nullptr);

} // namespace guazhi::cli
