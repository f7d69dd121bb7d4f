#pragma once
/// The resolved configuration of a run, saved as run.json in the run directory so that
/// --resume continues with exactly the same settings.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scbench::run {

inline constexpr const char* kRunSchema = "scbench.run";
inline constexpr int kRunSchemaVersion = 1;

struct RunLimits {
  double checkpoint_seconds = 3600;
  int checkpoint_steps = 0;         // 0 = no limit
  double checkpoint_cost = 0;       // USD, 0 = no limit
  double problem_cost = 0;          // USD, 0 = no limit
};

struct RunConfig {
  std::string agent;
  std::string model;
  std::string prompt = "just-solve";
  std::string reasoning_effort;
  std::vector<std::string> problems;
  std::vector<std::string> overrides;  // key=value agent settings
  /// Names of the variables given with --agent-env; their values are never written down
  /// (they may be secrets) and must be given again to resume.
  std::vector<std::string> agent_env;
  int checkpoints = 0;       // only the first N checkpoints of each problem (0: all)
  std::string agent_version;  // what the agent's version command printed
  RunLimits limits;
  bool stop_on_fail = false;
  bool sandbox = true;       // bubblewrap for agents and submissions (--no-sandbox turns it off)
  std::string problems_dir;  // absolute
  std::string data_dir;      // agents/, prompts/, models/ (absolute)
  std::string scbench_version;
};

nlohmann::ordered_json RunConfigToJson(const RunConfig& config);

/// Reads run.json; a clear error for a missing file or another schema version.
std::optional<RunConfig> LoadRunConfig(const std::filesystem::path& run_dir, std::string& error);

}  // namespace scbench::run
