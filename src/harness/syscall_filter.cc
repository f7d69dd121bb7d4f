#include "harness/syscall_filter.h"

#include <cerrno>
#include <memory>
#include <sched.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scbench::harness {
namespace {

/// Every call here is denied outright.
const std::vector<std::string> kDenied = {
    // The filesystem view: no new mounts, no leaving the root.
    "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount",
    "fspick", "mount_setattr",
    // Namespaces: no joining another, no making one (clone with namespace flags is filtered apart).
    "setns", "unshare",
    // Other processes' memory and the kernel's handles to files outside the view.
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "process_madvise", "kcmp",
    "open_by_handle_at", "name_to_handle_at",
    // Kernel state that outlives the process or reaches beyond it.
    "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd", "kexec_load",
    "kexec_file_load", "init_module", "finit_module", "delete_module", "swapon", "swapoff", "reboot",
    "syslog", "acct", "quotactl", "lookup_dcookie", "iopl", "ioperm",
    // io_uring runs its operations outside this filter.
    "io_uring_setup", "io_uring_enter", "io_uring_register"};

constexpr scmp_datum_t kNamespaceFlags[] = {CLONE_NEWNS,  CLONE_NEWUSER, CLONE_NEWPID,   CLONE_NEWNET,
                                            CLONE_NEWIPC, CLONE_NEWUTS,  CLONE_NEWCGROUP};

using Context = std::unique_ptr<std::remove_pointer_t<scmp_filter_ctx>, decltype(&seccomp_release)>;

bool AddRules(scmp_filter_ctx context, std::string& error) {
  for (const std::string& name : kDenied) {
    const int number = seccomp_syscall_resolve_name(name.c_str());
    if (number == __NR_SCMP_ERROR) continue;  // not on this architecture
    if (seccomp_rule_add(context, SCMP_ACT_ERRNO(EPERM), number, 0) != 0) {
      error = "seccomp: cannot add a rule for " + name;
      return false;
    }
  }
  // clone3 passes its flags in memory the filter cannot read: ENOSYS makes the C library
  // fall back to clone, whose flags it can.
  if (seccomp_rule_add(context, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) != 0) {
    error = "seccomp: cannot filter clone3";
    return false;
  }
  for (const scmp_datum_t flag : kNamespaceFlags) {
    if (seccomp_rule_add(context, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag)) != 0) {
      error = "seccomp: cannot filter clone";
      return false;
    }
  }
  return true;
}

/// libseccomp writes the program to a file descriptor; a memory file brings it back.
std::vector<sock_filter> Export(scmp_filter_ctx context, std::string& error) {
  const int fd = memfd_create("scbench-seccomp", MFD_CLOEXEC);
  struct stat info {};
  std::vector<sock_filter> program;
  if (fd < 0 || seccomp_export_bpf(context, fd) != 0 || fstat(fd, &info) != 0 ||
      info.st_size % static_cast<off_t>(sizeof(sock_filter)) != 0) {
    error = "seccomp: cannot export the filter";
  } else {
    program.resize(static_cast<std::size_t>(info.st_size) / sizeof(sock_filter));
    const auto bytes = static_cast<ssize_t>(program.size() * sizeof(sock_filter));
    if (pread(fd, program.data(), static_cast<std::size_t>(bytes), 0) != bytes) {
      error = "seccomp: cannot read the exported filter";
      program.clear();
    }
  }
  if (fd >= 0) close(fd);
  return program;
}

std::vector<sock_filter> Build(std::string& error) {
  Context context(seccomp_init(SCMP_ACT_ALLOW), &seccomp_release);
  if (!context) {
    error = "seccomp: libseccomp cannot start a filter";
    return {};
  }
  // The process is already unable to gain privileges (set before exec); libseccomp must
  // not set the flag itself between fork and exec.
  seccomp_attr_set(context.get(), SCMP_FLTATR_CTL_NNP, 0);
  if (!AddRules(context.get(), error)) return {};
  return Export(context.get(), error);
}

}  // namespace

const std::vector<sock_filter>& SyscallFilterProgram(std::string& error) {
  static std::string build_error;
  static const std::vector<sock_filter> program = Build(build_error);
  if (program.empty()) error = build_error;
  return program;
}

const std::vector<std::string>& DeniedSyscalls() { return kDenied; }

}  // namespace scbench::harness
