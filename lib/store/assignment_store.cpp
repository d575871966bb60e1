#include "store/assignment_store.hpp"

#include "domain/rules.hpp"
#include "domain/stats.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "problem.hpp"
#include "store/cadre_values.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <map>
#include <fmt/format.h>

namespace guazhi {

std::string_view assignment_select_sql() {
    // The cadre as on the assignment's start date: its dated attributes are those in force
    // then (domain/cadre_history.hpp), in every listing, export and document read through here.
    static const std::string sql = fmt::format(
        R"sql(SELECT a.id, c.id_number, c.name, c.gender, c.ethnicity, c.birth_date, {},
       {}, {},
       a.direction, a.batch_year, h.name, h.kind, h.county, a.home_post, t.name, t.kind, t.county,
       a.host_post, a.start_date, a.end_date, a.extended_until, a.recalled_on, a.recall_reason,
       {}, {}, c.native_place, c.started_work, c.joined_party, {}, c.phone,
       a.remark, a.programme
  FROM assignments a
  JOIN cadres c ON c.id = a.cadre_id
  JOIN units h ON h.id = a.home_unit_id
  JOIN units t ON t.id = a.host_unit_id)sql",
        in_force_sql("political_status"), in_force_sql("education"), category_mask_in_force_sql(),
        in_force_sql("education_fulltime"), in_force_sql("education_inservice"), in_force_sql("rank"));
    return sql;
}

std::string_view assignment_listing_order() { return " ORDER BY a.batch_year, a.direction DESC, a.id"; }

namespace {

util::Date date_of(const std::string& iso) {
    auto d = util::parse_date(iso);
    return d ? *d.value : util::Date{};
}

// A cadre's categories from cadres.category_mask (kept by the schema's triggers, verified by
// `check`), in the vocabulary's order: one integer per row instead of a subquery over
// cadre_categories and a split (a tenth of a million-row export).
std::vector<std::string> categories_of(std::int64_t mask) {
    std::vector<std::string> out;
    for (const Term& t : categories().terms())
        if (mask & category_bit(t.code)) out.emplace_back(t.code);
    return out;
}

std::string placeholders(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
}

// The profile columns of migration 9, in the order kProfileColumns names them, from `first` on.
constexpr std::string_view kProfileColumns =
    "education_fulltime, education_inservice, native_place, started_work, joined_party, rank, phone";
void read_profile(SQLite::Statement& s, int first, Cadre& c) {
    c.education_fulltime = s.getColumn(first).getString();
    c.education_inservice = s.getColumn(first + 1).getString();
    c.native_place = s.getColumn(first + 2).getString();
    c.started_work = s.getColumn(first + 3).getString();
    c.joined_party = s.getColumn(first + 4).getString();
    c.rank = s.getColumn(first + 5).getString();
    c.phone = s.getColumn(first + 6).getString();
}

} // namespace

Assignment read_assignment(SQLite::Statement& s) {
    Assignment a;
    a.id = s.getColumn(0).getInt64();
    a.cadre.id_number = s.getColumn(1).getString();
    a.cadre.name = s.getColumn(2).getString();
    a.cadre.gender = s.getColumn(3).getString();
    a.cadre.ethnicity = s.getColumn(4).getString();
    a.cadre.birth_date = s.getColumn(5).getString();
    a.cadre.political_status = s.getColumn(6).getString();
    a.cadre.education = s.getColumn(7).getString();
    a.cadre.categories = categories_of(s.getColumn(8).getInt64());
    a.direction = s.getColumn(9).getString();
    a.batch_year = s.getColumn(10).getInt();
    a.home_unit = {s.getColumn(11).getString(), s.getColumn(12).getString(), s.getColumn(13).getString()};
    a.home_post = s.getColumn(14).getString();
    a.host_unit = {s.getColumn(15).getString(), s.getColumn(16).getString(), s.getColumn(17).getString()};
    a.host_post = s.getColumn(18).getString();
    a.start = date_of(s.getColumn(19).getString());
    a.end = date_of(s.getColumn(20).getString());
    if (!s.getColumn(21).isNull()) a.extended_until = date_of(s.getColumn(21).getString());
    if (!s.getColumn(22).isNull()) a.recalled_on = date_of(s.getColumn(22).getString());
    a.recall_reason = s.getColumn(23).getString();
    read_profile(s, 24, a.cadre);
    a.remark = s.getColumn(31).getString();
    a.programme = s.getColumn(32).getString();
    return a;
}

