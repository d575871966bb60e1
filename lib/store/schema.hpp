// The numbered forward migrations of the schema.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string_view>
#include <vector>

namespace guazhi {

// One step of the schema: SQL, then (rarely) what SQL alone cannot say, such as rebuilding
// tables from their own recorded definitions.
struct Migration {
    Migration(const char* sql, void (*then)(SQLite::Database&) = nullptr) : sql(sql), then(then) {}
    std::string_view sql;
    void (*then)(SQLite::Database&);
};

// migrations()[i] takes a database from version i to version i + 1.
const std::vector<Migration>& migrations();

// Runs migrations()[i] on `db`.
void apply_migration(SQLite::Database& db, std::size_t i);

// PRAGMA application_id of a guazhi database ("GZHI"), so other SQLite files are refused.
inline constexpr int kApplicationId = 0x475A4849;

} // namespace guazhi
