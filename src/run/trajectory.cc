#include "run/trajectory.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "common/atomic_file.h"
#include "common/json_dump.h"
#include "common/file_text.h"
#include "harness/sandbox.h"
#include "quality/tree_measurer.h"
#include "report/measure_json.h"
#include "run/agent_box.h"
#include "run/prompt.h"
#include "run/workspace.h"

namespace scbench::run {
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

struct AgentOutcome {
  std::string status = "ok";  // ok, failed, timeout, limit_steps, limit_cost, error
  int exit_code = 0;
  double seconds = 0;
  Usage usage;
  std::string message;
};

std::string Slurp(const fs::path& path) { return ReadWholeFile(path).value_or(""); }

/// The agent's own cost figure when it reports one, else its tokens priced from the catalog.
std::optional<double> CostOf(const RunContext& context, const Usage& usage) {
  return usage.cost_usd ? usage.cost_usd : context.catalog.Cost(context.config.model, usage);
}

bool WriteJson(const fs::path& path, const Json& json, std::string& error) {
  return WriteFileAtomically(path, DumpJson(json, 2) + "\n", error);
}

/// Variables from our environment that the agent needs: its credentials and proxies.
std::map<std::string, std::string> AgentEnvironment(const AgentSpec& agent, const AgentBox& box,
                                                    const harness::Problem& problem, std::size_t checkpoint) {
  std::map<std::string, std::string> env = agent.env;
  for (const std::string& name : agent.credentials_any_of) {
    if (const char* value = std::getenv(name.c_str())) env[name] = value;
  }
  for (const char* name : {"HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"}) {
    if (const char* value = std::getenv(name)) env[name] = value;
  }
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    const std::string name(variable.substr(0, variable.find('=')));
    const bool wanted = std::any_of(agent.pass_env.begin(), agent.pass_env.end(), [&](const std::string& pattern) {
      return pattern.ends_with('*') ? name.starts_with(pattern.substr(0, pattern.size() - 1)) : name == pattern;
    });
    if (wanted) env[name] = std::string(variable.substr(name.size() + 1));
  }
  if (const char* path = std::getenv("PATH")) env["PATH"] = path;
  env["HOME"] = box.home().string();
  env["TMPDIR"] = box.TempDirectory();
  env["SCBENCH_PROBLEM"] = problem.name;
  env["SCBENCH_CHECKPOINT"] = std::to_string(checkpoint + 1);
  env["SCBENCH_CHECKPOINT_NAME"] = problem.checkpoints[checkpoint].name;
  return env;
}

/// Watches a running agent, stopping it at the wall, step or cost limit.
std::string Supervise(harness::ChildProcess& child, const RunContext& context, const fs::path& stdout_path) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(context.config.limits.checkpoint_seconds);
  while (!child.WaitFor(1.0)) {
    if (std::chrono::steady_clock::now() >= deadline) return "timeout";
    const RunLimits& limits = context.config.limits;
    if (limits.checkpoint_steps <= 0 && limits.checkpoint_cost <= 0) continue;
    const Usage so_far = ParseAgentOutput(context.agent.output_parser, Slurp(stdout_path));
    if (limits.checkpoint_steps > 0 && so_far.steps > limits.checkpoint_steps) return "limit_steps";
    const auto cost = CostOf(context, so_far);
    if (limits.checkpoint_cost > 0 && cost && *cost > limits.checkpoint_cost) return "limit_cost";
  }
  return "";
}

AgentOutcome StartFailure(std::string message) {
  AgentOutcome outcome;
  outcome.status = "error";
  outcome.message = std::move(message);
  return outcome;
}

AgentOutcome RunAgentProcess(const RunContext& context, const harness::Problem& problem, std::size_t checkpoint,
                             const AgentBox& box, const fs::path& checkpoint_dir) {
  const fs::path io = checkpoint_dir / "agent";
  fs::create_directories(io);
  harness::ProcessSpec spec;
  spec.argv = RenderAgentCommand(context.agent, {{"prompt", Slurp(checkpoint_dir / "prompt.md")},
                                                 {"prompt_file", (checkpoint_dir / "prompt.md").string()},
                                                 {"workspace", box.workspace().string()},
                                                 {"model", context.config.model}});
  spec.env = AgentEnvironment(context.agent, box, problem, checkpoint);
  spec.io_directory = io;
  const auto program = ResolveAgentProgram(spec.argv.front(), spec.env["PATH"]);
  if (!program) return StartFailure("cannot find the agent's program '" + spec.argv.front() + "' on PATH");
  spec.argv.front() = program->path.string();
  const harness::ProcessLimits limits = box.Limits();
  std::string error;
  auto child = harness::ChildProcess::Start(spec, limits, box.SandboxFor(*program, checkpoint_dir / "prompt.md"), error);
  if (!child) return StartFailure(error);
  AgentOutcome outcome;
  const std::string stopped = Supervise(*child, context, io / "stdout");
  if (!stopped.empty()) child->Stop(5.0);
  const harness::ProcessOutcome process = child->Finish(stopped == "timeout");
  outcome.seconds = process.seconds;
  outcome.exit_code = process.exit_code;
  outcome.usage = ParseAgentOutput(context.agent.output_parser, process.stdout_text.size() < (1u << 20)
                                                                       ? process.stdout_text
                                                                       : Slurp(io / "stdout"));
  if (!stopped.empty()) {
    outcome.status = stopped;
    outcome.message = process.Describe(limits.wall_seconds);
  } else if (process.exit_code != 0 || process.signal != 0) {
    outcome.status = "failed";
    outcome.message = process.Describe(limits.wall_seconds);
  }
  return outcome;
}

