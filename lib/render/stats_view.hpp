// The statistics as a table, CSV, markdown or JSON: the summary of one selection with its
// distributions, the figures per group or year, and bar charts for the terminal.
#pragma once

#include "domain/dimension.hpp"
#include "domain/stats.hpp"
#include "domain/vocabulary.hpp"
#include "render/format.hpp"
#include "domain/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace guazhi {

// "48.1%", or "—" when the denominator is zero; "" for a plain count.
std::string percent(const Figure& f);

// How a selection divides along one dimension: value → count, in order.
using Distribution = std::pair<Dimension, std::vector<std::pair<std::string, std::int64_t>>>;

struct Summary {
    YearStats stats;    // stats.year: the batch year, 0 when the selection is not one year
    util::Date as_of;   // the day statuses are judged on
    std::vector<Distribution> distributions;
    std::optional<std::vector<GroupStats>> grades; // keyed [direction, grade], once any is recorded
    std::optional<std::vector<ComplianceRow>> reports;
};


// The summary: the figures, then one section per distribution (share of the total), then the
// reports. CSV is one table `key,label,count,denominator,share` (sections as keys such as
// `age_band:<=30`, `grade:excellent:up`, `reports:quarterly:on_time`). JSON: see README.
std::string render_summary(const Summary& s, Format format, Lang lang);

// The figures per group (`--by`, `--from/--to`). Table and markdown show the main figures
// (a count, with its share after it); CSV and JSON all of them, CSV shares as
// `<key>_share_of_<denominator>`.
std::string render_groups(const std::vector<Dimension>& by, const std::vector<GroupStats>& groups, Format format,
                          Lang lang);

// The label of a group: its values' labels joined by a space.
std::string group_label(const std::vector<Dimension>& by, const GroupStats& g, Lang lang);

// A horizontal bar chart: labels aligned by display width, bars of block characters scaled
// to the largest value (`unicode`), or of '#' when the terminal may not show them.
struct Bar {
    std::string label;
    std::int64_t value = 0;
    std::string note; // e.g. "48.1%"
};
std::string render_bars(const std::string& title, const std::vector<Bar>& bars, bool unicode, int width = 40);

} // namespace guazhi
