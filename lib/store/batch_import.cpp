#include "store/batch_import.hpp"
#include "store/database.hpp"

#include "domain/roster_layout.hpp"
#include "problem.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace guazhi {

namespace {

// The header: of the first non-blank rows, the first that names at least two of the columns
// (a title line or 填表单位 above it names none); else the first row, whose unknown columns
// the error then names. The rows read past the header are kept in `ahead`.
util::TableRow header_of(util::TableReader& table, std::span<const util::ColumnSpec> specs,
                         std::vector<util::TableRow>& ahead) {
    constexpr std::size_t kSearchRows = 30;
    util::TableRow row;
    while (ahead.size() < kSearchRows && table.next(row))
        if (!row.blank()) ahead.push_back(std::move(row));
    if (ahead.empty()) throw Error(msg("{}: the file is empty (no header row)", table.name()));
    std::size_t at = 0;
    for (std::size_t i = 0; i < ahead.size(); ++i)
        if (util::ColumnMap::named(specs, ahead[i]) >= 2) {
            at = i;
            break;
        }
    util::TableRow header = std::move(ahead[at]);
    ahead.erase(ahead.begin(), ahead.begin() + static_cast<std::ptrdiff_t>(at) + 1);
    return header;
}

} // namespace

BatchImport::BatchImport(SQLite::Database& db, const util::TableInput& input, std::span<const util::ColumnSpec> specs,
                         std::size_t who, std::size_t who_else, std::initializer_list<std::size_t> required,
                         bool ignore_unknown_columns)
    : db_(db), name_(input.name), table_(input), record_(header_of(table_, specs, ahead_)),
      columns_(specs, record_, table_, ignore_unknown_columns ? &ignored_ : nullptr), who_(who), who_else_(who_else) {
    std::vector<Message> missing;
    if (!columns_.has(who) && !columns_.has(who_else))
        missing.push_back(msg("{} or {}", columns_.describe(who), columns_.describe(who_else)));
    for (auto c : required)
        if (!columns_.has(c)) missing.push_back(verbatim(columns_.describe(c)));
    if (!missing.empty())
        throw Error(msg("{}: missing column {}", table_.place(record_.line), list_of(std::move(missing))));
    std::reverse(ahead_.begin(), ahead_.end()); // handed out from the back
    require_transaction(db, "BatchImport");
}

bool BatchImport::next() {
    for (;;) {
        if (!ahead_.empty()) {
            record_ = std::move(ahead_.back());
            ahead_.pop_back();
        } else if (!table_.next(record_)) {
            return false;
        }
        if (record_.blank() || is_footer_row(record_.cells)) continue;
        ++rows_;
        return true;
    }
}

void BatchImport::problem(std::size_t column, const Message& message) {
    std::optional<std::size_t> at;
    if (columns_.has(column)) at = columns_.column(column);
    problems_.push_back(msg("{}: {}: {}", table_.place(record_.line, at), verbatim(columns_.header(column)), message));
}

std::optional<std::int64_t> BatchImport::assignment_id_at(std::size_t column) {
    std::string text = at(column);
    if (util::is_digits(text) && text.size() <= 15) return std::stoll(text);
    problem(column, msg("'{}' is not an assignment id", text));
    return std::nullopt;
}

std::optional<std::string> BatchImport::id_number_at(std::size_t column, const Namer& name) {
    std::string text = at(column);
    auto id = util::parse_id_number(text);
    if (id) return *id.value;
    if (util::is_masked_id_number(text))
        problem(column, describe(guazhi::problem(Parameter::reveal_id, ProblemCode::id_masked, text), name, SubjectNamed::no));
    else problem(column, id.error);
    return std::nullopt;
}

bool BatchImport::attempt(const std::function<void()>& write, const std::function<std::size_t(Parameter)>& column_of,
                          const Namer& name) {
    db_.exec("SAVEPOINT import_row");
    try {
        write();
        db_.exec("RELEASE import_row");
        return true;
    } catch (const ProblemError& e) {
        db_.exec("ROLLBACK TO import_row; RELEASE import_row");
        const Problem& p = e.problem();
        std::size_t none = column_of(Parameter::none);
        // A parameter the file gives as a column is named by that column's header.
        auto named = [&](Parameter q) {
            std::size_t c = column_of(q);
            return c != none && columns_.has(c) ? columns_.header(c) : name(q);
        };
        problem(column_of(p.subject), describe(p, named, SubjectNamed::no));
        return false;
    } catch (const Error& e) {
        db_.exec("ROLLBACK TO import_row; RELEASE import_row");
        problem(column_of(Parameter::none), e.message());
        return false;
    }
}

void BatchImport::finish() {
    if (!problems_.empty()) {
        std::vector<Message> lines = problems_;
        lines.push_back(msg("{}: nothing was written", name_));
        throw Error(lines_of(std::move(lines)));
    }
    if (rows_ == 0) throw Error(msg("{}: there are no data rows after the header", name_));
}

} // namespace guazhi
