// Hostile programs run in the sandbox: each must be stopped and reported, never hang or
// harm the runner, and must not see or reach anything of the host.

#include "harness/sandbox.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <grp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "harness/mount_space.h"
#include "harness/resource_group.h"

namespace scbench::harness {
namespace {
namespace fs = std::filesystem;

const fs::path kHostile = fs::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/hostile";

/// Enters the private mount space before any test starts a thread, as the CLI does.
class PrivateMountSpace : public ::testing::Environment {
 public:
  void SetUp() override {
    std::string error;
    EnterPrivateMountSpace(error);
  }
};
const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new PrivateMountSpace);

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

/// A TCP listener on the host's loopback, standing for a host service.
class HostService {
 public:
  HostService() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(fd_, 8);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~HostService() { close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

/// A scratch directory, an identity and limits for running the hostile fixtures, with or
/// without bubblewrap.
class SandboxFixture {
 protected:
  void Prepare(bool bubblewrap) {
    root_ = fs::temp_directory_path() / ("scbench_sandbox_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(counter_++));
    fs::create_directories(root_ / "scratch");
    fs::create_directories(root_ / "io");
    fs::permissions(root_, fs::perms::owner_all | fs::perms::others_exec);
    sandbox_.bubblewrap = bubblewrap;
    sandbox_.read_only = {kHostile};
    sandbox_.scratch = root_ / "scratch";
    sandbox_.identity = lease_.identity();
    GiveToSandboxUser(sandbox_.scratch, sandbox_.identity);
    limits_.wall_seconds = 5;
    limits_.memory_bytes = 512ull << 20;
    limits_.processes = 32;
    limits_.file_bytes = 1 << 20;
  }
  void CleanUp() {
    if (!root_.empty()) fs::remove_all(root_);
  }

  ProcessOutcome RunScript(const std::string& script, std::vector<std::string> args = {}, std::string stdin_text = "") {
    ProcessSpec spec;
    spec.argv = {"/usr/bin/python3", (kHostile / script).string()};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.stdin_text = stdin_text;
    spec.io_directory = root_ / "io";
    return RunProcess(spec, limits_, sandbox_);
  }

  nlohmann::json RunJson(const std::string& script, std::vector<std::string> args = {}) {
    const auto outcome = RunScript(script, std::move(args));
    EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
    return nlohmann::json::parse(outcome.stdout_text, nullptr, false);
  }

  static inline int counter_ = 0;
  IdentityLease lease_;
  fs::path root_;
  Sandbox sandbox_;
  ProcessLimits limits_;
};

/// What must hold with bubblewrap and without it.
class SandboxTest : public SandboxFixture, public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam() && !BubblewrapAvailable()) GTEST_SKIP() << "bubblewrap not available";
    Prepare(GetParam());
  }
  void TearDown() override { CleanUp(); }
};

/// What only bubblewrap provides: a private view, pid and network namespaces, /tmp.
class BubblewrapTest : public SandboxFixture, public ::testing::Test {
 protected:
  void SetUp() override {
    if (!BubblewrapAvailable()) GTEST_SKIP() << "bubblewrap not available";
    Prepare(true);
  }
  void TearDown() override { CleanUp(); }
};

TEST_P(SandboxTest, OrdinaryProgramGetsStdinArgsAndItsOutputsAreCaptured) {
  const auto outcome = RunScript("echo.py", {"a", "b"}, "hello");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
  EXPECT_EQ(outcome.stdout_text, "HELLO");
  EXPECT_EQ(outcome.stderr_text, "args a b\n");
}

TEST_P(SandboxTest, SleeperIsKilledAtTheWallLimit) {
  limits_.wall_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  const auto outcome = RunScript("sleeper.py");
  EXPECT_TRUE(outcome.timed_out);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5);
  EXPECT_NE(outcome.Describe(1).find("timed out"), std::string::npos);
}

TEST_P(SandboxTest, ProcessesIgnoringSigtermAreKilled) {
  limits_.wall_seconds = 1;
  const auto outcome = RunScript("stubborn.py");
  EXPECT_TRUE(outcome.timed_out);
}

TEST_P(SandboxTest, ForkBombHitsTheProcessLimit) {
  if (!sandbox_.identity && !ControlGroups().available) {
    GTEST_SKIP() << "process limits do not bind the user running the tests as root";
  }
  const auto outcome = RunScript("forker.py");
  EXPECT_FALSE(outcome.timed_out) << outcome.stderr_text;
  EXPECT_NE(outcome.stdout_text.find("fork refused after"), std::string::npos) << outcome.stderr_text;
  // Nothing is left, not even a zombie: a later tree with the same uid would otherwise
  // start at the process limit.
  if (sandbox_.identity) {
    EXPECT_EQ(ProcessesOwnedBy(sandbox_.identity->uid), 0);
  }
}

