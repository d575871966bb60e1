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
Message conflict(std::string_view what, const std::string& recorded, const std::string& given) {
    if (what == "unit") return msg("unit '{}' (given '{}')", recorded, given);
    if (what == "home_note") return msg("home unit's note '{}' (given '{}')", recorded, given);
    if (what == "outstanding") {
        auto yes_no = [](const std::string& b) { return Message(b == "true" ? N_("yes") : N_("no")); };
        return msg("outstanding {} (given {})", yes_no(recorded), yes_no(given));
    }
    if (what == "grade") return msg("grade {} (given {})", recorded, given);
    if (what == "votes") return msg("votes {} (given {})", recorded, given);
    if (what == "date") return msg("date {} (given {})", recorded, given);
    return msg("{} {} (given {})", std::string(what), recorded, given);
}

// The i-th argument as a sentence: the Message problem() was given there, else the text (a
// text that is one of the catalog's is translated; a value is not one).
Message sentence_arg(const Problem& p, std::size_t i) {
    for (const auto& [at, m] : p.sentences)
        if (at == i) return m;
    return i < p.args.size() ? Message(p.args[i]) : Message();
}

Message sentence(const Problem& p, const Namer& name) {
    const auto& a = p.args;
    // The i-th argument's text, for the cases that test it.
    auto text = [&](std::size_t i) -> const std::string& {
        static const std::string kNone;
        return i < a.size() ? a[i] : kNone;
    };
    // The i-th argument as the sentence shows it: a Message problem() was given, worded in the
    // reader's language, else the value as it is (never looked up in the catalog).
    auto arg = [&](std::size_t i) -> Message {
        for (const auto& [at, m] : p.sentences)
            if (at == i) return m;
        return verbatim(text(i));
    };
    switch (p.code) {
    case ProblemCode::assignment_unknown: return msg("no assignment #{}", arg(0));
    case ProblemCode::cadre_unknown: return msg("no cadre #{}", arg(0));
    case ProblemCode::too_long: return msg("is {} characters long; at most {} are taken", arg(0), arg(1));
    case ProblemCode::year_out_of_range: return msg("{} is outside 1949..2100", arg(0));
    case ProblemCode::year_outside_assignment:
        return msg("{} is outside assignment #{} ({} to {}); years outside every term are recorded with `appraise history`",
                   arg(0), arg(1), arg(2), arg(3));
    case ProblemCode::year_in_assignment:
        return msg("{} falls in assignment #{}; record it with `appraise annual {}`", arg(0), arg(1), arg(1));
    case ProblemCode::annual_conflict: {
        std::vector<Message> parts;
        for (std::size_t i = 2; i + 2 < a.size(); i += 3) parts.push_back(conflict(a[i], a[i + 1], a[i + 2]));
        return msg("the {} assessment of {} already records {}; {} changes it and keeps the earlier record in "
                   "the history",
                   arg(0), arg(1), list_of(std::move(parts)), name(Parameter::replace));
    }
    case ProblemCode::final_exists:
        return msg("assignment #{} already has a final appraisal (#{}, written {} by {}); {} replaces it and "
                   "keeps it in the history",
                   arg(0), arg(1), arg(2), arg(3), name(Parameter::replace));
    case ProblemCode::final_before_term: return msg("{} is before the term began ({})", arg(0), arg(1));
    case ProblemCode::final_early:
        return msg("{} is before the end of the term ({}); an earlier appraisal needs {} and {}", arg(0), arg(1),
                   name(Parameter::early), name(Parameter::reason));
    case ProblemCode::early_without_reason:
        return msg("needs {}: why the appraisal is written before the term ends", name(Parameter::reason));
    case ProblemCode::required:
        return p.subject == Parameter::host ? msg("the host unit is required") : msg("is required");
    case ProblemCode::negative: return msg("must not be negative");
    case ProblemCode::attach_not_file: return msg("{}: not a readable file", arg(0));
    case ProblemCode::attach_unreadable: return msg("{}: cannot read: {}", arg(0), arg(1));
    case ProblemCode::attach_changed: return msg("{}: the file changed or could not be read while storing it", arg(0));
    case ProblemCode::attach_too_large:
        return msg("{}: {} bytes is larger than the limit of {} bytes (max_attachment_mib)", arg(0), arg(1), arg(2));
    case ProblemCode::period_unresolved: return sentence_arg(p, 0); // what schedule.cpp says
    case ProblemCode::submitted_before_period:
        return msg("{} is before the period {} began ({})", arg(0), arg(1), arg(2));
    case ProblemCode::report_exists:
        return msg("report #{} ({} {}, submitted {}) is already recorded; {} replaces it and keeps it in the "
                   "history",
                   arg(0), arg(1), arg(2), arg(3), name(Parameter::replace));
    case ProblemCode::extension_without_consent:
        return msg("an extension needs the home unit's consent (派出单位同意): give {}", name(Parameter::home_consent));
    case ProblemCode::extension_after_recall: return msg("the assignment was recalled on {}", arg(0));
    case ProblemCode::extension_not_later: return msg("{} is not after the current end of the term {}", arg(0), arg(1));
    case ProblemCode::recall_reason_unknown:
        return msg("unknown recall reason '{}' (promotion, education-campaign or special)", arg(0));
    case ProblemCode::recall_without_consent:
        return msg("a recall for special work needs the host unit's consent (接收单位同意): give {}",
                   name(Parameter::host_consent));
    case ProblemCode::recall_again: return msg("the assignment was already recalled on {}", arg(0));
    case ProblemCode::recall_outside_term:
        return msg("{} must fall within the term {}..{} (before its last day)", arg(0), arg(1), arg(2));
    case ProblemCode::completion_after_recall:
        return msg("the assignment was recalled on {}; it cannot be completed (record its handover with {})", arg(0),
                   name(Parameter::handover));
    case ProblemCode::completion_early:
        return msg("{} is before the end of the term {}; an early end is a recall (assign recall)", arg(0), arg(1));
    case ProblemCode::election_not_down:
        return msg("only down-dispatched (下派) cadres are elected by a township people's congress");
    case ProblemCode::election_result_unknown:
        return msg("election result '{}' is not elected or not_elected", arg(0));
    case ProblemCode::united_front_party_member:
        return msg("{} is not a non-Party cadre; only non-Party cadres' documents are copied to the United "
                   "Front Work Department",
                   arg(0));
    case ProblemCode::party_transfer_non_member:
        return msg("{} is not a CPC member; only Party members transfer a Party relationship", arg(0));
    case ProblemCode::follow_up_too_early:
        return msg("{} is not after the cadre's first secondment began ({})", arg(0), arg(1));
    case ProblemCode::sheet_of_text_file: return msg("{} is a text file, not a workbook (it has no sheets)", arg(0));
    case ProblemCode::xlsx_writer_missing:
        return msg("xlsx needs libxlsxwriter (Debian package libxlsxwriter4): {}", arg(0));
    case ProblemCode::required_for: return msg("{}: give {}", arg(0), name(p.subject));
    case ProblemCode::no_database:
        return msg("{}: no database here; create one with `guazhi init` (or pass {})", arg(0), name(Parameter::db));
    case ProblemCode::dimension_unknown: {
        // The keys are codes (direction, county …): a list of values, not of texts to translate.
        std::vector<std::string> keys(a.begin() + (a.empty() ? 0 : 1), a.end());
        return msg("unknown dimension '{}' (one of: {})", arg(0), fmt::format("{}", fmt::join(keys, ", ")));
    }
    case ProblemCode::dimension_twice: return msg("'{}' is given twice", arg(0));
    case ProblemCode::dimension_missing:
        return msg("give at least one dimension, e.g. {} direction", name(Parameter::dimensions));
    case ProblemCode::column_unknown:
        return msg("{}: unknown column '{}' (use {} to skip it, or {} '{}=FIELD' to read it)", arg(0), arg(1),
                   name(Parameter::ignore_unknown_columns), name(Parameter::map), arg(1));
    case ProblemCode::column_duplicate:
        return msg("{}: duplicate column '{}': column {} ('{}') already means {}", arg(0), arg(1), arg(2), arg(3),
                   arg(4));
    case ProblemCode::header_more_problems: return msg("{}: … and {} more problems in the header", arg(0), arg(1));
    case ProblemCode::header_not_found:
        return msg("{}: no header row in the first {} rows: none names the roster's columns (身份证号, 姓名, "
                   "政治面貌, 派出单位, 接收单位, 开始日期 …; see guazhi assign import {})",
                   arg(0), arg(1), name(Parameter::help));
    case ProblemCode::header_missing_columns:
        return msg("{}: missing required column {} (of the first {} rows, this one comes closest to a header: "
                   "{}; name the columns in the header, or {} 'HEADER=FIELD')",
                   arg(0), sentence_arg(p, 1), arg(2), sentence_arg(p, 3), name(Parameter::map));
    case ProblemCode::quota_exceeded:
        return msg("'{}' already receives {} secondee(s) in batch {} (max_per_host_per_batch = {}); to exceed "
                   "it give {} {} \"…\"",
                   arg(0), arg(1), arg(2), arg(3), name(Parameter::override_quota), name(Parameter::reason));
    case ProblemCode::since_required:
        return msg("{} changes on a date: give {} DATE, the day it took effect (or {} first to correct the "
                   "value recorded from the first record on)",
                   arg(0), name(Parameter::since), name(Parameter::since));
    case ProblemCode::since_not_dated:
        return msg("{} does not change over time: it is corrected (give {} \"…\" without {})", arg(0),
                   name(Parameter::reason), name(Parameter::since));
    case ProblemCode::correction_without_reason:
        return msg("correcting {} needs {} \"…\" (why the record was wrong), kept in the log", arg(0),
                   name(Parameter::reason));
    case ProblemCode::since_in_future: return msg("{} is after today", arg(0));
    case ProblemCode::event_unknown: return msg("no event #{}", arg(0));
    case ProblemCode::assessor_not_host:
        // Seed: "今年挂职干部的年度考核，由接收单位负责".
        return msg("the annual assessment of {} is made by the host unit (年度考核由接收单位负责): {} '{}' is not "
                   "assignment #{}'s host '{}'; to record it anyway give {} {} \"…\"",
                   arg(0), name(Parameter::assessing_unit), arg(1), arg(3), arg(2), name(Parameter::override_rule),
                   name(Parameter::reason));
    case ProblemCode::author_not_host:
        return msg("the final appraisal (鉴定) is written by the host unit: {} '{}' is not assignment #{}'s host '{}'; "
                   "to record it anyway give {} {} \"…\"",
                   name(Parameter::assessing_unit), arg(0), arg(2), arg(1), name(Parameter::override_rule),
                   name(Parameter::reason));
    case ProblemCode::recorder_is_unit:
        return msg("'{}' reads as a unit, but {} names the person recording (王科员); the assessing or authoring "
                   "unit is given with {}",
                   arg(0), name(Parameter::recorded_by), name(Parameter::assessing_unit));
    case ProblemCode::override_without_reason:
        return msg("{} needs {} \"…\", which is recorded", name(Parameter::override_rule), name(Parameter::reason));
    case ProblemCode::control_character:
        return msg("contains a control character (an invisible character such as an escape or NUL); retype the text");
    case ProblemCode::name_mismatch:
        return msg("the name '{}' is not that of assignment #{}'s cadre, '{}'", arg(0), arg(2), arg(1));
    case ProblemCode::cadre_differs:
        if (text(3).empty()) return msg("{} is recorded with other data — {} {}", arg(0), arg(1), arg(2));
        return msg("{} is recorded with other data — {} {} (to record the file's values give {}: dated fields "
                   "change from the row's start date, the rest are corrected)",
                   arg(0), arg(1), arg(2), name(Parameter::update));
    case ProblemCode::event_not_note:
        return msg("event #{} is a {} event, a change of the term, not a note: undo the command that made it "
                   "(see guazhi log)",
                   arg(0), arg(1));
    case ProblemCode::filed_before_document:
        return msg("{} {} is before {} {}: a document is filed after it is issued", name(Parameter::filed), arg(0),
                   name(Parameter::doc_date), arg(1));
    case ProblemCode::united_front_before_document:
        return msg("{} {} is before {} {}: the document is copied to the United Front Work Department after "
                   "it is issued",
                   name(Parameter::united_front), arg(0), name(Parameter::doc_date), arg(1));
    case ProblemCode::election_outside_term:
        return msg("{} is outside the term {}..{}: the township people's congress elects a secondee during "
                   "the term",
                   arg(0), arg(1), arg(2));
    case ProblemCode::note_outside_term:
        return msg("{} is more than {} days outside the term {}..{} (note_margin_days)", arg(0), arg(3), arg(1),
                   arg(2));
    case ProblemCode::note_empty: return msg("is empty: a note says what was said or found");
    case ProblemCode::submitted_in_future: return msg("{} is after today ({})", arg(0), arg(1));
    case ProblemCode::decided_before_year_end:
        return msg("{} is before the end of {}, the year the assessment judges: it is decided at the year's "
                   "end (年末, from {}) or later",
                   arg(0), arg(1), arg(2));
    case ProblemCode::extension_beyond_max:
        return msg("{} is beyond the longest term of {} months from {} (max_term_months): the last day may be "
                   "{} at the latest",
                   arg(0), arg(2), arg(3), arg(1));
    case ProblemCode::host_kind_contradicts:
        // args: host, the kind its name says (label, code), the direction (label, code), the
        // kind that direction needs (label, code).
        return msg("'{}' is named like a {} ({}), but a {} ({}) secondment goes to a {} ({}); if '{}' "
                   "really is a {}, record it first with `guazhi unit set {} {} {}`, else correct the "
                   "direction or the host unit",
                   arg(0), arg(1), arg(2), arg(3), arg(4), arg(5), arg(6), arg(0), arg(5), arg(0),
                   name(Parameter::kind), arg(6));
    case ProblemCode::handover_before_recall:
        return msg("{} is before the recall ({}): the handover of a recalled term is on or after its last day", arg(0),
                   arg(1));
    case ProblemCode::attachment_name_unsafe:
        return msg("report #{}: the attachment's stored name '{}' {}, so it is not written under it; name the "
                   "file with {}",
                   arg(0), arg(1), sentence_arg(p, 2), name(Parameter::output));
    case ProblemCode::count_: break;
    case ProblemCode::not_utf8:
        return msg("{}: invalid UTF-8 (if the file is GBK, use {} gbk)", arg(0), name(Parameter::encoding));
    case ProblemCode::status_unknown:
        return msg("unknown status '{}' (planned, active, extended, recalled or completed)", arg(0));
    case ProblemCode::id_masked:
        return msg("ID number '{}' is masked; export again with {} to import", arg(0), name(Parameter::reveal_id));
    case ProblemCode::assignment_has_records: {
        // The counts as given ("0" or "" for none); one record in all "depends".
        std::vector<Message> held;
        bool one_record = true;
        auto add = [&](std::size_t i, const char* one, const char* many) {
            const std::string& n = text(i);
            if (n.empty() || n == "0") return;
            one_record = held.empty() && n == "1";
            const char* form = n == "1" ? one : many; // (not in msg(): xgettext would take "1" for a text)
            held.push_back(msg(form, n));
        };
        add(0, N_("{} report"), N_("{} reports"));
        add(1, N_("{} annual assessment"), N_("{} annual assessments"));
        add(2, N_("{} final appraisal"), N_("{} final appraisals"));
        add(3, N_("{} event"), N_("{} events"));
        if (text(4) == "1") {
            one_record = held.empty();
            held.push_back(msg("its appointment record"));
        }
        bool one = one_record && held.size() == 1;
        Message records = list_of(std::move(held));
        if (one) return msg("{} depends on it; nothing was deleted (with {} they are deleted too)", records,
                            name(Parameter::cascade));
        return msg("{} depend on it; nothing was deleted (with {} they are deleted too)", records,
                   name(Parameter::cascade));
    }
    case ProblemCode::export_masked:
        return msg("{}: its ID numbers are masked, so its cadres cannot be told apart; export again with "
                   "`guazhi export all {} json {}`",
                   arg(0), name(Parameter::format), name(Parameter::reveal_id));
    }
    return msg("problem {}", static_cast<int>(p.code));
}

} // namespace

