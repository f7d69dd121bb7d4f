#include "harness/evaluation.h"

#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <unistd.h>

#include "common/tree_copy.h"
#include "common/work_queue.h"
#include "harness/mount_space.h"
#include "harness/network_namespace.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

/// A case as evaluated: where it comes from and which group it counts in.
struct PlannedCase {
  const TestCase* test;
  std::string checkpoint;
  std::string group;
};

std::vector<PlannedCase> PlanCases(const Problem& problem, std::size_t index) {
  std::vector<PlannedCase> planned;
  for (const TestCase& test : problem.checkpoints[index].cases) {
    planned.push_back({&test, problem.checkpoints[index].name, test.group});
  }
  if (!problem.checkpoints[index].regression) return planned;
  for (std::size_t earlier = 0; earlier < index; ++earlier) {
    for (const TestCase& test : problem.checkpoints[earlier].cases) {
      planned.push_back({&test, problem.checkpoints[earlier].name, "regression"});
    }
  }
  return planned;
}

std::string CheckSubmission(const Problem& problem, const fs::path& snapshot, const EvaluationOptions& options) {
  if (!fs::is_directory(snapshot)) return "snapshot " + snapshot.string() + " is not a directory";
  if (!fs::is_regular_file(snapshot / problem.entry_file)) {
    return "entry file " + problem.entry_file + " not found in the snapshot";
  }
  if (access(options.python.c_str(), X_OK) != 0) return "interpreter " + options.python + " not found";
  return "";
}

/// Copies the submission where every user may read it (regular files and directories
/// only, plain modes: see common/tree_copy.h); returns an error message or "".
std::string CopyReadable(const fs::path& from, const fs::path& to, std::string& truncated) {
  std::string error;
  CopyResult result;
  if (!CopyRegularTree(from, to, nullptr, CopyLimits{}, result, error)) return "cannot copy the snapshot: " + error;
  truncated = result.truncated;
  std::error_code ec;
  fs::permissions(to, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                          fs::perms::others_exec, ec);
  return "";
}

Submission MakeSubmission(const Problem& problem, const fs::path& snapshot, const EvaluationOptions& options) {
  Submission submission;
  submission.snapshot = snapshot.empty() ? snapshot : fs::absolute(snapshot);
  submission.entry_command = {options.python, (submission.snapshot / problem.entry_file).string()};
  submission.assets = problem.static_assets;
  submission.bubblewrap = options.sandbox && BubblewrapAvailable();
  submission.private_server_network = CanVisitNetworkNamespaces();
  submission.hidden = options.hidden;
  submission.hidden.push_back(fs::absolute(problem.directory).parent_path());
  submission.limits = options.limits;
  submission.limits.wall_seconds = problem.timeout_seconds;
  return submission;
}

IsolationRecord Isolation(const Problem& problem, const Submission& submission, const EvaluationOptions& options) {
  const bool http = problem.entry_kind == EntryKind::kHttp;
  IsolationSetup setup;
  setup.bubblewrap = submission.bubblewrap;
  setup.own_identity = IdentityLease().identity().has_value();
  setup.wanted_network = http ? NetworkIsolation::kPrivate : NetworkIsolation::kNone;
  setup.network = !submission.bubblewrap                   ? NetworkIsolation::kHost
                  : !http                                  ? NetworkIsolation::kNone
                  : submission.private_server_network      ? NetworkIsolation::kPrivate
                                                           : NetworkIsolation::kHost;
  setup.disk_quota = PrivateMountSpaceActive();
  setup.tmp_bytes = Sandbox{}.tmp_bytes;
  setup.why_no_bubblewrap = !options.sandbox ? "disabled by --no-sandbox" : "bubblewrap cannot run here";
  return DescribeIsolation(setup, submission.limits);
}

CaseResult RunOneCliCase(const PlannedCase& planned, const Submission& submission, const WorkArea& work, std::size_t number) {
  const IdentityLease lease;
  std::string error;
  const auto area = work.NewArea(number, submission.limits.disk_bytes, lease.identity(), error);
  if (!area) return {planned.test->id, planned.group, planned.checkpoint, false, 0, "infrastructure: " + error};
  CaseResult result = RunCliCase(*planned.test, submission, *area, lease.identity());
  WorkArea::Release(*area);
  return result;
}

