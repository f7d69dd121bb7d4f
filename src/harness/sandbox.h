#pragma once
/// Running untrusted code: a child process in its own session (so its whole process group
/// can be killed), with limits on wall time, memory, processes and file size, as an
/// unprivileged user when scbench runs as root, and inside bubblewrap when the machine has
/// it (read-only system and snapshot, private /tmp, a writable scratch directory, no
/// network unless the submission is a server).

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace scbench::harness {

struct ProcessLimits {
  double wall_seconds = 10;
  std::uint64_t memory_bytes = 1ull << 30;
  int processes = 64;
  std::uint64_t file_bytes = 64ull << 20;  // also caps what stdout/stderr may hold
};

struct Sandbox {
  /// Use bubblewrap (see BubblewrapAvailable()).
  bool bubblewrap = false;
  /// Paths bound read-only into the sandbox (the snapshot, static assets).
  std::vector<std::filesystem::path> read_only;
  /// The writable directory (also the working directory).
  std::filesystem::path scratch;
  /// Further writable paths (an agent's home directory).
  std::vector<std::filesystem::path> writable;
  /// Keep the host network (HTTP servers must be reachable on loopback).
  bool share_network = false;
  /// A fresh, empty /tmp. Off for agents, which may need to read the user's files there
  /// (everything stays read-only; they get TMPDIR in a writable directory instead).
  bool private_tmp = true;
  /// Run as this uid/gid when scbench is root; nullopt keeps the current user.
  std::optional<uid_t> run_as;
};

struct ProcessSpec {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;  // added to a minimal environment
  std::optional<std::string> stdin_text;
  /// Where stdout, stderr and stdin files live: outside the scratch, out of the child's reach.
  std::filesystem::path io_directory;
};

struct ProcessOutcome {
  bool started = false;
  std::string start_error;
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  bool output_limit = false;  // killed for writing past the file-size limit
  std::string stdout_text;
  std::string stderr_text;
  double seconds = 0;

  /// "exit 3", "killed by signal 9", "timed out after 10 s", ...
  std::string Describe(double wall_seconds) const;
};

/// True when `bwrap` exists and can create a sandbox on this machine (checked once).
bool BubblewrapAvailable();

/// A started child. Destroying it kills the whole process group.
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
  /// SIGTERM to the process group, then SIGKILL after `grace_seconds`.
  void Stop(double grace_seconds);
  /// Collects status and output (call after the child exited or was stopped).
  ProcessOutcome Finish(bool timed_out);

 private:
  ChildProcess(pid_t pid, std::filesystem::path io_directory, std::uint64_t output_cap);
  void Reap(int status);

  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  std::filesystem::path io_directory_;
  std::uint64_t output_cap_;
  std::chrono::steady_clock::time_point started_;
};

/// Starts, waits up to the wall limit, kills the group on timeout, collects the outcome.
ProcessOutcome RunProcess(const ProcessSpec& spec, const ProcessLimits& limits, const Sandbox& sandbox);

/// Makes `directory` writable by the sandbox user.
void GiveToSandboxUser(const std::filesystem::path& directory, const Sandbox& sandbox);

}  // namespace scbench::harness
