#include "run/run_config.h"

#include <fmt/format.h>
#include <fstream>

namespace scbench::run {

nlohmann::ordered_json RunConfigToJson(const RunConfig& c) {
  return {{"schema", kRunSchema},
          {"schema_version", kRunSchemaVersion},
          {"scbench_version", c.scbench_version},
          {"agent", c.agent},
          {"model", c.model},
          {"prompt", c.prompt},
          {"reasoning_effort", c.reasoning_effort},
          {"problems", c.problems},
          {"overrides", c.overrides},
          {"agent_env", c.agent_env},
          {"agent_version", c.agent_version.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.agent_version)},
          {"checkpoints", c.checkpoints == 0 ? nlohmann::ordered_json("all") : nlohmann::ordered_json(c.checkpoints)},
          {"limits",
           {{"checkpoint_seconds", c.limits.checkpoint_seconds},
            {"checkpoint_steps", c.limits.checkpoint_steps},
            {"checkpoint_cost_usd", c.limits.checkpoint_cost},
            {"problem_cost_usd", c.limits.problem_cost}}},
          {"stop_on_fail", c.stop_on_fail},
          {"sandbox", c.sandbox},
          {"problems_dir", c.problems_dir},
          {"data_dir", c.data_dir}};
}

std::optional<RunConfig> LoadRunConfig(const std::filesystem::path& run_dir, std::string& error) {
  const auto path = run_dir / "run.json";
  std::ifstream stream(path);
  if (!stream) {
    error = path.string() + ": not a run directory (no run.json)";
    return std::nullopt;
  }
  const auto json = nlohmann::json::parse(stream, nullptr, false);
  if (json.is_discarded() || json.value("schema", "") != kRunSchema) {
    error = path.string() + ": not a scbench run configuration";
    return std::nullopt;
  }
  if (json.value("schema_version", 0) != kRunSchemaVersion) {
    error = fmt::format("{}: written by an incompatible scbench (run schema {}, this build reads {})", path.string(),
                        json.value("schema_version", 0), kRunSchemaVersion);
    return std::nullopt;
  }
  RunConfig c;
  c.scbench_version = json.value("scbench_version", "");
  c.agent = json.value("agent", "");
  c.model = json.value("model", "");
  c.prompt = json.value("prompt", "just-solve");
  c.reasoning_effort = json.value("reasoning_effort", "");
  c.problems = json.value("problems", std::vector<std::string>{});
  c.overrides = json.value("overrides", std::vector<std::string>{});
  c.agent_env = json.value("agent_env", std::vector<std::string>{});
  c.agent_version = json.contains("agent_version") && json["agent_version"].is_string() ? json["agent_version"].get<std::string>() : "";
  c.checkpoints = json.contains("checkpoints") && json["checkpoints"].is_number_integer() ? json["checkpoints"].get<int>() : 0;
  const auto& limits = json["limits"];
  c.limits.checkpoint_seconds = limits.value("checkpoint_seconds", 3600.0);
  c.limits.checkpoint_steps = limits.value("checkpoint_steps", 0);
  c.limits.checkpoint_cost = limits.value("checkpoint_cost_usd", 0.0);
  c.limits.problem_cost = limits.value("problem_cost_usd", 0.0);
  c.stop_on_fail = json.value("stop_on_fail", false);
  c.sandbox = json.value("sandbox", true);
  c.problems_dir = json.value("problems_dir", "");
  c.data_dir = json.value("data_dir", "");
  return c;
}

}  // namespace scbench::run
