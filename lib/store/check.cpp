#include "store/check.hpp"
#include "store/assignment_store.hpp"
#include "util/redact.hpp"
#include "util/id_number.hpp"

#include "domain/stats.hpp"
#include "domain/rules.hpp"
#include "domain/term_dates.hpp"
#include "domain/vocabulary.hpp"
#include "problem_text.hpp"
#include "util/date.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <functional>
#include <sqlite3.h>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace guazhi {

namespace {

// The last day of a term as served (Assignment::effective_end() in SQL).
constexpr std::string_view kServedEnd = kServedEndSql;

// A multi-line SQLite message on one line, so that each problem is one line of output.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

// The message with every ID number in its texts masked: the values it was given, its own text
// when it is one (an integrity line), and those of its nested messages.
Message masked(Message m) {
    m.id = util::mask_id_numbers(m.id);
    for (auto& a : m.args) {
        if (a.nested) a.nested = std::make_shared<const Message>(masked(*a.nested));
        else a.text = util::mask_id_numbers(a.text);
    }
    return m;
}

// A gender as stored ('female', 'male'), in the reader's words; another value as it is.
Message gender_word(const std::string& gender) {
    if (gender == "female") return msg("female");
    if (gender == "male") return msg("male");
    return verbatim(gender);
}

class Checker {
  public:
    Checker(SQLite::Database& db, CheckReport& report) : db_(db), report_(report) {}

    // Runs one check. SQLite failing mid-way (a damaged page, most likely) is reported as a
    // problem of its own, and the remaining checks still run: a clerk wants the whole list.
    void run(const Message& what, std::string_view table, const std::function<void()>& body) {
        ++report_.checks;
        try {
            body();
        } catch (const SQLite::Exception& e) {
            add(table, std::nullopt, "unfinished", msg("the {} check could not finish: {}", what, one_line(e.what())));
        }
    }

    void add(std::string_view table, std::optional<std::int64_t> row, std::string_view code, Message message) {
        // The report is output (a table, CSV, JSON): no full ID number in it (util/redact.hpp).
        report_.problems.push_back({std::string(table), row, std::string(code), masked(std::move(message))});
    }

    SQLite::Database& db() { return db_; }

  private:
    SQLite::Database& db_;
    CheckReport& report_;
};

void check_integrity(Checker& c) {
    // The full check (not quick_check): it also proves every index agrees with its table, and
    // the domain checks below read through those indexes. Up to 10,000 messages, not 100.
    SQLite::Statement s(c.db(), "PRAGMA integrity_check(10000)");
    while (s.executeStep()) {
        std::string line = s.getColumn(0).getString();
        if (line != "ok") c.add("", std::nullopt, "integrity", one_line(line));
    }
}

void check_foreign_keys(Checker& c) {
    // One row per broken reference; the referencing column comes from the table's definition.
    SQLite::Statement s(c.db(),
                        "SELECT k.\"table\", k.rowid, k.parent, "
                        "       (SELECT group_concat(f.\"from\", ', ') FROM pragma_foreign_key_list(k.\"table\") f "
                        "         WHERE f.id = k.fkid) "
                        "  FROM pragma_foreign_key_check k");
    while (s.executeStep()) {
        std::optional<std::int64_t> row;
        if (!s.getColumn(1).isNull()) row = s.getColumn(1).getInt64();
        c.add(s.getColumn(0).getString(), row, "foreign_key",
              msg("{} refers to a row of {} that does not exist", s.getColumn(3).getString(),
                          s.getColumn(2).getString()));
    }
}

// Dates are ISO text naming real days (date() passes 2006-02-30 through unchanged; with a
// modifier it computes the day, 2006-03-02, so the text no longer matches) and in order; an extension lengthens the term; a recall falls within it
// before its last day (rules::refuse_recall). Statuses are derived from exactly these.
void check_assignment_dates(Checker& c) {
    SQLite::Statement s(c.db(), R"sql(
SELECT * FROM (
  SELECT id, start_date, end_date, extended_until, recalled_on,
         date(start_date, '+0 days') IS NOT start_date OR date(end_date, '+0 days') IS NOT end_date
           OR (extended_until IS NOT NULL AND date(extended_until, '+0 days') IS NOT extended_until)
           OR (recalled_on IS NOT NULL AND date(recalled_on, '+0 days') IS NOT recalled_on) AS bad_date,
         end_date < start_date AS bad_order,
         extended_until IS NOT NULL AND extended_until <= end_date AS bad_extension,
         recalled_on IS NOT NULL AND (recalled_on < start_date OR recalled_on >= coalesce(extended_until, end_date))
           AS bad_recall
    FROM assignments)
 WHERE bad_date OR bad_order OR bad_extension OR bad_recall
)sql");
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64();
        std::string start = s.getColumn(1).getString(), end = s.getColumn(2).getString();
        std::string extended = s.getColumn(3).getString(), recalled = s.getColumn(4).getString();
        auto or_none = [](const std::string& v) { return v.empty() ? std::string("none") : v; };
        if (s.getColumn(5).getInt())
            c.add("assignments", id, "dates",
                  msg("a date is not a real YYYY-MM-DD date (start {}, end {}, extended until {}, recalled on {})",
                              start, end, or_none(extended), or_none(recalled)));
        if (s.getColumn(6).getInt())
            c.add("assignments", id, "dates", msg("the end date {} is before the start date {}", end, start));
        if (s.getColumn(7).getInt())
            c.add("assignments", id, "extension",
                  msg("extended until {}, which is not after the end date {}", extended, end));
        if (s.getColumn(8).getInt())
            c.add("assignments", id, "recall",
                  msg("recalled on {}, outside the term {}..{} (a recall falls before its last day)", recalled,
                              start, extended.empty() ? end : extended));
    }
}

