// lib/app: a cadre's profile and its corrections (`cadre show`, `cadre edit`; issue
// "corrections"). A dated attribute changes from a day on (domain/cadre_history.hpp); any
// other field, or a dated one "since the first record", is corrected, with a reason.
#pragma once

#include "domain/cadre_history.hpp"
#include "domain/roster.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guazhi::app {

// `cadre show`: the cadre a clerk names (an ID number, or the id of one of its assignments).
CadreProfile cadre_profile(Database& db, std::string_view cadre);

// What `cadre edit` is given: each field and its text (cleaned), as a roster cell would be.
struct CadreEdit {
    std::vector<std::pair<Field, std::string>> values;
    // The day the dated attributes given change; none with since_first, a correction of the
    // values recorded "since the first record".
    std::optional<util::Date> since;
    bool since_first = false;
    std::string reason;
    std::string by;
};

// One field as it was and as it is now; for a dated change the day, else a correction.
struct FieldChange {
    std::string field, before, after;
    std::optional<util::Date> since;
    bool changed = true; // false: it already was so, nothing recorded
};

struct CadreEdited {
    bool committed = false;
    std::vector<FieldProblem> problems; // values refused: nothing changed
    Cadre cadre;                        // as first recorded, before the edit
    std::vector<FieldChange> changes;   // in the order given
};

// Records the edit in one transaction. Throws ProblemError: since_required (a dated attribute
// without a day), since_not_dated (a day for a field that does not change over time),
// correction_without_reason, since_in_future, and resolve_cadre's. Values that do not read
// are problems, returned with nothing changed.
CadreEdited edit_cadre(Database& db, std::string_view cadre, const CadreEdit& edit);

} // namespace guazhi::app
