#include "store/batch_import.hpp"

#include "error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi {

namespace {

util::CsvRecord header_of(util::CsvReader& reader, const std::string& name) {
    util::CsvRecord record;
    while (reader.next(record) && record.blank()) {}
    if (record.fields.empty()) throw Error(fmt::format("{}: the file is empty (no header row)", name));
    return record;
}

} // namespace

BatchImport::BatchImport(SQLite::Database& db, std::istream& in, const std::string& name, util::Encoding encoding,
                         std::span<const util::ColumnSpec> specs, std::size_t who, std::size_t who_else,
                         std::initializer_list<std::size_t> required)
    : db_(db), name_(name), reader_(in, encoding, name), record_(header_of(reader_, name)),
      columns_(specs, record_, name), who_(who), who_else_(who_else) {
    std::vector<std::string> missing;
    if (!columns_.has(who) && !columns_.has(who_else))
        missing.push_back(fmt::format("{} or {}", columns_.describe(who), columns_.describe(who_else)));
    for (auto c : required)
        if (!columns_.has(c)) missing.push_back(columns_.describe(c));
    if (!missing.empty()) throw Error(fmt::format("{}:{}: missing column {}", name, record_.line, fmt::join(missing, ", ")));
    tx_.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
}

bool BatchImport::next() {
    while (reader_.next(record_))
        if (!record_.blank()) {
            ++rows_;
            return true;
        }
    return false;
}

void BatchImport::problem(std::size_t column, const std::string& message) {
    problems_.push_back(fmt::format("{}:{}: {}: {}", name_, record_.line, columns_.header(column), message));
}

std::optional<std::int64_t> BatchImport::assignment_id_at(std::size_t column) {
    std::string text = at(column);
    if (util::is_digits(text) && text.size() <= 15) return std::stoll(text);
    problem(column, fmt::format("'{}' is not an assignment id", text));
    return std::nullopt;
}

bool BatchImport::attempt(const std::function<void()>& write,
                          const std::function<std::size_t(const std::string&)>& column_of) {
    db_.exec("SAVEPOINT import_row");
    try {
        write();
        db_.exec("RELEASE import_row");
        return true;
    } catch (const Error& e) {
        db_.exec("ROLLBACK TO import_row; RELEASE import_row");
        std::string message = e.what();
        std::size_t column = column_of(message);
        if (auto colon = message.find(": "); message.starts_with("--") && colon != std::string::npos)
            message = message.substr(colon + 2);
        problem(column, message);
        return false;
    }
}

void BatchImport::finish() {
    if (!problems_.empty()) throw Error(fmt::format("{}\n{}: nothing was written", fmt::join(problems_, "\n"), name_));
    if (rows_ == 0) throw Error(fmt::format("{}: there are no data rows after the header", name_));
    tx_->commit();
}

} // namespace guazhi
