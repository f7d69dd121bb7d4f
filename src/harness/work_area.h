#pragma once
/// The temporary tree of one evaluation, `$TMPDIR/scbench-eval-<owner>-XXXXXX`: the
/// submission's copy and, per case, a scratch directory (the case's, on a size-limited
/// tmpfs owned by its sandbox identity when scbench has a private mount space) and an io
/// directory (scbench's). Removed when done; a tree whose scbench was killed is removed by
/// the next scbench (SweepAbandonedWorkAreas).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "harness/sandbox.h"

namespace scbench::harness {

/// A fresh working area for one case or group: `scratch` (the child's) and `io` (ours).
struct CaseArea {
  std::filesystem::path scratch;
  std::filesystem::path io;
  bool quota = false;  // scratch is a size-limited tmpfs
};

class WorkArea {
 public:
  static std::optional<WorkArea> Create(std::string& error);
  WorkArea(WorkArea&& other) noexcept;
  WorkArea& operator=(WorkArea&&) = delete;
  ~WorkArea();

  const std::filesystem::path& path() const { return path_; }

  /// A new area; its scratch belongs to `identity` and holds at most `quota_bytes` when
  /// quotas can be mounted.
  std::optional<CaseArea> NewArea(std::size_t number, std::uint64_t quota_bytes,
                                  const std::optional<SandboxIdentity>& identity, std::string& error) const;
  /// Unmounts and removes an area as soon as its case is judged (tmpfs pages are memory).
  static void Release(const CaseArea& area);

 private:
  explicit WorkArea(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

/// Prefixes of the directories scbench makes in $TMPDIR for untrusted code.
inline constexpr std::string_view kWorkAreaPrefix = "scbench-eval-";
inline constexpr std::string_view kAgentBoxPrefix = "scbench-agent-";
inline constexpr std::string_view kEtcCopyPrefix = "scbench-etc-";

/// A new directory `$TMPDIR/<prefix><owner token>-XXXXXX`, resolved, which sandbox users
/// may pass through (mode 0711); nullopt with `error` naming TMPDIR when it cannot be made.
std::optional<std::filesystem::path> MakeOwnedDirectory(std::string_view prefix, std::string& error);

/// Removes work areas and agent boxes (and their control groups) left by scbench
/// processes that are gone.
void SweepAbandonedWorkAreas();

}  // namespace scbench::harness
