// The write transaction of a lib/app command: every command that changes records opens one,
// and only lib/app opens them. The store's writers run in their caller's transaction and
// check that they do (store::require_transaction), so a command's writes commit together or
// not at all.
#pragma once

#include "store/database.hpp"

#include <SQLiteCpp/Transaction.h>

#include <type_traits>
#include <utility>

namespace guazhi::app {

// IMMEDIATE: the write lock from the start, so that the checks read what the writes change,
// and a second clerk's command waits (busy_timeout_ms) instead of failing half-way.
inline SQLite::Transaction write_transaction(Database& db) {
    return SQLite::Transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
}

// Runs `write` in a write transaction and commits what it wrote; an exception rolls it all
// back. Returns what `write` returns.
template <typename Write> auto in_transaction(Database& db, Write&& write) {
    auto tx = write_transaction(db);
    if constexpr (std::is_void_v<std::invoke_result_t<Write&>>) {
        write();
        tx.commit();
    } else {
        auto result = write();
        tx.commit();
        return result;
    }
}

// For a writer that may decide to write nothing (problems found, --dry-run): commits only
// when the result it returns says `committed`.
template <typename Write> auto committed_if_written(Database& db, Write&& write) {
    auto tx = write_transaction(db);
    auto result = write();
    if (result.committed) tx.commit();
    return result;
}

} // namespace guazhi::app
