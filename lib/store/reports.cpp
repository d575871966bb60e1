#include "store/reports.hpp"

#include "domain/vocabulary.hpp"
#include "domain/term_dates.hpp"
#include "error.hpp"
#include "problem.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <unordered_map>
#include <sqlite3.h>

namespace guazhi {

namespace {

constexpr std::size_t kChunk = 64 * 1024;

util::Date date_of(const SQLite::Column& c) {
    auto d = util::parse_date(c.getString());
    return d ? *d.value : util::Date{};
}

// The ids of the assignments a filter selects, as a table to join (aliases as build_filter
// expects them).
std::string selected_ids_sql(const SqlFilter& where) {
    return fmt::format("(SELECT a.id FROM assignments a JOIN cadres c ON c.id = a.cadre_id "
                       "JOIN units h ON h.id = a.home_unit_id JOIN units t ON t.id = a.host_unit_id {})",
                       where.where);
}

// When each recipient of one period got its current submission.
struct Received {
    std::optional<util::Date> home, orgdept;
    std::optional<util::Date> first() const { return !home ? orgdept : !orgdept ? home : std::min(*home, *orgdept); }
};
// assignment → (kind, period start) → received; and assignment → the 鉴定's date.
struct Submissions {
    std::unordered_map<std::int64_t, std::map<std::pair<std::string, std::string>, Received>> reports;
    std::unordered_map<std::int64_t, util::Date> appraised;
};

// Every current submission (and, when asked, current 鉴定) of the assignments a filter
// selects, in one pass each: a join with the selection, not a query per assignment.
Submissions submissions_of(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                           bool appraisals) {
    SqlFilter where = build_filter(filter, config);
    std::string ids = selected_ids_sql(where);
    Submissions out;
    SQLite::Statement s(db, fmt::format("SELECT r.assignment_id, r.kind, r.period_start, r.recipient, r.submitted_on "
                                        "FROM reports r JOIN {} sel ON sel.id = r.assignment_id "
                                        "WHERE r.superseded_by IS NULL",
                                        ids));
    bind_filter(s, where);
    while (s.executeStep()) {
        Received& got = out.reports[s.getColumn(0).getInt64()][{s.getColumn(1).getString(), s.getColumn(2).getString()}];
        std::string to = s.getColumn(3).getString();
        util::Date on = date_of(s.getColumn(4));
        for (auto [recipient, slot] : {std::pair{"home", &got.home}, std::pair{"orgdept", &got.orgdept}})
            if (reaches(to, recipient) && (!*slot || on < **slot)) *slot = on;
    }
    if (appraisals) {
        SQLite::Statement f(db, fmt::format("SELECT f.assignment_id, f.written_on FROM final_appraisals f "
                                            "JOIN {} sel ON sel.id = f.assignment_id WHERE f.superseded_by IS NULL",
                                            ids));
        bind_filter(f, where);
        while (f.executeStep()) out.appraised[f.getColumn(0).getInt64()] = date_of(f.getColumn(1));
    }
    return out;
}

// How one owed item stands on `as_of`, given when it was handed in (if it was).
Standing standing_of(const ReportPeriod& p, std::optional<util::Date> submitted, util::Date as_of) {
    // Looking back at an earlier day, a report handed in after it was not yet in.
    if (submitted && *submitted > as_of) submitted.reset();
    if (submitted) return *submitted <= p.due ? Standing::on_time : Standing::late;
    return p.due < as_of ? Standing::missing : Standing::pending;
}

bool outstanding(Standing s) { return s == Standing::missing || s == Standing::pending; }

// The standing of a period owed to two recipients: the worse of the two.
Standing worse(Standing x, Standing y) {
    auto rank = [](Standing s) {
        switch (s) {
        case Standing::on_time: return 0;
        case Standing::late: return 1;
        case Standing::pending: return 2;
        case Standing::missing: return 3;
        }
        return 3;
    };
    return rank(x) >= rank(y) ? x : y;
}

// One owed item of an assignment on `as_of`: its standing, and the recipients it is still owed
// to when it is owed to each ("" otherwise).
struct Owed {
    Standing standing;
    std::string recipient;
};

std::vector<Assignment> selected_assignments(AssignmentStore& store, const AssignmentFilter& filter,
                                             const Config& config) {
    std::vector<Assignment> selected;
    store.for_each(filter, config, [&](Assignment&& a) { selected.push_back(std::move(a)); });
    return selected;
}

// Visits the owed items of the `selected` assignments (those the filter selects): the periods
// that have ended (with `listing`, also the final summary and the 鉴定 from
// final_due_days_before the term's end). `visit` gets an element of `selected`.
void for_each_owed(AssignmentStore& store, const std::vector<Assignment>& selected, const AssignmentFilter& filter,
                   const Config& config, bool listing,
                   const std::function<void(const Assignment&, const ReportPeriod&, const Owed&)>& visit) {
    if (selected.empty()) return;
    Submissions done = submissions_of(store.db(), filter, config, listing);
    const util::Date as_of = filter.as_of;
    const std::map<std::pair<std::string, std::string>, Received> none;
    for (const Assignment& a : selected) {
        auto found = done.reports.find(a.id);
        const auto& of = found != done.reports.end() ? found->second : none;
        auto owe = [&](const ReportPeriod& p) {
            if (listing ? !listed_as_owed(p, as_of, config.policy) : p.end >= as_of) return;
            Received got;
            if (p.kind == "final_appraisal") {
                if (auto f = done.appraised.find(a.id); f != done.appraised.end()) got.home = f->second;
            } else if (auto it = of.find({p.kind, p.start.iso()}); it != of.end()) {
                got = it->second;
            }
            if (!owed_to_each_recipient(p.kind)) return visit(a, p, Owed{standing_of(p, got.first(), as_of), ""});
            Standing home = standing_of(p, got.home, as_of), orgdept = standing_of(p, got.orgdept, as_of);
            std::string still = outstanding(home) && outstanding(orgdept) ? "both"
                                : outstanding(home)                       ? "home"
                                : outstanding(orgdept)                    ? "orgdept"
                                                                          : "";
            visit(a, p, Owed{worse(home, orgdept), still});
        };
        for (const ReportPeriod& p : report_schedule(a, config.policy)) owe(p);
        if (listing) owe(final_appraisal_owed(a, config.policy));
    }
}

// Streams a file into the attachment row's blob, hashing as it goes.
void store_attachment(SQLite::Database& db, std::int64_t report_id, const std::filesystem::path& path,
                      std::int64_t size) {
    SQLite::Statement insert(db, "INSERT INTO attachments (report_id, name, size, sha256, content) "
                                 "VALUES (?, ?, ?, '', zeroblob(?))");
    insert.bind(1, report_id);
    insert.bind(2, path.filename().string());
    insert.bind(3, size);
    insert.bind(4, size);
    insert.exec();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ProblemError(problem(Parameter::attach, ProblemCode::attach_unreadable, path.string(), std::strerror(errno)));
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db.getHandle(), "main", "attachments", "content", report_id, 1, &blob) != SQLITE_OK)
        throw Error(msg("cannot store the attachment: {}", sqlite3_errmsg(db.getHandle())));
    util::Sha256 sha;
    std::string buffer(kChunk, '\0');
    std::int64_t offset = 0;
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK && offset < size) {
        in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::int64_t>(kChunk, size - offset)));
        auto got = in.gcount();
        if (got <= 0) break;
        sha.update(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
        rc = sqlite3_blob_write(blob, buffer.data(), static_cast<int>(got), static_cast<int>(offset));
        offset += got;
    }
    sqlite3_blob_close(blob);
    if (rc != SQLITE_OK || offset != size)
        throw ProblemError(problem(Parameter::attach, ProblemCode::attach_changed, path.string()));
    SQLite::Statement set_hash(db, "UPDATE attachments SET sha256 = ? WHERE report_id = ?");
    set_hash.bind(1, sha.hex());
    set_hash.bind(2, report_id);
    set_hash.exec();
}

} // namespace

