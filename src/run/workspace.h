#pragma once
/// The agent's workspace between checkpoints: snapshots (what was there after a checkpoint,
/// without virtualenvs, caches, VCS folders and static assets), restores, and diffs.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace scbench::run {

/// Copies `workspace` into `snapshot` (created fresh; written under a temporary name and
/// renamed, so a snapshot directory is either complete or absent). `skip_names` are file or
/// directory names left out in addition to the built-in ones (static assets). Regular
/// files and folders only, within common/tree_copy.h's limits: `truncated` says what was
/// left out for a limit (empty when nothing was).
bool SnapshotWorkspace(const std::filesystem::path& workspace, const std::filesystem::path& snapshot,
                       const std::vector<std::string>& skip_names, std::string& truncated, std::string& error);

/// Replaces the workspace's content with the snapshot's.
bool RestoreWorkspace(const std::filesystem::path& snapshot, const std::filesystem::path& workspace,
                      std::string& error);

struct WorkspaceDiff {
  int files_added = 0;
  int files_removed = 0;
  int files_modified = 0;
  long long lines_added = 0;
  long long lines_removed = 0;
  long long lines_before = 0;
  /// (lines added + lines removed) / lines before; 1 when nothing was there before and
  /// something was written, 0 when nothing changed.
  double churn = 0;
};

/// Compares two snapshots (`before` may be empty for the first checkpoint).
WorkspaceDiff DiffSnapshots(const std::filesystem::path& before, const std::filesystem::path& after);

nlohmann::ordered_json DiffToJson(const WorkspaceDiff& diff);

}  // namespace scbench::run
