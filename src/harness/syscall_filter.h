#pragma once
/// The seccomp filter every sandboxed process runs under: the system calls that reach past
/// a sandbox (mounting, namespaces, tracing other processes, kernel keyrings, BPF, module
/// loading, io_uring, which bypasses the filter for its own operations) fail with EPERM;
/// everything else is allowed. Built once with libseccomp, installed by bubblewrap
/// (`--seccomp FD`) or, without it, by the child itself just before exec.

#include <linux/filter.h>
#include <string>
#include <vector>

namespace scbench::harness {

/// The compiled classic-BPF program, or empty with `error` set when libseccomp cannot
/// build one on this architecture.
const std::vector<sock_filter>& SyscallFilterProgram(std::string& error);

/// The names of the denied system calls, for the isolation record and the docs.
const std::vector<std::string>& DeniedSyscalls();

}  // namespace scbench::harness
