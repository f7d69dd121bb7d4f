#include "harness/sandbox.h"

#include <algorithm>
#include <bitset>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <grp.h>
#include <linux/close_range.h>
#include <linux/seccomp.h>
#include <mutex>
#include <poll.h>
#include <pwd.h>
#include <sstream>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>

#include "harness/mount_view.h"
#include "harness/syscall_filter.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

/// Sandbox identities: a block of kSlots ids per scbench process, far above the ranges
/// that accounts and subordinate-id allocations (/etc/subuid) use.
constexpr std::uint64_t kFirstSandboxId = 1'500'000'000;
constexpr unsigned kSlots = 64;
constexpr std::uint64_t kBlocks = 1'000'000;

bool IdInUse(std::uint64_t id) {
  passwd account{};
  passwd* found_account = nullptr;
  group team{};
  group* found_group = nullptr;
  std::vector<char> buffer(16384);
  getpwuid_r(static_cast<uid_t>(id), &account, buffer.data(), buffer.size(), &found_account);
  getgrgid_r(static_cast<gid_t>(id), &team, buffer.data(), buffer.size(), &found_group);
  return found_account != nullptr || found_group != nullptr;
}

std::optional<SandboxIdentity> IdentityForSlot(unsigned slot) {
  if (geteuid() != 0) return std::nullopt;
  std::uint64_t block = static_cast<std::uint64_t>(getpid()) % kBlocks;
  for (int attempt = 0; attempt < 8; ++attempt, block = (block + 7919) % kBlocks) {
    const std::uint64_t id = kFirstSandboxId + block * kSlots + slot;
    if (!IdInUse(id)) return SandboxIdentity{static_cast<uid_t>(id), static_cast<gid_t>(id)};
  }
  return std::nullopt;
}

std::mutex slots_mutex;
std::bitset<kSlots> slots_taken;

std::vector<std::string> Environment(const ProcessSpec& spec, const Sandbox& sandbox) {
  std::map<std::string, std::string> env = {{"PATH", "/usr/local/bin:/usr/bin:/bin"},
                                            {"HOME", sandbox.home.empty() ? sandbox.scratch.string() : sandbox.home},
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

/// Everything the child needs between fork and exec, prepared before fork.
struct ChildPlan {
  const ProcessLimits* limits = nullptr;
  const Sandbox* sandbox = nullptr;
  int in = -1, out = -1, err = -1, report = -1;
  pid_t parent = 0;
  std::vector<int> join_group;     // cgroup.procs files
  std::vector<int> inherited;      // descriptors bubblewrap reads (close-on-exec cleared)
  const sock_fprog* filter = nullptr;  // installed by the child itself without bubblewrap
  char** argv = nullptr;
  char** envp = nullptr;
};

void SetLimit(int resource, rlim_t value) {
  const rlimit limit{value, value};
  setrlimit(resource, &limit);
}

[[noreturn]] void FailChild(int report) {
  const int e = errno;
  (void)!write(report, &e, sizeof e);
  _exit(127);
}

/// In the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void ExecChild(const ChildPlan& plan) {
  setsid();
  dup2(plan.in, 0);
  dup2(plan.out, 1);
  dup2(plan.err, 2);
  // Nothing scbench inherited or opened reaches the child but what the plan names: a
  // descriptor of a directory on the host would be a way out of any file system view.
  if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) != 0) FailChild(plan.report);
  for (const int fd : plan.join_group) {
    if (write(fd, "0", 1) != 1) FailChild(plan.report);
  }
  if (plan.limits->limit_address_space) SetLimit(RLIMIT_AS, plan.limits->memory_bytes);
  SetLimit(RLIMIT_NPROC, static_cast<rlim_t>(plan.limits->processes));
  SetLimit(RLIMIT_FSIZE, plan.limits->file_bytes);
  // 1, not 0: a limit of 0 does not stop a dump to a core_pattern pipe; 1 does, and is
  // too small for any core file.
  SetLimit(RLIMIT_CORE, 1);
  if (chdir(plan.sandbox->scratch.c_str()) != 0) FailChild(plan.report);
  for (const int fd : plan.inherited) fcntl(fd, F_SETFD, 0);
  if (const auto& identity = plan.sandbox->identity) {
    if (setgroups(0, nullptr) != 0 || setgid(identity->gid) != 0 || setuid(identity->uid) != 0) FailChild(plan.report);
  }
  // After the identity change, which clears it: if scbench dies (kill -9, a crash), the
  // child goes with it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != plan.parent) _exit(127);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) FailChild(plan.report);
  if (plan.filter != nullptr && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, plan.filter) != 0) FailChild(plan.report);
  execve(plan.argv[0], plan.argv, plan.envp);
  FailChild(plan.report);
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
/// whose parent died, a daemon), so that they can be reaped here; without it they wait
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

