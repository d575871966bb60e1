// The yearly report as one self-contained web page (`export report --format html`): the
// batch's summary as `stats --year` shows it, the trend over the batches before it as inline
// SVG charts, and the figures per county. No scripts, fonts or images are fetched, so the
// page opens offline and prints as it looks.
#pragma once

#include "config.hpp"
#include "domain/filter.hpp"
#include "domain/vocabulary.hpp"
#include "render/stats_view.hpp"
#include "domain/records.hpp"
#include "util/date.hpp"

#include <string>
#include <vector>

namespace guazhi {

// What the report shows, read from the database.
struct YearReport {
    Summary summary;                  // the batch, as `stats --year`
    std::vector<GroupStats> trend;    // per batch year, the earliest recorded (at most 30 back) up to the batch
    std::vector<GroupStats> counties; // the batch per home county (市直 for city organs)
};

// How many batch years the trend spans at most: more bars than this are too thin to read.
inline constexpr int kTrendYears = 30;

// The page in `lang`, saying it was generated on `generated` by this version. Every text is
// escaped; the page holds no ID numbers and says so.
std::string render_html_report(const YearReport& report, Lang lang, util::Date generated);

} // namespace guazhi
