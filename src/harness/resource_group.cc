#include "harness/resource_group.h"

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "harness/process_token.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

constexpr const char* kGroupParent = "scbench";

/// Where groups are made: the directories under which `scbench/<token>-<n>` are created.
struct Layout {
  int version = 0;                    // 0 = none
  std::vector<fs::path> hierarchies;  // v1: memory, pids; v2: the unified root
  std::string reason;                 // when version == 0
};

bool WriteText(const fs::path& path, const std::string& text) {
  const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return written;
}

std::string ReadText(const fs::path& path) {
  std::ifstream stream(path);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

/// Mount points of cgroup file systems, from /proc/self/mounts: v1 by controller, v2 as "".
std::vector<std::pair<std::string, fs::path>> CgroupMounts() {
  std::vector<std::pair<std::string, fs::path>> mounts;
  std::ifstream table("/proc/self/mounts");
  for (std::string device, point, type, options, rest; table >> device >> point >> type >> options && std::getline(table, rest);) {
    if (type == "cgroup2") mounts.emplace_back("", point);
    if (type != "cgroup") continue;
    std::stringstream list(options);
    for (std::string option; std::getline(list, option, ',');) {
      if (option == "memory" || option == "pids") mounts.emplace_back(option, point);
    }
  }
  return mounts;
}

bool Writable(const fs::path& directory) { return access(directory.c_str(), W_OK) == 0; }

/// v2 needs both controllers delegated below the root; enabling them for scbench's parent.
bool PrepareUnified(const fs::path& root) {
  const std::string enabled = ReadText(root / "cgroup.subtree_control");
  if (enabled.find("memory") == std::string::npos || enabled.find("pids") == std::string::npos) return false;
  std::error_code ec;
  fs::create_directory(root / kGroupParent, ec);
  return WriteText(root / kGroupParent / "cgroup.subtree_control", "+memory +pids");
}

Layout Discover() {
  Layout layout;
  if (geteuid() != 0) {
    layout.reason = "control groups need root";
    return layout;
  }
  fs::path memory, pids, unified;
  for (const auto& [controller, point] : CgroupMounts()) {
    (controller == "memory" ? memory : controller == "pids" ? pids : unified) = point;
  }
  if (!unified.empty() && Writable(unified) && PrepareUnified(unified)) {
    layout = {2, {unified}, ""};
  } else if (!memory.empty() && !pids.empty() && Writable(memory) && Writable(pids)) {
    layout = {1, {memory, pids}, ""};
  } else {
    layout.reason = "no writable memory and pids controllers (cgroup v2 root or v1 hierarchies)";
  }
  for (const fs::path& hierarchy : layout.hierarchies) {
    std::error_code ec;
    fs::create_directory(hierarchy / kGroupParent, ec);
  }
  return layout;
}

const Layout& GroupLayout() {
  static const Layout layout = Discover();
  return layout;
}

bool ApplyLimits(int version, const fs::path& directory, bool memory_hierarchy, const GroupLimits& limits) {
  const std::string memory = std::to_string(limits.memory_bytes);
  const std::string processes = std::to_string(limits.processes);
  if (version == 2) {
    return WriteText(directory / "memory.max", memory) && WriteText(directory / "pids.max", processes) &&
           (!fs::exists(directory / "memory.swap.max") || WriteText(directory / "memory.swap.max", "0"));
  }
  if (!memory_hierarchy) return WriteText(directory / "pids.max", processes);
  // memsw (memory plus swap) must not be below the memory limit: set memory first.
  return WriteText(directory / "memory.limit_in_bytes", memory) &&
         (!fs::exists(directory / "memory.memsw.limit_in_bytes") ||
          WriteText(directory / "memory.memsw.limit_in_bytes", memory));
}

std::vector<pid_t> Members(const fs::path& directory) {
  std::vector<pid_t> pids;
  std::ifstream procs(directory / "cgroup.procs");
  for (pid_t pid = 0; procs >> pid;) pids.push_back(pid);
  return pids;
}

/// Kills until the group is empty: members may fork while they are being killed.
std::vector<pid_t> KillMembers(const fs::path& directory) {
  std::vector<pid_t> killed;
  for (int round = 0; round < 200; ++round) {
    const std::vector<pid_t> members = Members(directory);
    if (members.empty()) break;
    for (const pid_t pid : members) {
      if (kill(pid, SIGKILL) == 0) killed.push_back(pid);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(round < 10 ? 1 : 10));
  }
  return killed;
}

void RemoveGroup(const fs::path& directory) {
  for (int attempt = 0; attempt < 100 && fs::exists(directory); ++attempt) {
    KillMembers(directory);
    if (rmdir(directory.c_str()) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

const ControlGroupSupport& ControlGroups() {
  static const ControlGroupSupport support = [] {
    const Layout& layout = GroupLayout();
    if (layout.version == 0) return ControlGroupSupport{false, layout.reason};
    return ControlGroupSupport{true, layout.version == 2 ? "cgroup v2 (memory, pids)" : "cgroup v1 (memory, pids)"};
  }();
  return support;
}

std::optional<ResourceGroup> ResourceGroup::Create(const GroupLimits& limits, std::string& error) {
  const Layout& layout = GroupLayout();
  if (layout.version == 0) {
    error = layout.reason;
    return std::nullopt;
  }
  static std::atomic<unsigned> counter{0};
  const std::string name = fmt::format("{}-{}", OwnerToken(), counter++);
  std::vector<fs::path> directories;
  for (std::size_t i = 0; i < layout.hierarchies.size(); ++i) {
    const fs::path directory = layout.hierarchies[i] / kGroupParent / name;
    std::error_code ec;
    if (!fs::create_directory(directory, ec) || !ApplyLimits(layout.version, directory, i == 0, limits)) {
      error = fmt::format("cannot set up control group {}: {}", directory.string(), ec ? ec.message() : std::strerror(errno));
      for (const fs::path& made : directories) rmdir(made.c_str());
      rmdir(directory.c_str());
      return std::nullopt;
    }
    directories.push_back(directory);
  }
  return ResourceGroup(std::move(directories));
}

ResourceGroup::ResourceGroup(std::vector<fs::path> directories) : directories_(std::move(directories)) {
  for (const fs::path& directory : directories_) {
    join_fds_.push_back(open((directory / "cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC));
  }
}

ResourceGroup::ResourceGroup(ResourceGroup&& other) noexcept
    : directories_(std::move(other.directories_)), join_fds_(std::move(other.join_fds_)) {
  other.directories_.clear();
  other.join_fds_.clear();
}

ResourceGroup::~ResourceGroup() {
  for (const int fd : join_fds_) {
    if (fd >= 0) close(fd);
  }
  for (const fs::path& directory : directories_) RemoveGroup(directory);
}

bool ResourceGroup::MemoryLimitReached() const {
  if (directories_.empty()) return false;
  const Layout& layout = GroupLayout();
  const std::string events = ReadText(directories_.front() / (layout.version == 2 ? "memory.events" : "memory.oom_control"));
  const auto at = events.find("oom_kill ");
  return at != std::string::npos && std::stoll(events.substr(at + 9)) > 0;
}

std::vector<pid_t> ResourceGroup::KillAll() const {
  std::vector<pid_t> killed;
  for (const fs::path& directory : directories_) {
    const auto some = KillMembers(directory);
    killed.insert(killed.end(), some.begin(), some.end());
  }
  return killed;
}

void SweepAbandonedGroups() {
  for (const fs::path& hierarchy : GroupLayout().hierarchies) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(hierarchy / kGroupParent, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_directory(ec) && !OwnerAlive(name.substr(0, name.rfind('-')))) RemoveGroup(entry.path());
    }
  }
}

}  // namespace scbench::harness
