#include "harness/work_area.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>
#include <utility>

#include "harness/mount_space.h"
#include "harness/process_token.h"
#include "harness/resource_group.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kPrefixes[] = {kWorkAreaPrefix, kAgentBoxPrefix, kEtcCopyPrefix};

/// Sandbox users must pass through to their own directories; listing stays private.
constexpr fs::perms kTraversable = fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec;

}  // namespace

std::optional<fs::path> MakeOwnedDirectory(std::string_view prefix, std::string& error) {
  std::error_code ec;
  const fs::path temp = fs::temp_directory_path(ec);
  if (ec) {
    const char* variable = std::getenv("TMPDIR");
    error = fmt::format("no temporary directory for the work tree (TMPDIR={}): {}", variable ? variable : "", ec.message());
    return std::nullopt;
  }
  std::string pattern = (temp / fmt::format("{}{}-XXXXXX", prefix, OwnerToken())).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    error = fmt::format("cannot create a work directory in {}: {}", temp.string(), std::strerror(errno));
    return std::nullopt;
  }
  fs::permissions(pattern, kTraversable, ec);
  // The sandbox binds resolved paths: the program's own paths must be the same ones.
  const fs::path resolved = fs::canonical(pattern, ec);
  return ec ? fs::path(pattern) : resolved;
}

std::optional<WorkArea> WorkArea::Create(std::string& error) {
  auto path = MakeOwnedDirectory(kWorkAreaPrefix, error);
  if (!path) return std::nullopt;
  return WorkArea(*path);
}

WorkArea::WorkArea(WorkArea&& other) noexcept : path_(std::exchange(other.path_, fs::path())) {}

WorkArea::~WorkArea() {
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
}

std::optional<CaseArea> WorkArea::NewArea(std::size_t number, std::uint64_t quota_bytes,
                                          const std::optional<SandboxIdentity>& identity, std::string& error) const {
  const fs::path base = path_ / fmt::format("case-{}", number);
  CaseArea area{base / "scratch", base / "io", false};
  std::error_code ec;
  fs::create_directories(area.scratch, ec);
  if (!ec) fs::create_directories(area.io, ec);
  if (ec) {
    error = fmt::format("cannot create {}: {}", base.string(), ec.message());
    return std::nullopt;
  }
  fs::permissions(base, kTraversable, ec);
  fs::permissions(area.io, fs::perms::owner_all, ec);
  if (PrivateMountSpaceActive()) {
    const uid_t uid = identity ? identity->uid : getuid();
    const gid_t gid = identity ? identity->gid : getgid();
    if (!MountQuotaTmpfs(area.scratch, quota_bytes, uid, gid, error)) return std::nullopt;
    area.quota = true;
  }
  return area;
}

void WorkArea::Release(const CaseArea& area) {
  if (area.quota) UnmountQuota(area.scratch);
  std::error_code ec;
  fs::remove_all(area.scratch.parent_path(), ec);
}

void SweepAbandonedWorkAreas() {
  SweepAbandonedGroups();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(ec), ec)) {
    const std::string name = entry.path().filename().string();
    const auto prefix = std::find_if(std::begin(kPrefixes), std::end(kPrefixes),
                                     [&](std::string_view p) { return name.starts_with(p); });
    if (prefix == std::end(kPrefixes) || !entry.is_directory(ec)) continue;
    const std::string rest = name.substr(prefix->size());
    const auto dash = rest.rfind('-');
    // Trees named before owners were recorded have no token: their owner is unknown.
    if (dash == std::string::npos || rest.find('.') == std::string::npos) continue;
    if (!OwnerAlive(rest.substr(0, dash))) fs::remove_all(entry.path(), ec);
  }
}

}  // namespace scbench::harness
