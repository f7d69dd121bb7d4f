#include "harness/case_runner.h"

#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/file_text.h"
#include "harness/http_client.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

Sandbox MakeSandbox(const Submission& submission, const CaseArea& area, std::optional<uid_t> run_as, bool network) {
  Sandbox sandbox;
  sandbox.bubblewrap = submission.bubblewrap;
  sandbox.read_only = {submission.snapshot};
  sandbox.scratch = area.scratch;
  sandbox.share_network = network;
  sandbox.run_as = run_as;
  return sandbox;
}

/// Writes the case's input files (and the problem's assets) into the scratch directory.
bool PrepareScratch(const Submission& submission, const std::map<std::string, std::string>& files,
                    const CaseArea& area, std::optional<uid_t> run_as, std::string& error) {
  std::error_code ec;
  for (const fs::path& asset : submission.assets) {
    fs::copy(asset, area.scratch / asset.filename(), fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
  }
  for (const auto& [name, content] : files) {
    const fs::path path = (area.scratch / name).lexically_normal();
    if (path.string().rfind(area.scratch.string(), 0) != 0) {
      error = "input file '" + name + "' points outside the scratch directory";
      return false;
    }
    fs::create_directories(path.parent_path(), ec);
    std::ofstream(path, std::ios::binary) << content;
  }
  Sandbox owner;
  owner.run_as = run_as;
  GiveToSandboxUser(area.scratch, owner);
  return true;
}

/// The first expectation the outcome fails, or empty.
std::string CheckCliOutcome(const TestCase& test, const ProcessOutcome& outcome, const CaseArea& area,
                            double wall_seconds) {
  if (!outcome.started || outcome.timed_out || outcome.output_limit || outcome.signal != 0) {
    return outcome.Describe(wall_seconds);
  }
  if (test.expect_exit_code && outcome.exit_code != *test.expect_exit_code) {
    return fmt::format("exit code: expected {} got {}{}", *test.expect_exit_code, outcome.exit_code,
                       outcome.stderr_text.empty() ? "" : "; stderr: " + outcome.stderr_text.substr(0, 200));
  }
  if (test.expect_nonzero_exit && outcome.exit_code == 0) return "exit code: expected non-zero got 0";
  if (test.expect_stdout) {
    if (const auto c = Compare(*test.expect_stdout, outcome.stdout_text); !c.passed) return "stdout: " + c.diff;
  }
  if (test.expect_stderr) {
    if (const auto c = Compare(*test.expect_stderr, outcome.stderr_text); !c.passed) return "stderr: " + c.diff;
  }
  for (const auto& [name, expectation] : test.expect_files) {
    const auto content = ReadWholeFile(area.scratch / name);
    if (!content) return "file " + name + ": not written";
    if (const auto c = Compare(expectation, *content); !c.passed) return "file " + name + ": " + c.diff;
  }
  return "";
}

CaseResult Result(const TestCase& test, bool passed, double seconds, std::string failure) {
  return {test.id, test.group, "", passed, seconds, std::move(failure)};
}

}  // namespace

CaseResult RunCliCase(const TestCase& test, const Submission& submission, const CaseArea& area,
                      std::optional<uid_t> run_as) {
  std::string error;
  if (!PrepareScratch(submission, test.files, area, run_as, error)) return Result(test, false, 0, error);
  ProcessSpec spec;
  spec.argv = submission.entry_command;
  spec.argv.insert(spec.argv.end(), test.args.begin(), test.args.end());
  spec.env = test.env;
  spec.stdin_text = test.stdin_text;
  spec.io_directory = area.io;
  const ProcessOutcome outcome = RunProcess(spec, submission.limits, MakeSandbox(submission, area, run_as, false));
  const std::string failure = CheckCliOutcome(test, outcome, area, submission.limits.wall_seconds);
  return Result(test, failure.empty(), outcome.seconds, failure);
}

namespace {

/// A submission's server: started in the case area, restartable, stopped on destruction.
class ServerUnderTest {
 public:
  ServerUnderTest(const Submission& submission, const CaseArea& area, std::optional<uid_t> run_as, double timeout)
      : submission_(submission), area_(area), run_as_(run_as), timeout_(timeout), port_(FindFreePort()) {}
  ~ServerUnderTest() { Stop(); }

