#include "harness/sandbox.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <algorithm>
#include <map>
#include <grp.h>
#include <mutex>
#include <sstream>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

constexpr const char* kBubblewrap = "/usr/bin/bwrap";

std::vector<std::string> BubblewrapPrefix(const Sandbox& sandbox) {
  std::vector<std::string> argv = {kBubblewrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                                   "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent"};
  if (sandbox.private_tmp) argv.insert(argv.end(), {"--tmpfs", "/tmp"});
  if (sandbox.run_as) argv.push_back("--unshare-user");
  if (!sandbox.share_network) argv.push_back("--unshare-net");
  for (const fs::path& path : sandbox.read_only) {
    argv.insert(argv.end(), {"--ro-bind", path.string(), path.string()});
  }
  for (const fs::path& path : sandbox.writable) {
    argv.insert(argv.end(), {"--bind", path.string(), path.string()});
  }
  argv.insert(argv.end(), {"--bind", sandbox.scratch.string(), sandbox.scratch.string(), "--chdir",
                           sandbox.scratch.string(), "--"});
  return argv;
}

std::vector<std::string> Environment(const ProcessSpec& spec, const Sandbox& sandbox) {
  std::map<std::string, std::string> env = {{"PATH", "/usr/local/bin:/usr/bin:/bin"},
                                            {"HOME", sandbox.scratch.string()},
                                            {"TMPDIR", "/tmp"},
                                            {"LANG", "C.UTF-8"},
                                            {"LC_ALL", "C.UTF-8"},
                                            {"PYTHONDONTWRITEBYTECODE", "1"},
                                            {"PYTHONHASHSEED", "0"},
                                            {"PYTHONUNBUFFERED", "1"}};
  for (const auto& [key, value] : spec.env) env[key] = value;
  std::vector<std::string> out;
  for (const auto& [key, value] : env) out.push_back(key + "=" + value);
  return out;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

void SetLimit(int resource, rlim_t value) {
  const rlimit limit{value, value};
  setrlimit(resource, &limit);
}

/// In the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void ExecChild(const ProcessLimits& limits, const Sandbox& sandbox, int in, int out, int err,
                            int report, char** argv, char** envp) {
  setsid();
  // If scbench itself is killed (kill -9, a crash), the child goes with it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  dup2(in, 0);
  dup2(out, 1);
  dup2(err, 2);
  SetLimit(RLIMIT_AS, limits.memory_bytes);
  SetLimit(RLIMIT_NPROC, static_cast<rlim_t>(limits.processes));
  SetLimit(RLIMIT_FSIZE, limits.file_bytes);
  SetLimit(RLIMIT_CORE, 0);
  if (chdir(sandbox.scratch.c_str()) != 0) {
    const int e = errno;
    (void)!write(report, &e, sizeof e);
    _exit(127);
  }
  if (sandbox.run_as) {
    const gid_t gid = *sandbox.run_as;
    if (setgroups(0, nullptr) != 0 || setgid(gid) != 0 || setuid(*sandbox.run_as) != 0) {
      const int e = errno;
      (void)!write(report, &e, sizeof e);
      _exit(127);
    }
  }
  execve(argv[0], argv, envp);
  const int e = errno;
  (void)!write(report, &e, sizeof e);
  _exit(127);
}

struct ProcessInfo {
  pid_t pid = 0;
  char state = 0;
  pid_t parent = 0;
  pid_t group = 0;
};

/// Every process on the machine, from /proc/N/stat.
std::vector<ProcessInfo> Processes() {
  std::vector<ProcessInfo> processes;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::isdigit(static_cast<unsigned char>(name[0]))) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos || close + 2 >= line.size()) continue;
    ProcessInfo info;
    info.pid = static_cast<pid_t>(std::stol(name));
    std::istringstream rest(line.substr(close + 2));
    rest >> info.state >> info.parent >> info.group;
    processes.push_back(info);
  }
  return processes;
}

