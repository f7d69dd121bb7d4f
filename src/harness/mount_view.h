#pragma once
/// What a sandboxed process sees of the file system, as bubblewrap arguments: the system
/// directories toolchains need (/usr and the /bin, /lib links into it), a short list of
/// /etc entries (no secrets: shadow files, keys, sudoers, package manager tokens stay
/// out), a passwd and group file naming only the sandbox user, fresh /proc and /dev, a
/// size-limited /tmp, and the paths the caller binds. Nothing else of the host exists
/// inside: no home directories, no /work, no scbench repository, no problems, no runs.
/// The root is read-only, so nothing can be written outside what is bound writable.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace scbench::harness {

struct Sandbox;

/// File descriptors handed to bubblewrap (inherited across exec).
struct BubblewrapDescriptors {
  int seccomp = -1;  // the compiled filter (--seccomp)
  int info = -1;     // bubblewrap writes {"child-pid": N} here (--info-fd)
  /// Files whose content is read from a descriptor: (fd, path inside), e.g. /etc/passwd.
  std::vector<std::pair<int, std::string>> data_files;
};

/// The /etc entries bound into every sandbox when they exist on the host.
const std::vector<std::string>& SharedEtcEntries();

/// /etc/passwd and /etc/group for a sandbox whose only user is `uid`/`gid` named
/// "sandbox" with home `home`.
std::pair<std::string, std::string> SandboxAccountFiles(unsigned uid, unsigned gid, const std::string& home);

/// The bubblewrap command line up to and including "--".
std::vector<std::string> BubblewrapArguments(const Sandbox& sandbox, const BubblewrapDescriptors& descriptors);

}  // namespace scbench::harness
