#include "harness/isolation.h"

#include <unistd.h>

#include "harness/resource_group.h"
#include "harness/syscall_filter.h"

namespace scbench::harness {
namespace {

const char* NetworkName(NetworkIsolation network) {
  switch (network) {
    case NetworkIsolation::kNone: return "none";
    case NetworkIsolation::kPrivate: return "private";
    case NetworkIsolation::kHost: return "host";
  }
  return "host";
}

void ListMissing(IsolationRecord& record, NetworkIsolation wanted_network, const std::string& why_no_bubblewrap) {
  if (!record.filesystem_view) {
    record.missing.push_back("no private file system view, pid or user namespace (" + why_no_bubblewrap +
                             "): the process can read whatever its user may read on the host");
  }
  if (record.runs_as_root) record.missing.push_back("runs as root (scbench was not started as root, or no free uid)");
  if (record.network != wanted_network) {
    record.missing.push_back(std::string("network: wanted '") + NetworkName(wanted_network) + "', got '" +
                             NetworkName(record.network) + "'");
  }
  if (!record.control_group) {
    record.missing.push_back("no control group (" + ControlGroups().description +
                             "): memory is limited per process only, and processes that leave the process "
                             "group are not tracked");
  }
  if (!record.disk_quota) {
    record.missing.push_back(geteuid() == 0 ? "no disk quota on the writable directory (no private mount space)"
                                            : "no disk quota on the writable directory (needs root)");
  }
}

}  // namespace

IsolationRecord DescribeIsolation(const IsolationSetup& setup, const ProcessLimits& limits) {
  IsolationRecord record;
  record.filesystem_view = record.pid_namespace = record.user_namespace = setup.bubblewrap;
  record.own_identity = setup.own_identity;
  record.runs_as_root = !setup.own_identity && geteuid() == 0;
  record.no_capabilities = setup.bubblewrap || !record.runs_as_root;
  record.no_new_privileges = true;  // set by the child before exec, always
  record.seccomp = true;            // a child without its filter is not started
  record.network = setup.network;
  record.control_group = ControlGroups().available;
  record.disk_quota = setup.disk_quota;
  record.limits = limits;
  record.tmp_bytes = setup.bubblewrap ? setup.tmp_bytes : 0;
  ListMissing(record, setup.wanted_network, setup.why_no_bubblewrap);
  return record;
}

nlohmann::ordered_json IsolationToJson(const IsolationRecord& r) {
  using Json = nlohmann::ordered_json;
  const auto optional = [](bool present, std::uint64_t value) { return present ? Json(value) : Json(nullptr); };
  Json limits = {{"wall_seconds", r.limits.wall_seconds},
                 {"memory_bytes", r.limits.memory_bytes},
                 {"memory_scope", r.control_group ? "process tree" : "each process"},
                 {"address_space_bytes", optional(r.limits.limit_address_space, r.limits.memory_bytes)},
                 {"processes", r.limits.processes},
                 {"file_bytes", r.limits.file_bytes},
                 {"disk_bytes", optional(r.disk_quota, r.limits.disk_bytes)},
                 {"tmp_bytes", optional(r.filesystem_view, r.tmp_bytes)}};
  return {{"level", r.strict() ? "strict" : "reduced"},
          {"filesystem_view", r.filesystem_view},
          {"pid_namespace", r.pid_namespace},
          {"user_namespace", r.user_namespace},
          {"network", NetworkName(r.network)},
          {"user", r.own_identity   ? "an unprivileged uid and gid of its own"
                   : r.runs_as_root ? "root"
                                    : "scbench's user (uid " + std::to_string(getuid()) + ")"},
          {"runs_as_root", r.runs_as_root},
          {"capabilities", r.no_capabilities ? "none" : "all of root's"},
          {"no_new_privileges", r.no_new_privileges},
          {"seccomp_denied", r.seccomp ? Json(DeniedSyscalls()) : Json(nullptr)},
          {"control_group", r.control_group},
          {"disk_quota", r.disk_quota},
          {"limits", limits},
          {"missing", r.missing}};
}

}  // namespace scbench::harness
