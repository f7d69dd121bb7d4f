#pragma once
/// scbench's own mount namespace. When scbench runs as root it leaves the host's mount
/// namespace once, before it starts any thread; the size-limited file systems it then
/// mounts for scratch directories and agent workspaces (disk quotas) are seen by scbench
/// and its children only, and vanish with the process even after kill -9.

#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>

namespace scbench::harness {

/// Enters a private mount namespace (root only; once per process, before threads start:
/// threads made later share it). False with `error` when it cannot (not root, or the
/// kernel refuses); quotas are then not enforced.
bool EnterPrivateMountSpace(std::string& error);

/// True when EnterPrivateMountSpace succeeded in this process.
bool PrivateMountSpaceActive();

/// Mounts an empty tmpfs of at most `bytes` on `directory`, owned by uid/gid with mode
/// 0700 (private mount space only).
bool MountQuotaTmpfs(const std::filesystem::path& directory, std::uint64_t bytes, uid_t uid, gid_t gid,
                     std::string& error);

/// Detaches whatever is mounted on `directory` (no error when nothing is).
void UnmountQuota(const std::filesystem::path& directory);

}  // namespace scbench::harness