/// Makes scbench the parent of every orphan its children leave (a fork bomb's processes
/// whose parent died), so that ChildProcess::Reap can reap them; without it they wait
/// for init, which on some machines reaps late or never.
void AdoptOrphansOnce() {
  static std::once_flag once;
  std::call_once(once, [] { prctl(PR_SET_CHILD_SUBREAPER, 1); });
}

/// True while a live (not zombie) process belongs to the process group.
bool GroupAlive(pid_t group) {
  if (kill(-group, 0) != 0) return false;
  const auto processes = Processes();
  return std::any_of(processes.begin(), processes.end(),
                     [&](const ProcessInfo& p) { return p.group == group && p.state != 'Z'; });
}

/// Processes below `root` (children, grandchildren...).
std::vector<pid_t> Descendants(pid_t root) {
  std::multimap<pid_t, pid_t> children;
  for (const ProcessInfo& p : Processes()) children.emplace(p.parent, p.pid);
  std::vector<pid_t> found;
  std::vector<pid_t> pending{root};
  while (!pending.empty()) {
    const pid_t pid = pending.back();
    pending.pop_back();
    for (auto [it, end] = children.equal_range(pid); it != end; ++it) {
      found.push_back(it->second);
      pending.push_back(it->second);
    }
  }
  return found;
}

bool IsBubblewrap(pid_t pid) {
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(comm, name);
  return name == "bwrap";
}

std::string ReadCapped(const fs::path& path, std::uint64_t cap) {
  std::ifstream stream(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(std::min<std::uint64_t>(cap, 1u << 20)), '\0');
  stream.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(stream.gcount()));
  return text;
}

}  // namespace

std::string ProcessOutcome::Describe(double wall_seconds) const {
  if (!started) return "could not start: " + start_error;
  if (timed_out) return fmt::format("timed out after {:g} s (process group killed)", wall_seconds);
  if (output_limit) return "stopped for writing past the file-size limit";
  if (signal != 0) return fmt::format("killed by signal {} ({})", signal, strsignal(signal));
  return fmt::format("exit {}", exit_code);
}

bool BubblewrapAvailable() {
  static const bool available = [] {
    if (access(kBubblewrap, X_OK) != 0) return false;
    const int status = std::system("/usr/bin/bwrap --ro-bind / / --unshare-net --unshare-pid /bin/true >/dev/null 2>&1");
    return status == 0;
  }();
  return available;
}

void GiveToSandboxUser(const fs::path& directory, const Sandbox& sandbox) {
  if (!sandbox.run_as) return;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    (void)!lchown(entry.path().c_str(), *sandbox.run_as, *sandbox.run_as);
  }
  (void)!lchown(directory.c_str(), *sandbox.run_as, *sandbox.run_as);
}