// No two terms of a cadre overlap as served (recorder.cpp refuses them; this finds any that
// got in another way). One pass in (cadre, start) order, remembering the latest end so far.
void check_overlaps(Checker& c) {
    SQLite::Statement s(c.db(), fmt::format("SELECT a.id, a.cadre_id, a.start_date, {} FROM assignments a "
                                            "ORDER BY a.cadre_id, a.start_date, a.id",
                                            kServedEnd));
    std::optional<std::int64_t> cadre;
    std::int64_t latest_id = 0;
    std::string latest_start, latest_end;
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64(), cadre_id = s.getColumn(1).getInt64();
        std::string start = s.getColumn(2).getString(), end = s.getColumn(3).getString();
        if (cadre == cadre_id && start <= latest_end)
            c.add("assignments", id, "overlap",
                  msg("the term {}..{} overlaps assignment #{} ({}..{}) of the same cadre (#{})", start, end,
                              latest_id, latest_start, latest_end, cadre_id));
        if (cadre != cadre_id || end > latest_end) {
            cadre = cadre_id;
            latest_id = id;
            latest_start = start;
            latest_end = end;
        }
    }
}

void check_report_periods(Checker& c) {
    SQLite::Statement s(c.db(), fmt::format(R"sql(
SELECT r.id, r.assignment_id, r.period, r.period_start, r.period_end, a.start_date, {0}
  FROM reports r JOIN assignments a ON a.id = r.assignment_id
 WHERE date(r.period_start, '+0 days') IS NOT r.period_start OR date(r.period_end, '+0 days') IS NOT r.period_end
    OR r.period_end < r.period_start OR r.period_start < a.start_date OR r.period_end > {0}
)sql",
                                            kServedEnd));
    while (s.executeStep())
        c.add("reports", s.getColumn(0).getInt64(), "report_period",
              msg("period {} ({}..{}) is not inside the term {}..{} of assignment #{}", s.getColumn(2).getString(),
                          s.getColumn(3).getString(), s.getColumn(4).getString(), s.getColumn(5).getString(),
                          s.getColumn(6).getString(), s.getColumn(1).getInt64()));
}

