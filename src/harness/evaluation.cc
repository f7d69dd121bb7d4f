#include "harness/evaluation.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>
#include <mutex>
#include <unistd.h>

#include "common/work_queue.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

constexpr uid_t kFirstSandboxUid = 100000;

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

/// A private directory under the system temp dir, removed on destruction.
class WorkDirectory {
 public:
  WorkDirectory() {
    std::string pattern = (fs::temp_directory_path() / "scbench-eval-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    // The sandbox user must reach its scratch directory; listing stays private.
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec, ec);
  }
  ~WorkDirectory() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

  CaseArea NewArea(std::size_t number) const {
    CaseArea area{path_ / fmt::format("case-{}", number) / "scratch", path_ / fmt::format("case-{}", number) / "io"};
    fs::create_directories(area.scratch);
    fs::create_directories(area.io);
    fs::permissions(area.scratch.parent_path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::permissions(area.io, fs::perms::owner_all);
    return area;
  }

 private:
  fs::path path_;
};

std::optional<uid_t> SandboxUser(unsigned worker) {
  if (geteuid() != 0) return std::nullopt;
  // One uid per worker and per scbench process: process limits of concurrent cases do not
  // interfere (the kernel counts processes per uid).
  return kFirstSandboxUid + static_cast<uid_t>(getpid() % 50000) * 16 + worker % 16;
}

std::string CheckSubmission(const Problem& problem, const fs::path& snapshot, const EvaluationOptions& options) {
  if (!fs::is_directory(snapshot)) return "snapshot " + snapshot.string() + " is not a directory";
  if (!fs::is_regular_file(snapshot / problem.entry_file)) {
    return "entry file " + problem.entry_file + " not found in the snapshot";
  }
  if (access(options.python.c_str(), X_OK) != 0) return "interpreter " + options.python + " not found";
  return "";
}

/// Copies the submission where every user may read it; returns an error message or "".
std::string CopyReadable(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::skip_symlinks, ec);
  if (ec) return "cannot copy the snapshot: " + ec.message();
  for (const auto& entry : fs::recursive_directory_iterator(to, ec)) {
    fs::permissions(entry.path(), fs::perms::others_read | fs::perms::group_read | (entry.is_directory() ? fs::perms::others_exec | fs::perms::group_exec : fs::perms::none),
                    fs::perm_options::add, ec);
  }
  fs::permissions(to, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add, ec);
  return "";
}

Submission MakeSubmission(const Problem& problem, const fs::path& snapshot, const EvaluationOptions& options) {
  Submission submission;
  submission.snapshot = fs::absolute(snapshot);
  submission.entry_command = {options.python, (submission.snapshot / problem.entry_file).string()};
  submission.assets = problem.static_assets;
  submission.bubblewrap = options.sandbox && BubblewrapAvailable();
  submission.limits = options.limits;
  submission.limits.wall_seconds = problem.timeout_seconds;
  return submission;
}

std::vector<CaseResult> RunCli(const std::vector<PlannedCase>& planned, const Submission& submission,
                               const WorkDirectory& work, unsigned workers) {
  std::vector<CaseResult> results(planned.size());
  RunParallel(planned.size(), workers, [&](std::size_t i, unsigned worker) {
    results[i] = RunCliCase(*planned[i].test, submission, work.NewArea(i), SandboxUser(worker));
  });
  return results;
}

/// HTTP cases run per (checkpoint, group) file: one server each, cases in file order.
std::vector<CaseResult> RunHttp(const std::vector<PlannedCase>& planned, const Submission& submission,
                                const WorkDirectory& work, unsigned workers, double timeout, std::string& infrastructure) {
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
  std::vector<CaseResult> results(planned.size());
  std::vector<char> unit_failed(units.size(), 0);
  RunParallel(units.size(), workers, [&](std::size_t u, unsigned worker) {
    std::vector<const TestCase*> cases;
    for (std::size_t i : units[u]) cases.push_back(planned[i].test);
    bool failed = false;
    auto unit_results = RunHttpGroup(cases, submission, work.NewArea(u), SandboxUser(worker), timeout, failed);
    unit_failed[u] = failed;
    for (std::size_t k = 0; k < units[u].size(); ++k) results[units[u][k]] = std::move(unit_results[k]);
  });
  if (!units.empty() && std::all_of(unit_failed.begin(), unit_failed.end(), [](char f) { return f != 0; })) {
    infrastructure = results.front().failure;
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

}  // namespace

Evaluation EvaluateCheckpoint(const Problem& problem, std::size_t checkpoint, const fs::path& snapshot,
                              const EvaluationOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Evaluation evaluation;
  evaluation.problem = problem.name;
  evaluation.checkpoint = problem.checkpoints[checkpoint].name;
  evaluation.snapshot = snapshot.string();
  const std::vector<PlannedCase> planned = PlanCases(problem, checkpoint);
  evaluation.infrastructure_failure = CheckSubmission(problem, snapshot, options);
  WorkDirectory work;
  // The sandbox user reads a copy: the snapshot may sit below directories it cannot enter
  // (a home directory), and the copy keeps the original safe from the submission.
  const fs::path copy = work.path() / "submission";
  if (evaluation.infrastructure_failure.empty()) evaluation.infrastructure_failure = CopyReadable(snapshot, copy);
  const Submission submission = MakeSubmission(problem, copy, options);
  evaluation.sandboxed = submission.bubblewrap;
  if (!evaluation.infrastructure_failure.empty()) {
    for (const PlannedCase& p : planned) evaluation.cases.push_back({p.test->id, p.group, p.checkpoint, false, 0, evaluation.infrastructure_failure});
  } else if (problem.entry_kind == EntryKind::kCli) {
    evaluation.cases = RunCli(planned, submission, work, WorkerCount(options.jobs));
  } else {
    evaluation.cases = RunHttp(planned, submission, work, WorkerCount(options.jobs), problem.timeout_seconds,
                               evaluation.infrastructure_failure);
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
