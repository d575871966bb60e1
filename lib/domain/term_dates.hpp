// Dates that cannot be (issue 19): each rule one function, with the sentence it comes from.
// Each returns why a date is refused — a Problem naming both dates — or nullopt. The commands
// that take these dates refuse with them (store/lifecycle, store/reports, store/appraisals),
// and `guazhi check` (store/check) finds the same in data already stored, through the same
// functions.
#pragma once

#include "problem.hpp"

#include "domain/model.hpp"
#include "domain/policy.hpp"

#include <optional>
#include <string_view>

namespace guazhi {

// An appointment document is filed with the Organization Department on or after its date.
std::optional<Problem> refuse_filing_date(util::Date doc_date, util::Date filed_on, Parameter given);

// A non-Party cadre's document is copied to the United Front Work Department on or after its date.
std::optional<Problem> refuse_united_front_date(util::Date doc_date, util::Date copied_on, Parameter given);

// The township people's congress elects a down-dispatched cadre within the term as served
// (start to the effective end: a recall or an extension counts).
std::optional<Problem> refuse_election_date(const Assignment& a, util::Date election_date);

// A note (谈心谈话, 看望, 考察 …) is dated within the term as served, give or take
// `note_margin_days`.
std::optional<Problem> refuse_note_date(const Assignment& a, util::Date day, const Policy& policy);

// A note says something: its text is not empty (nor only spaces).
std::optional<Problem> refuse_note_text(std::string_view text);

// A report is submitted on a day that has come: not after `today` (or the as-of day).
std::optional<Problem> refuse_submission_date(util::Date submitted_on, util::Date today);

// An annual assessment judges a year at its end: decided in its last month (from 12-01) or later.
std::optional<Problem> refuse_decision_date(int year, util::Date decided_on);

// A term extended to `until` runs at most `max_term_months` from its start (last day as
// default_end_date counts it).
std::optional<Problem> refuse_term_length(const Assignment& a, util::Date until, const Policy& policy);

} // namespace guazhi
