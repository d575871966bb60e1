#include "problem_text.hpp"

#include <array>
#include <fmt/format.h>

namespace guazhi {

namespace {

// The domain names, in the order of the enumeration.
constexpr std::array<std::string_view, static_cast<std::size_t>(Parameter::count_)> kNames = {
    "",           "assignment",  "year",        "assessing_unit", "home_note",   "replace",      "early",
    "period",     "submitted_on", "attach",        "post_level",  "doc_number",   "mentor",
    "division_of_work", "reason", "text",          "home_consent", "host_consent", "note",
    "handover",   "unfinished",  "arrangement",    "post",        "date",         "until",
    "override_quota", "county",  "host",           "requested",   "sheet",        "encoding",
    "format",     "map",         "ignore_unknown_columns", "reveal_id", "db",     "dimensions",
    "help",       "status",     "cascade",     "since",       "event",       "update",      "recorded_by", "override_rule", "doc_date", "filed", "united_front", "election_date", "kind", "output",
};

// Where the subject's name stands: before a colon (NAME: 2300 is outside …), before the
// sentence (NAME 2007-07-01 is not after …), or nowhere (the sentence names what it needs).
enum class Placement { colon, space, unnamed };

Placement placement(ProblemCode c) {
    switch (c) {
    case ProblemCode::too_long:
    case ProblemCode::attach_not_file:
    case ProblemCode::attach_unreadable:
    case ProblemCode::attach_changed:
    case ProblemCode::attach_too_large:
    case ProblemCode::extension_not_later:
    case ProblemCode::recall_outside_term:
    case ProblemCode::follow_up_too_early:
    case ProblemCode::early_without_reason:
    case ProblemCode::election_outside_term:
    case ProblemCode::note_outside_term:
    case ProblemCode::submitted_in_future:
    case ProblemCode::decided_before_year_end:
    case ProblemCode::extension_beyond_max:
    case ProblemCode::handover_before_recall:
    case ProblemCode::xlsx_writer_missing: return Placement::space;
    case ProblemCode::year_out_of_range:
    case ProblemCode::year_outside_assignment:
    case ProblemCode::year_in_assignment:
    case ProblemCode::required:
    case ProblemCode::negative:
    case ProblemCode::period_unresolved:
    case ProblemCode::submitted_before_period:
    case ProblemCode::sheet_of_text_file:
    case ProblemCode::dimension_unknown:
    case ProblemCode::dimension_twice:
    case ProblemCode::dimension_missing:
    case ProblemCode::status_unknown:
    case ProblemCode::note_empty:
    case ProblemCode::since_in_future:
    case ProblemCode::control_character: return Placement::colon;
    default: return Placement::unnamed;
    }
}

// What an annual assessment's conflicting part is called, and how its value is shown.
std::string conflict(std::string_view what, const std::string& recorded, const std::string& given) {
    if (what == "unit") return fmt::format("unit '{}' (given '{}')", recorded, given);
    if (what == "home_note") return fmt::format("home unit's note '{}' (given '{}')", recorded, given);
    if (what == "outstanding") {
        auto yes_no = [](const std::string& b) { return b == "true" ? "yes" : "no"; };
        return fmt::format("outstanding {} (given {})", yes_no(recorded), yes_no(given));
    }
    return fmt::format("{} {} (given {})", what, recorded, given); // grade, votes, date
}

std::string sentence(const Problem& p, const Namer& name) {
    const auto& a = p.args;
    auto arg = [&](std::size_t i) -> const std::string& {
        static const std::string kNone;
        return i < a.size() ? a[i] : kNone;
    };
    switch (p.code) {
    case ProblemCode::assignment_unknown: return fmt::format("no assignment #{}", arg(0));
    case ProblemCode::cadre_unknown: return fmt::format("no cadre #{}", arg(0));
    case ProblemCode::too_long: return fmt::format("is {} characters long; at most {} are taken", arg(0), arg(1));
    case ProblemCode::year_out_of_range: return fmt::format("{} is outside 1949..2100", arg(0));
    case ProblemCode::year_outside_assignment:
        return fmt::format("{} is outside assignment #{} ({} to {}); years outside every term are recorded with `appraise history`",
                           arg(0), arg(1), arg(2), arg(3));
    case ProblemCode::year_in_assignment:
        return fmt::format("{} falls in assignment #{}; record it with `appraise annual {}`", arg(0), arg(1), arg(1));
    case ProblemCode::annual_conflict: {
        std::vector<std::string> parts;
        for (std::size_t i = 2; i + 2 < a.size(); i += 3) parts.push_back(conflict(a[i], a[i + 1], a[i + 2]));
        return fmt::format("the {} assessment of {} already records {}; {} changes it and keeps the earlier record in "
                           "the history",
                           arg(0), arg(1), fmt::join(parts, ", "), name(Parameter::replace));
    }
    case ProblemCode::final_exists:
        return fmt::format("assignment #{} already has a final appraisal (#{}, written {} by {}); {} replaces it and "
                           "keeps it in the history",
                           arg(0), arg(1), arg(2), arg(3), name(Parameter::replace));
    case ProblemCode::final_before_term: return fmt::format("{} is before the term began ({})", arg(0), arg(1));
    case ProblemCode::final_early:
        return fmt::format("{} is before the end of the term ({}); an earlier appraisal needs {} and {}", arg(0), arg(1),
                           name(Parameter::early), name(Parameter::reason));
    case ProblemCode::early_without_reason:
        return fmt::format("needs {}: why the appraisal is written before the term ends", name(Parameter::reason));
    case ProblemCode::required:
        return p.subject == Parameter::host ? std::string("the host unit is required") : std::string("is required");
    case ProblemCode::negative: return "must not be negative";
    case ProblemCode::attach_not_file: return fmt::format("{}: not a readable file", arg(0));
    case ProblemCode::attach_unreadable: return fmt::format("{}: cannot read: {}", arg(0), arg(1));
    case ProblemCode::attach_changed:
        return fmt::format("{}: the file changed or could not be read while storing it", arg(0));
    case ProblemCode::attach_too_large:
        return fmt::format("{}: {} bytes is larger than the limit of {} bytes (max_attachment_mib)", arg(0), arg(1),
                           arg(2));
    case ProblemCode::period_unresolved: return arg(0);
    case ProblemCode::submitted_before_period:
        return fmt::format("{} is before the period {} began ({})", arg(0), arg(1), arg(2));
    case ProblemCode::report_exists:
        return fmt::format("report #{} ({} {}, submitted {}) is already recorded; {} replaces it and keeps it in the "
                           "history",
                           arg(0), arg(1), arg(2), arg(3), name(Parameter::replace));
    case ProblemCode::extension_without_consent:
        return fmt::format("an extension needs the home unit's consent (派出单位同意): give {}",
                           name(Parameter::home_consent));
    case ProblemCode::extension_after_recall: return fmt::format("the assignment was recalled on {}", arg(0));
    case ProblemCode::extension_not_later:
        return fmt::format("{} is not after the current end of the term {}", arg(0), arg(1));
    case ProblemCode::recall_reason_unknown:
        return fmt::format("unknown recall reason '{}' (promotion, education-campaign or special)", arg(0));
    case ProblemCode::recall_without_consent:
        return fmt::format("a recall for special work needs the host unit's consent (接收单位同意): give {}",
                           name(Parameter::host_consent));
    case ProblemCode::recall_again: return fmt::format("the assignment was already recalled on {}", arg(0));
    case ProblemCode::recall_outside_term:
        return fmt::format("{} must fall within the term {}..{} (before its last day)", arg(0), arg(1), arg(2));
    case ProblemCode::completion_after_recall:
        return fmt::format("the assignment was recalled on {}; it cannot be completed (record its handover with {})",
                           arg(0), name(Parameter::handover));
    case ProblemCode::completion_early:
        return fmt::format("{} is before the end of the term {}; an early end is a recall (assign recall)", arg(0),
                           arg(1));
    case ProblemCode::election_not_down:
        return "only down-dispatched (下派) cadres are elected by a township people's congress";
    case ProblemCode::election_result_unknown:
        return fmt::format("election result '{}' is not elected or not_elected", arg(0));
    case ProblemCode::united_front_party_member:
        return fmt::format("{} is not a non-Party cadre; only non-Party cadres' documents are copied to the United "
                           "Front Work Department",
                           arg(0));
    case ProblemCode::party_transfer_non_member:
        return fmt::format("{} is not a CPC member; only Party members transfer a Party relationship", arg(0));
    case ProblemCode::follow_up_too_early:
        return fmt::format("{} is not after the cadre's first secondment began ({})", arg(0), arg(1));
    case ProblemCode::sheet_of_text_file: return fmt::format("{} is a text file, not a workbook (it has no sheets)", arg(0));
    case ProblemCode::xlsx_writer_missing:
        return fmt::format("xlsx needs libxlsxwriter (Debian package libxlsxwriter4): {}", arg(0));
    case ProblemCode::required_for: return fmt::format("{}: give {}", arg(0), name(p.subject));
    case ProblemCode::no_database:
        return fmt::format("{}: no database here; create one with `guazhi init` (or pass {})", arg(0),
                           name(Parameter::db));
    case ProblemCode::dimension_unknown: {
        std::vector<std::string> keys(a.begin() + (a.empty() ? 0 : 1), a.end());
        return fmt::format("unknown dimension '{}' (one of: {})", arg(0), fmt::join(keys, ", "));
    }
    case ProblemCode::dimension_twice: return fmt::format("'{}' is given twice", arg(0));
    case ProblemCode::dimension_missing:
        return fmt::format("give at least one dimension, e.g. {} direction", name(Parameter::dimensions));
    case ProblemCode::column_unknown:
        return fmt::format("{}: unknown column '{}' (use {} to skip it, or {} '{}=FIELD' to read it)", arg(0), arg(1),
                           name(Parameter::ignore_unknown_columns), name(Parameter::map), arg(1));
    case ProblemCode::column_duplicate:
        return fmt::format("{}: duplicate column '{}': column {} ('{}') already means {}", arg(0), arg(1), arg(2),
                           arg(3), arg(4));
    case ProblemCode::header_more_problems:
        return fmt::format("{}: … and {} more problems in the header", arg(0), arg(1));
    case ProblemCode::header_not_found:
        return fmt::format("{}: no header row in the first {} rows: none names the roster's columns (身份证号, 姓名, "
                           "政治面貌, 派出单位, 接收单位, 开始日期 …; see guazhi assign import {})",
                           arg(0), arg(1), name(Parameter::help));
    case ProblemCode::header_missing_columns:
        return fmt::format("{}: missing required column {} (of the first {} rows, this one comes closest to a header: "
                           "{}; name the columns in the header, or {} 'HEADER=FIELD')",
                           arg(0), arg(1), arg(2), arg(3), name(Parameter::map));
    case ProblemCode::quota_exceeded:
        return fmt::format("'{}' already receives {} secondee(s) in batch {} (max_per_host_per_batch = {}); to exceed "
                           "it give {} {} \"…\"",
                           arg(0), arg(1), arg(2), arg(3), name(Parameter::override_quota), name(Parameter::reason));
    case ProblemCode::since_required:
        return fmt::format("{} changes on a date: give {} DATE, the day it took effect (or {} first to correct the "
                           "value recorded from the first record on)",
                           arg(0), name(Parameter::since), name(Parameter::since));
    case ProblemCode::since_not_dated:
        return fmt::format("{} does not change over time: it is corrected (give {} \"…\" without {})", arg(0),
                           name(Parameter::reason), name(Parameter::since));
    case ProblemCode::correction_without_reason:
        return fmt::format("correcting {} needs {} \"…\" (why the record was wrong), kept in the log", arg(0),
                           name(Parameter::reason));
    case ProblemCode::since_in_future: return fmt::format("{} is after today", arg(0));
    case ProblemCode::event_unknown: return fmt::format("no event #{}", arg(0));
    case ProblemCode::assessor_not_host:
        // Seed: "今年挂职干部的年度考核，由接收单位负责".
        return fmt::format("the annual assessment of {} is made by the host unit (年度考核由接收单位负责): {} '{}' is not "
                           "{}'s host '{}'; to record it anyway give {} {} \"…\"",
                           arg(0), name(Parameter::assessing_unit), arg(1), fmt::format("assignment #{}", arg(3)), arg(2),
                           name(Parameter::override_rule), name(Parameter::reason));
    case ProblemCode::author_not_host:
        return fmt::format("the final appraisal (鉴定) is written by the host unit: {} '{}' is not {}'s host '{}'; to "
                           "record it anyway give {} {} \"…\"",
                           name(Parameter::assessing_unit), arg(0), fmt::format("assignment #{}", arg(2)), arg(1),
                           name(Parameter::override_rule), name(Parameter::reason));
    case ProblemCode::recorder_is_unit:
        return fmt::format("'{}' reads as a unit, but {} names the person recording (王科员); the assessing or authoring "
                           "unit is given with {}",
                           arg(0), name(Parameter::recorded_by), name(Parameter::assessing_unit));
    case ProblemCode::override_without_reason:
        return fmt::format("{} needs {} \"…\", which is recorded", name(Parameter::override_rule), name(Parameter::reason));
    case ProblemCode::control_character:
        return "contains a control character (an invisible character such as an escape or NUL); retype the text";
    case ProblemCode::name_mismatch:
        return fmt::format("the name '{}' is not that of {}'s cadre, '{}'", arg(0), fmt::format("assignment #{}", arg(2)), arg(1));
    case ProblemCode::cadre_differs:
        return fmt::format("{} is recorded with other data — {} {}{}", arg(0), arg(1), arg(2),
                           arg(3).empty() ? ""
                                          : fmt::format(" (to record the file's values give {}: dated fields "
                                                        "change from the row's start date, the rest are corrected)",
                                                        name(Parameter::update)));
    case ProblemCode::event_not_note:
        return fmt::format("event #{} is a {} event, a change of the term, not a note: undo the command that made it "
                           "(see guazhi log)",
                           arg(0), arg(1));
    case ProblemCode::filed_before_document:
        return fmt::format("{} {} is before {} {}: a document is filed after it is issued", name(Parameter::filed),
                           arg(0), name(Parameter::doc_date), arg(1));
    case ProblemCode::united_front_before_document:
        return fmt::format("{} {} is before {} {}: the document is copied to the United Front Work Department after "
                           "it is issued",
                           name(Parameter::united_front), arg(0), name(Parameter::doc_date), arg(1));
    case ProblemCode::election_outside_term:
        return fmt::format("{} is outside the term {}..{}: the township people's congress elects a secondee during "
                           "the term",
                           arg(0), arg(1), arg(2));
    case ProblemCode::note_outside_term:
        return fmt::format("{} is more than {} days outside the term {}..{} (note_margin_days)", arg(0), arg(3), arg(1),
                           arg(2));
    case ProblemCode::note_empty: return "is empty: a note says what was said or found";
    case ProblemCode::submitted_in_future: return fmt::format("{} is after today ({})", arg(0), arg(1));
    case ProblemCode::decided_before_year_end:
        return fmt::format("{} is before the end of {}, the year the assessment judges: it is decided at the year's "
                           "end (年末, from {}) or later",
                           arg(0), arg(1), arg(2));
    case ProblemCode::extension_beyond_max:
        return fmt::format("{} is beyond the longest term of {} months from {} (max_term_months): the last day may be "
                           "{} at the latest",
                           arg(0), arg(2), arg(3), arg(1));
    case ProblemCode::host_kind_contradicts:
        // args: host, the kind its name says (label, code), the direction (label, code), the
        // kind that direction needs (label, code).
        return fmt::format("'{0}' is named like a {1} ({2}), but a {3} ({4}) secondment goes to a {5} ({6}); if '{0}' "
                           "really is a {5}, record it first with `guazhi unit set {0} {7} {6}`, else correct the "
                           "direction or the host unit",
                           arg(0), arg(1), arg(2), arg(3), arg(4), arg(5), arg(6), name(Parameter::kind));
    case ProblemCode::handover_before_recall:
        return fmt::format("{} is before the recall ({}): the handover of a recalled term is on or after its last day",
                           arg(0), arg(1));
    case ProblemCode::attachment_name_unsafe:
        return fmt::format("report #{}: the attachment's stored name '{}' {}, so it is not written under it; name the "
                           "file with {}",
                           arg(0), arg(1), arg(2), name(Parameter::output));
    case ProblemCode::count_: break;
    case ProblemCode::not_utf8:
        return fmt::format("{}: invalid UTF-8 (if the file is GBK, use {} gbk)", arg(0), name(Parameter::encoding));
    case ProblemCode::status_unknown:
        return fmt::format("unknown status '{}' (planned, active, extended, recalled or completed)", arg(0));
    case ProblemCode::id_masked:
        return fmt::format("ID number '{}' is masked; export again with {} to import", arg(0), name(Parameter::reveal_id));
    case ProblemCode::assignment_has_records: {
        // The counts as given ("0" or "" for none); one record in all "depends".
        std::vector<std::string> held;
        bool one_record = true;
        auto add = [&](std::size_t i, std::string_view one, std::string_view many) {
            const std::string& n = arg(i);
            if (n.empty() || n == "0") return;
            one_record = held.empty() && n == "1";
            held.push_back(fmt::format("{} {}", n, n == "1" ? one : many));
        };
        add(0, "report", "reports");
        add(1, "annual assessment", "annual assessments");
        add(2, "final appraisal", "final appraisals");
        add(3, "event", "events");
        if (arg(4) == "1") {
            one_record = held.empty();
            held.emplace_back("its appointment record");
        }
        return fmt::format("{} {} on it; nothing was deleted (with {} they are deleted too)", fmt::join(held, ", "),
                           one_record && held.size() == 1 ? "depends" : "depend", name(Parameter::cascade));
    }
    case ProblemCode::export_masked:
        return fmt::format("{}: its ID numbers are masked, so its cadres cannot be told apart; export again with "
                           "`guazhi export all {} json {}`",
                           arg(0), name(Parameter::format), name(Parameter::reveal_id));
    }
    return fmt::format("problem {}", static_cast<int>(p.code));
}

} // namespace

std::string_view domain_name(Parameter p) {
    return kNames.at(static_cast<std::size_t>(p));
}

std::string by_domain_name(Parameter p) {
    return std::string(domain_name(p));
}

std::string describe(const Problem& p, const Namer& name, SubjectNamed subject) {
    std::string text = sentence(p, name);
    if (subject == SubjectNamed::yes && p.subject != Parameter::none) {
        switch (placement(p.code)) {
        case Placement::colon: text = fmt::format("{}: {}", name(p.subject), text); break;
        case Placement::space: text = fmt::format("{} {}", name(p.subject), text); break;
        case Placement::unnamed: break;
        }
    }
    if (p.assignment) text = fmt::format("assignment #{}: {}", *p.assignment, text);
    return text;
}

std::string describe(const std::vector<Problem>& problems, const Namer& name) {
    std::vector<std::string> lines;
    for (const auto& p : problems) lines.push_back(describe(p, name));
    return fmt::format("{}", fmt::join(lines, "\n"));
}

ProblemError::ProblemError(Problem p) : Error(describe(p, by_domain_name)), problem_(std::move(p)) {}

ProblemsError::ProblemsError(std::vector<Problem> problems)
    : Error(describe(problems, by_domain_name)), problems_(std::move(problems)) {}

} // namespace guazhi
