#pragma once
/// What a sandbox enforced, recorded in every evaluation.json and run.json, so that a
/// result from a weaker box is never mistaken for one from a strict box. "strict" means
/// everything below held; "reduced" lists what did not, and why.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/sandbox.h"

namespace scbench::harness {

enum class NetworkIsolation {
  kNone,     // a namespace of its own with loopback only (CLI submissions)
  kPrivate,  // a namespace of its own that scbench visits to test it (HTTP servers)
  kHost,     // the host's network (agents, which must reach their model; or no namespace)
};

struct IsolationRecord {
  bool filesystem_view = false;  // private mount namespace showing only what is needed
  bool pid_namespace = false;
  bool user_namespace = false;
  NetworkIsolation network = NetworkIsolation::kHost;
  bool own_identity = false;  // an unprivileged uid and gid of its own (scbench is root)
  bool runs_as_root = false;  // the sandboxed process is uid 0 outside
  bool no_capabilities = false;
  bool no_new_privileges = false;
  bool seccomp = false;
  bool control_group = false;  // memory and processes limited for the whole tree
  bool disk_quota = false;     // the writable directory is a size-limited tmpfs
  ProcessLimits limits;
  std::uint64_t tmp_bytes = 0;  // size of the private /tmp (with the file system view)
  /// What could not be enforced, and why; empty for a strict box.
  std::vector<std::string> missing;

  bool strict() const { return missing.empty(); }
};

/// How the caller runs its processes, as far as the record needs to know.
struct IsolationSetup {
  bool bubblewrap = false;
  bool own_identity = false;
  NetworkIsolation wanted_network = NetworkIsolation::kNone;
  NetworkIsolation network = NetworkIsolation::kHost;  // what it got
  bool disk_quota = false;
  std::uint64_t tmp_bytes = 0;
  std::string why_no_bubblewrap;  // "disabled by --no-sandbox", ...
};

/// The record for processes started as `setup` says with `limits` on this machine.
IsolationRecord DescribeIsolation(const IsolationSetup& setup, const ProcessLimits& limits);

nlohmann::ordered_json IsolationToJson(const IsolationRecord& record);

}  // namespace scbench::harness