std::int64_t add_report(SQLite::Database& db, const Config& config, const NewReport& r) {
    AssignmentStore store(db);
    auto a = store.get(r.assignment_id);
    if (!a) throw ProblemError(problem(Parameter::assignment, ProblemCode::assignment_unknown, r.assignment_id));
    auto resolved = resolve_period(report_schedule(*a, config.policy), r.kind, r.period);
    if (!resolved.period) throw ProblemError(problem(Parameter::period, ProblemCode::period_unresolved, resolved.error));
    const ReportPeriod& p = *resolved.period;
    if (r.submitted_on < p.start)
        throw ProblemError(problem(Parameter::submitted_on, ProblemCode::submitted_before_period, r.submitted_on.iso(),
                                   p.label, p.start.iso()));
    if (auto refusal = refuse_submission_date(r.submitted_on, util::Date::today())) throw ProblemError(*refusal);

    std::int64_t size = 0;
    if (r.attach) {
        std::error_code ec;
        auto status = std::filesystem::status(*r.attach, ec);
        if (ec || !std::filesystem::is_regular_file(status))
            throw ProblemError(problem(Parameter::attach, ProblemCode::attach_not_file, r.attach->string()));
        size = static_cast<std::int64_t>(std::filesystem::file_size(*r.attach, ec));
        if (ec) throw ProblemError(problem(Parameter::attach, ProblemCode::attach_unreadable, r.attach->string(), ec.message()));
        if (size > config.policy.max_attachment_bytes)
            throw ProblemError(problem(Parameter::attach, ProblemCode::attach_too_large, r.attach->string(), size,
                                       config.policy.max_attachment_bytes));
        std::ifstream probe(*r.attach, std::ios::binary);
        if (!probe) throw ProblemError(problem(Parameter::attach, ProblemCode::attach_unreadable, r.attach->string(), std::strerror(errno)));
    }

    // The current submissions of the period that reach a recipient this one reaches: one to the
    // home unit and one to the Organization Department are two, "both" overlaps either.
    SQLite::Statement existing(db, "SELECT id, submitted_on, recipient FROM reports WHERE assignment_id = ? AND kind = ? AND "
                                   "period_start = ? AND superseded_by IS NULL AND "
                                   "(?4 = 'both' OR recipient = 'both' OR recipient = ?4) ORDER BY id");
    existing.bind(1, r.assignment_id);
    existing.bind(2, r.kind);
    existing.bind(3, p.start.iso());
    existing.bind(4, r.recipient);
    std::vector<std::int64_t> earlier;
    while (existing.executeStep()) {
        if (r.skip_same && !r.attach && existing.getColumn(2).getString() == r.recipient &&
            existing.getColumn(1).getString() == r.submitted_on.iso())
            return 0;
        if (!r.replace)
            throw ProblemError(problem(Parameter::period, ProblemCode::report_exists, existing.getColumn(0).getInt64(),
                                       r.kind, p.label, existing.getColumn(1).getString()));
        earlier.push_back(existing.getColumn(0).getInt64());
    }
    existing.reset();
    for (std::int64_t e : earlier) {
        // Out of the unique "current" indexes first, then pointed at its replacement below.
        SQLite::Statement park(db, "UPDATE reports SET superseded_by = id WHERE id = ?");
        park.bind(1, e);
        park.exec();
    }

    SQLite::Statement insert(db, "INSERT INTO reports (assignment_id, kind, period, period_start, period_end, "
                                 "submitted_on, recipient, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, r.assignment_id);
    insert.bind(2, r.kind);
    insert.bind(3, p.label);
    insert.bind(4, p.start.iso());
    insert.bind(5, p.end.iso());
    insert.bind(6, r.submitted_on.iso());
    insert.bind(7, r.recipient);
    insert.bind(8, r.recorded_by);
    insert.exec();
    std::int64_t id = db.getLastInsertRowid();
    for (std::int64_t e : earlier) {
        SQLite::Statement link(db, "UPDATE reports SET superseded_by = ? WHERE id = ?");
        link.bind(1, id);
        link.bind(2, e);
        link.exec();
    }
    if (r.attach) store_attachment(db, id, *r.attach, size);
    return id;
}

bool report_exists(SQLite::Database& db, std::int64_t report_id) {
    SQLite::Statement s(db, "SELECT 1 FROM reports WHERE id = ?");
    s.bind(1, report_id);
    return s.executeStep();
}

Attachment attachment_of(SQLite::Database& db, std::int64_t report_id) {
    SQLite::Statement s(db, "SELECT name, size, sha256 FROM attachments WHERE report_id = ?");
    s.bind(1, report_id);
    if (!s.executeStep()) throw Error(msg("report #{} has no attachment", report_id));
    return {s.getColumn(0).getString(), s.getColumn(1).getInt64(), s.getColumn(2).getString()};
}

std::string local_attachment_name(std::int64_t report_id, std::string_view stored) {
    std::string_view name = stored;
    if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    auto refuse = [&](const Message& why) {
        return ProblemError(problem(Parameter::output, ProblemCode::attachment_name_unsafe, report_id,
                                    util::printable(stored), why));
    };
    for (std::size_t i = 0; i < stored.size(); ++i) {
        auto c = static_cast<unsigned char>(stored[i]);
        auto next = i + 1 < stored.size() ? static_cast<unsigned char>(stored[i + 1]) : 0;
        if (c < 0x20 || c == 0x7f || (c == 0xc2 && next >= 0x80 && next <= 0x9f)) // C0, DEL, C1 (U+0080..U+009F)
            throw refuse(msg("holds a control character"));
    }
    for (auto part : util::split_any(stored, {"/", "\\"}))
        if (part == "..") throw refuse(msg("climbs out of its directory ('..')"));
    if (util::trim(name).empty()) throw refuse(msg("names no file"));
    if (name == ".") throw refuse(msg("is '.'"));
    return std::string(name);
}

Attachment read_attachment(SQLite::Database& db, std::int64_t report_id, std::FILE* out) {
    Attachment att = attachment_of(db, report_id);
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db.getHandle(), "main", "attachments", "content", report_id, 0, &blob) != SQLITE_OK)
        throw Error(msg("cannot read the attachment: {}", sqlite3_errmsg(db.getHandle())));
    util::Sha256 sha;
    std::string buffer(kChunk, '\0');
    Message failure; // why the copy stopped: reading the blob, or writing it out
    for (std::int64_t offset = 0; failure.empty() && offset < att.size;) {
        int n = static_cast<int>(std::min<std::int64_t>(kChunk, att.size - offset));
        if (int rc = sqlite3_blob_read(blob, buffer.data(), n, static_cast<int>(offset)); rc != SQLITE_OK)
            failure = msg("could not be read from the database: {}", sqlite3_errstr(rc));
        else if (std::fwrite(buffer.data(), 1, static_cast<std::size_t>(n), out) != static_cast<std::size_t>(n))
            failure = errno == ENOSPC ? msg("could not be written out: {} (the disk is full)", std::strerror(errno))
                                      : msg("could not be written out: {}", std::strerror(errno));
        sha.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        offset += n;
    }
    sqlite3_blob_close(blob);
    if (!failure.empty()) throw Error(msg("report #{}: the attachment {}", report_id, failure));
    if (sha.hex() != att.sha256)
        throw Error(msg("report #{}: the stored attachment does not match its SHA-256 {}", report_id, att.sha256));
    return att;
}

