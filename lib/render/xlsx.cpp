#include "render/xlsx.hpp"

#include "error.hpp"
#include "problem.hpp"
#include "util/workbook.hpp"
#include "render/table.hpp"
#include "util/date.hpp"

#include <algorithm>
#include <charconv>
#include <dlfcn.h>
#include <fmt/format.h>
#include <xlsxwriter.h>

namespace guazhi {

namespace {

// libxlsxwriter is opened when a workbook is written, not linked: it pulls in OpenSSL's
// libcrypto, whose loading took 3 ms of every command's start-up (the benchmark's start-up
// rows), and a workbook is one export format of five. The header still gives every function
// its type, so a call through here is checked like a direct one.
#define GUAZHI_XLSXWRITER_FUNCTIONS(X)                                                                        \
    X(workbook_new_opt) X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) X(format_set_bold)     \
    X(format_set_bg_color) X(format_set_num_format) X(worksheet_write_string) X(worksheet_write_number)      \
    X(worksheet_write_datetime) X(worksheet_set_column) X(worksheet_freeze_panes) X(lxw_strerror)

struct XlsxWriter {
#define GUAZHI_DECLARE(name) decltype(&::name) name;
    GUAZHI_XLSXWRITER_FUNCTIONS(GUAZHI_DECLARE)
#undef GUAZHI_DECLARE
};

XlsxWriter open_xlsxwriter() {
    void* library = dlopen(GUAZHI_XLSXWRITER_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!library)
        throw ProblemError(problem(Parameter::format, ProblemCode::xlsx_writer_missing, dlerror()));
    XlsxWriter api{};
    auto bind = [library]<typename F>(F& function, const char* name) {
        function = reinterpret_cast<F>(dlsym(library, name));
        if (!function) throw Error(msg("{} has no function {}", GUAZHI_XLSXWRITER_LIBRARY, name));
    };
#define GUAZHI_BIND(name) bind(api.name, #name);
    GUAZHI_XLSXWRITER_FUNCTIONS(GUAZHI_BIND)
#undef GUAZHI_BIND
    return api; // the library stays open: the process may write another workbook
}

const XlsxWriter& xlsxwriter() {
    static const XlsxWriter api = open_xlsxwriter();
    return api;
}

// Excel's sheet names: at most 31 characters, none of []:*?/\ — ours are short labels.
std::string sheet_name(const std::string& title, std::size_t index) {
    std::string out;
    for (char ch : title)
        if (std::string_view("[]:*?/\\").find(ch) == std::string_view::npos) out += ch;
    return out.empty() ? fmt::format("Sheet{}", index + 1) : out;
}

std::optional<double> number_of(const std::string& text) {
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

void check(lxw_error rc, std::string_view what) {
    if (rc != LXW_NO_ERROR)
        throw Error(msg("cannot write the workbook ({}): {}", what, xlsxwriter().lxw_strerror(rc)));
}

} // namespace

void write_xlsx(const std::string& path, const std::vector<Dataset>& datasets, const std::vector<std::string>& notes,
                const std::string& tmpdir) {
    const XlsxWriter& x = xlsxwriter();
    // libxlsxwriter assembles the workbook in temporary files of its own: beside the output
    // (`tmpdir`) rather than in $TMPDIR, and unlinked as soon as they are open.
    std::string dir = tmpdir;
    lxw_workbook_options options{};
    options.tmpdir = dir.empty() ? nullptr : dir.data();
    lxw_workbook* wb = x.workbook_new_opt(path.c_str(), &options);
    if (!wb) throw Error(msg("{}: cannot create the workbook", path));
    // Every cell written is checked: a value beyond Excel's limits (32,767 characters, 1,048,576
    // rows) is an error naming the cell, never a cell silently missing from the workbook.
    auto written = [&](lxw_error rc, const std::string& sheet, std::size_t row, std::size_t col) {
        if (rc == LXW_NO_ERROR) return;
        std::string cell = fmt::format("{}!{}", sheet, util::cell_name(col, row + 1));
        x.workbook_close(wb);
        throw Error(msg("cannot write the workbook: {}: {} (export as CSV instead, or narrow the selection)",
                                cell, x.lxw_strerror(rc)));
    };
    lxw_format* bold = x.workbook_add_format(wb);
    x.format_set_bold(bold);
    x.format_set_bg_color(bold, 0xDDEBF7);
    lxw_format* date = x.workbook_add_format(wb);
    x.format_set_num_format(date, "yyyy-mm-dd");
    for (std::size_t s = 0; s < datasets.size(); ++s) {
        const Dataset& d = datasets[s];
        lxw_worksheet* ws = x.workbook_add_worksheet(wb, sheet_name(d.title, s).c_str());
        if (!ws) {
            x.workbook_close(wb);
            throw Error(msg("cannot add the sheet '{}'", d.title));
        }
        const std::string sheet = sheet_name(d.title, s);
        std::vector<std::size_t> widths;
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            written(x.worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), d.columns[c].header.c_str(), bold), sheet,
                    0, c);
            widths.push_back(display_width(d.columns[c].header));
        }
        if (d.rows.size() >= LXW_ROW_MAX)
            written(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, sheet, LXW_ROW_MAX, 0);
        for (std::size_t r = 0; r < d.rows.size(); ++r) {
            auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < d.columns.size() && c < d.rows[r].size(); ++c) {
                const std::string& cell = d.rows[r][c];
                auto col = static_cast<lxw_col_t>(c);
                widths[c] = std::max(widths[c], display_width(cell));
                if (cell.empty()) continue;
                if (d.columns[c].date) {
                    if (auto parsed = util::parse_date(cell)) {
                        lxw_datetime dt = {parsed.value->year, static_cast<int>(parsed.value->month),
                                           static_cast<int>(parsed.value->day), 0, 0, 0};
                        written(x.worksheet_write_datetime(ws, row, col, &dt, date), sheet, r + 1, c);
                        continue;
                    }
                }
                if (d.columns[c].numeric)
                    if (auto v = number_of(cell)) {
                        written(x.worksheet_write_number(ws, row, col, *v, nullptr), sheet, r + 1, c);
                        continue;
                    }
                written(x.worksheet_write_string(ws, row, col, cell.c_str(), nullptr), sheet, r + 1, c);
            }
        }
        for (std::size_t c = 0; c < widths.size(); ++c)
            x.worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                   static_cast<double>(std::min<std::size_t>(widths[c], 60) + 2), nullptr);
        x.worksheet_freeze_panes(ws, 1, 0);
    }
    lxw_worksheet* ws = x.workbook_add_worksheet(wb, "说明");
    for (std::size_t i = 0; i < notes.size(); ++i)
        written(x.worksheet_write_string(ws, static_cast<lxw_row_t>(i), 0, notes[i].c_str(), nullptr), "说明", i, 0);
    x.worksheet_set_column(ws, 0, 0, 80, nullptr);
    check(x.workbook_close(wb), path);
}

} // namespace guazhi
