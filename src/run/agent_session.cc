#include "run/agent_session.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <unistd.h>

#include "common/file_text.h"
#include "harness/sandbox.h"
#include "run/trajectory.h"
#include "run/workspace.h"

namespace scbench::run {
namespace fs = std::filesystem;
namespace {

std::string Slurp(const fs::path& path) { return ReadWholeFile(path).value_or(""); }

bool Wanted(const AgentSpec& agent, const std::string& name) {
  return std::any_of(agent.pass_env.begin(), agent.pass_env.end(), [&](const std::string& pattern) {
    return pattern.ends_with('*') ? name.starts_with(pattern.substr(0, pattern.size() - 1)) : name == pattern;
  });
}

/// The agent's environment: its credentials and proxies from ours, what it passes
/// through, --agent-env, its own variables, and where it is.
std::map<std::string, std::string> AgentEnvironment(const RunContext& context, const AgentBox& box,
                                                    const harness::Problem& problem, std::size_t checkpoint,
                                                    const std::map<std::string, std::string>& values) {
  std::map<std::string, std::string> env;
  for (const std::string& name : context.agent.credentials_any_of) {
    if (const char* value = std::getenv(name.c_str())) env[name] = value;
  }
  for (const char* name : {"HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy"}) {
    if (const char* value = std::getenv(name)) env[name] = value;
  }
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    const std::string name(variable.substr(0, variable.find('=')));
    if (Wanted(context.agent, name)) env[name] = std::string(variable.substr(name.size() + 1));
  }
  for (const auto& [name, value] : context.agent_env) env[name] = value;
  for (const auto& [name, value] : RenderAgentEnvironment(context.agent, values)) env[name] = value;
  if (const char* path = std::getenv("PATH")) env["PATH"] = path;
  env["HOME"] = box.home().string();
  env["TMPDIR"] = box.TempDirectory();
  env["SCBENCH_PROBLEM"] = problem.name;
  env["SCBENCH_CHECKPOINT"] = std::to_string(checkpoint + 1);
  env["SCBENCH_CHECKPOINT_NAME"] = problem.checkpoints[checkpoint].name;
  return env;
}

/// Watches a running agent, stopping it at the wall, step or cost limit. Its output is
/// parsed again at most every second, less often as it grows (every 8 MiB adds a second).
std::optional<AgentStatus> Supervise(harness::ChildProcess& child, const RunContext& context, const fs::path& stdout_path,
                                     const fs::path& home) {
  const RunLimits& limits = context.config.limits;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limits.checkpoint_seconds);
  auto next_parse = std::chrono::steady_clock::now();
  while (!child.WaitFor(1.0)) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return AgentStatus::kTimeout;
    if ((limits.checkpoint_steps <= 0 && limits.checkpoint_cost <= 0) || now < next_parse) continue;
    const std::string output = Slurp(stdout_path);
    next_parse = now + std::chrono::seconds(1 + output.size() / (8u << 20));
    const AgentReport so_far = ParseAgentOutput(context.agent.output_parser, output, home);
    if (limits.checkpoint_steps > 0 && so_far.usage.steps.value_or(0) > limits.checkpoint_steps) return AgentStatus::kLimitSteps;
    const auto cost = CostOf(context, so_far.usage);
    if (limits.checkpoint_cost > 0 && cost && *cost > limits.checkpoint_cost) return AgentStatus::kLimitCost;
  }
  return std::nullopt;
}

AgentOutcome StartFailure(std::string message) {
  AgentOutcome outcome;
  outcome.status = AgentStatus::kError;
  outcome.message = std::move(message);
  return outcome;
}