// Streams each attachment's bytes through SHA-256 in 64 KiB pieces: attachments may be tens
// of MiB and there may be thousands.
void check_attachments(Checker& c) {
    constexpr int kChunk = 64 * 1024;
    SQLite::Statement s(c.db(), "SELECT report_id, size, sha256, length(content) FROM attachments ORDER BY report_id");
    std::string buffer(kChunk, '\0');
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64(), size = s.getColumn(1).getInt64();
        std::string recorded = s.getColumn(2).getString();
        std::int64_t length = s.getColumn(3).getInt64();
        if (length != size) {
            c.add("attachments", id, "attachment",
                  msg("the recorded size is {} bytes but the stored content has {}", size, length));
            continue;
        }
        sqlite3_blob* blob = nullptr;
        if (sqlite3_blob_open(c.db().getHandle(), "main", "attachments", "content", id, 0, &blob) != SQLITE_OK) {
            c.add("attachments", id, "attachment",
                  msg("the content cannot be read: {}", sqlite3_errmsg(c.db().getHandle())));
            sqlite3_blob_close(blob);
            continue;
        }
        util::Sha256 sha;
        int rc = SQLITE_OK;
        for (std::int64_t offset = 0; rc == SQLITE_OK && offset < length; offset += kChunk) {
            int n = static_cast<int>(std::min<std::int64_t>(kChunk, length - offset));
            rc = sqlite3_blob_read(blob, buffer.data(), n, static_cast<int>(offset));
            if (rc == SQLITE_OK) sha.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        }
        std::string read_error = rc == SQLITE_OK ? "" : sqlite3_errmsg(c.db().getHandle());
        sqlite3_blob_close(blob);
        if (rc != SQLITE_OK) {
            c.add("attachments", id, "attachment", msg("the content cannot be read: {}", read_error));
            continue;
        }
        std::string actual = sha.hex();
        if (actual != recorded)
            c.add("attachments", id, "attachment",
                  msg("the content's SHA-256 is {}, the recorded one {}", actual, recorded));
    }
}

// cadres.category_mask is kept by triggers (migration 5); it must equal the bits of the
// cadre's categories as domain/stats.cpp numbers them, or the figures count the wrong people.
void check_category_masks(Checker& c) {
    SQLite::Statement s(c.db(), "SELECT c.id, c.category_mask, "
                                "       (SELECT group_concat(category, ',') FROM cadre_categories cc WHERE cc.cadre_id = c.id) "
                                "  FROM cadres c ORDER BY c.id");
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64(), mask = s.getColumn(1).getInt64();
        std::string list = s.getColumn(2).getString();
        std::int64_t expected = 0;
        for (const auto& code : util::split_any(list, {","})) {
            if (code.empty()) continue;
            std::int64_t bit = category_bit(code);
            if (bit == 0)
                c.add("cadre_categories", std::nullopt, "category_mask",
                      msg("cadre #{} has an unknown category '{}'", id, code));
            expected |= bit;
        }
        if (mask != expected)
            c.add("cadres", id, "category_mask",
                  msg("category_mask is {}, but its categories ({}) make {}", mask, list.empty() ? msg("none") : verbatim(list),
                              expected));
    }
}

// A cadre's ID number is what every record rests on (GB 11643): its check digit, and the birth
// date and gender the schema stores beside it, which must be the ones it carries. A row
// written by another tool, or before a rule existed, is found here. (Messages are masked
// by add(), util/redact.hpp.)
void check_id_numbers(Checker& c) {
    SQLite::Statement s(c.db(), "SELECT id, id_number, birth_date, gender FROM cadres ORDER BY id");
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64();
        std::string number = s.getColumn(1).getString(), born = s.getColumn(2).getString(),
                    gender = s.getColumn(3).getString();
        auto parsed = util::parse_id_number(number);
        if (!parsed || *parsed.value != number) {
            c.add("cadres", id, "id_number", parsed ? msg("the ID number is not in its normal form (upper-case X, 18 digits)")
                                                    : parsed.error);
            continue;
        }
        if (born != util::id_birth_date(number).iso())
            c.add("cadres", id, "id_number",
                  msg("the birth date {} is not the one the ID number carries (born {})", util::birth_month(born),
                              util::birth_month(util::id_birth_date(number).iso())));
        std::string id_gender = util::id_is_female(number) ? "female" : "male";
        if (gender != id_gender)
            c.add("cadres", id, "id_number",
                  msg("the gender '{}' is not the one the ID number carries ({})", gender_word(gender),
                      gender_word(id_gender)));
    }
}