/// The replay agent: the recorded workspace of this checkpoint replaces the workspace.
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
    outcome.status = "error";
    outcome.message = error.empty() ? "no recorded workspace at " + recorded.string() : error;
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

std::vector<std::string> AssetNames(const harness::Problem& problem) {
  std::vector<std::string> names;
  for (const fs::path& asset : problem.static_assets) names.push_back(asset.filename().string());
  return names;
}

Json MeasureSnapshot(const RunContext& context, const fs::path& snapshot, quality::TreeMeasurement& measurement) {
  quality::MeasureOptions options;
  options.rules = context.rules;
  options.discovery.include_ignored = true;  // the agent's .gitignore must not hide its code
  std::string error;
  if (!quality::MeasureTree(snapshot, options, measurement, error)) return {{"error", error}};
  auto json = report::MeasureToJson(measurement);
  json["root"] = "snapshot";
  return json;
}

const char* IsolationLevel(const harness::IsolationRecord& record) { return record.strict() ? "strict" : "reduced"; }

Json Record(const RunContext& context, const harness::Problem& problem, std::size_t checkpoint,
            const AgentOutcome& agent, const WorkspaceDiff& diff, const harness::Evaluation& evaluation,
            const quality::TreeMeasurement& m, const AgentBox& box) {
  const auto cost = CostOf(context, agent.usage);
  Json row = {{"problem", problem.name},
              {"checkpoint", problem.checkpoints[checkpoint].name},
              {"checkpoint_index", checkpoint + 1},
              {"checkpoint_count", problem.checkpoints.size()},
              {"agent", context.config.agent},
              {"model", context.config.model},
              {"prompt", context.config.prompt},
              {"agent_status", agent.status},
              {"agent_message", agent.message},
              {"agent_exit_code", agent.exit_code},
              {"agent_seconds", std::round(agent.seconds * 1000) / 1000},
              {"steps", agent.usage.steps},
              {"cost_usd", cost ? Json(*cost) : Json(nullptr)},
              {"input_tokens", agent.usage.input_tokens},
              {"output_tokens", agent.usage.output_tokens},
              {"cache_read_tokens", agent.usage.cache_read_tokens},
              {"cache_write_tokens", agent.usage.cache_write_tokens},
              {"reasoning_tokens", agent.usage.reasoning_tokens},
              {"total_tokens", agent.usage.total_tokens()},
              {"pass_rate", evaluation.pass_rate},
              {"isolated_pass_rate", evaluation.isolated_pass_rate},
              {"core_pass_rate", evaluation.core_pass_rate},
              {"strict", evaluation.strict},
              {"isolated", evaluation.isolated},
              {"core", evaluation.core},
              {"infrastructure_failure", evaluation.infrastructure_failure},
              {"agent_isolation", context.agent.builtin.empty() ? Json(IsolationLevel(box.Isolation())) : Json(nullptr)},
              {"evaluation_isolation", IsolationLevel(evaluation.isolation)}};
  for (const char* group : {"core", "functionality", "error", "regression"}) {
    const auto found = evaluation.groups.find(group);
    row[std::string(group) + "_passed"] = found == evaluation.groups.end() ? 0 : found->second.passed;
    row[std::string(group) + "_total"] = found == evaluation.groups.end() ? 0 : found->second.total;
  }
  row.update(Json{{"files", m.files.size()},
                  {"sloc", m.lines.sloc},
                  {"callables", m.complexity.callables},
                  {"erosion", m.complexity.erosion},
                  {"verbosity", m.verbosity.verbosity},
                  {"max_cc", m.complexity.max_cc},
                  {"mean_cc", m.complexity.mean_cc},
                  {"high_cc_callables", m.complexity.high_complexity_callables},
                  {"clone_groups", m.verbosity.clone_groups},
                  {"clone_lines", m.verbosity.clone_lines},
                  {"rule_hits", m.verbosity.rule_hits},
                  {"trivial_wrappers", m.verbosity.trivial_wrappers},
                  {"single_use_callables", m.verbosity.single_use_callables},
                  {"files_added", diff.files_added},
                  {"files_removed", diff.files_removed},
                  {"files_modified", diff.files_modified},
                  {"lines_added", diff.lines_added},
                  {"lines_removed", diff.lines_removed},
                  {"churn", diff.churn}});
  return row;
}

