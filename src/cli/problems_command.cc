#include "cli/problems_command.h"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/host_preparation.h"
#include "cli/problem_location.h"
#include "harness/evaluation.h"

namespace scbench::cli {
namespace {

struct ProblemsFlags {
  std::string problems_dir;
  std::vector<std::string> names;
  unsigned jobs = 0;
};

int CountGroup(const harness::Checkpoint& checkpoint, const std::string& group) {
  int count = 0;
  for (const auto& c : checkpoint.cases) count += c.group == group;
  return count;
}

int ListProblems(const ProblemsFlags& flags) {
  const auto root = ProblemsRoot(flags.problems_dir);
  int status = kExitOk;
  for (const auto& directory : harness::FindProblems(root)) {
    std::string error;
    const auto problem = harness::LoadProblem(directory, error);
    if (!problem) {
      fmt::print("{:<12} INVALID: {}\n", directory.filename().string(), error);
      status = kExitGateFailed;
      continue;
    }
    std::size_t cases = 0;
    for (const auto& checkpoint : problem->checkpoints) cases += checkpoint.cases.size();
    fmt::print("{:<12} {:<4} {:<6} {} checkpoints, {} cases  {}\n", problem->name,
               problem->entry_kind == harness::EntryKind::kHttp ? "http" : "cli", problem->difficulty,
               problem->checkpoints.size(), cases, problem->description);
  }
  return status;
}

/// Failures of the checkpoint's own cases (regression excluded).
int OwnFailures(const harness::Evaluation& e) {
  int failures = 0;
  for (const auto& c : e.cases) failures += !c.passed && c.group != "regression";
  return failures;
}

bool SameVerdicts(const harness::Evaluation& a, const harness::Evaluation& b) {
  if (a.cases.size() != b.cases.size()) return false;
  for (std::size_t i = 0; i < a.cases.size(); ++i) {
    if (a.cases[i].passed != b.cases[i].passed) return false;
  }
  return true;
}

/// Validates one problem: every reference solution strict-solves its checkpoint twice
/// with the same verdicts, and the previous solution fails something new.
bool CheckProblem(const harness::Problem& problem, const harness::EvaluationOptions& options) {
  bool ok = true;
  fmt::print("{}\n  {:<14} {:>4} {:>5} {:>5} {:>5}  {:<22} {:<24} {:>6}\n", problem.name, "checkpoint", "core", "func",
             "error", "regr", "reference solution", "previous solution", "time");
  for (std::size_t i = 0; i < problem.checkpoints.size(); ++i) {
    const auto& checkpoint = problem.checkpoints[i];
    const auto first = harness::EvaluateCheckpoint(problem, i, checkpoint.solution, options);
    const auto second = harness::EvaluateCheckpoint(problem, i, checkpoint.solution, options);
    const auto failed = std::count_if(first.cases.begin(), first.cases.end(), [](const auto& c) { return !c.passed; });
    std::string reference = first.strict ? "strict-solved" : fmt::format("FAILS {} case(s)", failed);
    if (!SameVerdicts(first, second)) reference += " NONDETERMINISTIC";
    ok = ok && first.strict && SameVerdicts(first, second);
    std::string previous = "-";
    if (i > 0) {
      const auto older = harness::EvaluateCheckpoint(problem, i, problem.checkpoints[i - 1].solution, options);
      const int failures = OwnFailures(older);
      previous = failures > 0 ? fmt::format("fails {} new case(s)", failures) : "PASSES ALL (nothing new)";
      ok = ok && failures > 0;
    }
    fmt::print("  {:<14} {:>4} {:>5} {:>5} {:>5}  {:<22} {:<24} {:>5.1f}s\n", checkpoint.name, CountGroup(checkpoint, "core"),
               CountGroup(checkpoint, "functionality"), CountGroup(checkpoint, "error"),
               first.groups.contains("regression") ? first.groups.at("regression").total : 0, reference, previous,
               first.seconds);
    if (!first.strict) {
      for (const auto& c : first.cases) {
        if (!c.passed) fmt::print("      FAIL {}/{}: {}\n", c.checkpoint, c.id, c.failure);
      }
    }
  }
  return ok;
}

int CheckProblems(const ProblemsFlags& flags) {
  PrepareHost("problems check");
  const auto root = ProblemsRoot(flags.problems_dir);
  std::vector<std::string> names = flags.names;
  if (names.empty()) {
    for (const auto& directory : harness::FindProblems(root)) names.push_back(directory.filename().string());
  }
  harness::EvaluationOptions options;
  options.jobs = flags.jobs;
  bool ok = true;
  for (const std::string& name : names) {
    const auto problem = LoadNamedProblem(root, name, "problems check");
    ok = problem && CheckProblem(*problem, options) && ok;
  }
  fmt::print("{}\n", ok ? "all problems valid" : "problems check FAILED");
  return ok ? kExitOk : kExitGateFailed;
}

}  // namespace

void AddProblemsCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ProblemsFlags>();
  CLI::App* problems = app.add_subcommand("problems", "List and validate problems");
  problems->require_subcommand(1);
  problems->add_option("--problems-dir", flags->problems_dir, "Where problems live (default ./problems)");
  CLI::App* list = problems->add_subcommand("list", "List problems");
  list->add_option("--problems-dir", flags->problems_dir, "Where problems live (default ./problems)");
  list->callback([flags, &exit_code] { exit_code = ListProblems(*flags); });
  CLI::App* check = problems->add_subcommand("check", "Validate problems against their reference solutions");
  check->add_option("names", flags->names, "Problems to check (default: all)");
  check->add_option("--problems-dir", flags->problems_dir, "Where problems live (default ./problems)");
  check->add_option("-j,--jobs", flags->jobs, "Cases run in parallel (default: every core)");
  check->callback([flags, &exit_code] { exit_code = CheckProblems(*flags); });
}

}  // namespace scbench::cli
