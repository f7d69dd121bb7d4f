#pragma once
/// Visiting a sandboxed server's network namespace. An HTTP submission runs in a network
/// namespace of its own that has only loopback, so it reaches nothing of the host; the
/// thread that tests it steps into that namespace for the duration and back out after.

#include <optional>
#include <string>
#include <sys/types.h>

namespace scbench::harness {

/// True when this process may join other network namespaces (root).
bool CanVisitNetworkNamespaces();

class NetworkNamespaceVisit {
 public:
  /// Moves the calling thread into the network namespace of `pid`.
  static std::optional<NetworkNamespaceVisit> Enter(pid_t pid, std::string& error);
  NetworkNamespaceVisit(NetworkNamespaceVisit&& other) noexcept;
  NetworkNamespaceVisit& operator=(NetworkNamespaceVisit&&) = delete;
  /// Moves the thread back to the namespace it came from.
  ~NetworkNamespaceVisit();

 private:
  explicit NetworkNamespaceVisit(int home) : home_(home) {}
  int home_ = -1;
};

}  // namespace scbench::harness
