// guazhi export DATASET: the office's documents — the 花名册, the canonical roster that import
// reads back, reports, appraisals, events, the allowance, the United Front list — as CSV
// (UTF-8, with a BOM or as GBK for Excel), JSON, markdown or an Excel workbook; one cadre's
// appointment approval form (.lrmx); and a batch's yearly report as a web page.
#include "commands.hpp"
#include "language.hpp"
#include "app/datasets.hpp"
#include "app/documents.hpp"
#include "app/summary.hpp"
#include "domain/roster.hpp"
#include "error.hpp"
#include "render/assignment_view.hpp"
#include "render/datasets.hpp"
#include "render/html_report.hpp"
#include "render/lrmx.hpp"
#include "render/xlsx.hpp"
#include "app/listing.hpp"
#include "app/queries.hpp"
#include "util/csv.hpp"
#include "util/encoding.hpp"
#include "util/json.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace guazhi::cli {

namespace {

struct ExportOptions {
    std::string dataset;
    std::optional<std::string> target; // lrmx: the cadre
    FilterOptions filter;
    Format format = Format::csv;
    std::optional<std::string> output;
    bool reveal_id = false, force = false, bom = false;
    std::string encoding = "utf-8";
};

// CSV for people's spreadsheets: UTF-8 (with a BOM for Excel when asked) or GB18030/GBK.
// CSV text in the chosen encoding, with a BOM first when asked.
void write_csv_bytes(Output& out, const std::string& utf8, const ExportOptions& o, bool first = true) {
    if (o.encoding != "utf-8") return out.write(util::to_gb18030(utf8));
    if (o.bom && first) out.write("\xEF\xBB\xBF");
    out.write(utf8);
}

std::vector<std::string> notes(const ExportOptions& o, const Context& ctx) {
    std::vector<std::string> out = {
        util::words(msg(N_("Exported by guazhi {} {}"), GUAZHI_VERSION, util::Date::today().iso()), ctx.lang),
        util::words(o.reveal_id ? msg(N_("ID numbers: complete (personal data; keep it safe)"))
                                : msg(N_("ID numbers: masked (--reveal-id for full ones)")),
                    ctx.lang)};
    return out;
}

void write_datasets(const std::vector<Dataset>& sets, const ExportOptions& o, const Context& ctx, Output& out) {
    if (o.format == Format::xlsx) {
        // Into the output's own temporary file (0600, beside it), never into $TMPDIR. (A
        // workbook needs -o: the option's check refuses it on standard output.)
        std::string path = out.temp_path();
        std::string dir = std::filesystem::path(path).parent_path().string();
        write_xlsx(path, sets, notes(o, ctx), dir.empty() ? "." : dir);
        return;
    }
    const Dataset& d = sets.front();
    if (o.format == Format::json) {
        // Masked exports say so in every record that has an ID number.
        auto columns = d.columns;
        auto rows = d.rows;
        if (std::any_of(columns.begin(), columns.end(), [](const ReportColumn& c) { return c.key == "id_number"; })) {
            columns.push_back({"id_number_masked", "id_number_masked", false, true});
            for (auto& r : rows) r.push_back(o.reveal_id ? "false" : "true");
        }
        out.write(render_report(Format::json, columns, rows));
        return;
    }
    std::string text = render_report(o.format, d.columns, d.rows);
    if (o.format == Format::csv)
        write_csv_bytes(out, text, o);
    else
        out.write(text);
}

// The canonical assignments, streamed: CSV that `assign import` reads back, or JSON with the
// term's changes, the appointment and every event.
std::size_t stream_assignments(Database& db, const AssignmentFilter& filter, const ExportOptions& o,
                               const Context& ctx, Output& out) {
    std::size_t count = 0;
    std::string buffer;
    if (o.format == Format::csv) {
        std::vector<std::string> header;
        for (const auto& s : roster_fields()) header.emplace_back(s.key);
        util::write_csv_record(buffer, header);
        write_csv_bytes(out, buffer, o);
        app::for_each_selected(db, filter, ctx.config, [&](Assignment&& a) {
            buffer.clear();
            util::write_csv_record(buffer, canonical_row(std::move(a), o.reveal_id));
            write_csv_bytes(out, buffer, o, false);
            ++count;
        });
        return count;
    }
    out.write("[");
    app::for_each_with_history(db, filter, ctx.config,
                               [&](const Assignment& a, const Appointment& appointment, const std::vector<Event>& events) {
        JsonWriter json(JsonLayout::one_line);
        write_assignment_json(json, a, filter.as_of, ctx.config, o.reveal_id, appointment, events);
        out.write(count++ ? ",\n" : "\n");
        out.write(json.str());
    });
    out.write(count ? "\n]\n" : "]\n");
    return count;
}

std::size_t export_lrmx(Database& db, const ExportOptions& o, Output& out) {
    if (!o.target) throw UsageError(msg(N_("export lrmx: give the cadre (ID number, or one of the cadre's assignment ids)")));
    app::CadreDossier d = app::gather_dossier(db, *o.target);
    out.write(lrmx_document(d.cadre, d.assignments, d.annual, o.reveal_id, d.current_post));
    return 1;
}

// The yearly report page holds figures only, so no ID numbers whatever --reveal-id says.
int export_report(Database& db, const AssignmentFilter& filter, const ExportOptions& o, const Context& ctx, Output& out) {
    out.write(render_html_report(app::gather_year_report(db, filter, ctx.config), ctx.lang, util::Date::today()));
    out.commit();
    if (o.output) diag(ctx.lang, msg(N_("exported the {} report to {} (figures only, no ID numbers)"), *filter.year, *o.output));
    else diag(ctx.lang, msg(N_("exported the {} report (figures only, no ID numbers)"), *filter.year));
    return 0;
}

int run_export(const ExportOptions& o, const Context& ctx) {
    AssignmentFilter filter = o.filter.to_filter();
    if (o.dataset != "lrmx" && o.target) throw UsageError(msg(N_("export {}: unexpected argument '{}'"), o.dataset, *o.target));
    if ((o.dataset == "report") != (o.format == Format::html))
        throw UsageError(o.format == Format::html ? msg(N_("--format html is for export report, not {}"), o.dataset)
                                                  : msg(N_("export report: --format html (a web page with charts)")));
    if (o.dataset == "report" && !filter.year) throw UsageError(msg(N_("export report: give --year (the batch the report is about)")));
    if ((o.bom || o.encoding != "utf-8") && o.format != Format::csv) throw UsageError(msg(N_("--bom and --encoding are for --format csv")));
    if (o.bom && o.encoding != "utf-8") throw UsageError(msg(N_("--bom goes with UTF-8; GBK has none")));
    if (o.format == Format::xlsx && !o.output) throw UsageError(msg(N_("--format xlsx writes a file: give -o FILE.xlsx")));
    if (o.dataset == "all" && o.format != Format::xlsx && o.format != Format::json)
        throw UsageError(msg(N_("export all: --format xlsx (one sheet per dataset) or json (everything, for import-all)")));
    if (o.dataset == "all" && o.format == Format::json) {
        if (!filter.selects_all())
            throw UsageError(msg(N_("export all --format json: the whole database, for import-all; it takes no filters")));
    }
    std::error_code ec;
    if (o.output && std::filesystem::equivalent(*o.output, ctx.db_path, ec))
        throw Error(msg(N_("-o {}: that is the database itself; choose another file"), *o.output));
    Database db = ctx.open(OpenMode::read);
    Output out(o.output, o.force);
    if (o.dataset == "report") return export_report(db, filter, o, ctx, out);
    std::size_t rows = 0;
    if (o.dataset == "lrmx") {
        rows = export_lrmx(db, o, out);
    } else if (o.dataset == "all" && o.format == Format::json) {
        rows = app::write_exchange(db, o.reveal_id, [&](std::string_view chunk) { out.write(chunk); });
    } else if (o.dataset == "assignments" && (o.format == Format::csv || o.format == Format::json)) {
        rows = stream_assignments(db, filter, o, ctx, out);
    } else {
        DatasetOptions options{ctx.lang, o.format == Format::json, o.reveal_id};
        std::vector<Dataset> sets;
        if (o.dataset == "all") {
            for (auto name : dataset_names())
                if (name != "applications" || filter.year) sets.push_back(app::build_dataset(name, db, filter, ctx.config, options));
        } else {
            sets.push_back(app::build_dataset(o.dataset, db, filter, ctx.config, options));
        }
        for (const auto& d : sets) rows += d.rows.size();
        write_datasets(sets, o, ctx, out);
    }
    out.commit();
    // Whole sentences, one per case, for the catalog.
    if (o.reveal_id) {
        if (o.output)
            diag(ctx.lang, counted(rows, N_("exported {} row of {} to {}"), N_("exported {} rows of {} to {}"), rows,
                                   o.dataset, *o.output));
        else diag(ctx.lang, counted(rows, N_("exported {} row of {}"), N_("exported {} rows of {}"), rows, o.dataset));
    } else if (o.output) {
        diag(ctx.lang, counted(rows,
                               N_("exported {} row of {} to {} (ID numbers masked; --reveal-id for complete ones, e.g. to "
                                  "import it elsewhere)"),
                               N_("exported {} rows of {} to {} (ID numbers masked; --reveal-id for complete ones, e.g. "
                                  "to import it elsewhere)"),
                               rows, o.dataset, *o.output));
    } else {
        diag(ctx.lang, counted(rows,
                               N_("exported {} row of {} (ID numbers masked; --reveal-id for complete ones, e.g. to "
                                  "import it elsewhere)"),
                               N_("exported {} rows of {} (ID numbers masked; --reveal-id for complete ones, e.g. to "
                                  "import it elsewhere)"),
                               rows, o.dataset));
    }
    if (o.reveal_id)
        diag(ctx.lang, o.output ? msg(N_("warning: the export holds complete ID numbers (--reveal-id); keep it safe (the "
                                         "file is readable only by you)"))
                                : msg(N_("warning: the export holds complete ID numbers (--reveal-id); keep it safe")));
    return 0;
}

} // namespace

