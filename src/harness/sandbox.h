#pragma once
/// Running untrusted code (submissions and agents): a child process in its own session,
/// with limits on wall time, memory, processes, file size and storage, as an unprivileged
/// user of its own when scbench runs as root, and inside bubblewrap when the machine has
/// it: a private view of the file system (mount_view.h), its own pid, IPC, UTS, user and
/// (unless it must reach a model) network namespace, no capabilities, no_new_privs and a
/// seccomp filter (syscall_filter.h). A control group (resource_group.h), when the
/// machine gives one, bounds the whole tree and finds every member at the end.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

#include "harness/resource_group.h"

namespace scbench::harness {

struct ProcessLimits {
  double wall_seconds = 10;
  /// Memory of the whole process tree (control group), and of each process (address
  /// space) unless `limit_address_space` is off.
  std::uint64_t memory_bytes = 1ull << 30;
  bool limit_address_space = true;
  int processes = 64;
  std::uint64_t file_bytes = 64ull << 20;  // also caps what stdout/stderr may hold
  /// The writable directory's quota, mounted by the caller (counts in the tree's memory:
  /// a tmpfs's pages are charged to whoever writes them).
  std::uint64_t disk_bytes = 512ull << 20;
};

/// Who a sandboxed process is when scbench runs as root: a uid and gid that no account
/// or group on the machine uses.
struct SandboxIdentity {
  uid_t uid = 0;
  gid_t gid = 0;
};

/// An identity held for one process tree at a time: no two trees running at once in this
/// scbench share a uid, so none can reach another's files or count against its process
/// limit. Empty when scbench is not root (processes then keep its user).
class IdentityLease {
 public:
  IdentityLease();
  IdentityLease(const IdentityLease&) = delete;
  IdentityLease& operator=(const IdentityLease&) = delete;
  ~IdentityLease();
  const std::optional<SandboxIdentity>& identity() const { return identity_; }

 private:
  int slot_ = -1;
  std::optional<SandboxIdentity> identity_;
};

struct Sandbox {
  /// Use bubblewrap (see BubblewrapAvailable()).
  bool bubblewrap = false;
  /// Paths bound read-only (the submission, an agent's program).
  std::vector<std::filesystem::path> read_only;
  /// The writable directory (also the working directory).
  std::filesystem::path scratch;
  /// Further writable paths (an agent's home directory).
  std::vector<std::filesystem::path> writable;
  /// Paths that must stay out of sight (problems, runs): covered by an empty directory if
  /// anything bound would show them.
  std::vector<std::filesystem::path> hidden;
  /// Keep the host network (agents must reach their model); else a namespace of its own
  /// with loopback only.
  bool share_network = false;
  /// Size of the private /tmp.
  std::uint64_t tmp_bytes = 256ull << 20;
  std::optional<SandboxIdentity> identity;
  /// HOME inside the sandbox (named in the passwd file it sees).
  std::string home;
};

struct ProcessSpec {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;  // added to a minimal environment
  std::optional<std::string> stdin_text;
  /// Where stdout, stderr and stdin files live: outside the scratch, out of the child's reach.
  std::filesystem::path io_directory;
  /// How much of stdout and stderr ProcessOutcome holds (the files keep everything up to
  /// the file-size limit).
  std::uint64_t keep_output_bytes = 64ull << 20;
};

struct ProcessOutcome {
  bool started = false;
  std::string start_error;
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  bool output_limit = false;  // stopped at, or failing at, the file-size limit
  bool memory_limit = false;  // killed by the kernel at the control group's memory limit
  std::string stdout_text;
  std::string stderr_text;
  double seconds = 0;

  /// "exit 3", "killed by signal 9", "timed out after 10 s", ...
  std::string Describe(double wall_seconds) const;
};

/// True when `bwrap` exists and can create a sandbox on this machine (checked once).
bool BubblewrapAvailable();

/// A started child. Destroying it kills the whole process tree.
class ChildProcess {
 public:
  static std::optional<ChildProcess> Start(const ProcessSpec& spec, const ProcessLimits& limits,
                                           const Sandbox& sandbox, std::string& error);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ~ChildProcess();

  /// Waits until the child exits or `seconds` pass; true when it exited.
  bool WaitFor(double seconds);
  bool Exited();
  /// SIGTERM to the process tree, then SIGKILL after `grace_seconds`.
  void Stop(double grace_seconds);
  /// Collects status and output (call after the child exited or was stopped).
  ProcessOutcome Finish(bool timed_out);
  /// The sandboxed program's pid as seen from scbench (under bubblewrap: its child, which
  /// holds the namespaces), waiting up to `seconds` for bubblewrap to report it.
  std::optional<pid_t> SandboxedPid(double seconds);

 private:
  ChildProcess(pid_t pid, const ProcessSpec& spec, const ProcessLimits& limits, std::optional<ResourceGroup> group,
               int info_fd, std::optional<SandboxIdentity> identity);
  void Reap(int status);
  /// Kills the process group and the control group; false when the control group held
  /// nothing more to kill.
  bool KillTree();
  void ReapOrphans(bool killed_strays) const;

  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  std::filesystem::path io_directory_;
  std::uint64_t file_bytes_ = 0;   // the limit
  std::uint64_t keep_bytes_ = 0;   // what Finish() reads
  std::optional<ResourceGroup> group_;
  int info_fd_ = -1;
  std::optional<pid_t> sandboxed_pid_;
  std::optional<SandboxIdentity> identity_;
  int pidfd_ = -1;  // readable once the child exits (pidfd_open), or -1
  std::chrono::steady_clock::time_point started_;
};

/// Starts, waits up to the wall limit, kills the tree on timeout, collects the outcome.
ProcessOutcome RunProcess(const ProcessSpec& spec, const ProcessLimits& limits, const Sandbox& sandbox);

/// Makes `directory` and everything in it belong to the sandbox identity.
void GiveToSandboxUser(const std::filesystem::path& directory, const std::optional<SandboxIdentity>& identity);

}  // namespace scbench::harness
