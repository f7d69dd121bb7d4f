#pragma once
/// `scbench measure PATH`: flags, the library call, rendering and the exit code.

#include <CLI/CLI.hpp>

namespace scbench::cli {

/// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitGateFailed = 1;
inline constexpr int kExitUsageOrIo = 2;

/// Adds the subcommand; `exit_code` receives the command's result when it runs.
void AddMeasureCommand(CLI::App& app, int& exit_code);

}  // namespace scbench::cli
