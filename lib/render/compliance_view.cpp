#include "render/compliance_view.hpp"

#include "render/report.hpp"

namespace guazhi {

std::string render_compliance(Format format, const std::vector<ComplianceRow>& rows, Lang lang,
                              const std::string& group_header) {
    bool zh = lang == Lang::zh;
    std::vector<ReportColumn> columns;
    if (!group_header.empty()) columns.push_back({group_header, "group"});
    for (ReportColumn c : std::vector<ReportColumn>{{zh ? "类型" : "kind", "kind"},
                                                    {zh ? "按时" : "on time", "on_time", true},
                                                    {zh ? "逾期提交" : "late", "late", true},
                                                    {zh ? "未交" : "missing", "missing", true},
                                                    {zh ? "宽限期内" : "within grace", "pending", true}})
        columns.push_back(c);
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows) {
        std::vector<std::string> row;
        if (!group_header.empty()) row.push_back(r.group);
        row.push_back(format == Format::json ? r.kind : std::string(report_kinds().label(r.kind, lang)));
        for (auto n : r.counts) row.push_back(std::to_string(n));
        cells.push_back(std::move(row));
    }
    return render_report(format, columns, cells);
}

} // namespace guazhi
