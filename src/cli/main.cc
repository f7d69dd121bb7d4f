// scbench: the command line. Each subcommand lives in its own file; this one only
// assembles them and maps parse errors to exit code 2.

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/eval_command.h"
#include "cli/measure_command.h"
#include "cli/problems_command.h"
#include "cli/rules_command.h"
#include "cli/run_command.h"

int main(int argc, char** argv) {
  CLI::App app{"scbench: measure how code erodes as agents extend it"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("scbench ") + SCBENCH_VERSION);
  int exit_code = scbench::cli::kExitOk;
  scbench::cli::AddMeasureCommand(app, exit_code);
  scbench::cli::AddRulesCommand(app, exit_code);
  scbench::cli::AddEvalCommand(app, exit_code);
  scbench::cli::AddProblemsCommand(app, exit_code);
  scbench::cli::AddRunCommand(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return scbench::cli::kExitUsageOrIo;
  } catch (const std::exception& error) {
    std::cerr << "scbench: internal error: " << error.what() << "\n";
    return scbench::cli::kExitUsageOrIo;
  }
  return exit_code;
}