  /// Starts the server and waits until its port accepts connections; false with a reason.
  bool Start(std::string& reason) {
    ProcessSpec spec;
    spec.argv = submission_.entry_command;
    spec.argv.insert(spec.argv.end(), {"--address", "127.0.0.1", "--port", std::to_string(port_)});
    spec.io_directory = area_.io;
    ProcessLimits limits = submission_.limits;
    std::string error;
    auto started = ChildProcess::Start(spec, limits, MakeSandbox(submission_, area_, run_as_, true), error);
    child_.reset();
    if (started) child_.emplace(std::move(*started));
    if (!child_) {
      reason = "server could not start: " + error;
      return false;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_);
    while (std::chrono::steady_clock::now() < deadline) {
      if (PortAcceptsConnections(port_)) return true;
      if (child_->Exited()) {
        const ProcessOutcome outcome = child_->Finish(false);
        reason = fmt::format("server exited before listening ({}); stderr: {}", outcome.Describe(timeout_),
                             outcome.stderr_text.substr(0, 300));
        child_.reset();
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    reason = fmt::format("server did not listen on port {} within {:g} s", port_, timeout_);
    Stop();
    return false;
  }

  void Stop() {
    if (child_) child_->Stop(2.0);
    child_.reset();
  }

  std::string Url(const std::string& path) const { return fmt::format("http://127.0.0.1:{}{}", port_, path); }

 private:
  const Submission& submission_;
  const CaseArea& area_;
  std::optional<uid_t> run_as_;
  double timeout_;
  int port_;
  std::optional<ChildProcess> child_;
};

std::string CheckResponse(const HttpStep& step, const HttpResponse& response) {
  if (step.expect_status && response.status != *step.expect_status) {
    return fmt::format("status: expected {} got {}; body: {}", *step.expect_status, response.status,
                       response.body.substr(0, 200));
  }
  for (const auto& [name, expectation] : step.expect_headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    const auto found = response.headers.find(lower);
    if (found == response.headers.end()) return "header " + name + ": missing";
    if (const auto c = Compare(expectation, found->second); !c.passed) return "header " + name + ": " + c.diff;
  }
  if (step.expect_body) {
    if (const auto c = Compare(*step.expect_body, response.body); !c.passed) return "body: " + c.diff;
  }
  return "";
}

std::string RunHttpCase(const TestCase& test, ServerUnderTest& server, double timeout) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
  for (std::size_t i = 0; i < test.steps.size(); ++i) {
    const HttpStep& step = test.steps[i];
    const std::string where = fmt::format("step {}: ", i + 1);
    if (step.restart) {
      server.Stop();
      std::string reason;
      if (!server.Start(reason)) return where + "restart: " + reason;
      continue;
    }
    const double left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) return where + fmt::format("case timed out after {:g} s", timeout);
    std::string error;
    const auto response = SendHttpRequest(step.method, server.Url(step.path), step.headers, step.body, left, error);
    if (!response) return where + step.method + " " + step.path + ": " + error;
    if (std::string failure = CheckResponse(step, *response); !failure.empty()) {
      return where + step.method + " " + step.path + ": " + failure;
    }
  }
  return "";
}

}  // namespace

std::vector<CaseResult> RunHttpGroup(const std::vector<const TestCase*>& cases, const Submission& submission,
                                     const CaseArea& area, std::optional<uid_t> run_as, double timeout_seconds,
                                     bool& infrastructure) {
  std::vector<CaseResult> results;
  std::string error;
  if (!PrepareScratch(submission, {}, area, run_as, error)) infrastructure = true;
  ServerUnderTest server(submission, area, run_as, timeout_seconds);
  std::string reason;
  infrastructure = !server.Start(reason);
  for (const TestCase* test : cases) {
    if (infrastructure) {
      results.push_back(Result(*test, false, 0, reason));
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    std::string failure = RunHttpCase(*test, server, timeout_seconds);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool passed = failure.empty();  // before the move below: argument order is unspecified
    results.push_back(Result(*test, passed, seconds, std::move(failure)));
  }
  return results;
}

}  // namespace scbench::harness