std::vector<Report> list_reports(SQLite::Database& db, const AssignmentFilter& filter, const Config& config,
                                 const std::optional<std::string>& kind, Versions which) {
    bool history = which == Versions::with_replaced;
    SqlFilter where = build_filter(filter, config);
    std::string sql = fmt::format(
        "SELECT r.id, r.assignment_id, c.name, r.kind, r.period, r.period_start, r.period_end, r.submitted_on, "
        "r.recipient, r.recorded_by, r.recorded_at, r.superseded_by, f.name, f.size, f.sha256 "
        "FROM reports r JOIN {} sel ON sel.id = r.assignment_id "
        "JOIN assignments a ON a.id = r.assignment_id JOIN cadres c ON c.id = a.cadre_id "
        "LEFT JOIN attachments f ON f.report_id = r.id WHERE 1 = 1{}{} "
        "ORDER BY a.batch_year, r.assignment_id, r.period_end, "
        "CASE r.kind WHEN 'quarterly' THEN 0 WHEN 'semiannual' THEN 1 ELSE 2 END, r.id",
        selected_ids_sql(where), history ? "" : " AND r.superseded_by IS NULL", kind ? " AND r.kind = ?" : "");
    SQLite::Statement s(db, sql);
    bind_filter(s, where);
    if (kind) s.bind(static_cast<int>(where.texts.size() + 1), *kind);
    std::vector<Report> out;
    while (s.executeStep()) {
        Report r;
        r.id = s.getColumn(0).getInt64();
        r.assignment_id = s.getColumn(1).getInt64();
        r.cadre_name = s.getColumn(2).getString();
        r.kind = s.getColumn(3).getString();
        r.period = s.getColumn(4).getString();
        r.period_start = date_of(s.getColumn(5));
        r.period_end = date_of(s.getColumn(6));
        r.submitted_on = date_of(s.getColumn(7));
        r.recipient = s.getColumn(8).getString();
        r.recorded_by = s.getColumn(9).getString();
        r.recorded_at = s.getColumn(10).getString();
        if (!s.getColumn(11).isNull()) r.superseded_by = s.getColumn(11).getInt64();
        if (!s.getColumn(12).isNull())
            r.attachment = Attachment{s.getColumn(12).getString(), s.getColumn(13).getInt64(), s.getColumn(14).getString()};
        out.push_back(std::move(r));
    }
    return out;
}