SqlFilter build_filter(const AssignmentFilter& f, const Config& config) {
    std::vector<std::string> conditions;
    SqlFilter out;
    if (f.year) {
        conditions.push_back("a.batch_year = ?");
        out.texts.push_back(std::to_string(*f.year));
    }
    if (f.year_from) {
        conditions.push_back("a.batch_year >= ?");
        out.texts.push_back(std::to_string(*f.year_from));
    }
    if (f.year_to) {
        conditions.push_back("a.batch_year <= ?");
        out.texts.push_back(std::to_string(*f.year_to));
    }
    if (f.direction) {
        conditions.push_back("a.direction = ?");
        out.texts.push_back(*f.direction);
    }
    if (f.status) {
        // rules::status_on() in SQL, so that the date indexes can serve it; keep them together.
        // Each ? is the day statuses are judged on.
        static const std::map<std::string, std::string, std::less<>> by_status = {
            {"planned", "a.start_date > ?"},
            {"active", "a.start_date <= ? AND ? <= a.end_date AND (a.recalled_on IS NULL OR ? <= a.recalled_on)"},
            {"extended", "a.end_date < ? AND ? <= a.extended_until AND (a.recalled_on IS NULL OR ? <= a.recalled_on)"},
            {"recalled", "a.recalled_on < ?"},
            {"completed", "a.recalled_on IS NULL AND coalesce(a.extended_until, a.end_date) < ?"},
        };
        auto known = by_status.find(*f.status);
        // A caller in-process may pass any text; an unknown status is a problem, not std::out_of_range.
        if (known == by_status.end()) throw ProblemError(problem(Parameter::status, ProblemCode::status_unknown, *f.status));
        const std::string& condition = known->second;
        out.texts.insert(out.texts.end(), std::count(condition.begin(), condition.end(), '?'), f.as_of.iso());
        conditions.push_back("(" + condition + ")");
    }
    if (f.home) {
        conditions.push_back("a.home_unit_id = (SELECT id FROM units WHERE name = ?)");
        out.texts.push_back(*f.home);
    }
    if (f.host) {
        conditions.push_back("a.host_unit_id = (SELECT id FROM units WHERE name = ?)");
        out.texts.push_back(*f.host);
    }
    if (f.county) {
        conditions.push_back("h.county = ?");
        out.texts.push_back(*f.county);
    }
    if (f.category) {
        // The categories in force on the start date; a cadre without dated changes by the index.
        // Several codes (joined by ';') select a cadre of any of them.
        auto codes = util::split_any(*f.category, {";"});
        std::int64_t bits = 0;
        for (const auto& code : codes) bits |= category_bit(code);
        conditions.push_back(fmt::format("CASE WHEN c.dated_values = 0 THEN a.cadre_id IN (SELECT cadre_id FROM "
                                         "cadre_categories WHERE category IN ({})) ELSE ({} & {}) <> 0 END",
                                         placeholders(codes.size()), category_mask_in_force_sql(), bits));
        out.texts.insert(out.texts.end(), codes.begin(), codes.end());
    }
    if (f.political_status) {
        // The political status in force on the start date.
        conditions.push_back(in_force_sql("political_status") + " = ?");
        out.texts.push_back(*f.political_status);
    }
    if (f.non_party) {
        auto codes = non_party_statuses(config.policy);
        conditions.push_back(fmt::format("{} IN ({})", in_force_sql("political_status"), placeholders(codes.size())));
        out.texts.insert(out.texts.end(), codes.begin(), codes.end());
    }
    if (f.pending) {
        // Seed: 下派 cadres are elected by the township people's congress; appointment documents
        // are filed with the Organization Department and, for non-Party cadres, copied to the
        // United Front Work Department; each secondee gets a mentor and a division of work;
        // Party members transfer their Party relationship.
        auto missing = [](std::string_view condition) {
            return fmt::format("NOT EXISTS (SELECT 1 FROM appointments p WHERE p.assignment_id = a.id AND {})",
                               condition);
        };
        const std::string& k = *f.pending;
        if (k == "election") conditions.push_back("a.direction = 'down' AND " + missing("p.election_result = 'elected'"));
        else if (k == "united_front") {
            auto codes = non_party_statuses(config.policy);
            conditions.push_back(fmt::format("{} IN ({}) AND {}", in_force_sql("political_status"),
                                             placeholders(codes.size()), missing("p.united_front_on IS NOT NULL")));
            out.texts.insert(out.texts.end(), codes.begin(), codes.end());
        } else if (k == "filing") conditions.push_back(missing("p.filed_on IS NOT NULL"));
        else if (k == "document") conditions.push_back(missing("p.doc_number <> ''"));
        else if (k == "mentor") conditions.push_back(missing("p.mentor <> ''"));
        else if (k == "division") conditions.push_back(missing("p.division_of_work <> ''"));
        else if (k == "party_transfer")
        {
            std::vector<std::string> members;
            for (const Term& t : political_statuses().terms())
                if (is_party_member(t.code)) members.emplace_back(t.code);
            conditions.push_back(fmt::format("{} IN ({}) AND {}", in_force_sql("political_status"),
                                             placeholders(members.size()), missing("p.party_transfer_on IS NOT NULL")));
            out.texts.insert(out.texts.end(), members.begin(), members.end());
        }
        else throw Error(msg("unknown pending item '{}'", k));
    }
    if (f.no_inspection) {
        // Seed: "在挂职期届满前，派出专人到接收单位对挂职干部一年的工作、表现情况进行考察".
        conditions.push_back(fmt::format("{} BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM events e "
                                         "WHERE e.assignment_id = a.id AND e.kind = 'inspection')",
                                         kServedEndSql));
        out.texts.push_back(f.as_of.iso());
        out.texts.push_back(f.as_of.plus_days(config.policy.inspection_window_days).iso());
    }
    if (f.ending_within) {
        // Terms ending soon, by the served end as the expression index assignments_served_end
        // holds it (schema 14): a range of ends is one index search, not a scan.
        conditions.push_back(fmt::format("{} BETWEEN ? AND ?", kServedEndSql));
        out.texts.push_back(f.as_of.iso());
        out.texts.push_back(f.ending_within->last_day_from(f.as_of).iso());
    }
    if (f.returned) {
        conditions.push_back(fmt::format("{} < ?", kServedEndSql));
        out.texts.push_back(f.as_of.iso());
    }
    if (f.not_promoted) {
        // Seed: "在提拔任用干部时，在同等条件下，对挂职干部要优先考虑".
        conditions.push_back(fmt::format("NOT EXISTS (SELECT 1 FROM events e WHERE e.cadre_id = a.cadre_id AND "
                                         "e.kind = 'follow_up' AND e.reason = 'promotion' AND e.date > {})",
                                         kServedEndSql));
    }
    if (!conditions.empty()) out.where = fmt::format(" WHERE {}", fmt::join(conditions, " AND "));
    return out;
}