std::string_view domain_name(Parameter p) {
    return kNames.at(static_cast<std::size_t>(p));
}

std::string by_domain_name(Parameter p) {
    return std::string(domain_name(p));
}

Message describe(const Problem& p, const Namer& name, SubjectNamed subject) {
    Message text = sentence(p, name);
    if (subject == SubjectNamed::yes && p.subject != Parameter::none) {
        switch (placement(p.code)) {
        case Placement::colon: text = msg("{}: {}", name(p.subject), std::move(text)); break;
        case Placement::space: text = msg(N_("{} {}"), name(p.subject), std::move(text)); break;
        case Placement::unnamed: break;
        }
    }
    if (p.assignment) text = msg(N_("assignment #{}: {}"), *p.assignment, std::move(text));
    return text;
}

Message verbatim(std::string text) {
    Message m(std::string("{}")); // not a text of the catalog: the value is all there is
    m.args.push_back({std::move(text), nullptr});
    return m;
}

Message describe(const std::vector<Problem>& problems, const Namer& name) {
    std::vector<Message> lines;
    for (const auto& p : problems) lines.push_back(describe(p, name));
    return lines_of(std::move(lines));
}

ProblemError::ProblemError(Problem p) : Error(describe(p, by_domain_name)), problem_(std::move(p)) {}

ProblemsError::ProblemsError(std::vector<Problem> problems)
    : Error(describe(problems, by_domain_name)), problems_(std::move(problems)) {}

} // namespace guazhi