// Names, units and posts as guazhi reads them now (util::clean: no invisible characters, NFC,
// trimmed). A database written by an older version may hold 资中县财政局 with a zero-width
// space: a second unit that looks the same and splits the statistics. Named with the unit it
// duplicates, so the clerk knows which to merge.
void check_text_forms(Checker& c) {
    {
        std::unordered_map<std::string, std::int64_t> by_clean_name;
        std::vector<std::pair<std::int64_t, std::string>> odd;
        SQLite::Statement s(c.db(), "SELECT id, name FROM units ORDER BY id");
        while (s.executeStep()) {
            std::string name = s.getColumn(1).getString(), clean = util::clean(name);
            if (clean != name) odd.emplace_back(s.getColumn(0).getInt64(), name);
            else by_clean_name.emplace(std::move(clean), s.getColumn(0).getInt64());
        }
        for (const auto& [id, name] : odd) {
            auto twin = by_clean_name.find(util::clean(name));
            c.add("units", id, "text_form",
                  msg("the unit name '{}' holds invisible characters or is not in Unicode NFC; it reads as "
                              "'{}'{}",
                              util::printable(name), util::printable(util::clean(name)),
                              twin == by_clean_name.end() ? Message()
                                                          : msg(", the name of unit #{}", twin->second)));
        }
    }
    struct Column {
        const char* table;
        const char* column;
        const char* what;
    };
    for (auto [table, column, what] : {Column{"cadres", "name", N_("name")}, Column{"assignments", "home_post", N_("home post")},
                                       Column{"assignments", "host_post", N_("host post")}}) {
        SQLite::Statement s(c.db(), fmt::format("SELECT id, {} FROM {} ORDER BY id", column, table));
        while (s.executeStep()) {
            std::string text = s.getColumn(1).getString();
            if (util::clean(text) != text)
                c.add(table, s.getColumn(0).getInt64(), "text_form",
                      msg("the {} '{}' holds invisible characters or is not in Unicode NFC; it reads as '{}'",
                                  Message(what), util::printable(text), util::printable(util::clean(text))));
        }
    }
}

// The tables that keep history: at most one current row (superseded_by IS NULL) per key, and
// a replaced row points at a successor for the same key, not at itself (add_report parks a
// row on itself only inside its transaction). Read past the partial unique indexes (NOT
// INDEXED): the table is the truth the index should agree with.
struct HistoryTable {
    std::string_view table;
    std::string_view key; // columns, comma-separated
    std::string_view what;
    std::string_view too_many = "count(*) > 1"; // of a key's current rows
};
constexpr HistoryTable kHistoryTables[] = {
    // A report to the home unit and one to the Organization Department are both current;
    // "both" reaches each (schema 13: one unique index per recipient).
    {"reports", "assignment_id, kind, period_start", N_("assignment, kind and period"),
     "sum(recipient IN ('home', 'both')) > 1 OR sum(recipient IN ('orgdept', 'both')) > 1"},
    {"annual_assessments", "cadre_id, year", N_("cadre and year")},
    {"final_appraisals", "assignment_id", N_("assignment")},
};

void check_current_rows(Checker& c, const HistoryTable& t) {
    SQLite::Statement s(c.db(), fmt::format("SELECT max(id), group_concat(id, ', '), {1} FROM {0} NOT INDEXED "
                                            "WHERE superseded_by IS NULL GROUP BY {1} HAVING {2}",
                                            t.table, t.key, t.too_many));
    int keys = s.getColumnCount() - 2;
    while (s.executeStep()) {
        std::vector<std::string> values;
        for (int i = 0; i < keys; ++i) values.push_back(s.getColumn(2 + i).getString());
        c.add(t.table, s.getColumn(0).getInt64(), "current_rows",
              msg("rows {} are all current for the same {} ({}); one should supersede the others",
                          s.getColumn(1).getString(), Message(std::string(t.what)), fmt::format("{}", fmt::join(values, ", "))));
    }
}

void check_successors(Checker& c, const HistoryTable& t) {
    std::vector<std::string> same;
    for (const auto& column : util::split_any(t.key, {","})) {
        std::string name(util::trim(column));
        same.push_back(fmt::format("n.{0} IS o.{0}", name));
    }
    SQLite::Statement s(c.db(), fmt::format("SELECT o.id, o.superseded_by, n.id IS NULL FROM {0} o "
                                            "LEFT JOIN {0} n ON n.id = o.superseded_by "
                                            "WHERE o.superseded_by IS NOT NULL AND (o.superseded_by = o.id OR "
                                            "(n.id IS NOT NULL AND NOT ({1})))",
                                            t.table, fmt::join(same, " AND ")));
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64(), next = s.getColumn(1).getInt64();
        c.add(t.table, id, "superseded",
              next == id ? msg("is superseded by itself (a replacement that never finished)")
                         : msg("is superseded by row {}, which is for another {}", next, Message(std::string(t.what))));
    }
}