TEST_P(SandboxTest, FloodOfOutputIsReportedAsTheFileSizeLimit) {
  const auto outcome = RunScript("flooder.py");
  EXPECT_FALSE(outcome.timed_out);
  EXPECT_TRUE(outcome.output_limit) << outcome.Describe(3);
  EXPECT_NE(outcome.Describe(3).find("file-size limit"), std::string::npos);
  EXPECT_LE(outcome.stdout_text.size(), std::size_t{1} << 20);
}

TEST_P(SandboxTest, MemoryHogIsStopped) {
  const auto outcome = RunScript("hog.py");
  EXPECT_FALSE(outcome.timed_out);
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.stderr_text.find("MemoryError"), std::string::npos) << outcome.stderr_text;
}

TEST_P(SandboxTest, TheWholeTreesMemoryIsLimitedByItsControlGroup) {
  if (!ControlGroups().available) GTEST_SKIP() << ControlGroups().description;
  limits_.limit_address_space = false;
  limits_.memory_bytes = 128ull << 20;
  sandbox_.tmp_bytes = 16ull << 20;
  limits_.disk_bytes = 16ull << 20;
  const auto outcome = RunScript("eater.py", {"1024"});
  EXPECT_TRUE(outcome.memory_limit) << outcome.Describe(5) << outcome.stderr_text;
  EXPECT_EQ(outcome.stdout_text, "");
}

TEST_P(SandboxTest, WritesOutsideTheScratchDirectoryFail) {
  const fs::path outside = root_ / "outside.txt";
  const auto outcome = RunScript("escaper.py", {outside.string()});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
  EXPECT_FALSE(fs::exists(outside));
  EXPECT_FALSE(fs::exists(kHostile / "planted.txt"));
  EXPECT_TRUE(fs::exists(sandbox_.scratch / "inside.txt"));
}

TEST_P(SandboxTest, ADaemonThatLeavesTheProcessGroupDiesWithTheCase) {
  if (!GetParam() && !ControlGroups().available) GTEST_SKIP() << "needs bubblewrap or a control group";
  const auto outcome = RunScript("daemon.py");
  EXPECT_EQ(outcome.stdout_text, "daemon started\n") << outcome.stderr_text;
  const auto size = [&] {
    std::error_code ec;
    return fs::file_size(sandbox_.scratch / "heartbeat.txt", ec);
  };
  const auto before = size();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(size(), before) << "the daemon is still writing";
  if (sandbox_.identity) {
    EXPECT_EQ(ProcessesOwnedBy(sandbox_.identity->uid), 0);
  }
}

TEST_P(SandboxTest, DescriptorsScbenchHoldsDoNotReachTheChild) {
  const int root = ::open("/", O_RDONLY);  // not close-on-exec, as an inherited one would be
  ASSERT_GE(root, 0);
  ASSERT_EQ(::dup2(root, 100), 100);
  const auto outcome = RunScript("descriptors.py");
  ::close(100);
  ::close(root);
  EXPECT_EQ(outcome.stdout_text.find("100 "), std::string::npos) << outcome.stdout_text;
  EXPECT_EQ(outcome.stdout_text.find(" /\n"), std::string::npos) << outcome.stdout_text;
  EXPECT_NE(outcome.stdout_text.find("2 "), std::string::npos) << outcome.stderr_text;
}

TEST_P(SandboxTest, OutputLargerThanAMebibyteIsKeptWhole) {
  limits_.file_bytes = 8 << 20;
  const auto outcome = RunScript("bigprint.py", {"3"});
  EXPECT_FALSE(outcome.output_limit);
  EXPECT_EQ(outcome.stdout_text.size(), std::size_t{3} << 20);
}

TEST_P(SandboxTest, PrivilegedSystemCallsAreRefused) {
  const auto calls = RunJson("privileged_calls.py");
  ASSERT_TRUE(calls.is_object());
  for (const auto& [call, error] : calls.items()) EXPECT_NE(error.get<int>(), 0) << call << " was allowed";
}

TEST_P(SandboxTest, NoPrivilegesAndTheFilterIsInstalled) {
  const auto view = RunJson("view.py");
  ASSERT_TRUE(view.is_object());
  EXPECT_EQ(view["CapEff"], "0000000000000000");
  EXPECT_EQ(view["NoNewPrivs"], "1");
  EXPECT_EQ(view["Seccomp"], "2");
  EXPECT_TRUE(view["shadow"].is_null());
  if (::geteuid() == 0) {
    EXPECT_NE(view["uid"], 0);
    EXPECT_NE(view["gid"], 0);
  }
}

