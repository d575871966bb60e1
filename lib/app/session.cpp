#include "app/session.hpp"

#include "store/audit.hpp"

namespace guazhi::app {

void begin_audit(Database& db, const Actor& actor) { start_audit(db.sql(), actor.user, actor.command); }

Database open_records(const std::filesystem::path& path, OpenMode mode, int busy_timeout_ms, const Actor& actor) {
    Database db = Database::open(path, mode, busy_timeout_ms);
    if (mode == OpenMode::write || mode == OpenMode::create) begin_audit(db, actor);
    return db;
}

} // namespace guazhi::app
