#include "domain/term_dates.hpp"

#include "domain/rules.hpp"
#include "util/text.hpp"

namespace guazhi {

std::optional<Problem> refuse_filing_date(util::Date doc_date, util::Date filed_on, Parameter given) {
    // Seed: "任职文件报市委组织部备案" — what is filed is the document, so not before it exists.
    if (filed_on < doc_date)
        return problem(given, ProblemCode::filed_before_document, filed_on.iso(), doc_date.iso());
    return std::nullopt;
}

std::optional<Problem> refuse_united_front_date(util::Date doc_date, util::Date copied_on, Parameter given) {
    // Seed: "党外干部的任职文件，抄送市委统战部" — a copy of the document, so not before it exists.
    if (copied_on < doc_date)
        return problem(given, ProblemCode::united_front_before_document, copied_on.iso(), doc_date.iso());
    return std::nullopt;
}

std::optional<Problem> refuse_election_date(const Assignment& a, util::Date election_date) {
    // Seed: "下派干部，拟任副乡镇长，并请各县（区）及时安排召开一次人代会进行选举" — the election
    // makes the secondee deputy township head for the term; not before it, nor after it ended.
    if (election_date < a.start || election_date > a.effective_end())
        return problem(Parameter::election_date, ProblemCode::election_outside_term, election_date.iso(),
                       a.start.iso(), a.effective_end().iso());
    return std::nullopt;
}

std::optional<Problem> refuse_note_date(const Assignment& a, util::Date day, const Policy& policy) {
    // DOMAIN.md rule 5 and issue 19: talks, visits and inspections are the care of a secondee
    // during the term; a visit just before the start or an inspection just after the end is
    // usual, so `note_margin_days` either side is allowed.
    int margin = policy.note_margin_days;
    if (day < a.start.plus_days(-margin) || day > a.effective_end().plus_days(margin))
        return problem(Parameter::date, ProblemCode::note_outside_term, day.iso(), a.start.iso(),
                       a.effective_end().iso(), margin);
    return std::nullopt;
}

std::optional<Problem> refuse_note_text(std::string_view text) {
    // Issue 19: "a note with empty text" — a note records what was said or found.
    // Blank is empty too: spaces, U+3000 and invisible characters (util::clean) say nothing.
    if (util::clean(text).empty()) return problem(Parameter::text, ProblemCode::note_empty);
    return std::nullopt;
}

std::optional<Problem> refuse_submission_date(util::Date submitted_on, util::Date today) {
    // Issue 19: "a report submitted after today, or after the as-of day" — a submission is recorded
    // once it happened.
    if (submitted_on > today)
        return problem(Parameter::submitted_on, ProblemCode::submitted_in_future, submitted_on.iso(), today.iso());
    return std::nullopt;
}

std::optional<Problem> refuse_decision_date(int year, util::Date decided_on) {
    // DOMAIN.md rule 6: "Annual assessment in the secondment year is done by the host unit" —
    // and issue 19: not "decided before the end of the year it judges". The civil-service rule
    // (公务员考核规定) holds it "一般在每年年末或者翌年年初进行": the year's end is its last
    // month, so a decision from December 1 on judges the year; one before is refused.
    util::Date year_end{year, 12, 1};
    if (decided_on < year_end)
        return problem(Parameter::date, ProblemCode::decided_before_year_end, decided_on.iso(), year, year_end.iso());
    return std::nullopt;
}

std::optional<Problem> refuse_term_length(const Assignment& a, util::Date until, const Policy& policy) {
    // Seed: "挂职期均为一年" and issue 19: secondments are 1–2 years, so an extension may not make
    // the term longer than `max_term_months` (default 24).
    util::Date latest = default_end_date(a.start, policy.max_term_months);
    if (until > latest)
        return problem(Parameter::until, ProblemCode::extension_beyond_max, until.iso(), latest.iso(),
                       policy.max_term_months, a.start.iso());
    return std::nullopt;
}

} // namespace guazhi
