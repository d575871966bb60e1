// The numbered forward migrations of the schema.
#pragma once

#include <string_view>
#include <vector>

namespace guazhi {

// migrations()[i] takes a database from version i to version i + 1.
const std::vector<std::string_view>& migrations();

// PRAGMA application_id of a guazhi database ("GZHI"), so other SQLite files are refused.
inline constexpr int kApplicationId = 0x475A4849;

} // namespace guazhi
