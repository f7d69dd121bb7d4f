#pragma once
/// `scbench eval`: a checkpoint's cases, plus every earlier checkpoint's as group
/// `regression`, run in parallel against a snapshot, and the verdict.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/case_runner.h"
#include "harness/isolation.h"
#include "harness/problem.h"

namespace scbench::harness {

inline constexpr const char* kEvaluationSchema = "scbench.evaluation";
inline constexpr int kEvaluationSchemaVersion = 2;

struct EvaluationOptions {
  unsigned jobs = 0;                          // 0 = every core
  std::string python = "/usr/bin/python3";    // interpreter for Python submissions
  bool sandbox = true;                        // use bubblewrap when the machine has it
  ProcessLimits limits;                       // wall_seconds is taken from the problem
  /// Never visible to the submission, even if something bound would show them (the
  /// problems directory is always added).
  std::vector<std::filesystem::path> hidden;
};

struct GroupCounts {
  int passed = 0;
  int total = 0;
};

struct Evaluation {
  std::string problem;
  std::string checkpoint;
  std::string snapshot;
  std::vector<CaseResult> cases;
  std::map<std::string, GroupCounts> groups;
  double pass_rate = 0;           // all tests
  double isolated_pass_rate = 0;  // without regression
  double core_pass_rate = 0;
  bool strict = false;    // every test passed, regression included
  bool isolated = false;  // every test of this checkpoint passed
  bool core = false;      // every core test of this checkpoint passed
  /// Why the submission could not be judged at all (no entry file, server never started);
  /// empty when it ran. Kept apart from test failures.
  std::string infrastructure_failure;
  bool sandboxed = false;
  IsolationRecord isolation;
  /// What of the snapshot was left out of the judged copy for a size limit (empty: nothing).
  std::string copy_truncated;
  double seconds = 0;
};

Evaluation EvaluateCheckpoint(const Problem& problem, std::size_t checkpoint, const std::filesystem::path& snapshot,
                              const EvaluationOptions& options);

nlohmann::ordered_json EvaluationToJson(const Evaluation& evaluation);

}  // namespace scbench::harness
