#include "store/recorder.hpp"

#include "domain/cadre_history.hpp"
#include "domain/rules.hpp"
#include "domain/vocabulary.hpp"
#include "render/cadre_view.hpp"
#include "store/cadre_values.hpp"
#include "store/lifecycle.hpp"
#include "util/id_number.hpp"
#include "util/json.hpp"

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
        problems.push_back({field, msg("'{}' is recorded as {} ({}), the row says {} ({})", unit.name,
                                               unit_kinds().label(known.kind, Lang::zh), known.kind,
                                               unit_kinds().label(unit.kind, Lang::zh), unit.kind)});
    if (!unit.county.empty() && !known.county.empty() && unit.county != known.county)
        problems.push_back({Field::home_county, msg("'{}' is recorded in {}, the row says {}", unit.name,
                                                            known.county, unit.county)});
    return it->second;
}

std::int64_t AssignmentRecorder::unit_id(const Unit& unit, const std::optional<AssignmentStore::StoredUnit>& known) {
    if (known) return known->id;
    AssignmentStore::StoredUnit stored{store_.insert_unit(unit), unit};
    units_.emplace(unit.name, stored);
    return stored.id;
}

std::int64_t AssignmentRecorder::hosted_count(std::int64_t host_id, int year) {
    if (!batch_) return store_.count_hosted(host_id, year);
    auto [it, added] = hosted_.try_emplace(host_key(host_id, year), 0);
    if (added) it->second = store_.count_hosted(host_id, year);
    return it->second;
}

RecordOutcome AssignmentRecorder::record(const Assignment& a, bool home_kind_given) {
    return write(a, home_kind_given, std::nullopt);
}

RecordOutcome AssignmentRecorder::replace(std::int64_t id, const Assignment& a, bool home_kind_given) {
    return write(a, home_kind_given, id);
}

