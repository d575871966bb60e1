// What every subcommand shares: the global flags, the resolved configuration and database
// path, and the option helpers that define shared flags once.
#pragma once

#include "config.hpp"
#include "error.hpp"
#include "domain/vocabulary.hpp"
#include "domain/filter.hpp"
#include "render/format.hpp"
#include "store/database.hpp"
#include "app/record.hpp"

#include <CLI/CLI.hpp>

#include "util/catalog.hpp"
#include "util/table.hpp"
#include "util/redact.hpp"
#include "util/temp_files.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace guazhi::cli {

// Flags accepted before or after any subcommand.
struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> config;
    std::optional<std::string> lang;
    // The language chosen before parsing (cli/language.hpp), for the help and the parser's
    // messages; a command's own comes from make_context.
    Lang language = Lang::zh;
    // For the audit log: the command line as typed.
    std::string command_line;
};

// Who runs guazhi when a command names no clerk: $USER, else "unknown".
std::string login_user();
// The arguments as one line a shell would read back (quoted where needed).
std::string shell_line(const std::vector<std::string>& args);

// The settings a command runs with, resolved from flags, environment and config file.
struct Context {
    std::string command_line, user; // for the audit log
    Config config;
    Lang lang = Lang::zh;
    std::filesystem::path db_path;

    // Opens the database with the configured busy timeout; says on stderr where the copy
    // taken before a schema upgrade went.
    Database open(OpenMode mode) const;
};

// Resolves --db, GUAZHI_DB, the config's `db`, then ./guazhi.db; the language as choose_lang
// (cli/language.hpp) orders it.
// The audit log's "who" is `recorder`, the clerk the command's own option names (its --by or
// --recorded-by, as parsed), else login_user().
Context make_context(const GlobalOptions& options, std::optional<std::string> recorder = std::nullopt);

// Adds --format to a subcommand, offering the given formats (the first is the default).
void add_format_option(CLI::App* app, Format& format, std::vector<std::string> names = {"table", "csv", "json"});

// A validator that accepts any spelling a vocabulary knows (code, label, alias) and turns it
// into the code; use with CLI::Option::transform. Its reason for a refusal is worded in `lang`
// (the run's, GlobalOptions::language).
CLI::Validator vocabulary_validator(const Vocabulary& vocabulary, Lang lang);

// The filter flags of `assign list`, shared by every command that selects assignments. The
// flags write into `selected` itself; only --as-of (a date to check) and --where stay text.
struct FilterOptions {
    AssignmentFilter selected;
    std::optional<std::string> as_of;
    // --where "direction=up,county=资中县,non_party": the same filters as one expression, for
    // scripts that build them; a key given both ways is a usage error.
    std::optional<std::string> where;

    // Validates codes and dates (throws Error naming the flag) and builds the filter.
    AssignmentFilter to_filter() const;
};
// `lang`: the run's language, for the validators' reasons.
void add_filter_options(CLI::App* app, FilterOptions& options, Lang lang);

// A flag's value that cannot be used (exit code 2, like CLI11's own checks).
class UsageError : public Error {
  public:
    using Error::Error;
};

// A date flag's value, or UsageError naming the flag (or the place: "date (in --from)").
util::Date flag_date(const std::string& value, const Message& flag);
std::optional<util::Date> flag_date(const std::optional<std::string>& value, const Message& flag);

// The sentence for a count: `one` when n is 1, else `many`, both marked N_() for the catalog
// (a sentence per form: "1 report", "2 reports"; Chinese words both alike).
template <class... Args> Message counted(std::size_t n, const char* one, const char* many, Args&&... args) {
    return msg(n == 1 ? one : many, std::forward<Args>(args)...);
}

// --encoding for a CSV input: auto (UTF-8 if valid, else GB18030), utf-8 or gbk.
void add_encoding_option(CLI::App* app, std::string& encoding);

// How an import reads its file: --encoding for text, --sheet for a workbook.
struct TableFlags {
    std::string encoding = "auto";
    std::string sheet;
};
void add_table_options(CLI::App* app, TableFlags& flags);

// Who records a change: --by, default $USER.
void add_by_option(CLI::App* app, std::string& by);

// --by, --override and --reason for commands that record assignments.
struct RecordFlags {
    std::string by;
    bool override_quota = false;
    std::string reason;

    // Throws Error when --override comes without --reason.
    RecordPolicy to_policy() const;
};
void add_record_flags(CLI::App* app, RecordFlags& flags);

// Where data comes from: a file opened in binary mode, or standard input for "-".
class Input {
  public:
    explicit Input(const std::string& path); // throws Error naming the path
    std::istream& stream() { return *in_; }
    // The name for messages: the path, or "<stdin>".
    const std::string& name() const { return name_; }
    // The input as a table to import (a workbook only from a file, not from standard input).
    util::TableInput table(const TableFlags& flags);

  private:
    std::ifstream file_;
    std::istream* in_;
    std::string name_;
};

// Where data goes: stdout, or a file written through a temporary file beside it (mode 0600
// whatever the umask: even a masked export holds names and birth months; removed on a
// signal, util::PrivateTemp) and renamed into place by commit(), so that an interrupted
// export never leaves half a file. Throws Error on I/O failure.
// A diagnostic on stderr, redacted (util/redact.hpp): ID numbers masked, terminal controls
// escaped, whatever the message quotes. Every message guazhi prints goes through here.
template <typename... T> void diag(fmt::format_string<T...> format, T&&... args) {
    std::string text = util::redact(fmt::format(format, std::forward<T>(args)...));
    std::fwrite(text.data(), 1, text.size(), stderr);
}
// A message worded in `lang` (util/catalog.hpp), as one line on stderr, redacted like every
// diagnostic: diag(ctx.lang, msg("exported {} rows of {}", rows, dataset)).
void diag(Lang lang, const Message& message);

class Output {
  public:
    // An existing file at `path` is refused (Error) unless `force`.
    explicit Output(const std::optional<std::string>& path, bool force = false);
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    void write(std::string_view data);
    void commit();
    // The stream to write to directly (e.g. an attachment copied in chunks).
    std::FILE* file() { return file_; }

  private:
    std::optional<std::string> path_;
    std::optional<util::PrivateTemp> tmp_;
    std::FILE* file_;
    bool committed_ = false;

  public:
    // The temporary file's path, for a library that writes a file by name (libxlsxwriter);
    // empty for stdout. What it wrote there is committed like written data.
    std::string temp_path() const { return tmp_ ? tmp_->path().string() : std::string(); }
};

} // namespace guazhi::cli
