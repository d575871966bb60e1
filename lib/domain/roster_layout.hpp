// Where the table is inside a 花名册 sheet: title, 填表单位 and 说明 lines above the header,
// a header of one row or two (group cells such as 派出单位 over 单位/职务), the columns that
// are not fields (序号, a period in one cell, a unit and post in one cell, derived columns),
// and the footer lines below the data (填表人, 合计 …).
#pragma once

#include "domain/roster.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guazhi {

// What one column of a roster holds.
enum class ColumnKind {
    field,          // one roster field
    serial,         // 序号: the row's number on the form, not data
    period,         // 挂职起止时间 in one cell: start and end date
    home_unit_post, // 派出单位及职务: the home unit and the post held there
    host_unit_post, // 接收单位及挂职职务: the host unit and the post held there
    derived,        // 状态, 年龄: computed from other columns, not read
    ignored,        // mapped to "ignore" by the command line's map or [columns]
};

struct ColumnMeaning {
    ColumnKind kind = ColumnKind::field;
    Field field = Field::name; // for ColumnKind::field
    bool operator==(const ColumnMeaning&) const = default;
};

// Headers a user adds for one run (a mapping given on the command line) or for good (the config's [columns]).
using ColumnAliases = std::vector<std::pair<std::string, ColumnMeaning>>;

// What a --map or [columns] target names: a field's key or Chinese name, or one of period,
// home_unit_and_post, host_unit_and_post, serial, ignore. nullopt for anything else.
std::optional<ColumnMeaning> meaning_of_target(std::string_view target);
// The targets meaning_of_target() takes besides the fields, for messages.
inline constexpr std::string_view kSpecialTargets = "period, home_unit_and_post, host_unit_and_post, serial, ignore";

// The columns of `export roster` (花名册), in the order it writes them: the JSON key, the Chinese
// and English headers and what `assign import` reads from the column. One list for both, so that
// the export in either language imports back (issue 20).
struct RosterExportColumn {
    std::string_view key, zh, en;
    ColumnMeaning meaning;
};
std::span<const RosterExportColumn> roster_export_columns();

// What a header names: the user's aliases first, then the built-in table.
std::optional<ColumnMeaning> meaning_of_header(std::string_view header, const ColumnAliases& aliases);

// "姓名 (name)" for a field, the header's own words for the other kinds.
std::string describe(const ColumnMeaning& meaning);

// One column of the file as the layout reads it.
struct RosterColumn {
    std::optional<ColumnMeaning> meaning; // nullopt: blank header, or unknown
    std::string header;                   // as the file writes it ("派出单位/职务" for two rows), cleaned
};

struct RosterLayout {
    std::vector<RosterColumn> columns;
    std::size_t header_rows = 1; // 1, or 2 for a header with group cells
};

// The outcome of looking for the header among the first rows of a sheet.
struct HeaderSearch {
    std::optional<RosterLayout> layout;
    std::size_t row = 0; // index (in the rows given) of the header's first row
    // When no header was found: the row that came closest and the required columns it lacks.
    std::optional<std::size_t> closest;
    std::vector<std::string> missing;
};

// Finds the header: the first row (or pair of rows, for group cells) that names every
// required column — directly or through a period or unit-and-post column. `rows` are the
// first non-blank rows of the sheet, cells as read.
HeaderSearch find_header(std::span<const std::vector<std::string>> rows, const ColumnAliases& aliases);

// The fields a layout gives values for (a period gives start and end, a unit-and-post cell
// the unit and the post).
std::vector<Field> fields_covered(const RosterLayout& layout);

// True for a footer line (填表人：…, 审核人, 制表, 负责人, 合计, 共计, 备注：, 说明：, 以下空白 …):
// a row whose first non-empty cell begins so and whose other cells are not those of a data
// row. A footer is never read as data; a real row that fails validation is not a footer.
bool is_footer_row(std::span<const std::string> cells);

} // namespace guazhi