/// Adds deltas against the previous checkpoint's record (null for the first).
void AddDeltas(Json& row, const Json* previous) {
  for (const char* key : {"sloc", "erosion", "verbosity", "max_cc", "clone_lines", "rule_hits"}) {
    row[std::string("delta_") + key] = previous == nullptr ? Json(nullptr) : Json(row[key].get<double>() - (*previous)[key].get<double>());
  }
}

std::optional<Json> ReadRecord(const fs::path& checkpoint_dir) {
  std::ifstream stream(checkpoint_dir / "record.json");
  if (!stream) return std::nullopt;
  Json record = Json::parse(stream, nullptr, false);
  if (record.is_discarded()) return std::nullopt;
  return record;
}

double CostSoFar(const std::vector<Json>& records) {
  double cost = 0;
  for (const Json& r : records) cost += r["cost_usd"].is_number() ? r["cost_usd"].get<double>() : 0.0;
  return cost;
}

bool RunCheckpoint(const RunContext& context, const harness::Problem& problem, std::size_t checkpoint,
                   AgentBox& box, const Json* previous, Json& record, std::string& error) {
  const fs::path& workspace = box.workspace();
  const fs::path dir = CheckpointDirectory(context.run_dir, problem.name, problem.checkpoints[checkpoint].name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  if (!WriteFileAtomically(dir / "prompt.md", RenderPrompt(context.prompt_template, problem, checkpoint), error)) return false;
  if (!box.PrepareCheckpoint(error)) return false;
  const AgentOutcome agent = context.agent.builtin == "replay" ? ReplayCheckpoint(context, problem, checkpoint, workspace)
                                                               : RunAgentProcess(context, problem, checkpoint, box, dir);
  const auto cost = CostOf(context, agent.usage);
  if (!WriteJson(dir / "usage.json", UsageToJson(agent.usage, cost), error)) return false;
  if (!SnapshotWorkspace(workspace, dir / "snapshot", AssetNames(problem), error)) return false;
  const fs::path previous_snapshot =
      checkpoint == 0 ? fs::path() : CheckpointDirectory(context.run_dir, problem.name, problem.checkpoints[checkpoint - 1].name) / "snapshot";
  const WorkspaceDiff diff = DiffSnapshots(previous_snapshot, dir / "snapshot");
  if (!WriteJson(dir / "diff.json", DiffToJson(diff), error)) return false;
  const auto evaluation = harness::EvaluateCheckpoint(problem, checkpoint, dir / "snapshot", context.evaluation);
  if (!WriteJson(dir / "evaluation.json", harness::EvaluationToJson(evaluation), error)) return false;
  quality::TreeMeasurement measurement;
  if (!WriteJson(dir / "measure.json", MeasureSnapshot(context, dir / "snapshot", measurement), error)) return false;
  record = Record(context, problem, checkpoint, agent, diff, evaluation, measurement, box);
  AddDeltas(record, previous);
  return WriteJson(dir / "record.json", record, error);  // written last: marks the checkpoint complete
}

}  // namespace

fs::path CheckpointDirectory(const fs::path& run_dir, const std::string& problem, const std::string& checkpoint) {
  return run_dir / "problems" / problem / checkpoint;
}

bool RunTrajectory(const RunContext& context, const harness::Problem& problem, const std::function<void()>& on_record,
                   std::string& error) {
  std::vector<Json> records;
  std::size_t next = 0;
  for (; next < problem.checkpoints.size(); ++next) {
    auto record = ReadRecord(CheckpointDirectory(context.run_dir, problem.name, problem.checkpoints[next].name));
    if (!record) break;
    records.push_back(std::move(*record));
  }
  auto box = AgentBox::Open(context.run_dir / "workspaces" / problem.name, context.run_dir / "agent-home" / problem.name,
                            context.sandbox_agents, context.agent_allowance, context.hidden, error);
  if (!box) return false;
  // Resume from the last complete snapshot (or an empty workspace at the start).
  if (next > 0 && !RestoreWorkspace(CheckpointDirectory(context.run_dir, problem.name, problem.checkpoints[next - 1].name) / "snapshot",
                                    box->workspace(), error)) {
    return false;
  }
  for (; next < problem.checkpoints.size(); ++next) {
    if (context.config.limits.problem_cost > 0 && CostSoFar(records) >= context.config.limits.problem_cost) break;
    if (context.config.stop_on_fail && !records.empty() && !records.back()["strict"].get<bool>()) break;
    Json record;
    if (!RunCheckpoint(context, problem, next, *box, records.empty() ? nullptr : &records.back(), record, error)) {
      error = fmt::format("{} {}: {}", problem.name, problem.checkpoints[next].name, error);
      return false;
    }
    records.push_back(std::move(record));
    on_record();
  }
  return true;
}

}  // namespace scbench::run
