// Each subcommand adds itself to the application: options, help with an example, and a
// callback that runs it and sets the exit code.
#pragma once

#include "context.hpp"

#include <CLI/CLI.hpp>

namespace guazhi::cli {

void setup_init(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_assign(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_assign_import(CLI::App& assign, const GlobalOptions& global, int& exit_code);
void setup_assign_life(CLI::App& assign, const GlobalOptions& global, int& exit_code);
void setup_assign_quota(CLI::App& assign, const GlobalOptions& global, int& exit_code);
void setup_assign_allowance(CLI::App& assign, const GlobalOptions& global, int& exit_code);
void setup_assign_edit(CLI::App& assign, const GlobalOptions& global, int& exit_code);
void setup_stats(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_export(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_import_all(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_log(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_undo(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_cadre(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_unit(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_check(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_backup(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_report(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_appraise(CLI::App& app, const GlobalOptions& global, int& exit_code);

} // namespace guazhi::cli