void setup_export(CLI::App& app, const GlobalOptions& global, int& exit_code) {
    auto o = std::make_shared<ExportOptions>();
    auto* sub = app.add_subcommand("export", "Export records: roster (花名册), assignments, reports, appraisals, events, "
                                             "allowance, united-front, applications, all; lrmx CADRE; "
                                             "report --year Y --format html");
    std::vector<std::string> names(dataset_names().begin(), dataset_names().end());
    names.insert(names.end(), {"all", "lrmx", "report"});
    sub->add_option("DATASET", o->dataset, help_text(sub, msg(N_("What to export: {}"), fmt::format("{}", fmt::join(names, ", ")))))
        ->required()
        ->check(CLI::IsMember(names));
    sub->add_option("CADRE", o->target, "lrmx: an ID number, or the id of one of the cadre's assignments");
    add_filter_options(sub, o->filter, global.language);
    add_format_option(sub, o->format, {"csv", "json", "markdown", "xlsx", "html"});
    sub->add_option("-o,--output", o->output, "Write to this file (through a temporary file, renamed when complete)");
    sub->add_flag("--force", o->force, "Replace an existing output file");
    sub->add_flag("--reveal-id", o->reveal_id, "Write full ID numbers (masked by default; a masked export cannot be imported)");
    sub->add_flag("--bom", o->bom, "CSV: start with a UTF-8 byte order mark, so that Excel reads Chinese correctly");
    sub->add_option("--encoding", o->encoding, "CSV: utf-8 (default) or gbk (GB18030, for old Excel and WPS)")
        ->transform([](std::string v) { return v == "gbk" || v == "gb18030" || v == "GBK" || v == "GB18030" ? "gbk" : v == "utf8" || v == "UTF-8" ? "utf-8" : v; })
        ->check(CLI::IsMember({"utf-8", "gbk"}));
    sub->footer("roster is the 花名册 with Chinese headers; assignments has the canonical English header and codes, so\n"
                "export → import → export is identical (--reveal-id). xlsx: one sheet per dataset (all: every one),\n"
                "a notes sheet says whether ID numbers are masked. An empty selection still writes the headers.\n"
                "all --format json: every record of every table in one document (no filters), which\n"
                "`guazhi import-all` reads back — with --reveal-id, since masked ID numbers cannot be merged.\n"
                "Example:\n  guazhi export roster --year 2006 --format xlsx -o 2006年挂职干部花名册.xlsx\n"
                "  guazhi export lrmx 14 -o 何俊杰.lrmx\n"
                "  guazhi export report --year 2006 --format html -o 2006年度报告.html");
    sub->callback([o, &global, &exit_code] { exit_code = run_export(*o, make_context(global)); });
}

} // namespace guazhi::cli
