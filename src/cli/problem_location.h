#pragma once
/// Where commands look for problems: --problems-dir, else ./problems, else the problems
/// shipped in the source tree scbench was built from.

#include <filesystem>
#include <optional>
#include <string>

#include "harness/problem.h"

namespace scbench::cli {

std::filesystem::path ProblemsRoot(const std::string& flag);

/// Loads one problem by name, printing a clear error (unknown name, invalid files).
std::optional<harness::Problem> LoadNamedProblem(const std::filesystem::path& root, const std::string& name,
                                                 const char* command);

}  // namespace scbench::cli
