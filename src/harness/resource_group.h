#pragma once
/// A control group of its own for one sandboxed process tree: memory (tmpfs pages it
/// writes included) and the number of processes are limited for the whole tree, whatever
/// it does to its process group or session, and every member can be found and killed at
/// the end, daemons included. cgroup v2 when its memory and pids controllers are enabled
/// at the root; else cgroup v1's memory and pids hierarchies (hybrid machines).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace scbench::harness {

struct GroupLimits {
  std::uint64_t memory_bytes = 0;
  int processes = 0;
};

/// What this machine offers scbench (checked once).
struct ControlGroupSupport {
  bool available = false;
  /// "cgroup v1 (memory, pids)", or why there is none.
  std::string description;
};
const ControlGroupSupport& ControlGroups();

class ResourceGroup {
 public:
  /// A new, empty group with `limits`; nullopt with `error` when control groups are not
  /// available or the group cannot be made.
  static std::optional<ResourceGroup> Create(const GroupLimits& limits, std::string& error);
  ResourceGroup(ResourceGroup&& other) noexcept;
  ResourceGroup& operator=(ResourceGroup&&) = delete;
  /// Kills every member and removes the group.
  ~ResourceGroup();

  /// cgroup.procs files open for writing: a child writes "0" to each (async-signal-safe)
  /// to join before it execs.
  const std::vector<int>& JoinDescriptors() const { return join_fds_; }
  /// True when the kernel killed a member for reaching the memory limit.
  bool MemoryLimitReached() const;
  /// SIGKILL to every member until none is left; returns the pids killed.
  std::vector<pid_t> KillAll() const;

 private:
  explicit ResourceGroup(std::vector<std::filesystem::path> directories);

  std::vector<std::filesystem::path> directories_;  // one per hierarchy (v1) or one (v2)
  std::vector<int> join_fds_;
};

/// Kills the members of groups whose scbench is gone (kill -9) and removes the groups.
void SweepAbandonedGroups();

}  // namespace scbench::harness
