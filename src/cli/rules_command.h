#pragma once
/// `scbench rules list|show|test`: what the slop rules are and whether they work.

#include <CLI/CLI.hpp>

namespace scbench::cli {

void AddRulesCommand(CLI::App& app, int& exit_code);

}  // namespace scbench::cli
