// Host units' applications (申报) for secondees per batch, and how they compare with what
// each host was given (seed: "按照单位申报与组织确定相结合的原则").
#pragma once

#include "util/encoding.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

// Records (or replaces) how many secondees a host asked for in a batch. A host not yet
// recorded is created (a township by its name, else a city organ).
void record_application(SQLite::Database& db, const std::string& host, int batch_year, std::int64_t requested,
                        const std::string& recorded_by);

// Reads applications from CSV (接收单位/host_unit, 年度/batch_year, 申报人数/requested), all or
// none; throws Error listing every problem as FILE:LINE: column: message. Returns the count.
std::size_t import_applications(SQLite::Database& db, std::istream& in, const std::string& name,
                                util::Encoding encoding, const std::string& recorded_by);

struct ApplicationRow {
    std::string host;
    std::string kind;
    std::optional<std::int64_t> requested; // none: the host did not apply
    std::int64_t assigned = 0;             // secondees given in the batch (recalled ones included)
};

// Every host that applied or was given secondees in a batch, by name.
std::vector<ApplicationRow> application_summary(SQLite::Database& db, int batch_year);

} // namespace guazhi
