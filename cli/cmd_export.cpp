// guazhi export assignments: the canonical roster CSV (or JSON) that import reads back.
#include "commands.hpp"
#include "domain/roster.hpp"
#include "error.hpp"
#include "render/assignment_view.hpp"
#include "util/json.hpp"
#include "render/report.hpp"
#include "render/appraisal_view.hpp"
#include "store/applications.hpp"
#include "store/appraisals.hpp"
#include "store/assignment_store.hpp"
#include "store/lifecycle.hpp"
#include "util/csv.hpp"
#include "util/id_number.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace guazhi::cli {

namespace {

struct ExportOptions {
    std::string dataset;
    FilterOptions filter;
    Format format = Format::csv;
    std::optional<std::string> output;
    bool reveal_id = false;
};

// Events of the matching assignments (and their cadres' follow-ups), one row each.
std::size_t export_events(SQLite::Database& db, AssignmentStore& store, const AssignmentFilter& filter,
                          const ExportOptions& o, const Context& ctx, Output& out) {
    std::vector<ReportColumn> columns = {{"assignment_id", "assignment_id", true}, {"name", "name"},
                                         {"kind", "kind"},         {"date", "date"},
                                         {"recorded_by", "recorded_by"}, {"recorded_at", "recorded_at"},
                                         {"reason", "reason"},     {"details", "details", false, true}};
    std::vector<std::vector<std::string>> rows;
    std::set<std::int64_t> seen; // a cadre's follow-ups come with each of the cadre's assignments
    store.for_each(filter, ctx.config, [&](const Assignment& a) {
        for (const Event& e : events_of(db, a.id))
            if (seen.insert(e.id).second)
                rows.push_back({e.assignment_id ? std::to_string(e.assignment_id) : "", a.cadre.name, e.kind, e.date.iso(),
                            e.recorded_by, e.recorded_at, e.reason, e.details});
    });
    out.write(render_report(o.format, columns, rows));
    return rows.size();
}

std::size_t export_applications(SQLite::Database& db, const AssignmentFilter& filter, const ExportOptions& o,
                                Output& out) {
    if (!filter.year) throw Error("export applications: give --year");
    std::vector<ReportColumn> columns = {{"host_unit", "host_unit"}, {"batch_year", "batch_year", true},
                                         {"requested", "requested", true}, {"assigned", "assigned", true}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : application_summary(db, *filter.year))
        rows.push_back({r.host, std::to_string(*filter.year), r.requested ? std::to_string(*r.requested) : "",
                        std::to_string(r.assigned)});
    out.write(render_report(o.format, columns, rows));
    return rows.size();
}

std::string shown_id(const std::string& id_number, const ExportOptions& o) {
    return o.reveal_id ? id_number : util::mask_id_number(id_number);
}

// Annual assessments of the selected cadres: the columns `appraise import` reads back.
std::size_t export_appraisals(AssignmentStore& store, const AssignmentFilter& filter, const ExportOptions& o,
                              const Context& ctx, Output& out) {
    std::vector<std::string> keys = {"assignment_id", "id_number", "name", "year", "grade", "votes_excellent",
                                     "votes_competent", "votes_basically_competent", "votes_incompetent",
                                     "excellent_share", "outstanding", "unit", "decided_on", "home_note"};
    std::size_t n = 0;
    if (o.format == Format::json) out.write("[");
    else {
        std::string header;
        util::write_csv_record(header, keys);
        out.write(header);
    }
    for_each_annual(store, filter, ctx.config, [&](const Cadre& cadre, const AnnualAssessment& x) {
        if (o.format == Format::json) {
            JsonWriter json(false);
            json.begin_object().key("id_number").value(shown_id(cadre.id_number, o)).key("name").value(cadre.name);
            write_annual_json(json, x);
            json.end_object();
            out.write(n ? ",\n" : "\n");
            out.write(json.str());
        } else {
            std::vector<std::string> row = {x.assignment_id ? std::to_string(*x.assignment_id) : "",
                                            shown_id(cadre.id_number, o), cadre.name, std::to_string(x.year),
                                            x.grade.value_or("")};
            for (std::size_t i = 0; i < kVotedGrades.size(); ++i)
                row.push_back(x.votes ? std::to_string(x.votes->counts[i]) : "");
            auto share = x.votes ? x.votes->excellent_share() : std::nullopt;
            row.push_back(share ? fmt::format("{:.4f}", *share) : "");
            row.insert(row.end(), {x.outstanding ? "yes" : "no", x.unit, x.decided_on ? x.decided_on->iso() : "",
                                   x.home_note});
            std::string line;
            util::write_csv_record(line, row);
            out.write(line);
        }
        ++n;
    });
    if (o.format == Format::json) out.write(n ? "\n]\n" : "]\n");
    return n;
}

// Final appraisals (鉴定) of the selected assignments, one row each.
std::size_t export_final_appraisals(AssignmentStore& store, const AssignmentFilter& filter, const ExportOptions& o,
                                    const Context& ctx, Output& out) {
    std::vector<ReportColumn> columns = {{"assignment_id", "assignment_id", true}, {"id_number", "id_number"},
                                         {"name", "name"}, {"host_unit", "host_unit"}};
    for (const auto& d : kDimensions) {
        columns.push_back({fmt::format("{}_rating", d.code), fmt::format("{}_rating", d.code)});
        columns.push_back({fmt::format("{}_comment", d.code), fmt::format("{}_comment", d.code)});
    }
    for (std::string key : {"conclusion", "author_unit", "written_on", "early_reason", "recorded_by", "recorded_at"})
        columns.push_back({key, key});
    std::vector<std::vector<std::string>> rows;
    for_each_final(store, filter, ctx.config, [&](const Assignment& a, const FinalAppraisal& f) {
        std::vector<std::string> row = {std::to_string(a.id), shown_id(a.cadre.id_number, o), a.cadre.name,
                                        a.host_unit.name};
        for (const auto& d : f.dimensions) row.insert(row.end(), {d.rating, d.comment});
        row.insert(row.end(), {f.conclusion, f.author_unit, f.written_on.iso(), f.early_reason, f.recorded_by, f.recorded_at});
        rows.push_back(std::move(row));
    });
    out.write(render_report(o.format, columns, rows));
    return rows.size();
}

int run_export(const ExportOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    std::error_code ec;
    if (o.output && std::filesystem::equivalent(*o.output, ctx.db_path, ec))
        throw Error(fmt::format("-o {}: that is the database itself; choose another file", *o.output));
    Database db = ctx.open(OpenMode::read);
    if (o.dataset != "assignments") {
        AssignmentStore store(db.sql());
        Output out(o.output, o.reveal_id ? FileMode::private_file : FileMode::shared);
        std::size_t n = o.dataset == "events"           ? export_events(db.sql(), store, filter, o, ctx, out)
                        : o.dataset == "appraisals"       ? export_appraisals(store, filter, o, ctx, out)
                        : o.dataset == "final-appraisals" ? export_final_appraisals(store, filter, o, ctx, out)
                                                          : export_applications(db.sql(), filter, o, out);
        out.commit();
        fmt::print(stderr, "exported {} {}{}\n", n, o.dataset, o.output ? " to " + *o.output : "");
        return 0;
    }
    AssignmentStore store(db.sql());
    Output out(o.output, o.reveal_id ? FileMode::private_file : FileMode::shared);
    std::size_t count = 0;
    std::string buffer;
    if (o.format == Format::csv) {
        std::vector<std::string> header;
        for (const auto& s : roster_fields()) header.emplace_back(s.key);
        util::write_csv_record(buffer, header);
        out.write(buffer);
        store.for_each(filter, ctx.config, [&](const Assignment& a) {
            RowValues row = to_row(a);
            auto& id = row[static_cast<std::size_t>(Field::id_number)];
            if (!o.reveal_id) {
                id = util::mask_id_number(id);
                auto& born = row[static_cast<std::size_t>(Field::birth_date)];
                born = born.substr(0, 7);
            }
            buffer.clear();
            util::write_csv_record(buffer, std::vector<std::string>(row.begin(), row.end()));
            out.write(buffer);
            ++count;
        });
    } else {
        // JSON carries what the roster CSV cannot: the appointment and every event.
        out.write("[");
        store.for_each(filter, ctx.config, [&](const Assignment& a) {
            JsonWriter json(false);
            write_assignment_json(json, a, filter.as_of, ctx.config, o.reveal_id, appointment_of(db.sql(), a.id),
                                  events_of(db.sql(), a.id));
            out.write(count++ ? ",\n" : "\n");
            out.write(json.str());
        });
        out.write(count ? "\n]\n" : "]\n");
    }
    out.commit();
    fmt::print(stderr, "exported {} assignment{}{}{}\n", count, count == 1 ? "" : "s",
               o.output ? " to " + *o.output : "",
               o.reveal_id ? "" : " (ID numbers masked; --reveal-id for an export that can be imported)");
    return 0;
}

} // namespace

void setup_export(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<ExportOptions>();
    auto* sub = app.add_subcommand("export", "Export records: assignments (canonical CSV/JSON), events, applications, "
                                             "appraisals, final-appraisals");
    sub->add_option("DATASET", o->dataset,
                    "What to export: assignments, events, applications, appraisals (annual), final-appraisals")
        ->required()
        ->check(CLI::IsMember({"assignments", "events", "applications", "appraisals", "final-appraisals"}));
    add_filter_options(sub, o->filter);
    add_format_option(sub, o->format, {"csv", "json"});
    sub->add_option("-o,--output", o->output, "Write to this file (atomically) instead of standard output");
    sub->add_flag("--reveal-id", o->reveal_id, "Write full ID numbers (masked by default; a masked export cannot be imported)");
    sub->footer("The CSV has the canonical English header and codes, so export → import → export is identical.\n"
                "JSON assignments also carry the term's changes, the appointment and every event.\n"
                "appraisals: the annual assessments of the selected cadres, in the columns `appraise import` reads.\n"
                "Example:\n  guazhi export assignments --year 2006 --reveal-id -o 2006.csv");
    sub->callback([o, &global, &exit_code] { exit_code = run_export(*o, make_context(global)); });
}

} // namespace guazhi::cli
