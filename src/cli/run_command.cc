#include "cli/run_command.h"

#include <chrono>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <memory>
#include <cstdlib>
#include <mutex>

#include "cli/exit_codes.h"
#include "cli/problem_location.h"
#include "cli/rule_loading.h"
#include "common/atomic_file.h"
#include "common/json_dump.h"
#include "common/work_queue.h"
#include "cli/host_preparation.h"
#include "harness/isolation.h"
#include "run/prompt.h"
#include "run/run_results.h"
#include "run/trajectory.h"

namespace scbench::cli {
namespace fs = std::filesystem;
namespace {

struct RunFlags {
  std::string agent;
  std::string model;
  std::vector<std::string> problems;
  std::string prompt = "just-solve";
  std::string reasoning_effort;
  unsigned jobs = 1;
  std::string out;
  std::string resume;
  bool dry_run = false;
  bool stop_on_fail = false;
  bool no_sandbox = false;
  run::RunLimits limits;
  std::vector<std::string> model_catalogs;
  std::string problems_dir;
  std::vector<std::string> overrides;
  std::vector<std::string> agent_env;  // KEY=VALUE, or KEY (its value from our environment)
  int checkpoints = 0;
};

fs::path DataRoot() {
  if (fs::is_directory("agents") && fs::is_directory("prompts")) return fs::absolute(".");
  return SCBENCH_SOURCE_DIR;
}

std::string Timestamp() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                     utc.tm_min, utc.tm_sec);
}

std::optional<run::RunConfig> ResolveConfig(const RunFlags& flags, fs::path& run_dir, std::string& error) {
  if (!flags.resume.empty()) {
    run_dir = flags.resume;
    return run::LoadRunConfig(run_dir, error);
  }
  if (flags.agent.empty() || flags.problems.empty()) {
    error = "--agent and --problem are required (or --resume RUN_DIR)";
    return std::nullopt;
  }
  run::RunConfig config;
  config.agent = flags.agent;
  config.model = flags.model;
  config.prompt = flags.prompt;
  config.reasoning_effort = flags.reasoning_effort;
  config.overrides = flags.overrides;
  config.checkpoints = flags.checkpoints;
  for (const std::string& item : flags.agent_env) config.agent_env.push_back(item.substr(0, item.find('=')));
  config.limits = flags.limits;
  config.stop_on_fail = flags.stop_on_fail;
  config.sandbox = !flags.no_sandbox;
  config.problems_dir = fs::absolute(ProblemsRoot(flags.problems_dir)).string();
  config.data_dir = DataRoot().string();
  config.scbench_version = SCBENCH_VERSION;
  for (const std::string& name : flags.problems) {
    if (name != "all") {
      config.problems.push_back(name);
      continue;
    }
    for (const auto& directory : harness::FindProblems(config.problems_dir)) config.problems.push_back(directory.filename().string());
  }
  const std::string label = config.model.empty() ? config.agent : config.agent + "-" + config.model;
  run_dir = flags.out.empty() ? fs::path("runs") / fmt::format("{}-{}", label, Timestamp()) : fs::path(flags.out);
  if (fs::exists(run_dir / "run.json")) {
    error = run_dir.string() + " already holds a run; continue it with --resume " + run_dir.string();
    return std::nullopt;
  }
  return config;
}

/// The values of the run's --agent-env names: given again with the flag, or from our
/// environment (they are never written into the run, so a resumed run needs them anew).
bool ResolveAgentEnvironment(const RunFlags& flags, run::RunContext& context, std::string& error) {
  std::map<std::string, std::string> given;
  for (const std::string& item : flags.agent_env) {
    const auto equals = item.find('=');
    if (equals == 0 || item.empty()) {
      error = "--agent-env '" + item + "': expected NAME=VALUE or NAME";
      return false;
    }
    if (equals != std::string::npos) given[item.substr(0, equals)] = item.substr(equals + 1);
  }
  for (const std::string& name : context.config.agent_env) {
    if (given.contains(name)) {
      context.agent_env[name] = given[name];
    } else if (const char* value = std::getenv(name.c_str())) {
      context.agent_env[name] = value;
    } else {
      error = fmt::format("--agent-env {}: no value (give --agent-env {}=VALUE or export {})", name, name, name);
      return false;
    }
  }
  return true;
}