// Rows that name both a cadre and an assignment must name the assignment's cadre.
void check_cadres_agree(Checker& c, std::string_view table) {
    SQLite::Statement s(c.db(), fmt::format("SELECT x.id, x.cadre_id, x.assignment_id, a.cadre_id FROM {} x "
                                            "JOIN assignments a ON a.id = x.assignment_id WHERE a.cadre_id <> x.cadre_id",
                                            table));
    while (s.executeStep())
        c.add(table, s.getColumn(0).getInt64(), "cadre_mismatch",
              msg("names cadre #{} but assignment #{}, which is cadre #{}'s", s.getColumn(1).getInt64(),
                          s.getColumn(2).getInt64(), s.getColumn(3).getInt64()));
}

// Dates that cannot be (issue 19), found in data already stored by the rules that refuse them
// when entered (domain/term_dates.hpp), worded as the refusal is ("assignment #N: …").
std::optional<util::Date> date_at(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    auto d = util::parse_date(column.getString());
    return d ? d.value : std::nullopt;
}

// The term of assignment columns (start, end, extended until, recalled on) from `first` on;
// nullopt when a date is not real (check_assignment_dates reports that).
std::optional<Assignment> term_at(SQLite::Statement& s, int first, std::int64_t id) {
    auto start = date_at(s.getColumn(first)), end = date_at(s.getColumn(first + 1));
    if (!start || !end) return std::nullopt;
    Assignment a;
    a.id = id;
    a.start = *start;
    a.end = *end;
    a.extended_until = date_at(s.getColumn(first + 2));
    a.recalled_on = date_at(s.getColumn(first + 3));
    return a;
}

void add_refusal(Checker& c, std::string_view table, std::int64_t row, std::string_view code, Problem p,
                 std::optional<std::int64_t> assignment, const Message& before = {}) {
    p.assignment = assignment;
    c.add(table, row, code, before.empty() ? describe(p, by_domain_name) : msg("{}{}", before, describe(p, by_domain_name)));
}

void check_appointment_dates(Checker& c) {
    SQLite::Statement s(c.db(), "SELECT p.assignment_id, p.doc_date, p.filed_on, p.united_front_on, p.election_date, "
                                "a.start_date, a.end_date, a.extended_until, a.recalled_on "
                                "FROM appointments p JOIN assignments a ON a.id = p.assignment_id "
                                "WHERE p.filed_on < p.doc_date OR p.united_front_on < p.doc_date "
                                "   OR p.election_date IS NOT NULL ORDER BY p.assignment_id");
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64();
        auto doc = date_at(s.getColumn(1)), filed = date_at(s.getColumn(2)), copied = date_at(s.getColumn(3)),
             elected = date_at(s.getColumn(4));
        if (doc && filed)
            if (auto p = refuse_filing_date(*doc, *filed, Parameter::filed))
                add_refusal(c, "appointments", id, "filed_before_document", *p, id);
        if (doc && copied)
            if (auto p = refuse_united_front_date(*doc, *copied, Parameter::united_front))
                add_refusal(c, "appointments", id, "united_front_before_document", *p, id);
        auto term = term_at(s, 5, id);
        if (elected && term)
            if (auto p = refuse_election_date(*term, *elected))
                add_refusal(c, "appointments", id, "election_outside_term", *p, id);
    }
}

