// What the store reads back for the listings, views and exports: plain values that render
// shows and lib/app gathers, so that render needs no store header (issue "lib/app").
#pragma once

#include "domain/appraisal.hpp"
#include "domain/dimension.hpp"
#include "domain/model.hpp"
#include "domain/rules.hpp"
#include "domain/schedule.hpp"
#include "domain/stats.hpp"
#include "util/date.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace guazhi {

// Which versions of a record a listing holds: the current ones, or the replaced ones too
// (`--history`): reports replaced by a resubmission, appraisals by a correction.
enum class Versions { current, with_replaced };

// ---- appraisals (store/appraisals.hpp) ----

// A cadre as a clerk names one: by ID number, or by one of the cadre's assignments (then
// `assignment_id` is set).
struct CadreRef {
    std::int64_t cadre_id = 0;
    Cadre cadre;
    std::optional<std::int64_t> assignment_id;
};

// Everything recorded about a cadre's appraisals (`appraise show`).
struct AssignmentAppraisals {
    Assignment assignment;
    std::vector<Recommendation> recommendations; // one per assessment year of the term
    std::vector<FinalAppraisal> finals;          // the current first; replaced ones with history
};
struct CadreAppraisals {
    Cadre cadre;
    std::vector<AnnualAssessment> annual; // by year
    std::vector<AssignmentAppraisals> assignments; // the one asked for, or all of the cadre's
};

// One assignment in `appraise recommend`.
struct RecommendationRow {
    Assignment assignment;
    std::optional<AnnualAssessment> assessment; // the year's, when any part is recorded
    Recommendation recommendation;
};
// A host unit's 优秀 grades against the configured cap.
// The 优秀 grades of a year against the cap (excellent_cap). With one secondee per host a
// cap per host would allow none (⌊0.2 × 1⌋ = 0), so the cap is over the year's secondees as
// one group: those with a grade (is_graded) on an assignment, all hosts together.
struct YearExcellence {
    std::int64_t graded = 0, excellent = 0, recommended = 0;
    std::optional<std::int64_t> cap; // none when excellent_cap_share is 0
    bool over() const { return cap && excellent > *cap; }
};
struct Recommendations {
    std::vector<RecommendationRow> rows;
    YearExcellence excellence;
};

// ---- reports (store/reports.hpp) ----

struct Attachment {
    std::string name;
    std::int64_t size = 0;
    std::string sha256;
};

struct Report {
    std::int64_t id = 0;
    std::int64_t assignment_id = 0;
    std::string cadre_name;
    std::string kind;   // quarterly | semiannual | final
    std::string period; // the schedule's label
    util::Date period_start, period_end, submitted_on;
    std::string recipient; // home | orgdept | both
    std::string recorded_by, recorded_at;
    std::optional<std::int64_t> superseded_by;
    std::optional<Attachment> attachment;
};

// One owed report not yet submitted (or the 鉴定 not yet written: kind "final_appraisal").
struct DueReport {
    Assignment assignment;
    ReportPeriod period;
    std::int64_t days_overdue = 0; // negative: due in that many days (within the grace, or before the term's end)
    std::string recipient;         // a quarterly report's: still owed to home | orgdept | both; "" for the others
};

// How one owed report stands on `filter.as_of`.
enum class Standing { on_time, late, missing, pending };

// Counts of owed reports by standing (indexed by Standing), per group and kind.
using StandingCounts = std::array<std::int64_t, 4>;
enum class ComplianceGroup { all, county, host };
struct ComplianceRow {
    std::string group; // "" for all; the home unit's county; the host unit
    std::string kind;
    StandingCounts counts{};
};

// ---- statistics (store/stats_query.hpp) ----

// One group of `stats --by`: the values of the dimensions (codes; kNone for absent) and its
// figures. A cadre in several categories is counted in each category's group.
struct GroupStats {
    std::vector<std::string> key;
    YearStats stats;
};

// A summary with its distributions (value → count), in the dimensions' orders.
struct SummaryCounts {
    YearStats stats;
    std::vector<std::pair<Dimension, std::vector<std::pair<std::string, std::int64_t>>>> distributions;
};

} // namespace guazhi
