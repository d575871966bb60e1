// Ids that are never handed out twice (schema version 10).
#pragma once

#include <SQLiteCpp/Database.h>

namespace guazhi {

// Rebuilds the tables whose ids a clerk sees (assignments, events, reports, appraisals,
// changes) as AUTOINCREMENT, so that an id freed by `undo` (or any delete) is never given to
// another record: assignment and report ids are written on paper and in notes. The next id of each table starts after the largest it ever had — the
// largest now, or the largest the audit log saw deleted — so ids freed before this upgrade
// are not reused either. Rows, indexes and triggers stay as they were. Runs inside the
// migration's transaction, with foreign keys off (as migrations are).
void make_ids_permanent(SQLite::Database& db);

} // namespace guazhi