/// Loads everything a run needs and checks it before any file is written.
bool PrepareContext(const RunFlags& flags, run::RunContext& context, std::vector<harness::Problem>& problems,
                    std::string& error) {
  const run::RunConfig& config = context.config;
  const fs::path data = config.data_dir;
  auto agent = run::LoadAgent(data / "agents", config.agent, error);
  if (!agent || !run::ApplySettingOverrides(*agent, config.overrides, error) ||
      !run::ApplyReasoningEffort(*agent, config.reasoning_effort, error) ||
      !run::CheckAgentReady(*agent, config.model, error) || !ResolveAgentEnvironment(flags, context, error)) {
    return false;
  }
  context.agent = std::move(*agent);
  auto prompt = run::LoadPromptTemplate(data / "prompts", config.prompt, error);
  if (!prompt) return false;
  context.prompt_template = std::move(*prompt);
  if (!context.catalog.Load(data / "models" / "catalog.yaml", error)) return false;
  for (const std::string& file : flags.model_catalogs) {
    if (!context.catalog.Load(file, error)) return false;
  }
  for (const std::string& name : config.problems) {
    auto problem = harness::LoadProblem(fs::path(config.problems_dir) / name, error);
    if (!problem) {
      if (!fs::exists(fs::path(config.problems_dir) / name / "problem.yaml")) {
        error = "no problem '" + name + "' in " + config.problems_dir + " (see `scbench problems list`)";
      }
      return false;
    }
    problems.push_back(std::move(*problem));
  }
  context.evaluation.jobs = 0;
  context.sandbox_agents = config.sandbox;
  context.evaluation.sandbox = config.sandbox;
  context.agent_allowance.seconds = config.limits.checkpoint_seconds;
  return true;
}

void PrintPlan(const run::RunContext& context, const std::vector<harness::Problem>& problems) {
  fmt::print("run directory: {}\nagent: {} ({})  model: {}  prompt: {}\n", context.run_dir.string(), context.agent.name,
             context.agent.description, context.config.model, context.config.prompt);
  for (const auto& problem : problems) {
    fmt::print("problem {}: {} checkpoints\n", problem.name, problem.checkpoints.size());
    for (std::size_t i = 0; i < problem.checkpoints.size(); ++i) {
      const bool done = fs::exists(run::CheckpointDirectory(context.run_dir, problem.name, problem.checkpoints[i].name) / "record.json");
      fmt::print("  {} {}\n", problem.checkpoints[i].name, done ? "(complete, kept)" : "");
    }
  }
  if (context.agent.builtin.empty()) {
    const auto argv = run::RenderAgentCommand(context.agent, {{"prompt", "<prompt>"}, {"prompt_file", "<prompt.md>"},
                                                              {"workspace", "<workspace>"}, {"model", context.config.model}});
    std::string line;
    for (const auto& arg : argv) line += (line.empty() ? "" : " ") + arg;
    fmt::print("agent command: {}\n", line);
  }
}

int RunAll(run::RunContext& context, const std::vector<harness::Problem>& problems, unsigned jobs) {
  std::mutex results;
  std::vector<std::string> errors(problems.size());
  RunParallel(problems.size(), WorkerCount(jobs), [&](std::size_t i, unsigned) {
    const auto on_record = [&] {
      std::lock_guard lock(results);
      std::string error;
      if (!run::WriteRunResults(context.run_dir, problems, error)) std::cerr << "scbench run: " << error << "\n";
    };
    run::RunTrajectory(context, problems[i], on_record, errors[i]);
  });
  std::string error;
  if (!run::WriteRunResults(context.run_dir, problems, error)) errors.push_back(error);
  bool failed = false;
  for (const std::string& e : errors) {
    if (e.empty()) continue;
    std::cerr << "scbench run: " << e << "\n";
    failed = true;
  }
  fmt::print("\nrun {}\n{}", context.run_dir.string(), run::SummaryText(run::SummarizeRun(run::CollectRecords(context.run_dir, problems), problems)));
  return failed ? kExitUsageOrIo : kExitOk;
}

