#include "harness/case_runner.h"

#include <chrono>
#include <fmt/format.h>
#include <thread>

#include "harness/contained_file.h"
#include "harness/http_client.h"
#include "harness/network_namespace.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

/// Inside a server's own network namespace every port is free: a fixed one keeps the
/// command line the same from run to run.
constexpr int kPrivateServerPort = 8000;

Sandbox MakeSandbox(const Submission& submission, const CaseArea& area, const std::optional<SandboxIdentity>& identity,
                    bool share_network) {
  Sandbox sandbox;
  sandbox.bubblewrap = submission.bubblewrap;
  sandbox.read_only = {submission.snapshot};
  sandbox.scratch = area.scratch;
  sandbox.hidden = submission.hidden;
  sandbox.share_network = share_network;
  sandbox.identity = identity;
  return sandbox;
}

/// Writes the case's input files (and the problem's assets) into the scratch directory.
bool PrepareScratch(const Submission& submission, const std::map<std::string, std::string>& files,
                    const CaseArea& area, const std::optional<SandboxIdentity>& identity, std::string& error) {
  std::error_code ec;
  for (const fs::path& asset : submission.assets) {
    fs::copy(asset, area.scratch / asset.filename(), fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    if (ec) {
      error = fmt::format("cannot copy asset {}: {}", asset.string(), ec.message());
      return false;
    }
  }
  for (const auto& [name, content] : files) {
    if (!WriteContainedFile(area.scratch, name, content, error)) return false;
  }
  GiveToSandboxUser(area.scratch, identity);
  return true;
}

std::string CheckFiles(const TestCase& test, const CaseArea& area, std::uint64_t max_bytes) {
  for (const auto& [name, expectation] : test.expect_files) {
    std::string why;
    const auto content = ReadContainedFile(area.scratch, name, max_bytes, why);
    if (!content) return "file " + name + ": " + why;
    if (const auto c = Compare(expectation, *content); !c.passed) return "file " + name + ": " + c.diff;
  }
  return "";
}

/// The first expectation the outcome fails, or empty.
std::string CheckCliOutcome(const TestCase& test, const ProcessOutcome& outcome, const CaseArea& area,
                            const ProcessLimits& limits) {
  if (!outcome.started || outcome.timed_out || outcome.output_limit || outcome.memory_limit || outcome.signal != 0) {
    return outcome.Describe(limits.wall_seconds);
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
  return CheckFiles(test, area, limits.file_bytes);
}

CaseResult Result(const TestCase& test, bool passed, double seconds, std::string failure) {
  return {test.id, test.group, "", passed, seconds, std::move(failure)};
}

}  // namespace

CaseResult RunCliCase(const TestCase& test, const Submission& submission, const CaseArea& area,
                      const std::optional<SandboxIdentity>& identity) {
  std::string error;
  if (!PrepareScratch(submission, test.files, area, identity, error)) return Result(test, false, 0, error);
  ProcessSpec spec;
  spec.argv = submission.entry_command;
  spec.argv.insert(spec.argv.end(), test.args.begin(), test.args.end());
  spec.env = test.env;
  spec.stdin_text = test.stdin_text;
  spec.io_directory = area.io;
  const ProcessOutcome outcome = RunProcess(spec, submission.limits, MakeSandbox(submission, area, identity, false));
  const std::string failure = CheckCliOutcome(test, outcome, area, submission.limits);
  return Result(test, failure.empty(), outcome.seconds, failure);
}

namespace {

/// A submission's server: started in the case area, restartable, stopped on destruction.
/// With a private network the calling thread visits the server's namespace while it runs.
class ServerUnderTest {
 public:
  ServerUnderTest(const Submission& submission, const CaseArea& area, const std::optional<SandboxIdentity>& identity,
                  double timeout)
      : submission_(submission),
        area_(area),
        identity_(identity),
        timeout_(timeout),
        port_(Private() ? kPrivateServerPort : FindFreePort()) {}
  ~ServerUnderTest() { Stop(); }

  /// Starts the server and waits until its port accepts connections; false with a reason.
  bool Start(std::string& reason) {
    ProcessSpec spec;
    spec.argv = submission_.entry_command;
    spec.argv.insert(spec.argv.end(), {"--address", "127.0.0.1", "--port", std::to_string(port_)});
    spec.io_directory = area_.io;
    std::string error;
    auto started = ChildProcess::Start(spec, submission_.limits, MakeSandbox(submission_, area_, identity_, !Private()), error);
    child_.reset();
    if (started) child_.emplace(std::move(*started));
    if (!child_ || !VisitNetwork(error)) {
      reason = "server could not start: " + error;
      Stop();
      return false;
    }
    return AwaitListening(reason);
  }

  void Stop() {
    if (child_) child_->Stop(2.0);
    child_.reset();
    visit_.reset();
  }

  std::string Url(const std::string& path) const { return fmt::format("http://127.0.0.1:{}{}", port_, path); }

  /// False once the server failed to start or restart. Requests are never sent then:
  /// with a private network the thread is back in the host's namespace, where 127.0.0.1
  /// is somebody else.
  bool Reachable() const { return child_.has_value() && (!Private() || visit_.has_value()); }

 private:
  bool Private() const { return submission_.bubblewrap && submission_.private_server_network; }

  bool VisitNetwork(std::string& error) {
    visit_.reset();
    if (!Private()) return true;
    const auto pid = child_->SandboxedPid(timeout_);
    if (!pid) {
      error = "the sandbox did not report the server's process";
      return false;
    }
    auto visit = NetworkNamespaceVisit::Enter(*pid, error);
    if (visit) visit_.emplace(std::move(*visit));
    return visit_.has_value();
  }

  bool AwaitListening(std::string& reason) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_);
    while (std::chrono::steady_clock::now() < deadline) {
      if (PortAcceptsConnections(port_)) return true;
      if (child_->Exited()) {
        const ProcessOutcome outcome = child_->Finish(false);
        reason = fmt::format("server exited before listening ({}); stderr: {}", outcome.Describe(timeout_),
                             outcome.stderr_text.substr(0, 300));
        Stop();
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    reason = fmt::format("server did not listen on port {} within {:g} s", port_, timeout_);
    Stop();
    return false;
  }

  const Submission& submission_;
  const CaseArea& area_;
  std::optional<SandboxIdentity> identity_;
  double timeout_;
  int port_;
  std::optional<ChildProcess> child_;
  std::optional<NetworkNamespaceVisit> visit_;
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

std::string RunHttpCase(const TestCase& test, ServerUnderTest& server, double timeout, UnansweredRequests& unanswered) {
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
    if (!server.Reachable()) return where + "not sent: the server is not running (it failed to start or restart)";
    HttpTransportError error;
    const auto response = SendHttpRequest(step.method, server.Url(step.path), step.headers, step.body, left, error);
    if (!response) {
      if (error.timed_out) ++unanswered.in_a_row;
      return where + step.method + " " + step.path + ": " + error.message;
    }
    unanswered.in_a_row = 0;
    if (std::string failure = CheckResponse(step, *response); !failure.empty()) {
      return where + step.method + " " + step.path + ": " + failure;
    }
  }
  return "";
}

}  // namespace

std::vector<CaseResult> RunHttpGroup(const std::vector<const TestCase*>& cases, const Submission& submission,
                                     const CaseArea& area, const std::optional<SandboxIdentity>& identity,
                                     double timeout_seconds, UnansweredRequests& unanswered, bool& infrastructure) {
  std::vector<CaseResult> results;
  std::string reason;
  infrastructure = !PrepareScratch(submission, {}, area, identity, reason);
  ServerUnderTest server(submission, area, identity, timeout_seconds);
  if (!infrastructure) infrastructure = !server.Start(reason);
  for (const TestCase* test : cases) {
    if (!infrastructure && unanswered.GaveUp()) {
      infrastructure = true;
      reason = fmt::format("not run: the server stopped answering ({} requests in a row got no response within {:g} s)",
                           UnansweredRequests::kGiveUpAfter, timeout_seconds);
    }
    if (infrastructure) {
      results.push_back(Result(*test, false, 0, reason));
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    std::string failure = RunHttpCase(*test, server, timeout_seconds, unanswered);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const bool passed = failure.empty();  // before the move below: argument order is unspecified
    results.push_back(Result(*test, passed, seconds, std::move(failure)));
  }
  return results;
}

}  // namespace scbench::harness