/// How the session ended, from what stopped it, the process and its own report.
void Conclude(AgentOutcome& outcome, const std::optional<AgentStatus>& stopped, const harness::ProcessOutcome& process,
              double wall_seconds) {
  outcome.seconds = process.seconds;
  if (process.signal == 0) outcome.exit_code = process.exit_code;
  if (stopped) {
    outcome.status = *stopped;
    outcome.message = process.Describe(wall_seconds);
  } else if (outcome.report.turn_limit) {
    outcome.status = AgentStatus::kLimitSteps;
    outcome.message = "the agent stopped at its own turn limit";
  } else if (!outcome.report.api_error.empty()) {
    outcome.status = AgentStatus::kApiError;
    outcome.message = outcome.report.api_error;
  } else if (process.exit_code != 0 || process.signal != 0) {
    outcome.status = AgentStatus::kFailed;
    outcome.message = process.Describe(wall_seconds);
  }
}

}  // namespace

const char* StatusName(AgentStatus status) {
  switch (status) {
    case AgentStatus::kOk: return "ok";
    case AgentStatus::kFailed: return "failed";
    case AgentStatus::kTimeout: return "timeout";
    case AgentStatus::kLimitSteps: return "limit_steps";
    case AgentStatus::kLimitCost: return "limit_cost";
    case AgentStatus::kApiError: return "api_error";
    case AgentStatus::kError: return "error";
  }
  return "error";
}

AgentOutcome RunAgentSession(const RunContext& context, const harness::Problem& problem, std::size_t checkpoint,
                             const AgentBox& box, const fs::path& checkpoint_dir) {
  const fs::path io = checkpoint_dir / "agent";
  fs::create_directories(io);
  const fs::path prompt_file = box.prompt_file();
  const std::map<std::string, std::string> values = {
      {"prompt", Slurp(prompt_file)}, {"prompt_file", prompt_file.string()},
      {"workspace", box.workspace().string()},          {"home", box.home().string()},
      {"model", context.config.model},                  {"problem", problem.name},
      {"checkpoint", std::to_string(checkpoint + 1)}};
  std::string error;
  for (const auto& [path, content] : RenderHomeFiles(context.agent, values)) {
    if (!box.WriteHomeFile(path, content, error)) return StartFailure(error);
  }
  harness::ProcessSpec spec;
  spec.argv = RenderAgentCommand(context.agent, values);
  spec.env = AgentEnvironment(context, box, problem, checkpoint, values);
  spec.io_directory = io;
  spec.keep_output_bytes = 1u << 20;  // the parser reads the files
  const auto program = ResolveAgentProgram(spec.argv.front(), spec.env["PATH"]);
  if (!program) return StartFailure("cannot find the agent's program '" + spec.argv.front() + "' on PATH");
  spec.argv.front() = program->path.string();
  const harness::ProcessLimits limits = box.Limits();
  auto child = harness::ChildProcess::Start(spec, limits, box.SandboxFor(*program), error);
  if (!child) return StartFailure(error);
  const auto stopped = Supervise(*child, context, io / "stdout", box.home());
  if (stopped) child->Stop(5.0);
  const harness::ProcessOutcome process = child->Finish(stopped == AgentStatus::kTimeout);
  AgentOutcome outcome;
  outcome.report = ParseAgentOutput(context.agent.output_parser, Slurp(io / "stdout"), box.home());
  Conclude(outcome, stopped, process, limits.wall_seconds);
  return outcome;
}

AgentOutcome ReplayCheckpoint(const RunContext& context, const harness::Problem& problem, std::size_t checkpoint,
                              const fs::path& workspace) {
  AgentOutcome outcome;
  const std::string source = context.agent.settings.count("source") ? context.agent.settings.at("source") : "reference";
  const fs::path recorded = source == "reference"
                                ? problem.checkpoints[checkpoint].solution
                                : CheckpointDirectory(source, problem.name, problem.checkpoints[checkpoint].name) / "snapshot";
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  if (!fs::is_directory(recorded) || !RestoreWorkspace(recorded, workspace, error)) {
    outcome.status = AgentStatus::kError;
    outcome.message = error.empty() ? "no recorded workspace at " + recorded.string() : error;
  } else {
    outcome.exit_code = 0;
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

}  // namespace scbench::run
