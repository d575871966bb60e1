#include "render/stats_view.hpp"

#include "render/report.hpp"

#include "util/json.hpp"
#include "render/table.hpp"
#include "util/csv.hpp"

#include <fmt/format.h>

namespace guazhi {

std::string percent(const Figure& f) {
    auto share = f.share();
    if (!f.denominator) return "";
    if (!share) return "—";
    return fmt::format("{:.1f}%", *share * 100.0);
}

namespace {
std::string indented_label(const Figure& f, Lang lang) {
    return std::string(static_cast<std::size_t>(f.depth) * 2, ' ') + std::string(f.label(lang));
}
} // namespace

std::string stats_table(const YearStats& s, Lang lang) {
    bool zh = lang == Lang::zh;
    std::vector<TableColumn> columns = {
        {zh ? "指标" : "figure"}, {zh ? "人数" : "count", true}, {zh ? "基数" : "of", true}, {zh ? "占比" : "share", true}};
    std::vector<std::vector<std::string>> rows;
    for (const Figure& f : figures(s))
        rows.push_back({indented_label(f, lang), std::to_string(f.count),
                        f.denominator ? std::to_string(*f.denominator) : "", percent(f)});
    std::string title = zh ? fmt::format("{} 年度挂职干部统计\n", s.year) : fmt::format("Secondment batch {}\n", s.year);
    return title + render_table(columns, rows);
}

std::string stats_csv(const YearStats& s, Lang lang) {
    std::string out;
    util::write_csv_record(out, {"key", "label", "count", "denominator", "share"});
    for (const Figure& f : figures(s))
        util::write_csv_record(out, {std::string(f.key), std::string(f.label(lang)), std::to_string(f.count),
                                     f.denominator ? std::to_string(*f.denominator) : "", percent(f)});
    return out;
}

namespace {

// Count of a grade in a direction ("" = both).
std::int64_t grade_count(const std::vector<GradeCount>& counts, std::string_view direction, std::string_view grade) {
    std::int64_t n = 0;
    for (const auto& c : counts)
        if (c.grade == grade && (direction.empty() || c.direction == direction)) n += c.count;
    return n;
}

} // namespace

std::string grades_report(Format format, const std::vector<GradeCount>& counts, Lang lang) {
    bool zh = lang == Lang::zh;
    std::vector<ReportColumn> columns = {{zh ? "等次" : "grade", "grade"},
                                         {std::string(directions().label("up", lang)), "up", true},
                                         {std::string(directions().label("down", lang)), "down", true},
                                         {zh ? "合计" : "total", "total", true}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& term : grades().terms())
        rows.push_back({format == Format::json ? std::string(term.code) : std::string(grades().label(term.code, lang)),
                        std::to_string(grade_count(counts, "up", term.code)),
                        std::to_string(grade_count(counts, "down", term.code)),
                        std::to_string(grade_count(counts, "", term.code))});
    return render_report(format, columns, rows);
}

std::string stats_json(const YearStats& s, const std::vector<ComplianceRow>* reports,
                       const std::vector<GradeCount>* grade_counts) {
    JsonWriter json;
    json.begin_object();
    json.key("batch_year").value(s.year);
    for (const Figure& f : figures(s)) {
        json.key(f.key).begin_object();
        json.key("count").value(f.count);
        if (f.denominator) {
            json.key("denominator").value(*f.denominator);
            json.key("of").value(f.of_key);
            if (auto share = f.share()) json.key("share").value(*share);
            else json.key("share").null();
        }
        json.end_object();
    }
    if (reports) {
        json.key("reports").begin_array();
        for (const auto& r : *reports) {
            json.begin_object().key("kind").value(r.kind);
            for (auto [key, standing] : {std::pair{"on_time", Standing::on_time}, {"late", Standing::late},
                                         {"missing", Standing::missing}, {"pending", Standing::pending}})
                json.key(key).value(r.counts[static_cast<std::size_t>(standing)]);
            json.end_object();
        }
        json.end_array();
    }
    if (grade_counts) {
        json.key("grades").begin_object();
        for (std::string_view direction : {"up", "down", ""}) {
            json.key(direction.empty() ? "total" : direction).begin_object();
            for (const auto& term : grades().terms()) json.key(term.code).value(grade_count(*grade_counts, direction, term.code));
            json.end_object();
        }
        json.end_object();
    }
    json.end_object();
    return json.str();
}

} // namespace guazhi
