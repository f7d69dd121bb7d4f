#pragma once
/// `scbench measure PATH`: flags, the library call, rendering and the exit code.

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"

namespace scbench::cli {

/// Adds the subcommand; `exit_code` receives the command's result when it runs.
void AddMeasureCommand(CLI::App& app, int& exit_code);

}  // namespace scbench::cli
