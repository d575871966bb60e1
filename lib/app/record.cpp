#include "app/record.hpp"

#include "store/assignment_store.hpp"

#include <SQLiteCpp/Transaction.h>

namespace guazhi::app {

namespace {

SQLite::Transaction write_transaction(Database& db) {
    // IMMEDIATE: the write lock from the start, so that the checks read what the writes change.
    return SQLite::Transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
}

} // namespace

AddedAssignment add_assignment(Database& db, const Config& config, const RowValues& values, const RecordPolicy& policy) {
    AddedAssignment added{validate_row(values, config.policy), {}};
    if (!added.row.problems.empty()) return added;
    auto tx = write_transaction(db);
    AssignmentStore store(db.sql());
    AssignmentRecorder recorder(store, config, policy);
    bool kind_given = !values[static_cast<std::size_t>(Field::home_level)].empty();
    added.outcome = recorder.record(*added.row.assignment, kind_given);
    if (added.outcome.kind == RecordOutcome::Kind::inserted) tx.commit();
    return added;
}

AnnualOutcome record_annual_assessment(Database& db, const Config& config, const AnnualChange& change) {
    auto tx = write_transaction(db);
    AssignmentStore store(db.sql());
    AnnualOutcome outcome = record_annual(store, config, change);
    tx.commit();
    return outcome;
}

std::int64_t record_final(Database& db, const Config& config, const FinalAppraisal& appraisal, bool early, bool replace) {
    auto tx = write_transaction(db);
    std::int64_t id = record_final_appraisal(db.sql(), config, appraisal, early, replace);
    tx.commit();
    return id;
}

std::int64_t record_report(Database& db, const Config& config, const NewReport& report) {
    auto tx = write_transaction(db);
    std::int64_t id = add_report(db.sql(), config, report);
    tx.commit();
    return id;
}

} // namespace guazhi::app