std::vector<CaseResult> RunCli(const std::vector<PlannedCase>& planned, const Submission& submission,
                               const WorkArea& work, unsigned workers) {
  std::vector<CaseResult> results(planned.size());
  RunParallel(planned.size(), workers, [&](std::size_t i, unsigned) {
    results[i] = RunOneCliCase(planned[i], submission, work, i);
  });
  return results;
}

/// HTTP cases run per (checkpoint, group) file: one server each, cases in file order.
std::vector<std::vector<std::size_t>> HttpUnits(const std::vector<PlannedCase>& planned) {
  std::vector<std::vector<std::size_t>> units;
  std::map<std::pair<std::string, std::string>, std::size_t> unit_of;
  for (std::size_t i = 0; i < planned.size(); ++i) {
    const auto key = std::make_pair(planned[i].checkpoint, planned[i].test->group);
    if (!unit_of.contains(key)) {
      unit_of[key] = units.size();
      units.emplace_back();
    }
    units[unit_of[key]].push_back(i);
  }
  return units;
}

std::vector<CaseResult> RunHttp(const std::vector<PlannedCase>& planned, const Submission& submission,
                                const WorkArea& work, unsigned workers, double timeout, std::string& infrastructure) {
  const auto units = HttpUnits(planned);
  std::vector<CaseResult> results(planned.size());
  std::vector<char> unit_failed(units.size(), 0);
  UnansweredRequests unanswered;
  RunParallel(units.size(), workers, [&](std::size_t u, unsigned) {
    std::vector<const TestCase*> cases;
    for (std::size_t i : units[u]) cases.push_back(planned[i].test);
    const IdentityLease lease;
    std::string error;
    const auto area = work.NewArea(u, submission.limits.disk_bytes, lease.identity(), error);
    bool failed = !area;
    std::vector<CaseResult> unit_results;
    if (area) unit_results = RunHttpGroup(cases, submission, *area, lease.identity(), timeout, unanswered, failed);
    for (const TestCase* test : cases) {
      if (!area) unit_results.push_back({test->id, test->group, "", false, 0, "infrastructure: " + error});
    }
    if (area) WorkArea::Release(*area);
    unit_failed[u] = failed;
    for (std::size_t k = 0; k < units[u].size(); ++k) results[units[u][k]] = std::move(unit_results[k]);
  });
  const bool all_failed = std::all_of(unit_failed.begin(), unit_failed.end(), [](char f) { return f != 0; });
  if (!units.empty() && (all_failed || unanswered.GaveUp())) {
    const auto found = std::find_if(results.begin(), results.end(), [&](const CaseResult& r) {
      return !unanswered.GaveUp() || r.failure.starts_with("not run:");
    });
    infrastructure = found == results.end() ? results.front().failure : found->failure;
  }
  return results;
}

double Rate(int passed, int total) { return total == 0 ? 0.0 : static_cast<double>(passed) / total; }

void Score(Evaluation& e) {
  int passed = 0, own_passed = 0, own_total = 0;
  for (const CaseResult& c : e.cases) {
    GroupCounts& group = e.groups[c.group];
    ++group.total;
    group.passed += c.passed;
    passed += c.passed;
    if (c.group != "regression") {
      ++own_total;
      own_passed += c.passed;
    }
  }
  const int total = static_cast<int>(e.cases.size());
  const GroupCounts core = e.groups["core"];
  e.pass_rate = Rate(passed, total);
  e.isolated_pass_rate = Rate(own_passed, own_total);
  e.core_pass_rate = Rate(core.passed, core.total);
  e.strict = total > 0 && passed == total;
  e.isolated = own_total > 0 && own_passed == own_total;
  e.core = core.total > 0 && core.passed == core.total;
}