std::string status_sql(util::Date day) {
    // rules::status_on() as an SQL expression; the date is ours (digits and dashes), so it is
    // written as a literal.
    std::string d = fmt::format("'{}'", day.iso());
    return fmt::format("CASE WHEN {0} < a.start_date THEN 'planned' "
                       "WHEN a.recalled_on IS NOT NULL AND {0} > a.recalled_on THEN 'recalled' "
                       "WHEN {0} <= a.end_date THEN 'active' "
                       "WHEN a.extended_until IS NOT NULL AND {0} <= a.extended_until THEN 'extended' "
                       "ELSE 'completed' END",
                       d);
}

void bind_filter(SQLite::Statement& stmt, const SqlFilter& filter) {
    for (std::size_t i = 0; i < filter.texts.size(); ++i) stmt.bind(static_cast<int>(i + 1), filter.texts[i]);
}

struct AssignmentStore::Statements {
    SQLite::Statement find_cadre, insert_cadre, insert_category, find_unit, insert_unit, of_cadre, insert_assignment,
        get, count_hosted, insert_cadre_if_new, delete_cadre;
    // Text bound without a copy (bindNoCopy) must outlive the step: a looked-up key lives here.
    std::string key;
    explicit Statements(SQLite::Database& db)
        : find_cadre(db, fmt::format("SELECT id, id_number, name, gender, ethnicity, birth_date, political_status, "
                                     "education, category_mask, {}, dated_values FROM cadres WHERE id_number = ?",
                                     kProfileColumns)),
          insert_cadre(db, fmt::format("INSERT INTO cadres (id_number, name, gender, ethnicity, birth_date, "
                                       "political_status, education, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                       "?, ?)",
                                       kProfileColumns)),
          insert_category(db, "INSERT INTO cadre_categories (cadre_id, category) VALUES (?, ?)"),
          find_unit(db, "SELECT id, name, kind, county FROM units WHERE name = ?"),
          insert_unit(db, "INSERT INTO units (name, kind, county) VALUES (?, ?, ?)"),
          of_cadre(db, fmt::format("{} WHERE a.cadre_id = ? ORDER BY a.start_date", assignment_select_sql())),
          insert_assignment(db, "INSERT INTO assignments (cadre_id, direction, batch_year, home_unit_id, home_post, "
                                "host_unit_id, host_post, start_date, end_date, remark, programme) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          get(db, fmt::format("{} WHERE a.id = ?", assignment_select_sql())),
          count_hosted(db, "SELECT count(*) FROM assignments WHERE host_unit_id = ? AND batch_year = ? "
                           "AND recalled_on IS NULL"),
          insert_cadre_if_new(db, fmt::format("INSERT INTO cadres (id_number, name, gender, ethnicity, birth_date, "
                                              "political_status, education, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                              "?, ?, ?, ?) ON CONFLICT (id_number) DO NOTHING",
                                              kProfileColumns)),
          delete_cadre(db, "DELETE FROM cadres WHERE id = ?") {}
};

