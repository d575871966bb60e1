// Recording a validated assignment: the checks that need the database (the cadre's recorded
// data, units' kinds, overlapping terms, an identical earlier record) and the inserts.
// Shared by `assign add` and `assign import`, so both apply exactly the same rules.
#pragma once

#include "domain/model.hpp"
#include "domain/roster.hpp"
#include "store/assignment_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace guazhi {

struct RecordOutcome {
    enum class Kind { inserted, identical, refused };
    Kind kind = Kind::refused;
    std::int64_t id = 0; // the new assignment, or the identical one already recorded
    bool over_quota = false; // inserted beyond the host quota by an override (recorded as an event)
    std::vector<FieldProblem> problems;
    // With RecordPolicy::update: the cadre's values the row changed, "张三 政治面貌: 群众 → 中共党员".
    std::vector<std::string> updates;
};

// How recorded rows are attributed, and whether the host quota may be exceeded.
struct RecordPolicy {
    std::string recorded_by;
    bool override_quota = false; // --override: exceed max_per_host_per_batch...
    std::string override_reason; // ...for this reason, recorded with each such row
    // An import's --update: a row that says other of a known cadre changes the record — a dated
    // change of a dated attribute from `update_since` (default: the row's start date), a
    // correction of any other field — instead of being refused. `offer_update`: a refusal says so.
    bool update = false, offer_update = false;
    std::optional<util::Date> update_since = std::nullopt;
};

class AssignmentRecorder {
  public:
    AssignmentRecorder(AssignmentStore& store, const Config& config, RecordPolicy policy)
        : store_(store), config_(config), policy_(std::move(policy)) {}

    // Inserts `a` (already validated by validate_row) unless the database contradicts it.
    // `home_kind_given` says the home unit's kind came from the input rather than a guess.
    // Call inside a transaction: on refusal nothing of `a` is written.
    RecordOutcome record(const Assignment& a, bool home_kind_given);

    // `assign edit`: assignment `id` (of the same cadre) becomes `a`, judged by the same rules
    // as a new row (units' kinds, the term overlapping another of the cadre's, the host's
    // quota) with `id` itself left out of them. Nothing is written on refusal.
    RecordOutcome replace(std::int64_t id, const Assignment& a, bool home_kind_given);

    // For a large batch that is the only writer of its transaction (`assign import`), with
    // the same outcome for every row, only cheaper:
    // - the host quota is judged from the count recorded before the batch, read once per host
    //   and year, plus the rows this recorder inserted since, instead of a query per row;
    // - a cadre is inserted first and found recorded only when that insert finds the ID
    //   number taken (one B-tree search for a new cadre instead of two); a row refused after
    //   that takes its cadre back out, and from then on (the batch will not be committed)
    //   cadres are looked up first again, so that taking back stays a rare event.
    // Not for a recorder whose rows may change between calls (a recall frees a place).
    void exclusive_batch() { batch_ = insert_first_ = true; }

  private:
    RecordOutcome write(const Assignment& a, bool home_kind_given, std::optional<std::int64_t> replacing);
    // The recorded unit of that name (nullopt when new); problems when `unit` contradicts it.
    std::optional<AssignmentStore::StoredUnit> check_unit(const Unit& unit, bool kind_given, Field field,
                                                          std::vector<FieldProblem>& problems);
    // The unit's id, inserting it when new (only once every check has passed).
    std::int64_t unit_id(const Unit& unit, const std::optional<AssignmentStore::StoredUnit>& known);

    AssignmentStore& store_;
    const Config& config_;
    RecordPolicy policy_;
    std::unordered_map<std::string, AssignmentStore::StoredUnit> units_; // by name; units are few
    // Secondees per (host unit id, batch year) when counting in memory; hosts are few.
    bool batch_ = false;
    bool insert_first_ = false; // see exclusive_batch()
    std::unordered_map<std::int64_t, std::int64_t> hosted_;
    // The first cadre this recorder inserted: those before it are the "known" ones an update
    // changes; a later row contradicting an earlier one of the same file is refused.
    std::optional<std::int64_t> first_inserted_cadre_;
    static std::int64_t host_key(std::int64_t host_id, int year) { return host_id * 100000 + year; }
    std::int64_t hosted_count(std::int64_t host_id, int year);
};

} // namespace guazhi