RecordOutcome AssignmentRecorder::write(const Assignment& a, bool home_kind_given, std::optional<std::int64_t> replacing) {
    RecordOutcome out;
    auto& problems = out.problems;

    // In a batch a new cadre's row goes in at once (see exclusive_batch()); `fresh` is its id,
    // 0 when the cadre was recorded already or is looked up first.
    std::int64_t fresh = 0;
    if (insert_first_ && !replacing) fresh = store_.insert_cadre_row_if_new(a.cadre).value_or(0);
    std::optional<AssignmentStore::StoredCadre> stored;
    if (fresh == 0) stored = store_.find_cadre(a.cadre.id_number);
    if (stored) {
        // Judged against the record as it stood on this assignment's start date: a change
        // recorded since (cadre edit, --update) is not a conflict with a later row.
        const Cadre then = stored->dated_values == 0
                               ? stored->cadre
                               : in_force(stored->cadre, dated_values_of(store_.db(), stored->id), a.start);
        // An edit keeps the cadre as recorded (cadre edit changes it).
        std::vector<CadreDifference> differences;
        if (!replacing) differences = cadre_differences(then, a.cadre);
        // Two rows of one file that disagree are the file's mistake, not a change to record.
        // Rowids only grow: a cadre this recorder inserted has an id from its first one on.
        const bool known_before = !first_inserted_cadre_ || stored->id < *first_inserted_cadre_;
        if (!differences.empty() && policy_.update && known_before) {
            util::Date since = policy_.update_since.value_or(a.start);
            for (const auto& d : differences) {
                bool dated = is_dated_attribute(d.field);
                if (dated) record_dated_value(store_.db(), stored->id, d.field, since, d.given, "", policy_.recorded_by);
                else record_correction(store_.db(), stored->id, d.field, d.given, "import", policy_.recorded_by);
                out.updates.push_back(change_line(then.name, d.field, d.recorded, d.given,
                                                  dated ? std::optional<util::Date>(since) : std::nullopt, Lang::zh));
            }
            differences.clear();
        }
        if (!differences.empty()) {
            std::string list;
            for (const auto& d : differences)
                list += fmt::format("{}{}: {} → {}", list.empty() ? "" : "; ", field_label(d.field, Lang::zh),
                                    value_label(d.field, d.recorded, Lang::zh), value_label(d.field, d.given, Lang::zh));
            problems.push_back({Field::id_number, "",
                                problem(Parameter::update, ProblemCode::cadre_differs,
                                        util::mask_id_number(a.cadre.id_number), then.name, list,
                                        policy_.offer_update && known_before ? "update" : "")});
        }
        for (const Assignment& earlier : store_.assignments_of(stored->id)) {
            if (replacing && earlier.id == *replacing) continue;
            if (!replacing && same_assignment(earlier, a)) {
                if (problems.empty()) {
                    out.kind = RecordOutcome::Kind::identical;
                    out.id = earlier.id;
                    return out;
                }
                continue;
            }
            // The term as actually served: an extension lengthens it, a recall shortens it.
            if (terms_overlap(earlier.start, earlier.effective_end(), a.start, a.end))
                problems.push_back({Field::start_date,
                                    msg("the term {}..{} overlaps assignment #{} ({}..{} at {})",
                                                a.start.iso(), a.end.iso(), earlier.id, earlier.start.iso(),
                                                earlier.effective_end().iso(), earlier.host_unit.name)});
        }
    }

    // A host's kind follows from the direction (rules::host_kind_for), so it is always "given".
    auto home = check_unit(a.home_unit, home_kind_given, Field::home_unit, problems);
    auto host = check_unit(a.host_unit, true, Field::host_unit, problems);
    // A new host whose name says the other kind (a 下派 to 市民政局) is refused; one recorded
    // with the direction's kind (unit set) is taken as it is.
    if (!host)
        if (auto said = host_name_contradicts(a.host_unit.name, a.direction))
            problems.push_back({Field::host_unit, "",
                                problem(Parameter::none, ProblemCode::host_kind_contradicts, a.host_unit.name,
                                        unit_kinds().label(*said, Lang::zh), *said,
                                        directions().label(a.direction, Lang::zh), a.direction,
                                        unit_kinds().label(a.host_unit.kind, Lang::zh), a.host_unit.kind)});
    // The quota is judged only for an otherwise acceptable row: a row refused anyway would
    // only repeat the count of secondees it would not have added. Without a limit
    // (max_per_host_per_batch = 0) there is nothing to count.
    const bool limited = config_.policy.max_per_host_per_batch > 0;
    // An edit that keeps the host and batch takes no new place: it is not judged again.
    const bool counted = replacing && host && store_.counts_as_hosted(*replacing, host->id, a.batch_year);
    std::int64_t hosted = limited && host && problems.empty() && !counted ? hosted_count(host->id, a.batch_year) : 0;
    if (problems.empty() && over_host_quota(hosted, config_.policy)) {
        if (policy_.override_quota) out.over_quota = true;
        else
            problems.push_back({Field::host_unit, "",
                                problem(Parameter::override_quota, ProblemCode::quota_exceeded, a.host_unit.name, hosted,
                                        a.batch_year, config_.policy.max_per_host_per_batch)});
    }
    if (!problems.empty()) {
        if (fresh != 0) {
            // Deleting a cadre looks for rows that refer to it; not worth it for every row
            // of a file that will not be committed anyway.
            store_.delete_new_cadre(fresh);
            insert_first_ = false;
        }
        return out; // nothing was written for this row
    }

    std::int64_t home_id = unit_id(a.home_unit, home);
    std::int64_t host_id = unit_id(a.host_unit, host);
    if (replacing) {
        store_.update_assignment(*replacing, a, home_id, host_id);
        out.id = *replacing;
    } else {
        std::int64_t cadre_id = stored ? stored->id : fresh != 0 ? fresh : store_.insert_cadre(a.cadre);
        if (!stored && !first_inserted_cadre_) first_inserted_cadre_ = cadre_id;
        if (fresh != 0) store_.insert_categories(fresh, a.cadre.categories);
        out.id = store_.insert_assignment(a, cadre_id, home_id, host_id);
    }
    if (batch_ && limited) {
        // Not yet counted (a host new to the database): count it, this row included.
        auto [it, added] = hosted_.try_emplace(host_key(host_id, a.batch_year), 0);
        if (added) it->second = store_.count_hosted(host_id, a.batch_year);
        else ++it->second;
    }
    if (out.over_quota)
        insert_event(store_.db(), out.id, "quota_override", a.start, policy_.recorded_by, policy_.override_reason,
                     fmt::format(R"({{"host_unit":{},"already":{},"max_per_host_per_batch":{}}})",
                                 json_quote(a.host_unit.name), hosted, config_.policy.max_per_host_per_batch));
    out.kind = RecordOutcome::Kind::inserted;
    return out;
}

} // namespace guazhi
