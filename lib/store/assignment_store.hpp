// Reading and writing cadres, units and assignments with prepared statements.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/model.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guazhi {

// A WHERE clause over the aliases of assignment_select_sql() and its bound values.
struct SqlFilter {
    std::string where; // "" or " WHERE …"
    std::vector<std::string> texts; // bound in order to the `?` placeholders
};

// The SELECT … FROM … JOIN … that read_assignment() understands (aliases a, c, h, t).
std::string_view assignment_select_sql();
// The order of every listing and export: batch year, up before down, id — the order of the
// assignments_listing index, so that SQLite reads rows in it rather than sorting them.
std::string_view assignment_listing_order();

// The one translation of an AssignmentFilter into SQL, used by listing, statistics and export.
SqlFilter build_filter(const AssignmentFilter& filter, const Config& config);

// rules::status_on() as an SQL expression over alias a, judged on `day`.
std::string status_sql(util::Date day);

// Assignment::effective_end() — the last day served: recall, else extension, else the planned
// end — as an SQL expression over alias a. The one SQL spelling of it; test_rule_sql holds the
// two equal.
inline constexpr std::string_view kServedEndSql = "coalesce(a.recalled_on, a.extended_until, a.end_date)";

// Binds a filter's values to a statement, starting at placeholder 1.
void bind_filter(SQLite::Statement& stmt, const SqlFilter& filter);

// Reads the current row of a statement built on assignment_select_sql().
Assignment read_assignment(SQLite::Statement& stmt);

class AssignmentStore {
  public:
    explicit AssignmentStore(SQLite::Database& db);
    ~AssignmentStore();

    struct StoredCadre {
        std::int64_t id;
        Cadre cadre;             // as first recorded (store/cadre_values.hpp has its changes)
        std::int64_t dated_values = 0; // how many dated changes it has
    };
    struct StoredUnit {
        std::int64_t id;
        Unit unit;
    };

    std::optional<StoredCadre> find_cadre(std::string_view id_number);
    std::int64_t insert_cadre(const Cadre& cadre);
    // For a bulk import, where nearly every cadre is new: inserts the cadre's row (not its
    // categories) unless a cadre with that ID number is recorded, in one B-tree search instead
    // of find_cadre() and insert_cadre()'s two. The new id, or nullopt when recorded already.
    std::optional<std::int64_t> insert_cadre_row_if_new(const Cadre& cadre);
    // The categories of a cadre inserted by insert_cadre_row_if_new().
    void insert_categories(std::int64_t cadre_id, const std::vector<std::string>& categories);
    // Takes back a row insert_cadre_row_if_new() just inserted (before its categories or any
    // assignment): the table is as before, and the next cadre gets the same id again.
    void delete_new_cadre(std::int64_t id);
    std::optional<StoredUnit> find_unit(std::string_view name);
    std::int64_t insert_unit(const Unit& unit);
    // Every assignment of a cadre, oldest first.
    std::vector<Assignment> assignments_of(std::int64_t cadre_id);
    std::int64_t insert_assignment(const Assignment& a, std::int64_t cadre_id, std::int64_t home_unit_id,
                                   std::int64_t host_unit_id);
    std::optional<Assignment> get(std::int64_t id);
    // How many secondees a host unit receives in a batch, not counting recalled ones (a
    // recalled secondee's place may be filled again).
    std::int64_t count_hosted(std::int64_t host_unit_id, int batch_year);
    // Whether assignment `id` is one of those count_hosted(host_unit_id, batch_year) counts.
    bool counts_as_hosted(std::int64_t id, std::int64_t host_unit_id, int batch_year);
    // `assign edit`: the assignment's own columns (not its cadre, nor the term's changes).
    void update_assignment(std::int64_t id, const Assignment& a, std::int64_t home_unit_id, std::int64_t host_unit_id);
    // Calls `visit` for each matching assignment, ordered by batch year, direction and id.
    // Each is the visitor's to keep (moved from, when it streams rows out).
    void for_each(const AssignmentFilter& filter, const Config& config, const std::function<void(Assignment&&)>& visit);

    SQLite::Database& db() { return db_; }

  private:
    SQLite::Database& db_;
    struct Statements;
    std::unique_ptr<Statements> st_;
};

} // namespace guazhi
