#include "app/datasets.hpp"
#include "render/event_details.hpp"

#include "domain/appraisal.hpp"
#include "domain/roster.hpp"
#include "domain/roster_layout.hpp"
#include "domain/rules.hpp"
#include "domain/vocabulary.hpp"
#include "error.hpp"
#include "problem.hpp"
#include "store/allowance.hpp"
#include "store/assignment_store.hpp"
#include "store/applications.hpp"
#include "store/appraisal_import.hpp"
#include "store/appraisals.hpp"
#include "store/history.hpp"
#include "store/reports.hpp"
#include "util/id_number.hpp"

#include <fmt/format.h>
#include <set>

namespace guazhi::app {

namespace {

std::string shown_id(const std::string& id, const DatasetOptions& o) {
    return o.reveal_id ? id : util::mask_id_number(id);
}

std::string label(const Vocabulary& v, std::string_view code, const DatasetOptions& o) {
    return o.codes ? std::string(code) : std::string(v.label(code, o.lang));
}

// An event's reason: a recall's (提拔使用 …) and a follow-up's promotion as labels, unless codes.
std::string reason_label(std::string_view kind, const std::string& reason, const DatasetOptions& o) {
    bool coded = kind == "recalled" || kind == "follow_up";
    return coded && !reason.empty() ? label(recall_reasons(), reason, o) : reason;
}

// A flag: yes / no as codes (what an import reads back), else 是 / 否 or yes / no.
std::string flag_cell(bool yes, const DatasetOptions& o) {
    return std::string(o.codes ? yes_no(yes, Lang::en) : yes_no(yes, o.lang));
}

// A column: the Chinese or English header, or the key for JSON.
// What a column holds, for alignment, JSON and workbook cells.
ReportColumn col(const DatasetOptions& o, std::string_view key, std::string_view zh, std::string_view en,
                 Holds holds = Holds::text) {
    return column_holding(std::string(o.codes ? key : o.lang == Lang::zh ? zh : en), std::string(key), holds);
}

// A unit and a post in one cell, as a 花名册 writes them: an ideographic space between, so that
// `assign import` splits them back exactly (domain/roster_cells.hpp, rule 1).
std::string unit_and_post(const std::string& unit, const std::string& post) {
    return post.empty() ? unit : unit + "\u3000" + post;
}

// 花名册: the columns a clerk expects, one row per secondment, numbered. With --reveal-id it
// imports back to the same records (tests/cli/rosters.sh): every stored field has a column.
Dataset roster(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    bool zh = o.lang == Lang::zh;
    Dataset d{"roster", zh ? "花名册" : "roster", {}, {}};
    // The headers `assign import` reads back, in either language (domain/roster_layout).
    for (const auto& c : roster_export_columns())
        d.columns.push_back(col(o, c.key, c.zh, c.en, c.key == "no" || c.key == "batch_year" ? Holds::number : Holds::text));
    std::size_t n = 0;
    store.for_each(f, config, [&](const Assignment& a) {
        std::vector<std::string> cats;
        for (const auto& c : a.cadre.categories) cats.push_back(label(categories(), c, o));
        // 出生年月 as clerks write it: 1981.04.
        std::string born = a.cadre.birth_date.size() >= 7 ? a.cadre.birth_date.substr(0, 4) + "." + a.cadre.birth_date.substr(5, 2) : "";
        auto education = [&](const std::string& code) { return code.empty() ? "" : label(educations(), code, o); };
        d.rows.push_back({std::to_string(++n), a.cadre.name, label(genders(), a.cadre.gender, o),
                          a.cadre.ethnicity.empty() ? "" : label(ethnicities(), a.cadre.ethnicity, o), born,
                          a.cadre.native_place, a.cadre.started_work,
                          label(political_statuses(), a.cadre.political_status, o), a.cadre.joined_party,
                          education(a.cadre.education), education(a.cadre.education_fulltime),
                          education(a.cadre.education_inservice), a.cadre.rank,
                          unit_and_post(a.home_unit.name, a.home_post), a.home_unit.county,
                          label(unit_kinds(), a.home_unit.kind, o), unit_and_post(a.host_unit.name, a.host_post),
                          fmt::format("{}—{}", a.start.iso(), a.effective_end().iso()), fmt::format("{}", fmt::join(cats, "、")),
                          label(directions(), a.direction, o), std::to_string(a.batch_year), a.programme,
                          shown_id(a.cadre.id_number, o), o.reveal_id ? a.cadre.phone : util::mask_phone(a.cadre.phone),
                          a.remark, label(statuses(), status_on(a, f.as_of), o)});
    });
    return d;
}

// The canonical columns `assign import` reads back.
Dataset assignments(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    Dataset d{"assignments", o.lang == Lang::zh ? "挂职记录" : "assignments", {}, {}};
    for (const auto& s : roster_fields()) {
        bool date = s.field == Field::start_date || s.field == Field::end_date;
        d.columns.push_back({std::string(s.key), std::string(s.key), s.field == Field::batch_year, false, date});
    }
    store.for_each(f, config, [&](Assignment&& a) {
        auto row = canonical_row(std::move(a), o.reveal_id);
        d.rows.emplace_back(std::make_move_iterator(row.begin()), std::make_move_iterator(row.end()));
    });
    return d;
}

Dataset reports(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    Dataset d{"reports", o.lang == Lang::zh ? "汇报" : "reports",
              {col(o, "id", "编号", "id", Holds::number), col(o, "assignment_id", "挂职编号", "assignment", Holds::number),
               col(o, "name", "姓名", "name"), col(o, "kind", "类型", "kind"), col(o, "period", "期次", "period"),
               col(o, "period_start", "期起", "period start", Holds::date),
               col(o, "period_end", "期止", "period end", Holds::date),
               col(o, "submitted_on", "提交日期", "submitted", Holds::date), col(o, "recipient", "报送", "to"),
               col(o, "attachment", "附件", "attachment"), col(o, "attachment_size", "附件大小", "size", Holds::number),
               col(o, "sha256", "SHA-256", "SHA-256")},
              {}};
    for (const Report& r : list_reports(store.db(), f, config, std::nullopt, Versions::current))
        d.rows.push_back({std::to_string(r.id), std::to_string(r.assignment_id), r.cadre_name, label(report_kinds(), r.kind, o),
                          r.period, r.period_start.iso(), r.period_end.iso(), r.submitted_on.iso(),
                          label(recipients(), r.recipient, o), r.attachment ? r.attachment->name : "",
                          r.attachment ? std::to_string(r.attachment->size) : "", r.attachment ? r.attachment->sha256 : ""});
    return d;
}

Dataset appraisals(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    Dataset d{"appraisals", o.lang == Lang::zh ? "年度考核" : "annual assessments", {}, {}};
    // The headers `appraise import` reads back, in either language (store/appraisal_import).
    for (const auto& c : annual_assessment_columns()) {
        bool number = c.key == "assignment_id" || c.key == "year" || c.key.starts_with("votes_") || c.key == "excellent_share";
        d.columns.push_back(col(o, c.key, c.zh, c.en, c.key == "decided_on" ? Holds::date : number ? Holds::number : Holds::text));
    }
    for_each_annual(store, f, config, [&](const Cadre& cadre, const AnnualAssessment& x) {
        std::vector<std::string> row = {x.assignment_id ? std::to_string(*x.assignment_id) : "",
                                        shown_id(cadre.id_number, o), cadre.name, std::to_string(x.year),
                                        x.grade ? label(grades(), *x.grade, o) : ""};
        for (std::size_t i = 0; i < kVotedGrades.size(); ++i) row.push_back(x.votes ? std::to_string(x.votes->counts[i]) : "");
        auto share = x.votes ? x.votes->excellent_share() : std::nullopt;
        row.push_back(share ? fmt::format("{:.4f}", *share) : "");
        row.insert(row.end(), {flag_cell(x.outstanding, o), x.unit, x.decided_on ? x.decided_on->iso() : "", x.home_note});
        d.rows.push_back(std::move(row));
    });
    return d;
}

Dataset final_appraisals(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    Dataset d{"final-appraisals", o.lang == Lang::zh ? "挂职鉴定" : "final appraisals",
              {col(o, "assignment_id", "挂职编号", "assignment", Holds::number), col(o, "id_number", "身份证号", "ID number"),
               col(o, "name", "姓名", "name"), col(o, "host_unit", "接收单位", "host unit")},
              {}};
    for (const auto& dim : kDimensions) {
        d.columns.push_back(col(o, fmt::format("{}_rating", dim.code), fmt::format("{}评价", dim.zh), fmt::format("{} rating", dim.en)));
        d.columns.push_back(col(o, fmt::format("{}_comment", dim.code), fmt::format("{}表现", dim.zh), fmt::format("{} comment", dim.en)));
    }
    for (auto c : {col(o, "conclusion", "鉴定意见", "conclusion"), col(o, "author_unit", "鉴定单位", "author unit"),
                   col(o, "written_on", "鉴定日期", "written on", Holds::date), col(o, "early_reason", "提前鉴定原因", "early because"),
                   col(o, "recorded_by", "记录人", "recorded by"), col(o, "recorded_at", "记录时间", "recorded at")})
        d.columns.push_back(c);
    for_each_final(store, f, config, [&](const Assignment& a, const FinalAppraisal& fa) {
        std::vector<std::string> row = {std::to_string(a.id), shown_id(a.cadre.id_number, o), a.cadre.name, a.host_unit.name};
        for (const auto& x : fa.dimensions) row.insert(row.end(), {x.rating, x.comment});
        row.insert(row.end(), {fa.conclusion, fa.author_unit, fa.written_on.iso(), fa.early_reason, fa.recorded_by, fa.recorded_at});
        d.rows.push_back(std::move(row));
    });
    return d;
}

Dataset events(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    Dataset d{"events", o.lang == Lang::zh ? "记事" : "events",
              {col(o, "assignment_id", "挂职编号", "assignment", Holds::number), col(o, "name", "姓名", "name"),
               col(o, "kind", "事项", "kind"), col(o, "date", "日期", "date", Holds::date),
               col(o, "recorded_by", "记录人", "recorded by"), col(o, "recorded_at", "记录时间", "recorded at"),
               col(o, "reason", "原因", "reason"), col(o, "details", "详情", "details")},
              {}};
    std::set<std::int64_t> seen; // a cadre's follow-ups come with each of the cadre's assignments
    for_each_with_history(store, f, config, [&](const Assignment& a, const Appointment&, const std::vector<Event>& history) {
        for (const Event& e : history)
            if (seen.insert(e.id).second)
                d.rows.push_back({e.assignment_id ? std::to_string(e.assignment_id) : "", a.cadre.name,
                                  label(event_kinds(), e.kind, o), e.date.iso(), e.recorded_by, e.recorded_at,
                                  reason_label(e.kind, e.reason, o),
                                  details_text(e.details, o.codes ? Lang::en : o.lang)});
    });
    return d;
}

Dataset allowance(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    Dataset d{"allowance", o.lang == Lang::zh ? "生活补助" : "allowance",
              {col(o, "assignment_id", "挂职编号", "assignment", Holds::number), col(o, "name", "姓名", "name"),
               col(o, "home_unit", "派出单位", "home unit"), col(o, "days", "天数", "days", Holds::number),
               col(o, "amount_yuan", "金额（元）", "amount (yuan)", Holds::number)},
              {}};
    for (const auto& line : allowance_by_assignment(store, f, config))
        d.rows.push_back({line.assignment_id ? std::to_string(line.assignment_id) : "",
                          line.assignment_id ? line.name : (o.lang == Lang::zh ? "合计" : "total"), line.home_unit,
                          std::to_string(line.days), yuan(line.amount_fen)});
    return d;
}

Dataset applications(AssignmentStore& store, const AssignmentFilter& f, const DatasetOptions& o) {
    if (!f.year) throw ProblemError(problem(Parameter::year, ProblemCode::required_for, "export applications"));
    Dataset d{"applications", o.lang == Lang::zh ? "申报" : "applications",
              {col(o, "host_unit", "接收单位", "host unit"), col(o, "batch_year", "年度", "batch", Holds::number),
               col(o, "requested", "申请人数", "requested", Holds::number), col(o, "assigned", "安排人数", "assigned", Holds::number)},
              {}};
    for (const auto& r : application_summary(store.db(), *f.year))
        d.rows.push_back({r.host, std::to_string(*f.year), r.requested ? std::to_string(*r.requested) : "",
                          std::to_string(r.assigned)});
    return d;
}

// Seed: 党外干部的任职文件要同时抄送市委统战部 — which documents went, which did not yet.
Dataset united_front(AssignmentStore& store, const AssignmentFilter& f, const Config& config, const DatasetOptions& o) {
    bool zh = o.lang == Lang::zh;
    Dataset d{"united-front", zh ? "抄送统战部" : "United Front",
              {col(o, "assignment_id", "挂职编号", "assignment", Holds::number), col(o, "name", "姓名", "name"),
               col(o, "political_status", "政治面貌", "political status"), col(o, "host", "接收单位及挂职职务", "host unit and post"),
               col(o, "doc_number", "任职文件", "appointment document"), col(o, "doc_date", "文件日期", "document date", Holds::date),
               col(o, "copied_on", "抄送日期", "copied on", Holds::date), col(o, "copied", "已抄送", "copied")},
              {}};
    for_each_with_history(store, f, config, [&](const Assignment& a, const Appointment& p, const std::vector<Event>&) {
        if (!is_non_party(a.cadre.political_status, config.policy)) return;
        d.rows.push_back({std::to_string(a.id), a.cadre.name, label(political_statuses(), a.cadre.political_status, o),
                          a.host_unit.name + a.host_post, p.doc_number, p.doc_date ? p.doc_date->iso() : "",
                          p.united_front_on ? p.united_front_on->iso() : "",
                          flag_cell(p.united_front_on.has_value(), o)});
    }, HistoryParts::appointment);
    return d;
}

} // namespace

Dataset build_dataset(std::string_view name, Database& db, const AssignmentFilter& filter,
                      const Config& config, const DatasetOptions& options) {
    AssignmentStore store(db.sql());
    if (name == "roster") return roster(store, filter, config, options);
    if (name == "assignments") return assignments(store, filter, config, options);
    if (name == "events") return events(store, filter, config, options);
    if (name == "reports") return reports(store, filter, config, options);
    if (name == "appraisals") return appraisals(store, filter, config, options);
    if (name == "final-appraisals") return final_appraisals(store, filter, config, options);
    if (name == "allowance") return allowance(store, filter, config, options);
    if (name == "united-front") return united_front(store, filter, config, options);
    if (name == "applications") return applications(store, filter, options);
    throw Error(msg("unknown dataset '{}'", name));
}

} // namespace guazhi::app