AssignmentStore::AssignmentStore(SQLite::Database& db) : db_(db), st_(std::make_unique<Statements>(db)) {}
AssignmentStore::~AssignmentStore() = default;

namespace {
// Resets a statement when leaving scope, so that an exception cannot leave it mid-step.
// tryReset(), not reset(): after a failed step (a constraint violation) reset() throws the
// step's error again, and a destructor throwing during unwinding terminates the program.
struct Resetter {
    SQLite::Statement& s;
    ~Resetter() {
        s.tryReset();
        s.clearBindings();
    }
};
} // namespace

std::optional<AssignmentStore::StoredCadre> AssignmentStore::find_cadre(std::string_view id_number) {
    auto& s = st_->find_cadre;
    Resetter r{s};
    st_->key.assign(id_number);
    s.bindNoCopy(1, st_->key);
    if (!s.executeStep()) return std::nullopt;
    StoredCadre out{s.getColumn(0).getInt64(), {}};
    Cadre& c = out.cadre;
    c.id_number = s.getColumn(1).getString();
    c.name = s.getColumn(2).getString();
    c.gender = s.getColumn(3).getString();
    c.ethnicity = s.getColumn(4).getString();
    c.birth_date = s.getColumn(5).getString();
    c.political_status = s.getColumn(6).getString();
    c.education = s.getColumn(7).getString();
    c.categories = categories_of(s.getColumn(8).getInt64());
    read_profile(s, 9, c);
    out.dated_values = s.getColumn(16).getInt64();
    return out;
}

namespace {
void bind_cadre(SQLite::Statement& s, const Cadre& c) {
    s.bindNoCopy(1, c.id_number);
    s.bindNoCopy(2, c.name);
    s.bindNoCopy(3, c.gender);
    s.bindNoCopy(4, c.ethnicity);
    s.bindNoCopy(5, c.birth_date);
    s.bindNoCopy(6, c.political_status);
    s.bindNoCopy(7, c.education);
    s.bindNoCopy(8, c.education_fulltime);
    s.bindNoCopy(9, c.education_inservice);
    s.bindNoCopy(10, c.native_place);
    s.bindNoCopy(11, c.started_work);
    s.bindNoCopy(12, c.joined_party);
    s.bindNoCopy(13, c.rank);
    s.bindNoCopy(14, c.phone);
}
} // namespace

std::int64_t AssignmentStore::insert_cadre(const Cadre& c) {
    {
        auto& s = st_->insert_cadre;
        Resetter r{s};
        bind_cadre(s, c);
        s.exec();
    }
    std::int64_t id = db_.getLastInsertRowid();
    insert_categories(id, c.categories);
    return id;
}

std::optional<std::int64_t> AssignmentStore::insert_cadre_row_if_new(const Cadre& c) {
    auto& s = st_->insert_cadre_if_new;
    Resetter r{s};
    bind_cadre(s, c);
    if (s.exec() == 0) return std::nullopt;
    return db_.getLastInsertRowid();
}

void AssignmentStore::insert_categories(std::int64_t cadre_id, const std::vector<std::string>& categories) {
    for (const auto& category : categories) {
        auto& s = st_->insert_category;
        Resetter r{s};
        s.bind(1, cadre_id);
        s.bindNoCopy(2, category);
        s.exec();
    }
}

