#include "harness/network_namespace.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>
#include <utility>

namespace scbench::harness {

bool CanVisitNetworkNamespaces() { return geteuid() == 0; }

std::optional<NetworkNamespaceVisit> NetworkNamespaceVisit::Enter(pid_t pid, std::string& error) {
  const int home = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
  const std::string target_path = "/proc/" + std::to_string(pid) + "/ns/net";
  const int target = open(target_path.c_str(), O_RDONLY | O_CLOEXEC);
  const bool entered = home >= 0 && target >= 0 && setns(target, CLONE_NEWNET) == 0;
  const int saved = errno;
  if (target >= 0) close(target);
  if (!entered) {
    if (home >= 0) close(home);
    error = "cannot enter the server's network namespace (" + target_path + "): " + std::strerror(saved);
    return std::nullopt;
  }
  return NetworkNamespaceVisit(home);
}

NetworkNamespaceVisit::NetworkNamespaceVisit(NetworkNamespaceVisit&& other) noexcept
    : home_(std::exchange(other.home_, -1)) {}

NetworkNamespaceVisit::~NetworkNamespaceVisit() {
  if (home_ < 0) return;
  // A thread left in a sandbox's namespace would send every later request there.
  if (setns(home_, CLONE_NEWNET) != 0) std::abort();
  close(home_);
}

}  // namespace scbench::harness
