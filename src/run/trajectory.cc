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
#include "run/agent_session.h"
#include "run/prompt.h"
#include "run/workspace.h"

namespace scbench::run {
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

bool WriteJson(const fs::path& path, const Json& json, std::string& error) {
  return WriteFileAtomically(path, DumpJson(json, 2) + "\n", error);
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
  const Usage& usage = agent.report.usage;
  const auto cost = CostOf(context, usage);
  Json row = {{"problem", problem.name},
              {"checkpoint", problem.checkpoints[checkpoint].name},
              {"checkpoint_index", checkpoint + 1},
              {"checkpoint_count", problem.checkpoints.size()},
              {"agent", context.config.agent},
              {"model", context.config.model},
              {"prompt", context.config.prompt},
              {"agent_status", StatusName(agent.status)},
              {"agent_message", agent.message},
              {"agent_exit_code", agent.exit_code ? Json(*agent.exit_code) : Json(nullptr)},
              {"agent_seconds", std::round(agent.seconds * 1000) / 1000},
              {"steps", usage.steps ? Json(*usage.steps) : Json(nullptr)},
              {"cost_usd", cost ? Json(*cost) : Json(nullptr)},
              {"input_tokens", usage.input_tokens},
              {"output_tokens", usage.output_tokens},
              {"cache_read_tokens", usage.cache_read_tokens},
              {"cache_write_tokens", usage.cache_write_tokens},
              {"reasoning_tokens", usage.reasoning_tokens},
              {"total_tokens", usage.total_tokens()},
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
  if (!box.PrepareCheckpoint(ReadWholeFile(dir / "prompt.md").value_or(""), error)) return false;
  const AgentOutcome agent = context.agent.builtin == "replay" ? ReplayCheckpoint(context, problem, checkpoint, workspace)
                                                               : RunAgentSession(context, problem, checkpoint, box, dir);
  const auto cost = CostOf(context, agent.report.usage);
  if (!WriteJson(dir / "usage.json", UsageToJson(agent.report.usage, cost), error)) return false;
  std::string truncated;
  if (!SnapshotWorkspace(workspace, dir / "snapshot", AssetNames(problem), truncated, error)) return false;
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
  record["snapshot_truncated"] = truncated.empty() ? Json(nullptr) : Json(truncated);
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
  auto box = AgentBox::Open(context.sandbox_agents, context.agent_allowance, context.hidden, error);
  if (!box) return false;
  // Resume from the last complete snapshot (or an empty workspace at the start).
  if (next > 0 && !RestoreWorkspace(CheckpointDirectory(context.run_dir, problem.name, problem.checkpoints[next - 1].name) / "snapshot",
                                    box->workspace(), error)) {
    return false;
  }
  const std::size_t last = context.config.checkpoints > 0
                               ? std::min(problem.checkpoints.size(), static_cast<std::size_t>(context.config.checkpoints))
                               : problem.checkpoints.size();
  for (; next < last; ++next) {
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