void AssignmentStore::delete_new_cadre(std::int64_t id) {
    auto& s = st_->delete_cadre;
    Resetter r{s};
    s.bind(1, id);
    s.exec();
}

std::optional<AssignmentStore::StoredUnit> AssignmentStore::find_unit(std::string_view name) {
    auto& s = st_->find_unit;
    Resetter r{s};
    st_->key.assign(name);
    s.bindNoCopy(1, st_->key);
    if (!s.executeStep()) return std::nullopt;
    return StoredUnit{s.getColumn(0).getInt64(),
                      {s.getColumn(1).getString(), s.getColumn(2).getString(), s.getColumn(3).getString()}};
}

std::int64_t AssignmentStore::insert_unit(const Unit& u) {
    auto& s = st_->insert_unit;
    Resetter r{s};
    s.bind(1, u.name);
    s.bind(2, u.kind);
    s.bind(3, u.county);
    s.exec();
    return db_.getLastInsertRowid();
}

std::vector<Assignment> AssignmentStore::assignments_of(std::int64_t cadre_id) {
    auto& s = st_->of_cadre;
    Resetter r{s};
    s.bind(1, cadre_id);
    std::vector<Assignment> out;
    while (s.executeStep()) out.push_back(read_assignment(s));
    return out;
}

std::int64_t AssignmentStore::insert_assignment(const Assignment& a, std::int64_t cadre_id, std::int64_t home_unit_id,
                                                std::int64_t host_unit_id) {
    const std::string start = a.start.iso(), end = a.end.iso(); // outlive the statement's use
    auto& s = st_->insert_assignment;
    Resetter r{s};
    s.bind(1, cadre_id);
    s.bindNoCopy(2, a.direction);
    s.bind(3, a.batch_year);
    s.bind(4, home_unit_id);
    s.bindNoCopy(5, a.home_post);
    s.bind(6, host_unit_id);
    s.bindNoCopy(7, a.host_post);
    s.bindNoCopy(8, start);
    s.bindNoCopy(9, end);
    s.bindNoCopy(10, a.remark);
    s.bindNoCopy(11, a.programme);
    s.exec();
    return db_.getLastInsertRowid();
}

std::optional<Assignment> AssignmentStore::get(std::int64_t id) {
    auto& s = st_->get;
    Resetter r{s};
    s.bind(1, id);
    if (!s.executeStep()) return std::nullopt;
    return read_assignment(s);
}

bool AssignmentStore::counts_as_hosted(std::int64_t id, std::int64_t host_unit_id, int batch_year) {
    SQLite::Statement q(db_, "SELECT 1 FROM assignments WHERE id = ? AND host_unit_id = ? AND batch_year = ? "
                             "AND recalled_on IS NULL");
    q.bind(1, id);
    q.bind(2, host_unit_id);
    q.bind(3, batch_year);
    return q.executeStep();
}

void AssignmentStore::update_assignment(std::int64_t id, const Assignment& a, std::int64_t home_unit_id,
                                        std::int64_t host_unit_id) {
    SQLite::Statement u(db_, "UPDATE assignments SET direction = ?, batch_year = ?, home_unit_id = ?, home_post = ?, "
                             "host_unit_id = ?, host_post = ?, start_date = ?, end_date = ?, remark = ?, programme = ? "
                             "WHERE id = ?");
    u.bind(1, a.direction);
    u.bind(2, a.batch_year);
    u.bind(3, home_unit_id);
    u.bind(4, a.home_post);
    u.bind(5, host_unit_id);
    u.bind(6, a.host_post);
    u.bind(7, a.start.iso());
    u.bind(8, a.end.iso());
    u.bind(9, a.remark);
    u.bind(10, a.programme);
    u.bind(11, id);
    u.exec();
}

std::int64_t AssignmentStore::count_hosted(std::int64_t host_unit_id, int batch_year) {
    auto& s = st_->count_hosted;
    Resetter r{s};
    s.bind(1, host_unit_id);
    s.bind(2, batch_year);
    s.executeStep();
    return s.getColumn(0).getInt64();
}

void AssignmentStore::for_each(const AssignmentFilter& filter, const Config& config,
                               const std::function<void(Assignment&&)>& visit) {
    SqlFilter where = build_filter(filter, config);
    SQLite::Statement s(db_, fmt::format("{}{}{}", assignment_select_sql(), where.where, assignment_listing_order()));
    bind_filter(s, where);
    while (s.executeStep()) visit(read_assignment(s));
}

} // namespace guazhi
