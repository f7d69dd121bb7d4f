#include "harness/mount_space.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <string>
#include <mutex>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

namespace scbench::harness {
namespace {

std::atomic<bool> active{false};

/// unshare() moves only the calling thread; threads that already exist would stay behind.
bool SingleThreaded() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8)) == 1;
  }
  return false;
}

}  // namespace

bool EnterPrivateMountSpace(std::string& error) {
  static std::once_flag once;
  static std::string failure;
  std::call_once(once, [] {
    if (geteuid() != 0) {
      failure = "not root";
    } else if (!SingleThreaded()) {
      failure = "threads were started before the private mount space was entered";
    } else if (unshare(CLONE_NEWNS) != 0) {
      failure = std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
    } else if (mount(nullptr, "/", nullptr, MS_REC | MS_SLAVE, nullptr) != 0) {
      // Slave: the host's later mounts still reach us; ours never reach the host.
      failure = std::string("making / a slave mount: ") + std::strerror(errno);
    } else {
      active = true;
    }
  });
  error = failure;
  return active;
}

bool PrivateMountSpaceActive() { return active; }

bool MountQuotaTmpfs(const std::filesystem::path& directory, std::uint64_t bytes, uid_t uid, gid_t gid,
                     std::string& error) {
  if (!active) {
    error = "no private mount space";
    return false;
  }
  const std::string options = fmt::format("size={},mode=0700,uid={},gid={}", bytes, uid, gid);
  if (mount("scbench-quota", directory.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
    error = fmt::format("cannot mount a {} byte tmpfs on {}: {}", bytes, directory.string(), std::strerror(errno));
    return false;
  }
  return true;
}

void UnmountQuota(const std::filesystem::path& directory) {
  if (active) umount2(directory.c_str(), MNT_DETACH);
}

}  // namespace scbench::harness
