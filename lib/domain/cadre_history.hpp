// A cadre's record over time (issue "corrections"): the attributes that change on a date, and
// which value was in force on a day. The cadre row holds each value "since the first record";
// a dated change holds from its day on, until the next one.
//
// A secondment is judged by the values in force on its start date: the figures of the 2006
// batch stay those of 2006 after a cadre joins the Party in 2008, and a 2009 secondment of him
// counts a Party member. The start date (not the batch year's first day, nor the end) because
// it is the day the cadre's record was read to select and send him.
#pragma once

#include "domain/model.hpp"
#include "util/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// The columns of a cadre that change on dates, as cadre_values.attribute names them.
const std::vector<std::string_view>& dated_attributes();
bool is_dated_attribute(std::string_view field);

// The fields a correction may set (a value recorded wrongly, not a change over time).
const std::vector<std::string_view>& correctable_fields();

// One dated change: from `since` on, `attribute` is `value` (for categories, the codes joined
// by ';' in vocabulary order, '' for none).
struct DatedValue {
    std::int64_t id = 0;
    std::string attribute;
    util::Date since;
    std::string value;
    std::string reason, recorded_by, recorded_at;
};

// One correction: `field` was `before`, is `after`.
struct CadreCorrection {
    std::int64_t id = 0;
    std::string field, before, after, reason, recorded_by, recorded_at;
};

// The text of an attribute on a cadre (categories joined by ';'), and setting it.
std::string attribute_value(const Cadre& c, std::string_view attribute);
void set_attribute(Cadre& c, std::string_view attribute, const std::string& value);

// The cadre as on `day`: each dated attribute takes the value of the latest change with
// since <= day; `values` may be in any order. The rule the SQL of store/cadre_values.hpp
// computes too.
Cadre in_force(Cadre baseline, const std::vector<DatedValue>& values, util::Date day);

// A cadre's profile with its history (`cadre show`).
struct CadreProfile {
    std::int64_t cadre_id = 0;
    Cadre recorded;  // as first recorded (the cadre row)
    Cadre current;   // in force today
    std::vector<DatedValue> values;            // by attribute, then since
    std::vector<CadreCorrection> corrections;  // oldest first
    std::vector<std::int64_t> assignments;     // ids, by start date
};

} // namespace guazhi