TEST_F(BubblewrapTest, OnlyTheSystemAndWhatIsBoundAreVisible) {
  const fs::path source = SCBENCH_SOURCE_DIR;
  const auto view = RunJson("view.py", {(source / "problems").string(), (source / "README.md").string(),
                                        (source / "src").string(), "/root", "/home", "/etc/shadow", "/etc/ssh",
                                        "/var", "/opt", root_.string() + "/io", "/usr/bin/python3",
                                        "/etc/ssl/certs", kHostile.string()});
  ASSERT_TRUE(view.is_object());
  // The parents of what is bound exist as empty directories; nothing else of them does.
  for (const auto& hidden : {(source / "problems").string(), (source / "README.md").string(), (source / "src").string(),
                             std::string("/root"), std::string("/home"), std::string("/etc/shadow"),
                             std::string("/etc/ssh"), std::string("/var"), std::string("/opt"), root_.string() + "/io"}) {
    EXPECT_FALSE(view["exists"][hidden].get<bool>()) << hidden << " is visible";
  }
  for (const auto& shown : {std::string("/usr/bin/python3"), kHostile.string()}) {
    EXPECT_TRUE(view["exists"][shown].get<bool>()) << shown << " is missing";
  }
}

TEST_F(BubblewrapTest, HiddenPathsInsideABoundDirectoryAreCovered) {
  sandbox_.hidden = {kHostile / "silent_server"};
  const auto view = RunJson("view.py", {(kHostile / "silent_server").string() + "/ping.py", (kHostile / "echo.py").string()});
  ASSERT_TRUE(view.is_object());
  EXPECT_FALSE(view["exists"][(kHostile / "silent_server").string() + "/ping.py"].get<bool>());
  EXPECT_TRUE(view["exists"][(kHostile / "echo.py").string()].get<bool>());
}

TEST_F(BubblewrapTest, AHostServiceOnLoopbackIsOutOfReach) {
  const HostService service;
  const auto outcome = RunScript("connector.py", {"127.0.0.1", std::to_string(service.port())});
  EXPECT_EQ(outcome.stdout_text.rfind("refused", 0), 0u) << outcome.stdout_text << outcome.stderr_text;
  const auto outside = RunScript("connector.py", {"192.0.2.1", "80"});
  EXPECT_EQ(outside.stdout_text.rfind("refused", 0), 0u) << outside.stdout_text;
}

TEST_F(BubblewrapTest, PrivateTmpIsSizeLimited) {
  sandbox_.tmp_bytes = 32ull << 20;
  limits_.file_bytes = 1ull << 30;
  const auto outcome = RunScript("filler.py", {"/tmp", "512"});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.stderr_text;
  EXPECT_NE(outcome.stdout_text.find("No space left on device"), std::string::npos) << outcome.stdout_text;
}

TEST_F(BubblewrapTest, ScbenchItselfIsInvisible) {
  const auto seen = RunJson("spy.py");
  ASSERT_TRUE(seen.is_object());
  const std::string me = std::to_string(::getpid());
  for (const auto& [pid, entry] : seen["processes"].items()) {
    const std::string cmdline = entry["cmdline"].is_null() ? "" : entry["cmdline"].get<std::string>();
    EXPECT_EQ(cmdline.find("sandbox_tests"), std::string::npos) << "sees the test runner as pid " << pid;
    EXPECT_EQ(cmdline.find("harness_tests"), std::string::npos) << "sees the test runner as pid " << pid;
  }
  EXPECT_LT(seen["processes"].size(), 4u) << seen.dump();
}

TEST_P(SandboxTest, MissingProgramIsAStartFailureNotACrash) {
  ProcessSpec spec;
  spec.argv = {"/nonexistent/interpreter"};
  spec.io_directory = root_ / "io";
  Sandbox plain;
  plain.scratch = sandbox_.scratch;
  const auto outcome = RunProcess(spec, limits_, plain);
  EXPECT_FALSE(outcome.started);
  EXPECT_NE(outcome.start_error.find("/nonexistent/interpreter"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutBubblewrap, SandboxTest, ::testing::Bool(),
                         [](const auto& param_info) { return param_info.param ? "bubblewrap" : "plain"; });

TEST(IdentityLease, ConcurrentLeasesGetDistinctIdsNoAccountUses) {
  if (::geteuid() != 0) GTEST_SKIP() << "identities are leased only when running as root";
  std::vector<std::unique_ptr<IdentityLease>> leases;
  std::set<uid_t> uids;
  for (int i = 0; i < 10; ++i) {
    leases.push_back(std::make_unique<IdentityLease>());
    const auto& identity = leases.back()->identity();
    ASSERT_TRUE(identity.has_value());
    EXPECT_GE(identity->uid, 1000000u);
    EXPECT_EQ(getpwuid(identity->uid), nullptr);
    EXPECT_EQ(getgrgid(identity->gid), nullptr);
    uids.insert(identity->uid);
  }
  EXPECT_EQ(uids.size(), 10u);
}

}  // namespace
}  // namespace scbench::harness