void check_notes(Checker& c, const Policy& policy) {
    std::vector<std::string> kinds;
    for (const Term& t : note_kinds().terms()) kinds.push_back(fmt::format("'{}'", t.code));
    // Details that are not JSON (check_event_details) read as no text here, so that one of
    // them does not stop the check of every other note.
    SQLite::Statement s(c.db(), fmt::format("SELECT e.id, e.assignment_id, e.date, "
                                            "CASE WHEN json_valid(e.details) THEN json_extract(e.details, '$.text') END, "
                                            "a.start_date, a.end_date, a.extended_until, a.recalled_on "
                                            "FROM events e JOIN assignments a ON a.id = e.assignment_id "
                                            "WHERE e.kind IN ({}) ORDER BY e.id",
                                            fmt::join(kinds, ", ")));
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64(), assignment = s.getColumn(1).getInt64();
        Message before = msg("note #{}: ", id);
        std::string text = s.getColumn(3).isNull() ? std::string() : s.getColumn(3).getString();
        if (auto p = refuse_note_text(text)) add_refusal(c, "events", id, "note_empty", *p, assignment, before);
        auto day = date_at(s.getColumn(2));
        auto term = term_at(s, 4, assignment);
        if (day && term)
            if (auto p = refuse_note_date(*term, *day, policy))
                add_refusal(c, "events", id, "note_outside_term", *p, assignment, before);
    }
}

void check_report_submissions(Checker& c, util::Date today) {
    SQLite::Statement s(c.db(), "SELECT id, assignment_id, submitted_on FROM reports WHERE submitted_on > ? ORDER BY id");
    s.bind(1, today.iso());
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64();
        auto day = date_at(s.getColumn(2));
        if (!day) continue;
        if (auto p = refuse_submission_date(*day, today))
            add_refusal(c, "reports", id, "report_future", *p, s.getColumn(1).getInt64(), msg("report #{}: ", id));
    }
}

void check_annual_decisions(Checker& c) {
    SQLite::Statement s(c.db(), "SELECT id, cadre_id, assignment_id, year, decided_on FROM annual_assessments "
                                "WHERE decided_on IS NOT NULL AND decided_on < printf('%04d-12-31', year) ORDER BY id");
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64();
        auto day = date_at(s.getColumn(4));
        if (!day) continue;
        std::optional<std::int64_t> assignment;
        if (!s.getColumn(2).isNull()) assignment = s.getColumn(2).getInt64();
        if (auto p = refuse_decision_date(s.getColumn(3).getInt(), *day))
            add_refusal(c, "annual_assessments", id, "decided_early", *p, assignment,
                        msg("the {} assessment of cadre #{}: ", s.getColumn(3).getInt(), s.getColumn(1).getInt64()));
    }
}

void check_term_lengths(Checker& c, const Policy& policy) {
    SQLite::Statement s(c.db(), "SELECT id, start_date, end_date, extended_until, recalled_on FROM assignments "
                                "WHERE extended_until IS NOT NULL ORDER BY id");
    while (s.executeStep()) {
        std::int64_t id = s.getColumn(0).getInt64();
        auto term = term_at(s, 1, id);
        if (term && term->extended_until)
            if (auto p = refuse_term_length(*term, *term->extended_until, policy))
                add_refusal(c, "assignments", id, "term_too_long", *p, id);
    }
}

// Annual assessments and 鉴定 of a term by a unit other than its host, the rule not set aside
// (refuse_assessing_unit, refuse_appraisal_author): recorded before the rule was enforced. Each
// query gives the row, the assignment, the year (0 for a 鉴定), the unit and the host.
void check_appraising_units(Checker& c) {
    struct Kind {
        std::string_view table, code, sql;
    };
    static constexpr Kind kinds[] = {
        {"annual_assessments", "assessor_not_host",
         "SELECT x.id, x.assignment_id, x.year, x.unit, h.name FROM annual_assessments x "
         "JOIN assignments a ON a.id = x.assignment_id JOIN units h ON h.id = a.host_unit_id "
         "WHERE x.superseded_by IS NULL AND x.unit <> '' AND x.unit <> h.name AND x.override_reason = '' ORDER BY x.id"},
        {"final_appraisals", "author_not_host",
         "SELECT f.id, f.assignment_id, 0, f.author_unit, h.name FROM final_appraisals f "
         "JOIN assignments a ON a.id = f.assignment_id JOIN units h ON h.id = a.host_unit_id "
         "WHERE f.superseded_by IS NULL AND f.author_unit <> '' AND f.author_unit <> h.name "
         "AND f.override_reason = '' ORDER BY f.id"},
    };
    for (const Kind& k : kinds) {
        SQLite::Statement s(c.db(), std::string(k.sql));
        while (s.executeStep()) {
            Assignment a;
            a.id = s.getColumn(1).getInt64();
            a.host_unit.name = s.getColumn(4).getString();
            std::string unit = s.getColumn(3).getString();
            auto p = k.table == "final_appraisals" ? refuse_appraisal_author(a, unit, "")
                                                   : refuse_assessing_unit(a, s.getColumn(2).getInt(), unit, "");
            if (p) add_refusal(c, k.table, s.getColumn(0).getInt64(), k.code, *p, std::nullopt);
        }
    }
}

