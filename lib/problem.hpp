// Problems as values (issue "lib/app"): what a problem is about (its subject), what is wrong
// (its code) and the values its sentence needs (its arguments). Lib raises problems; it does
// not word them and it does not know how its caller names things. The sentence is made in
// one place per language (problem_text.cpp), through a Namer the caller gives: the command
// line names a parameter by its flag (--until), an import by the file's column (期次).
//
// Not every message of lib is a Problem yet: row-level field problems (FieldProblem) and the
// parsers in util still carry sentences, which issue "Chinese by default" turns into codes.
// Every message that names a parameter of a command is one.
#pragma once

#include "error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace guazhi {

// A value a command is given, by its domain name (problem_text.cpp: domain_name). The cli
// maps each to its flag; an import maps each to its column.
enum class Parameter : std::uint8_t {
    none,
    assignment, // the assignment (or cadre) a command is about
    // appraisals
    year,
    assessing_unit,
    home_note,
    replace,
    early,
    // reports
    period,
    submitted_on,
    attach,
    // the term (assign appoint, extend, recall, complete, note, follow-up)
    post_level,
    doc_number,
    mentor,
    division_of_work,
    reason,
    text,
    home_consent,
    host_consent,
    note,
    handover,
    unfinished,
    arrangement,
    post,
    date,
    until,
    override_quota,
    // units, applications
    county,
    host,
    requested,
    // reading and writing files
    sheet,
    encoding,
    format,
    map,
    ignore_unknown_columns,
    reveal_id,
    db,
    // stats
    dimensions,
    help,
    status,
    cascade,
    since,
    event,
    update,
    recorded_by, // who records (the clerk)
    override_rule, // a rule set aside, with a reason
    doc_date, // the appointment document's date (任职文件)
    filed, // filed with the Organization Department (备案)
    united_front, // copied to the United Front Work Department (抄送统战部)
    election_date, // the township people's congress election
    kind, // a unit's kind (unit set)
    output, // the file a command writes (-o)
    count_, // not a parameter: how many there are (keep last)
};

enum class ProblemCode : std::uint8_t {
    assignment_unknown,       // args: id
    cadre_unknown,            // id
    too_long,                 // characters, limit
    year_out_of_range,        // year
    year_outside_assignment,  // year, assignment, start, end
    year_in_assignment,       // year, assignment
    annual_conflict,          // year, name, then (what, recorded, given) for each conflict
    final_exists,             // assignment, appraisal, written_on, author
    final_before_term,        // day, start
    final_early,              // day, end
    early_without_reason,     //
    required,                 // (the subject is missing)
    negative,                 //
    attach_not_file,          // path
    attach_unreadable,        // path, why
    attach_changed,           // path
    attach_too_large,         // path, bytes, limit
    period_unresolved,        // what schedule.cpp says (a sentence; issue "Chinese by default")
    submitted_before_period,  // submitted, label, start
    report_exists,            // report, kind, label, submitted
    extension_without_consent,//
    extension_after_recall,   // recalled_on
    extension_not_later,      // until, end
    recall_reason_unknown,    // reason
    recall_without_consent,   //
    recall_again,             // recalled_on
    recall_outside_term,      // day, start, end
    completion_after_recall,  // recalled_on
    completion_early,         // day, end
    election_not_down,        //
    election_result_unknown,  // result
    united_front_party_member,// name
    party_transfer_non_member,// name
    follow_up_too_early,      // day, began
    sheet_of_text_file,       // file
    xlsx_writer_missing,      // why (dlerror)
    required_for,             // what needs it ("export applications")
    no_database,              // path
    dimension_unknown,        // key, then every known key
    dimension_twice,          // key
    dimension_missing,        //
    column_unknown,           // place, header
    column_duplicate,         // place, header, earlier column number, earlier header, field
    header_more_problems,     // place, count
    header_not_found,         // file, rows searched
    header_missing_columns,   // place, missing, rows searched, the closest row's cells
    quota_exceeded,           // host, hosted, batch, limit
    export_masked,            // file
    id_masked,                // the masked ID number
    status_unknown,           // the status given
    not_utf8,                 // FILE:LINE:COL
    assignment_has_records,   // reports, annual assessments, final appraisals, events, appointment (0/1)
    since_required,           // field (a dated attribute)
    since_not_dated,          // field
    correction_without_reason,// field
    since_in_future,          // day
    event_unknown,            // id
    event_not_note,           // id, kind (a term's change, not a note: undo its command)
    cadre_differs,            // masked ID number, name, the differences ("姓名: 张明 → 张敏; …"), "update" when offered
    assessor_not_host,        // year, unit, host, assignment
    author_not_host,          // unit, host, assignment
    recorder_is_unit,         // the text given as the person recording
    override_without_reason,  //
    name_mismatch,            // name given, name recorded, assignment
    filed_before_document,    // filed, document date (issue 19: dates that cannot be)
    united_front_before_document, // copied, document date
    election_outside_term,    // election day, start, end as served
    note_outside_term,        // day, start, end as served, margin in days
    note_empty,               //
    submitted_in_future,      // submitted, today (or the as-of day)
    decided_before_year_end,  // decided, year, the first day of the year's end (12-01)
    extension_beyond_max,     // until, latest allowed, max_term_months, start
    host_kind_contradicts,    // host, its name's kind (label, code), direction (label, code), kind needed (label, code)
    handover_before_recall,   // day, recalled_on
    attachment_name_unsafe,   // report, the stored name (printable), what is wrong with it
    control_character,        // (the subject holds an escape, a NUL …)
    count_,                   // not a code: how many there are (keep last)
};

// An assignment a problem is about, named before the sentence ("assignment #12: …").
struct Problem {
    Parameter subject = Parameter::none;
    ProblemCode code{};
    std::vector<std::string> args;
    std::optional<std::int64_t> assignment;
    // The arguments given as Messages (a sentence of their own, such as what schedule.cpp says
    // of a period), by their index in `args`, which holds their English: worded in the reader's
    // language.
    std::vector<std::pair<std::size_t, Message>> sentences = {};
};

// Builds a Problem, each argument as fmt formats it.
template <class... Args> Problem problem(Parameter subject, ProblemCode code, const Args&... args);

// A command refused for a Problem. what() words it in English with the parameters' domain
// names, for logs and tests; the cli words it with its flags (problem_text.hpp).
class ProblemError : public Error {
  public:
    explicit ProblemError(Problem p);
    const Problem& problem() const { return problem_; }

  private:
    Problem problem_;
};

// Several problems found at once (a file's header); one line each.
class ProblemsError : public Error {
  public:
    explicit ProblemsError(std::vector<Problem> problems);
    const std::vector<Problem>& problems() const { return problems_; }

  private:
    std::vector<Problem> problems_;
};

} // namespace guazhi

#include <fmt/format.h>

namespace guazhi {
namespace detail {
template <class T> void keep_sentence(Problem& p, std::size_t i, const T& arg) {
    if constexpr (std::is_same_v<T, Message>) p.sentences.emplace_back(i, arg);
}
} // namespace detail

template <class... Args> Problem problem(Parameter subject, ProblemCode code, const Args&... args) {
    Problem p{subject, code, {fmt::format("{}", args)...}, std::nullopt};
    std::size_t i = 0;
    (detail::keep_sentence(p, i++, args), ...);
    (void)i; // no arguments
    return p;
}
} // namespace guazhi
