#include "context.hpp"

#include "language.hpp"

#include "domain/dimension.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "app/session.hpp"
#include "util/date.hpp"
#include "util/temp_files.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <fcntl.h>
#include <unistd.h>

namespace guazhi::cli {

std::string login_user() {
    const char* user = std::getenv("USER");
    return user && *user ? user : "unknown";
}

std::string shell_line(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args) {
        if (!out.empty()) out += ' ';
        bool plain = !a.empty() && a.find_first_of(" \t\n'\"\\$`;&|<>()*?[]#~") == std::string::npos;
        if (plain) {
            out += a;
            continue;
        }
        out += '\'';
        for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

Context make_context(const GlobalOptions& options, std::optional<std::string> recorder) {
    Context ctx;
    ctx.command_line = options.command_line;
    ctx.user = recorder ? std::move(*recorder) : login_user();
    std::optional<std::filesystem::path> explicit_config;
    if (options.config) explicit_config = *options.config;
    if (auto path = find_config(explicit_config, std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME")))
        ctx.config = load_config(*path);
    if (const char* env = std::getenv("GUAZHI_LANG"); env && *env && !parse_lang(env))
        throw UsageError(msg(N_("GUAZHI_LANG: '{}' is not zh or en"), env));
    ctx.lang = choose_lang(options.lang, ctx.config.lang); // --lang is checked by its validator

    if (options.db) ctx.db_path = *options.db;
    else if (const char* env = std::getenv("GUAZHI_DB"); env && *env) ctx.db_path = env;
    else if (ctx.config.db) ctx.db_path = *ctx.config.db;
    else ctx.db_path = "guazhi.db";
    return ctx;
}

void diag(Lang lang, const Message& message) {
    std::string text = util::redact(util::words(message, lang)) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
}

Database Context::open(OpenMode mode) const {
    Database db = app::open_records(db_path, mode, config.busy_timeout_ms, app::Actor{user, command_line});
    if (const auto& copy = db.pre_migration_backup())
        diag(lang, msg(N_("{}: saved a copy as it was before the upgrade from schema version {} to {}: {}"),
                       db_path.string(), db.opened_at_version(), current_schema_version(), copy->string()));
    return db;
}

void add_format_option(CLI::App* app, Format& format, std::vector<std::string> names) {
    format = *parse_format(names.front());
    app->add_option_function<std::string>(
           "--format", [&format](const std::string& v) { format = *parse_format(v); },
           help_text(app, msg(N_("Output format: {}"), fmt::format("{}", fmt::join(names, "|")))))
        ->check(CLI::IsMember(names));
}

CLI::Validator vocabulary_validator(const Vocabulary& v, Lang lang) {
    return CLI::Validator(
        [&v, lang](std::string& value) -> std::string {
            // As a cell is read: " 提拔", "提拔　" and full-width forms are the word.
            auto code = v.code_of(util::clean(value));
            if (!code) return util::words(v.unknown(value), lang);
            value = std::string(*code);
            return {};
        },
        std::string(v.what()));
}

namespace {

// One category or a list ("选调生 县级后备干部", "选调生、后备干部"), as codes joined by ';' (the
// filter selects a cadre of any of them); the first unknown piece is refused.
std::string category_codes(const std::string& text, Message& error) {
    std::vector<std::string> unknown;
    auto codes = categories().codes_of_list(util::clean(text), unknown);
    if (!unknown.empty()) error = categories().unknown(unknown.front());
    else if (codes.empty()) error = categories().unknown(text);
    return fmt::format("{}", fmt::join(codes, ";"));
}

} // namespace

void add_filter_options(CLI::App* app, FilterOptions& o, Lang lang) {
    app->add_option("--year", o.selected.year, "Batch year (年度)");
    app->add_option("--direction", o.selected.direction, "up|down (上挂|下派)")->transform(vocabulary_validator(directions(), lang));
    app->add_option("--status", o.selected.status, "planned|active|extended|recalled|completed, judged on --as-of")->transform(vocabulary_validator(statuses(), lang));
    app->add_option("--home", o.selected.home, "Home unit name (派出单位)");
    app->add_option("--host", o.selected.host, "Host unit name (接收单位)");
    app->add_option("--county", o.selected.county, "County/district of the home unit (所属县区)");
    app->add_option("--category", o.selected.category,
                    "Cadre category, e.g. 选调生 or county_reserve; several (\"选调生 县级后备干部\", 选调生、后备干部): any of them")
        ->transform(CLI::Validator(
            [lang](std::string& value) -> std::string {
                Message error;
                value = category_codes(value, error);
                return error.empty() ? std::string() : util::words(error, lang);
            },
            "category"));
    app->add_flag("--non-party", o.selected.non_party, "Only 党外干部 (non-Party cadres)");
    app->add_option("--as-of", o.as_of, "Judge statuses on this date (default: today)");
    std::vector<std::string> pending;
    std::vector<std::string> shown; // as typed: united-front rather than united_front
    for (auto [name, what] : pending_kinds()) {
        pending.emplace_back(name);
        shown.push_back(pending.back());
        std::replace(shown.back().begin(), shown.back().end(), '_', '-');
    }
    app->add_option("--pending", o.selected.pending,
                    help_text(app, msg(N_("Appointment paperwork not yet recorded: {}"), fmt::format("{}", fmt::join(shown, "|")))))
        ->transform([](std::string v) {
            std::replace(v.begin(), v.end(), '-', '_'); // united-front reads as united_front
            return v;
        })
        ->check(CLI::IsMember(pending));
    app->add_flag("--no-inspection", o.selected.no_inspection,
                  "Terms ending within inspection_window_days of --as-of with no inspection (考察) recorded");
    app->add_flag("--returned", o.selected.returned, "Secondments already over (completed or recalled) on --as-of");
    app->add_flag("--not-promoted", o.selected.not_promoted, "No promotion recorded after the secondment ended");
    app->add_option("--where", o.where,
                    "The same filters as KEY=VALUE,… (year, direction, status, home, host, county, category, "
                    "political_status (only here), pending; non_party, no_inspection, returned, not_promoted take no "
                    "value); keys and values also in Chinese: 年度=2006,挂职类型=上挂,所属县区=资中县,政治面貌=群众,党外干部");
}

util::Date flag_date(const std::string& value, const Message& flag) {
    auto d = util::parse_date(util::clean(value));
    if (!d) throw UsageError(msg(N_("{}: {}"), flag, d.error));
    return *d.value;
}

std::optional<util::Date> flag_date(const std::optional<std::string>& value, const Message& flag) {
    if (!value) return std::nullopt;
    return flag_date(*value, flag);
}

void add_encoding_option(CLI::App* app, std::string& encoding) {
    encoding = "auto";
    app->add_option("--encoding", encoding,
                    "Text files: auto (default: a UTF-16 or UTF-8 BOM, else UTF-8 if valid, else GB18030), utf-8, "
                    "gbk or utf-16")
        ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gbk", "gb18030", "gb2312", "utf-16", "utf-16le", "utf-16be"},
                              CLI::ignore_case));
}

void add_table_options(CLI::App* app, TableFlags& flags) {
    add_encoding_option(app, flags.encoding);
    app->add_option("--sheet", flags.sheet, "The sheet of a workbook (.xlsx, .xls): its name, or N for the N-th "
                                            "(default: the first)");
}

util::TableInput Input::table(const TableFlags& flags) {
    // Only a regular file is looked at by its name (its first bytes say whether it is a
    // workbook): a pipe such as <(…) would lose what the look read.
    std::error_code ec;
    bool regular = in_ != &std::cin && std::filesystem::is_regular_file(name_, ec);
    return {stream(), regular ? name_ : std::string(), name_,
            {*util::parse_encoding(flags.encoding), flags.sheet}}; // the encoding is checked by its option
}

void add_by_option(CLI::App* app, std::string& by) {
    by = login_user();
    app->add_option("--by", by, "Who records this (default: $USER)");
}

void add_record_flags(CLI::App* app, RecordFlags& flags) {
    add_by_option(app, flags.by);
    app->add_flag("--override", flags.override_quota,
                  "Exceed max_per_host_per_batch (the department decided otherwise); needs --reason");
    app->add_option("--reason", flags.reason, "Why the host quota is exceeded (recorded with the assignment)");
}

RecordPolicy RecordFlags::to_policy() const {
    if (override_quota && reason.empty()) throw Error(msg(N_("--override needs --reason \"…\" (it is recorded)")));
    return {by, override_quota, reason};
}

namespace {

// Applies --where to a copy of the flags: each KEY=VALUE read as its flag would be.
// The filter with --where's keys added to those the flags set.
AssignmentFilter with_where(const FilterOptions& options) {
    AssignmentFilter o = options.selected;
    if (!options.where) return o;
    for (const auto& part : util::split_any(*options.where, {",", "，", ";"})) {
        std::string item(util::trim(util::normalize_width(part))); // 政治面貌＝群众 as 政治面貌=群众
        auto eq = item.find('=');
        std::string key = util::ascii_lower(util::trim(std::string_view(item).substr(0, eq)));
        std::replace(key.begin(), key.end(), '-', '_');
        if (auto known = filter_key(key)) key = std::string(*known); // 所属县区 reads as county
        std::string value = eq == std::string::npos ? "" : util::clean(std::string_view(item).substr(eq + 1));
        auto twice = [&] { return UsageError(msg(N_("--where: {} is also given as a flag"), key)); };
        auto text = [&](std::optional<std::string>& field, const Vocabulary* v) {
            if (field) throw twice();
            if (value.empty()) throw UsageError(msg(N_("--where: {} needs a value ({}=…)"), key, key));
            if (!v) {
                field = value;
                return;
            }
            auto code = v->code_of(value);
            if (!code) throw UsageError(msg(N_("{}: {}"), "--where", v->unknown(value)));
            field = std::string(*code);
        };
        auto flag = [&](bool& field) {
            if (field) throw twice();
            if (!value.empty() && value != "1" && value != "true" && value != "yes")
                throw UsageError(msg(N_("--where: {} takes no value"), key));
            field = true;
        };
        if (key == "year" || key == "batch_year") {
            if (o.year) throw twice();
            if (!util::is_digits(value) || value.size() != 4) throw UsageError(msg(N_("--where: year '{}' is not a year"), value));
            o.year = std::stoi(value);
        } else if (key == "direction") text(o.direction, &directions());
        else if (key == "status") text(o.status, &statuses());
        else if (key == "category") {
            text(o.category, nullptr);
            Message error;
            o.category = category_codes(value, error);
            if (!error.empty()) throw UsageError(msg(N_("{}: {}"), "--where", error));
        } else if (key == "political_status") text(o.political_status, &political_statuses());
        else if (key == "home" || key == "home_unit") text(o.home, nullptr);
        else if (key == "host" || key == "host_unit") text(o.host, nullptr);
        else if (key == "county" || key == "home_county") text(o.county, nullptr);
        else if (key == "pending") {
            std::replace(value.begin(), value.end(), '-', '_');
            bool known = false;
            for (auto [name, what] : pending_kinds()) known = known || name == value;
            if (!known) throw UsageError(msg(N_("--where: unknown pending item '{}'"), value));
            text(o.pending, nullptr);
        } else if (key == "non_party") flag(o.non_party);
        else if (key == "no_inspection") flag(o.no_inspection);
        else if (key == "returned") flag(o.returned);
        else if (key == "not_promoted") flag(o.not_promoted);
        else throw UsageError(msg(N_("--where: unknown filter '{}' (year, direction, status, home, host, county, "
                                     "category, political_status, pending, non_party, no_inspection, returned, not_promoted)"),
                                  key));
    }
    return o;
}

} // namespace

AssignmentFilter FilterOptions::to_filter() const {
    AssignmentFilter f = with_where(*this);
    if (as_of) f.as_of = flag_date(*as_of, "--as-of");
    return f;
}

namespace {

// The C library's reason for a failed call (strerror), nested in a message so that the reader's
// language words it: English as glibc has it, the common reasons translated (their glibc words
// are marked here for the catalog), the others as strerror gives them.
[[maybe_unused]] constexpr const char* kSystemReasons[] = {
    N_("No such file or directory"), N_("Permission denied"),  N_("No space left on device"),
    N_("Is a directory"),            N_("Not a directory"),    N_("Read-only file system"),
    N_("File exists"),               N_("Input/output error"), N_("Disk quota exceeded"),
    N_("File name too long"),        N_("Too many open files")};
Message system_reason(int error) { return Message(std::strerror(error)); }

} // namespace

Input::Input(const std::string& path) : in_(&std::cin), name_(path == "-" ? "<stdin>" : path) {
    if (path == "-") return;
    file_.open(path, std::ios::binary);
    if (!file_) throw Error(msg(N_("{}: cannot open: {}"), path, system_reason(errno)));
    in_ = &file_;
}

Output::Output(const std::optional<std::string>& path, bool force) : file_(stdout) {
    if (!path || *path == "-") return;
    std::error_code ec;
    if (!force && std::filesystem::exists(std::filesystem::symlink_status(*path, ec)))
        throw Error(msg(N_("-o {}: the file exists; --force replaces it"), *path));
    path_ = *path;
    tmp_.emplace(*path);
    file_ = ::fdopen(tmp_->release_fd(), "wb");
    if (!file_) throw Error(msg(N_("{}: cannot create the file: {}"), *path, system_reason(errno)));
}

Output::~Output() {
    if (path_ && !committed_ && file_) std::fclose(file_);
}

void Output::write(std::string_view data) {
    if (std::fwrite(data.data(), 1, data.size(), file_) != data.size())
        throw Error(path_ ? msg(N_("{}: cannot write: {}"), *path_, system_reason(errno))
                          : msg(N_("standard output: cannot write: {}"), system_reason(errno)));
}

void Output::commit() {
    if (!path_) {
        if (std::fflush(stdout) != 0) throw Error(msg(N_("standard output: cannot write: {}"), system_reason(errno)));
        committed_ = true;
        return;
    }
    bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    ok = (std::fclose(file_) == 0) && ok;
    file_ = nullptr;
    committed_ = true;
    if (!ok || std::rename(tmp_->path().c_str(), path_->c_str()) != 0)
        throw Error(msg(N_("{}: cannot write the file: {}"), *path_, system_reason(errno))); // tmp_ removes it
    tmp_->keep();
    // The rename is durable once the directory is on disk too.
    if (int error = util::sync_directory_of(*path_))
        throw Error(msg(N_("{}: written, but its directory could not be synced to the disk ({}); a power cut "
                           "could still lose it"),
                        *path_, system_reason(error)));
}

} // namespace guazhi::cli
