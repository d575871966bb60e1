#include "store/recorder.hpp"

#include "domain/rules.hpp"
#include "domain/vocabulary.hpp"

#include <fmt/format.h>

namespace guazhi {

std::optional<AssignmentStore::StoredUnit> AssignmentRecorder::check_unit(const Unit& unit, bool kind_given,
                                                                      Field field,
                                                                      std::vector<FieldProblem>& problems) {
    auto it = units_.find(unit.name);
    if (it == units_.end()) {
        auto stored = store_.find_unit(unit.name);
        if (!stored) return std::nullopt;
        it = units_.emplace(unit.name, *stored).first;
    }
    const Unit& known = it->second.unit;
    if (kind_given && known.kind != unit.kind)
        problems.push_back({field, fmt::format("'{}' is recorded as {} ({}), the row says {} ({})", unit.name,
                                               unit_kinds().label(known.kind, Lang::zh), known.kind,
                                               unit_kinds().label(unit.kind, Lang::zh), unit.kind)});
    if (!unit.county.empty() && !known.county.empty() && unit.county != known.county)
        problems.push_back({Field::home_county, fmt::format("'{}' is recorded in {}, the row says {}", unit.name,
                                                            known.county, unit.county)});
    return it->second;
}

std::int64_t AssignmentRecorder::unit_id(const Unit& unit, const std::optional<AssignmentStore::StoredUnit>& known) {
    if (known) return known->id;
    AssignmentStore::StoredUnit stored{store_.insert_unit(unit), unit};
    units_.emplace(unit.name, stored);
    return stored.id;
}

RecordOutcome AssignmentRecorder::record(const Assignment& a, bool home_kind_given) {
    RecordOutcome out;
    auto& problems = out.problems;

    auto stored = store_.find_cadre(a.cadre.id_number);
    if (stored) {
        for (auto& conflict : cadre_conflicts(stored->cadre, a.cadre))
            problems.push_back({Field::id_number, fmt::format("{} is recorded with other data — {}",
                                                              a.cadre.id_number, conflict)});
        for (const Assignment& earlier : store_.assignments_of(stored->id)) {
            if (same_assignment(earlier, a)) {
                if (problems.empty()) {
                    out.kind = RecordOutcome::Kind::identical;
                    out.id = earlier.id;
                    return out;
                }
                continue;
            }
            if (terms_overlap(earlier.start, earlier.end, a.start, a.end))
                problems.push_back({Field::start_date,
                                    fmt::format("the term {}..{} overlaps assignment #{} ({}..{} at {})",
                                                a.start.iso(), a.end.iso(), earlier.id, earlier.start.iso(),
                                                earlier.end.iso(), earlier.host_unit.name)});
        }
    }

    // A host's kind follows from the direction (rules::host_kind_for), so it is always "given".
    auto home = check_unit(a.home_unit, home_kind_given, Field::home_unit, problems);
    auto host = check_unit(a.host_unit, true, Field::host_unit, problems);
    if (!problems.empty()) return out; // nothing was written for this row

    std::int64_t home_id = unit_id(a.home_unit, home);
    std::int64_t host_id = unit_id(a.host_unit, host);
    std::int64_t cadre_id = stored ? stored->id : store_.insert_cadre(a.cadre);
    out.id = store_.insert_assignment(a, cadre_id, home_id, host_id);
    out.kind = RecordOutcome::Kind::inserted;
    return out;
}

} // namespace guazhi
