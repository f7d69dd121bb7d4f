#include "cli/problem_location.h"

#include <iostream>

namespace scbench::cli {

std::filesystem::path ProblemsRoot(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (std::filesystem::is_directory("problems")) return "problems";
  return std::filesystem::path(SCBENCH_SOURCE_DIR) / "problems";
}

std::optional<harness::Problem> LoadNamedProblem(const std::filesystem::path& root, const std::string& name,
                                                 const char* command) {
  const std::filesystem::path directory = root / name;
  if (!std::filesystem::exists(directory / "problem.yaml")) {
    std::cerr << "scbench " << command << ": no problem '" << name << "' in " << root.string()
              << " (see `scbench problems list`)\n";
    return std::nullopt;
  }
  std::string error;
  auto problem = harness::LoadProblem(directory, error);
  if (!problem) std::cerr << "scbench " << command << ": " << error << "\n";
  return problem;
}

}  // namespace scbench::cli
