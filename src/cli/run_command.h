#pragma once
/// `scbench run`: drive an agent through problems, checkpoint after checkpoint.

#include <CLI/CLI.hpp>

namespace scbench::cli {

void AddRunCommand(CLI::App& app, int& exit_code);

}  // namespace scbench::cli