std::vector<CaseResult> RunPlanned(const Problem& problem, const std::vector<PlannedCase>& planned,
                                   const Submission& submission, const WorkArea& work, const EvaluationOptions& options,
                                   std::string& infrastructure) {
  if (problem.entry_kind == EntryKind::kCli) return RunCli(planned, submission, work, WorkerCount(options.jobs));
  return RunHttp(planned, submission, work, WorkerCount(options.jobs), problem.timeout_seconds, infrastructure);
}

}  // namespace

Evaluation EvaluateCheckpoint(const Problem& problem, std::size_t checkpoint, const fs::path& snapshot,
                              const EvaluationOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Evaluation evaluation;
  evaluation.problem = problem.name;
  evaluation.checkpoint = problem.checkpoints[checkpoint].name;
  evaluation.snapshot = snapshot.string();
  const std::vector<PlannedCase> planned = PlanCases(problem, checkpoint);
  std::string& failure = evaluation.infrastructure_failure;
  failure = CheckSubmission(problem, snapshot, options);
  auto work = failure.empty() ? WorkArea::Create(failure) : std::optional<WorkArea>();
  // The sandbox user reads a copy: the snapshot may sit below directories it cannot enter
  // (a home directory), and the copy keeps the original safe from the submission.
  const fs::path copy = work ? work->path() / "submission" : fs::path();
  if (failure.empty() && work) failure = CopyReadable(snapshot, copy, evaluation.copy_truncated);
  const Submission submission = MakeSubmission(problem, copy, options);
  evaluation.sandboxed = submission.bubblewrap;
  evaluation.isolation = Isolation(problem, submission, options);
  if (!failure.empty()) {
    for (const PlannedCase& p : planned) evaluation.cases.push_back({p.test->id, p.group, p.checkpoint, false, 0, failure});
  } else {
    evaluation.cases = RunPlanned(problem, planned, submission, *work, options, failure);
  }
  for (std::size_t i = 0; i < planned.size(); ++i) {
    evaluation.cases[i].group = planned[i].group;
    evaluation.cases[i].checkpoint = planned[i].checkpoint;
  }
  Score(evaluation);
  evaluation.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return evaluation;
}

nlohmann::ordered_json EvaluationToJson(const Evaluation& e) {
  using Json = nlohmann::ordered_json;
  const auto rounded = [](double v) { return std::round(v * 1e6) / 1e6; };
  Json groups = Json::object();
  for (const char* name : {"core", "functionality", "error", "regression"}) {
    const auto found = e.groups.find(name);
    const GroupCounts counts = found == e.groups.end() ? GroupCounts{} : found->second;
    groups[name] = {{"passed", counts.passed}, {"total", counts.total}};
  }
  Json tests = Json::array();
  for (const CaseResult& c : e.cases) {
    tests.push_back({{"id", c.id},
                     {"checkpoint", c.checkpoint},
                     {"group", c.group},
                     {"status", c.passed ? "passed" : "failed"},
                     {"duration_seconds", rounded(c.seconds)},
                     {"failure", c.failure}});
  }
  return {{"schema", kEvaluationSchema},
          {"schema_version", kEvaluationSchemaVersion},
          {"problem", e.problem},
          {"checkpoint", e.checkpoint},
          {"snapshot", e.snapshot},
          {"sandboxed", e.sandboxed},
          {"isolation", IsolationToJson(e.isolation)},
          {"snapshot_truncated", e.copy_truncated.empty() ? Json(nullptr) : Json(e.copy_truncated)},
          {"infrastructure_failure", e.infrastructure_failure.empty() ? Json(nullptr) : Json(e.infrastructure_failure)},
          {"pass_rate", rounded(e.pass_rate)},
          {"isolated_pass_rate", rounded(e.isolated_pass_rate)},
          {"core_pass_rate", rounded(e.core_pass_rate)},
          {"strict", e.strict},
          {"isolated", e.isolated},
          {"core", e.core},
          {"groups", groups},
          {"duration_seconds", rounded(e.seconds)},
          {"tests", tests}};
}

}  // namespace scbench::harness
