// Hostile submissions: each must be stopped and reported, never hang or harm the runner.

#include "harness/sandbox.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace scbench::harness {
namespace {
namespace fs = std::filesystem;

const fs::path kHostile = fs::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/hostile";

/// Processes (zombies included: they count against RLIMIT_NPROC) whose real uid is `uid`.
int ProcessesOwnedBy(uid_t uid) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::ifstream status(entry.path() / "status");
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("Uid:", 0) == 0) {
        count += std::stoul(line.substr(4)) == uid ? 1 : 0;
        break;
      }
    }
  }
  return count;
}

class SandboxTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam() && !BubblewrapAvailable()) GTEST_SKIP() << "bubblewrap not available";
    root_ = fs::temp_directory_path() / ("scbench_sandbox_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(counter_++));
    fs::create_directories(root_ / "scratch");
    fs::create_directories(root_ / "io");
    fs::permissions(root_, fs::perms::owner_all | fs::perms::others_exec);
    sandbox_.bubblewrap = GetParam();
    sandbox_.read_only = {kHostile};
    sandbox_.scratch = root_ / "scratch";
    // A uid of its own, so that tests running in parallel do not share a process limit.
    if (::geteuid() == 0) sandbox_.run_as = 62000 + static_cast<uid_t>(::getpid() % 2000);
    GiveToSandboxUser(sandbox_.scratch, sandbox_);
    limits_.wall_seconds = 3;
    limits_.memory_bytes = 512ull << 20;
    limits_.processes = 32;
    limits_.file_bytes = 1 << 20;
  }
  void TearDown() override { fs::remove_all(root_); }

  ProcessOutcome Run(const std::string& script, std::vector<std::string> args = {}, std::string stdin_text = "") {
    ProcessSpec spec;
    spec.argv = {"/usr/bin/python3", (kHostile / script).string()};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.stdin_text = stdin_text;
    spec.io_directory = root_ / "io";
    return RunProcess(spec, limits_, sandbox_);
  }

  static inline int counter_ = 0;
  fs::path root_;
  Sandbox sandbox_;
  ProcessLimits limits_;
};

TEST_P(SandboxTest, OrdinaryProgramGetsStdinArgsAndItsOutputsAreCaptured) {
  const auto outcome = Run("echo.py", {"a", "b"}, "hello");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
  EXPECT_EQ(outcome.stdout_text, "HELLO");
  EXPECT_EQ(outcome.stderr_text, "args a b\n");
}

TEST_P(SandboxTest, SleeperIsKilledAtTheWallLimit) {
  limits_.wall_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  const auto outcome = Run("sleeper.py");
  EXPECT_TRUE(outcome.timed_out);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5);
  EXPECT_NE(outcome.Describe(1).find("timed out"), std::string::npos);
}

TEST_P(SandboxTest, ProcessesIgnoringSigtermAreKilled) {
  limits_.wall_seconds = 1;
  const auto outcome = Run("stubborn.py");
  EXPECT_TRUE(outcome.timed_out);
}

TEST_P(SandboxTest, ForkBombHitsTheProcessLimit) {
  if (!sandbox_.run_as) GTEST_SKIP() << "process limits do not bind the user running the tests as root";
  const auto outcome = Run("forker.py");
  EXPECT_FALSE(outcome.timed_out) << outcome.stderr_text;
  EXPECT_NE(outcome.stdout_text.find("fork refused after"), std::string::npos) << outcome.stderr_text;
  // Nothing is left, not even a zombie: the next case runs as the same uid and would
  // otherwise start at the process limit.
  EXPECT_EQ(ProcessesOwnedBy(*sandbox_.run_as), 0);
}

TEST_P(SandboxTest, FloodOfOutputIsCutAtTheFileSizeLimit) {
  const auto outcome = Run("flooder.py");
  EXPECT_FALSE(outcome.timed_out);
  EXPECT_TRUE(outcome.output_limit || outcome.exit_code != 0) << outcome.Describe(3);
  EXPECT_LE(outcome.stdout_text.size(), std::size_t{1} << 20);
}

TEST_P(SandboxTest, MemoryHogIsStopped) {
  const auto outcome = Run("hog.py");
  EXPECT_FALSE(outcome.timed_out);
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.stderr_text.find("MemoryError"), std::string::npos) << outcome.stderr_text;
}

TEST_P(SandboxTest, WritesOutsideTheScratchDirectoryFail) {
  const fs::path outside = root_ / "outside.txt";
  const auto outcome = Run("escaper.py", {outside.string()});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
  EXPECT_FALSE(fs::exists(outside));
  EXPECT_FALSE(fs::exists(kHostile / "planted.txt"));
  EXPECT_TRUE(fs::exists(sandbox_.scratch / "inside.txt"));
}

TEST_P(SandboxTest, MissingProgramIsAStartFailureNotACrash) {
  ProcessSpec spec;
  spec.argv = {"/nonexistent/interpreter"};
  spec.io_directory = root_ / "io";
  const auto outcome = RunProcess(spec, limits_, {.scratch = sandbox_.scratch});
  EXPECT_FALSE(outcome.started);
  EXPECT_NE(outcome.start_error.find("/nonexistent/interpreter"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutBubblewrap, SandboxTest, ::testing::Bool(),
                         [](const auto& param_info) { return param_info.param ? "bubblewrap" : "plain"; });

}  // namespace
}  // namespace scbench::harness
