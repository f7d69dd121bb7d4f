#include "cli/eval_command.h"

#include <fmt/format.h>
#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/host_preparation.h"
#include "cli/problem_location.h"
#include "common/atomic_file.h"
#include "common/json_dump.h"
#include "harness/evaluation.h"

namespace scbench::cli {
namespace {

struct EvalFlags {
  std::string snapshot;
  std::string problem;
  int checkpoint = 0;
  std::string problems_dir;
  std::string output;
  unsigned jobs = 0;
  bool no_sandbox = false;
  bool quiet = false;
};

void PrintSummary(const harness::Evaluation& e) {
  fmt::print("{} {}: {}  (pass rate {:.1f}%, isolated {:.1f}%, core {:.1f}%) in {:.1f} s{}\n", e.problem, e.checkpoint,
             e.strict ? "strict-solved" : e.isolated ? "isolated-solved" : e.core ? "core-solved" : "not solved",
             100 * e.pass_rate, 100 * e.isolated_pass_rate, 100 * e.core_pass_rate, e.seconds,
             e.sandboxed ? "" : " (no sandbox)");
  for (const auto& [group, counts] : e.groups) fmt::print("  {:<14} {:>4}/{}\n", group, counts.passed, counts.total);
  for (const std::string& missing : e.isolation.missing) fmt::print("  isolation reduced: {}\n", missing);
  if (!e.infrastructure_failure.empty()) fmt::print("  infrastructure failure: {}\n", e.infrastructure_failure);
  int shown = 0;
  for (const auto& c : e.cases) {
    if (c.passed || shown++ >= 15) continue;
    fmt::print("  FAIL {}/{} [{}]: {}\n", c.checkpoint, c.id, c.group, c.failure);
  }
}

int RunEval(const EvalFlags& flags) {
  PrepareHost("eval");
  const auto problem = LoadNamedProblem(ProblemsRoot(flags.problems_dir), flags.problem, "eval");
  if (!problem) return kExitUsageOrIo;
  if (flags.checkpoint < 1 || flags.checkpoint > static_cast<int>(problem->checkpoints.size())) {
    std::cerr << fmt::format("scbench eval: --checkpoint must be 1..{} for {}\n", problem->checkpoints.size(), problem->name);
    return kExitUsageOrIo;
  }
  harness::EvaluationOptions options;
  options.jobs = flags.jobs;
  options.sandbox = !flags.no_sandbox;
  if (options.sandbox && !harness::BubblewrapAvailable()) {
    std::cerr << "scbench eval: warning: bubblewrap cannot run here; the submission runs without a private "
                 "view of the file system (limits, seccomp and an unprivileged user still apply)\n";
  }
  const auto evaluation = harness::EvaluateCheckpoint(*problem, static_cast<std::size_t>(flags.checkpoint - 1),
                                                      flags.snapshot, options);
  std::string error;
  const std::string json = DumpJson(harness::EvaluationToJson(evaluation), 2) + "\n";
  if (flags.output.empty()) {
    std::cout << json;
  } else if (!WriteFileAtomically(flags.output, json, error)) {
    std::cerr << "scbench eval: " << error << "\n";
    return kExitUsageOrIo;
  }
  if (!flags.quiet && !flags.output.empty()) PrintSummary(evaluation);
  return evaluation.strict ? kExitOk : kExitGateFailed;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* command = app.add_subcommand("eval", "Judge a snapshot with a checkpoint's hidden tests (and regression)");
  command->add_option("snapshot", flags->snapshot, "Directory holding the submission")->required();
  command->add_option("--problem", flags->problem, "Problem name")->required();
  command->add_option("--checkpoint", flags->checkpoint, "Checkpoint number, from 1")->required();
  command->add_option("--problems-dir", flags->problems_dir, "Where problems live (default ./problems)");
  command->add_option("-o,--output", flags->output, "Write evaluation.json here (atomically) and print a summary");
  command->add_option("-j,--jobs", flags->jobs, "Cases run in parallel (default: every core)");
  command->add_flag("--no-sandbox", flags->no_sandbox, "Do not use bubblewrap even when available");
  command->add_flag("-q,--quiet", flags->quiet, "No summary");
  command->callback([flags, &exit_code] { exit_code = RunEval(*flags); });
}

}  // namespace scbench::cli