/// The real uid of a process, or -1.
long long OwnerOf(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Uid:", 0) == 0) return std::stoll(line.substr(4));
  }
  return -1;
}

bool IsBubblewrap(pid_t pid) {
  std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(comm, name);
  return name == "bwrap";
}

std::string ReadCapped(const fs::path& path, std::uint64_t cap) {
  std::ifstream stream(path, std::ios::binary);
  std::error_code ec;
  const std::uint64_t size = fs::file_size(path, ec);
  std::string text(static_cast<std::size_t>(std::min<std::uint64_t>(cap, ec ? 0 : size)), '\0');
  stream.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(stream.gcount()));
  return text;
}

bool ReachedSize(const fs::path& path, std::uint64_t cap) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return !ec && size >= cap;
}

/// A memory file holding `bytes`, read from its start by whoever inherits it.
int MemoryFile(const char* name, const void* bytes, std::size_t size) {
  const int fd = memfd_create(name, MFD_CLOEXEC);
  if (fd < 0) return -1;
  if (write(fd, bytes, size) != static_cast<ssize_t>(size) || lseek(fd, 0, SEEK_SET) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/// Descriptors opened for one start, closed on every path out of Start().
struct StartResources {
  std::vector<int> fds;
  ~StartResources() {
    for (const int fd : fds) {
      if (fd >= 0) close(fd);
    }
  }
  int Keep(int fd) {
    fds.push_back(fd);
    return fd;
  }
};

/// The bubblewrap descriptors: the seccomp program, the account files and the info pipe
/// (its read end returned in `info_read`).
bool PrepareBubblewrap(const Sandbox& sandbox, const std::vector<sock_filter>& filter, StartResources& resources,
                       BubblewrapDescriptors& descriptors, int& info_read, std::string& error) {
  descriptors.seccomp = resources.Keep(MemoryFile("scbench-seccomp", filter.data(), filter.size() * sizeof(sock_filter)));
  const unsigned uid = sandbox.identity ? sandbox.identity->uid : getuid();
  const unsigned gid = sandbox.identity ? sandbox.identity->gid : getgid();
  const auto [passwd_text, group_text] =
      SandboxAccountFiles(uid, gid, sandbox.home.empty() ? sandbox.scratch.string() : sandbox.home);
  const int passwd_fd = resources.Keep(MemoryFile("scbench-passwd", passwd_text.data(), passwd_text.size()));
  const int group_fd = resources.Keep(MemoryFile("scbench-group", group_text.data(), group_text.size()));
  descriptors.data_files = {{passwd_fd, "/etc/passwd"}, {group_fd, "/etc/group"}};
  int info[2] = {-1, -1};
  if (pipe2(info, O_CLOEXEC) != 0) info[0] = info[1] = -1;
  info_read = info[0];
  descriptors.info = resources.Keep(info[1]);
  if (descriptors.seccomp < 0 || passwd_fd < 0 || group_fd < 0 || info_read < 0) {
    if (info_read >= 0) close(info_read);
    error = std::string("cannot prepare the sandbox's descriptors: ") + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

IdentityLease::IdentityLease() {
  if (geteuid() != 0) return;
  std::lock_guard lock(slots_mutex);
  for (unsigned slot = 0; slot < kSlots; ++slot) {
    if (slots_taken[slot]) continue;
    identity_ = IdentityForSlot(slot);
    if (!identity_) return;
    slots_taken[slot] = true;
    slot_ = static_cast<int>(slot);
    return;
  }
}

IdentityLease::~IdentityLease() {
  if (slot_ < 0) return;
  std::lock_guard lock(slots_mutex);
  slots_taken[static_cast<std::size_t>(slot_)] = false;
}

std::string ProcessOutcome::Describe(double wall_seconds) const {
  if (!started) return "could not start: " + start_error;
  if (timed_out) return fmt::format("timed out after {:g} s (process tree killed)", wall_seconds);
  if (memory_limit) return "killed at the memory limit";
  if (output_limit) return "stopped at the file-size limit (output too large)";
  if (signal != 0) return fmt::format("killed by signal {} ({})", signal, strsignal(signal));
  return fmt::format("exit {}", exit_code);
}

bool BubblewrapAvailable() {
  static const bool available = [] {
    if (access("/usr/bin/bwrap", X_OK) != 0) return false;
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    std::string pattern = ((ec ? fs::path("/tmp") : temp) / "scbench-probe-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return false;
    const fs::path root = pattern;
    fs::create_directories(root / "scratch");
    fs::create_directories(root / "io");
    fs::permissions(root, fs::perms::owner_all | fs::perms::others_exec);
    const IdentityLease lease;
    Sandbox sandbox;
    sandbox.bubblewrap = true;
    sandbox.scratch = root / "scratch";
    sandbox.identity = lease.identity();
    GiveToSandboxUser(sandbox.scratch, sandbox.identity);
    ProcessSpec spec;
    spec.argv = {"/bin/true"};
    spec.io_directory = root / "io";
    ProcessLimits limits;
    limits.wall_seconds = 20;
    const ProcessOutcome outcome = RunProcess(spec, limits, sandbox);
    fs::remove_all(root, ec);
    return outcome.started && outcome.exit_code == 0;
  }();
  return available;
}

void GiveToSandboxUser(const fs::path& directory, const std::optional<SandboxIdentity>& identity) {
  if (!identity) return;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(directory, ec)) {
    (void)!lchown(entry.path().c_str(), identity->uid, identity->gid);
  }
  (void)!lchown(directory.c_str(), identity->uid, identity->gid);
}

ChildProcess::ChildProcess(pid_t pid, const ProcessSpec& spec, const ProcessLimits& limits,
                           std::optional<ResourceGroup> group, int info_fd, std::optional<SandboxIdentity> identity)
    : pid_(pid),
      io_directory_(spec.io_directory),
      file_bytes_(limits.file_bytes),
      keep_bytes_(std::min(limits.file_bytes, spec.keep_output_bytes)),
      group_(std::move(group)),
      info_fd_(info_fd),
      identity_(identity),
      pidfd_(static_cast<int>(syscall(SYS_pidfd_open, pid, 0))),
      started_(std::chrono::steady_clock::now()) {}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      reaped_(other.reaped_),
      status_(other.status_),
      io_directory_(std::move(other.io_directory_)),
      file_bytes_(other.file_bytes_),
      keep_bytes_(other.keep_bytes_),
      group_(std::move(other.group_)),
      info_fd_(std::exchange(other.info_fd_, -1)),
      sandboxed_pid_(other.sandboxed_pid_),
      identity_(other.identity_),
      pidfd_(std::exchange(other.pidfd_, -1)),
      started_(other.started_) {
  other.group_.reset();
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reaped_) {
    KillTree();
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  if (info_fd_ >= 0) close(info_fd_);
  if (pidfd_ >= 0) close(pidfd_);
}

std::optional<ChildProcess> ChildProcess::Start(const ProcessSpec& spec, const ProcessLimits& limits,
                                                const Sandbox& sandbox, std::string& error) {
  const std::vector<sock_filter>& filter = SyscallFilterProgram(error);
  if (filter.empty()) return std::nullopt;
  const GroupLimits group_limits{limits.memory_bytes + sandbox.tmp_bytes + limits.disk_bytes, limits.processes};
  std::optional<ResourceGroup> group =
      ControlGroups().available ? ResourceGroup::Create(group_limits, error) : std::optional<ResourceGroup>();
  if (ControlGroups().available && !group) return std::nullopt;
  StartResources resources;
  const fs::path stdin_path = spec.io_directory / "stdin";
  std::ofstream(stdin_path, std::ios::binary) << spec.stdin_text.value_or("");
  ChildPlan plan;
  plan.limits = &limits;
  plan.sandbox = &sandbox;
  plan.parent = getpid();
  plan.in = resources.Keep(open(stdin_path.c_str(), O_RDONLY | O_CLOEXEC));
  plan.out = resources.Keep(open((spec.io_directory / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
  plan.err = resources.Keep(open((spec.io_directory / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
  int report[2] = {-1, -1};
  if (plan.in < 0 || plan.out < 0 || plan.err < 0 || pipe2(report, O_CLOEXEC) != 0) {
    error = std::string("cannot set up the child's files: ") + std::strerror(errno);
    return std::nullopt;
  }
  plan.report = report[1];
  std::vector<std::string> argv;
  int info_read = -1;
  const sock_fprog program{static_cast<unsigned short>(filter.size()), const_cast<sock_filter*>(filter.data())};
  if (sandbox.bubblewrap) {
    BubblewrapDescriptors descriptors;
    if (!PrepareBubblewrap(sandbox, filter, resources, descriptors, info_read, error)) {
      close(report[0]);
      close(report[1]);
      return std::nullopt;
    }
    // The options travel in a memory file (--args): bubblewrap's own command line, which
    // the sandboxed program can read as pid 1's, then names nothing but the program.
    const std::vector<std::string> options = BubblewrapArguments(sandbox, descriptors);
    std::string packed;
    for (std::size_t i = 1; i + 1 < options.size(); ++i) packed += options[i] + '\0';
    const int options_fd = resources.Keep(MemoryFile("scbench-bwrap-args", packed.data(), packed.size()));
    if (options_fd < 0) {
      error = std::string("cannot prepare the sandbox's options: ") + std::strerror(errno);
      close(report[0]);
      close(report[1]);
      if (info_read >= 0) close(info_read);
      return std::nullopt;
    }
    argv = {options.front(), "--args", std::to_string(options_fd), "--"};
    plan.inherited = {descriptors.seccomp, descriptors.info, descriptors.data_files[0].first,
                      descriptors.data_files[1].first, options_fd};
  } else {
    plan.filter = &program;
  }
  argv.insert(argv.end(), spec.argv.begin(), spec.argv.end());
  std::vector<std::string> env = Environment(spec, sandbox);
  std::vector<char*> c_argv = CStrings(argv), c_env = CStrings(env);
  plan.argv = c_argv.data();
  plan.envp = c_env.data();
  if (group) plan.join_group = group->JoinDescriptors();
  AdoptOrphansOnce();
  const pid_t pid = fork();
  if (pid == 0) ExecChild(plan);
  const int fork_errno = errno;
  close(report[1]);
  int child_errno = 0;
  const ssize_t got = pid > 0 ? read(report[0], &child_errno, sizeof child_errno) : -1;
  close(report[0]);
  if (pid < 0 || got > 0) {
    error = fmt::format("cannot run {}: {}", spec.argv.empty() ? "?" : spec.argv[0],
                        std::strerror(pid < 0 ? fork_errno : child_errno));
    if (pid > 0) waitpid(pid, nullptr, 0);
    if (info_read >= 0) close(info_read);
    return std::nullopt;
  }
  return ChildProcess(pid, spec, limits, std::move(group), info_read, sandbox.identity);
}

bool ChildProcess::KillTree() {
  kill(-pid_, SIGKILL);
  // Members that left the process group (setsid daemons) are found by their control group.
  return !group_ || !group_->KillAll().empty();
}

void ChildProcess::ReapOrphans(bool killed_strays) const {
  // Orphans come to scbench (AdoptOrphansOnce) as zombies, which count against their uid's
  // process limit. Only those of this tree's own identity are reaped: a concurrent tree's
  // child must stay for its own waitpid.
  if (!identity_) return;
  // Zombies already there: peeked at without reaping, reaped when they are this tree's.
  for (siginfo_t info{}; waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid != 0;) {
    if (info.si_uid != identity_->uid) break;
    waitpid(info.si_pid, nullptr, 0);
    info = {};
  }
  // Processes just killed take a moment to die and be handed to scbench: a full look is
  // only needed then (every live member of the tree was in its control group).
  if (!killed_strays) return;
  for (int round = 0; round < 200; ++round) {
    bool left = false;
    for (const ProcessInfo& p : Processes()) {
      if (OwnerOf(p.pid) != identity_->uid) continue;
      left = true;
      if (p.parent == getpid()) waitpid(p.pid, nullptr, WNOHANG);
    }
    if (!left) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void ChildProcess::Reap(int status) {
  reaped_ = true;
  status_ = status;
  // Whatever the child left behind goes too, and is gone before we return: a restarted
  // server must not find its port still held.
  const bool killed_strays = KillTree();
  // Its zombies go too: they count against the sandbox uid's process limit until reaped.
  for (int attempt = 0; attempt < 400; ++attempt) {
    while (waitpid(-pid_, nullptr, WNOHANG) > 0) {
    }
    if (!GroupAlive(pid_)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  while (waitpid(-pid_, nullptr, WNOHANG) > 0) {
  }
  ReapOrphans(killed_strays);
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
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    if (pidfd_ >= 0) {
      // Woken the moment the child exits, instead of sleeping in steps past it.
      pollfd exited{pidfd_, POLLIN, 0};
      poll(&exited, 1, static_cast<int>(std::min<long long>(left.count() + 1, 1000)));
      continue;
    }
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
  if (WIFSIGNALED(status_)) outcome.signal = WTERMSIG(status_);
  // Python and others ignore SIGXFSZ and fail the write instead: the file's size tells.
  outcome.output_limit = outcome.signal == SIGXFSZ || ReachedSize(io_directory_ / "stdout", file_bytes_) ||
                         ReachedSize(io_directory_ / "stderr", file_bytes_);
  outcome.memory_limit = group_ && group_->MemoryLimitReached();
  outcome.stdout_text = ReadCapped(io_directory_ / "stdout", keep_bytes_);
  outcome.stderr_text = ReadCapped(io_directory_ / "stderr", keep_bytes_);
  return outcome;
}

std::optional<pid_t> ChildProcess::SandboxedPid(double seconds) {
  if (sandboxed_pid_ || info_fd_ < 0) return sandboxed_pid_ ? sandboxed_pid_ : std::optional<pid_t>(pid_);
  std::string info;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (info.find('}') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{info_fd_, POLLIN, 0};
    if (left.count() <= 0 || poll(&ready, 1, static_cast<int>(left.count())) <= 0) break;
    char buffer[256];
    const ssize_t n = read(info_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    info.append(buffer, static_cast<std::size_t>(n));
  }
  const auto key = info.find("\"child-pid\":");
  if (key != std::string::npos) sandboxed_pid_ = static_cast<pid_t>(std::stol(info.substr(key + 12)));
  return sandboxed_pid_;
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
