// lib/app: opening the records for a command, with its audit scope. A command that may write
// (OpenMode::write or create) logs every change it makes as done by `actor` (store/audit.hpp),
// from the first statement on, so no command can forget to log.
#pragma once

#include "store/database.hpp"

#include <filesystem>
#include <string>

namespace guazhi::app {

// Who runs the command, for the change log: the clerk the command names (its --by), and the
// command line as typed.
struct Actor {
    std::string user;
    std::string command;
};

// Database::open, then the audit scope for a command that may write.
Database open_records(const std::filesystem::path& path, OpenMode mode, int busy_timeout_ms, const Actor& actor);

// The audit scope on a database already open (an in-memory one in tests).
void begin_audit(Database& db, const Actor& actor);

} // namespace guazhi::app