int RunRun(const RunFlags& flags) {
  run::RunContext context;
  std::string error;
  PrepareHost("run");
  auto config = ResolveConfig(flags, context.run_dir, error);
  if (!config) {
    std::cerr << "scbench run: " << error << "\n";
    return kExitUsageOrIo;
  }
  context.config = std::move(*config);
  std::vector<harness::Problem> problems;
  if (!PrepareContext(flags, context, problems, error)) {
    std::cerr << "scbench run: " << error << "\n";
    return kExitUsageOrIo;
  }
  if (flags.dry_run) {
    PrintPlan(context, problems);
    return kExitOk;
  }
  const auto rules = LoadRuleSet({}, "run");
  if (!rules) return kExitUsageOrIo;
  context.rules = &*rules;
  fs::create_directories(context.run_dir);
  // Neither agents nor submissions may see the problems or the run (earlier evaluations).
  // Resolved once: agents are shown resolved paths, and both must stay hidden whatever way
  // they were named.
  context.run_dir = fs::canonical(context.run_dir);
  context.hidden = {fs::weakly_canonical(context.config.problems_dir), context.run_dir};
  context.evaluation.hidden = context.hidden;
  if (context.agent.builtin.empty() && context.config.agent_version.empty()) {
    const auto version = run::ProbeAgentVersion(context.agent, context.sandbox_agents, error);
    if (version) context.config.agent_version = *version;
    if (!version && !context.agent.version_command.empty()) {
      std::cerr << "scbench run: warning: the agent's version is unknown: " << error << "\n";
    }
  }
  auto run_json = run::RunConfigToJson(context.config);
  run_json["agent_isolation"] = harness::IsolationToJson(run::DescribeAgentIsolation(context.sandbox_agents, context.agent_allowance));
  if (!fs::exists(context.run_dir / "run.json") &&
      !WriteFileAtomically(context.run_dir / "run.json", DumpJson(run_json, 2) + "\n", error)) {
    std::cerr << "scbench run: " << error << "\n";
    return kExitUsageOrIo;
  }
  return RunAll(context, problems, flags.jobs);
}

}  // namespace

void AddRunCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* command = app.add_subcommand("run", "Drive an agent through problems, checkpoint after checkpoint");
  command->add_option("--agent", flags->agent, "Agent (agents/NAME.yaml): claude-code, codex, gemini, opencode, command, replay");
  command->add_option("--model", flags->model, "Model name passed to the agent and priced from the catalog");
  // One value per flag: otherwise `--problem ledger command=PATH` would take the setting
  // for a problem name.
  command->add_option("--problem", flags->problems, "Problem name, repeatable, or 'all'")->allow_extra_args(false);
  command->add_option("--prompt", flags->prompt, "Prompt template (prompts/NAME.md)");
  command->add_option("--reasoning-effort", flags->reasoning_effort, "low, medium or high, mapped per agent");
  command->add_option("-j,--jobs", flags->jobs, "Problems run in parallel");
  command->add_option("--out", flags->out, "Run directory (default runs/AGENT-MODEL-TIMESTAMP)");
  command->add_option("--resume", flags->resume, "Continue an interrupted run in RUN_DIR");
  command->add_flag("--dry-run", flags->dry_run, "Print what would run and stop");
  command->add_flag("--stop-on-fail", flags->stop_on_fail, "Stop a problem at its first checkpoint not strict-solved");
  command->add_flag("--no-sandbox", flags->no_sandbox, "Run agents and tests without bubblewrap");
  command->add_option("--timeout", flags->limits.checkpoint_seconds, "Wall-clock limit per checkpoint, seconds");
  command->add_option("--max-steps", flags->limits.checkpoint_steps, "Step limit per checkpoint (0 = none)");
  command->add_option("--max-cost", flags->limits.checkpoint_cost, "Cost limit per checkpoint, USD (0 = none)");
  command->add_option("--problem-max-cost", flags->limits.problem_cost, "Cost limit per problem, USD (0 = none)");
  command->add_option("--models", flags->model_catalogs, "Extra model price catalog (YAML), repeatable")->allow_extra_args(false);
  command->add_option("--agent-env", flags->agent_env,
                      "NAME=VALUE or NAME (from our environment) for the agent, repeatable; values are not stored")
      ->allow_extra_args(false);
  command->add_option("--checkpoints", flags->checkpoints, "Run only the first N checkpoints of each problem")->check(CLI::PositiveNumber);
  command->add_option("--problems-dir", flags->problems_dir, "Where problems live");
  command->add_option("overrides", flags->overrides, "Agent settings as key=value");
  command->callback([flags, &exit_code] { exit_code = RunRun(*flags); });
}

}  // namespace scbench::cli