void for_each_standing(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                       const std::function<void(const Assignment&, const ReportPeriod&, Standing)>& visit) {
    for_each_owed(store, selected_assignments(store, filter, config), filter, config, false,
                  [&](const Assignment& a, const ReportPeriod& p, const Owed& o) { visit(a, p, o.standing); });
}

std::vector<ComplianceRow> compliance(AssignmentStore& store, const AssignmentFilter& filter, const Config& config,
                                      ComplianceGroup group) {
    std::map<std::pair<std::string, std::size_t>, StandingCounts> counts;
    const auto& kinds = report_kinds().terms();
    for_each_standing(store, filter, config, [&](const Assignment& a, const ReportPeriod& p, Standing s) {
        std::size_t kind = 0;
        while (kind + 1 < kinds.size() && kinds[kind].code != p.kind) ++kind;
        std::string key = group == ComplianceGroup::county ? a.home_unit.county
                          : group == ComplianceGroup::host ? a.host_unit.name
                                                           : std::string();
        counts[{key, kind}][static_cast<std::size_t>(s)] += 1;
    });
    std::vector<ComplianceRow> rows;
    for (const auto& [key, n] : counts) rows.push_back({key.first, std::string(kinds[key.second].code), n});
    return rows;
}

std::vector<DueReport> reports_due(AssignmentStore& store, const AssignmentFilter& filter, const Config& config) {
    // Sorted as light items, the assignment copied once into the result: a DueReport is large.
    struct Item {
        const Assignment* assignment;
        ReportPeriod period;
        std::int64_t days_overdue;
        std::string recipient;
    };
    std::vector<Assignment> selected = selected_assignments(store, filter, config);
    std::vector<Item> items;
    for_each_owed(store, selected, filter, config, true, [&](const Assignment& a, const ReportPeriod& p, const Owed& o) {
        if (outstanding(o.standing)) items.push_back({&a, p, filter.as_of.days() - p.due.days(), o.recipient});
    });
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& x, const Item& y) { return x.days_overdue > y.days_overdue; });
    std::vector<DueReport> out;
    out.reserve(items.size());
    for (Item& i : items) out.push_back({*i.assignment, std::move(i.period), i.days_overdue, std::move(i.recipient)});
    return out;
}

bool any_report_recorded(SQLite::Database& db) {
    return db.execAndGet("SELECT EXISTS (SELECT 1 FROM reports)").getInt() != 0;
}

} // namespace guazhi
