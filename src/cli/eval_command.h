#pragma once
/// `scbench eval SNAPSHOT --problem P --checkpoint N`: judge a workspace with the hidden tests.

#include <CLI/CLI.hpp>

namespace scbench::cli {

void AddEvalCommand(CLI::App& app, int& exit_code);

}  // namespace scbench::cli
