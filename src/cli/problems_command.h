#pragma once
/// `scbench problems list` and `scbench problems check [P...]`.

#include <CLI/CLI.hpp>

namespace scbench::cli {

void AddProblemsCommand(CLI::App& app, int& exit_code);

}  // namespace scbench::cli