ChildProcess::ChildProcess(pid_t pid, fs::path io_directory, std::uint64_t output_cap)
    : pid_(pid), io_directory_(std::move(io_directory)), output_cap_(output_cap), started_(std::chrono::steady_clock::now()) {}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      reaped_(other.reaped_),
      status_(other.status_),
      io_directory_(std::move(other.io_directory_)),
      output_cap_(other.output_cap_),
      started_(other.started_) {}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reaped_) {
    kill(-pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

std::optional<ChildProcess> ChildProcess::Start(const ProcessSpec& spec, const ProcessLimits& limits,
                                                const Sandbox& sandbox, std::string& error) {
  const fs::path stdin_path = spec.io_directory / "stdin";
  std::ofstream(stdin_path, std::ios::binary) << spec.stdin_text.value_or("");
  const int in = open(stdin_path.c_str(), O_RDONLY | O_CLOEXEC);
  const int out = open((spec.io_directory / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int err = open((spec.io_directory / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int report[2];
  if (in < 0 || out < 0 || err < 0 || pipe2(report, O_CLOEXEC) != 0) {
    error = std::string("cannot set up the child's files: ") + std::strerror(errno);
    for (int fd : {in, out, err}) if (fd >= 0) close(fd);
    return std::nullopt;
  }
  std::vector<std::string> argv = sandbox.bubblewrap ? BubblewrapPrefix(sandbox) : std::vector<std::string>{};
  argv.insert(argv.end(), spec.argv.begin(), spec.argv.end());
  std::vector<std::string> env = Environment(spec, sandbox);
  std::vector<char*> c_argv = CStrings(argv), c_env = CStrings(env);
  AdoptOrphansOnce();
  const pid_t pid = fork();
  if (pid == 0) ExecChild(limits, sandbox, in, out, err, report[1], c_argv.data(), c_env.data());
  close(report[1]);
  for (int fd : {in, out, err}) close(fd);
  int child_errno = 0;
  const ssize_t got = pid > 0 ? read(report[0], &child_errno, sizeof child_errno) : -1;
  close(report[0]);
  if (pid < 0 || got > 0) {
    error = fmt::format("cannot run {}: {}", spec.argv.empty() ? "?" : spec.argv[0],
                        std::strerror(pid < 0 ? errno : child_errno));
    if (pid > 0) waitpid(pid, nullptr, 0);
    return std::nullopt;
  }
  return ChildProcess(pid, spec.io_directory, limits.file_bytes);
}

void ChildProcess::Reap(int status) {
  reaped_ = true;
  status_ = status;
  // Whatever the child left behind in its group goes too, and is gone before we return:
  // a restarted server must not find its port still held.
  kill(-pid_, SIGKILL);
  // Its zombies go too: they count against the sandbox uid's process limit until reaped,
  // and the next case runs as the same uid. Orphans were adopted by scbench (see
  // AdoptOrphansOnce), so they can be reaped here rather than waiting for init.
  for (int attempt = 0; attempt < 400; ++attempt) {
    while (waitpid(-pid_, nullptr, WNOHANG) > 0) {
    }
    if (!GroupAlive(pid_)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  while (waitpid(-pid_, nullptr, WNOHANG) > 0) {
  }
}

bool ChildProcess::Exited() {
  if (reaped_) return true;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) Reap(status);
  return reaped_;
}

bool ChildProcess::WaitFor(double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  auto pause = std::chrono::microseconds(200);
  while (!Exited()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(10000));
  }
  return true;
}

void ChildProcess::Stop(double grace_seconds) {
  if (Exited()) return;
  // Under bubblewrap the sandboxed program gets SIGTERM itself: signalled as a group,
  // bwrap would die at once and take the program down with SIGKILL before it could
  // shut down cleanly.
  bool signalled = false;
  for (const pid_t pid : Descendants(pid_)) {
    if (!IsBubblewrap(pid)) signalled = kill(pid, SIGTERM) == 0 || signalled;
  }
  if (!signalled || !IsBubblewrap(pid_)) kill(-pid_, SIGTERM);
  if (WaitFor(grace_seconds)) return;
  kill(-pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  Reap(status);
}

ProcessOutcome ChildProcess::Finish(bool timed_out) {
  if (!reaped_) Stop(0);
  ProcessOutcome outcome;
  outcome.started = true;
  outcome.timed_out = timed_out;
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  if (WIFEXITED(status_)) outcome.exit_code = WEXITSTATUS(status_);
  if (WIFSIGNALED(status_)) {
    outcome.signal = WTERMSIG(status_);
    outcome.output_limit = outcome.signal == SIGXFSZ;
  }
  outcome.stdout_text = ReadCapped(io_directory_ / "stdout", output_cap_);
  outcome.stderr_text = ReadCapped(io_directory_ / "stderr", output_cap_);
  return outcome;
}

ProcessOutcome RunProcess(const ProcessSpec& spec, const ProcessLimits& limits, const Sandbox& sandbox) {
  std::string error;
  auto child = ChildProcess::Start(spec, limits, sandbox, error);
  if (!child) {
    ProcessOutcome outcome;
    outcome.start_error = error;
    return outcome;
  }
  const bool exited = child->WaitFor(limits.wall_seconds);
  if (!exited) child->Stop(0);
  return child->Finish(!exited);
}

}  // namespace scbench::harness