// Dates stored that are not real days (2027-13-45, '', text): written by another tool or by
// hand. The rules that compare dates skip them, so they are listed here.
void check_stored_dates(Checker& c) {
    struct DateColumn {
        std::string_view table, key, column;
    };
    static constexpr DateColumn columns[] = {
        {"reports", "id", "submitted_on"},           {"appointments", "assignment_id", "doc_date"},
        {"appointments", "assignment_id", "filed_on"}, {"appointments", "assignment_id", "united_front_on"},
        {"appointments", "assignment_id", "election_date"}, {"appointments", "assignment_id", "party_transfer_on"},
        {"events", "id", "date"},                    {"annual_assessments", "id", "decided_on"},
        {"final_appraisals", "id", "written_on"},
    };
    for (const DateColumn& d : columns) {
        SQLite::Statement s(c.db(), fmt::format("SELECT {1}, quote({2}) FROM {0} WHERE {2} IS NOT NULL AND "
                                                "(date({2}) IS NULL OR date({2}) <> {2}) ORDER BY {1}",
                                                d.table, d.key, d.column));
        while (s.executeStep())
            c.add(d.table, s.getColumn(0).getInt64(), "date",
                  msg("{} {} is not a real date (YYYY-MM-DD)", d.column, util::printable(s.getColumn(1).getString(), 80)));
    }
}

// An event's details are the JSON object its command wrote (render/event_details.hpp).
void check_event_details(Checker& c) {
    SQLite::Statement s(c.db(), "SELECT id FROM events WHERE CASE WHEN json_valid(details) THEN json_type(details) <> 'object' "
                                "ELSE 1 END ORDER BY id");
    while (s.executeStep())
        c.add("events", s.getColumn(0).getInt64(), "details", msg("the details are not a JSON object"));
}

} // namespace

CheckReport check_database(SQLite::Database& db, const Policy& policy) {
    CheckReport report;
    Checker c(db, report);
    c.run(msg("integrity"), "", [&] { check_integrity(c); });
    c.run(msg("foreign key"), "", [&] { check_foreign_keys(c); });
    c.run(msg("assignment date"), "assignments", [&] { check_assignment_dates(c); });
    c.run(msg("overlapping term"), "assignments", [&] { check_overlaps(c); });
    c.run(msg("report period"), "reports", [&] { check_report_periods(c); });
    c.run(msg("attachment"), "attachments", [&] { check_attachments(c); });
    c.run(msg("category mask"), "cadres", [&] { check_category_masks(c); });
    c.run(msg("ID number"), "cadres", [&] { check_id_numbers(c); });
    c.run(msg("text form"), "", [&] { check_text_forms(c); });
    for (const auto& t : kHistoryTables) {
        c.run(msg("current row"), t.table, [&] { check_current_rows(c, t); });
        c.run(msg("successor"), t.table, [&] { check_successors(c, t); });
    }
    c.run(msg("cadre"), "annual_assessments", [&] { check_cadres_agree(c, "annual_assessments"); });
    c.run(msg("cadre"), "events", [&] { check_cadres_agree(c, "events"); });
    c.run(msg("appointment date"), "appointments", [&] { check_appointment_dates(c); });
    c.run(msg("note"), "events", [&] { check_notes(c, policy); });
    c.run(msg("report submission"), "reports", [&] { check_report_submissions(c, util::Date::today()); });
    c.run(msg("annual decision"), "annual_assessments", [&] { check_annual_decisions(c); });
    c.run(msg("term length"), "assignments", [&] { check_term_lengths(c, policy); });
    c.run(msg("appraising unit"), "annual_assessments", [&] { check_appraising_units(c); });
    c.run(msg("stored date"), "", [&] { check_stored_dates(c); });
    c.run(msg("event details"), "events", [&] { check_event_details(c); });
    return report;
}

} // namespace guazhi
