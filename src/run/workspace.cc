#include "run/workspace.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <fstream>
#include <git2.h>

#include "common/file_text.h"
#include "common/tree_copy.h"
#include <map>
#include <mutex>
#include <sstream>

namespace scbench::run {
namespace fs = std::filesystem;
namespace {

constexpr std::array kSkippedDirectories = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv",
                                            ".mypy_cache", ".pytest_cache", ".ruff_cache", ".tox", ".cache"};

bool Skipped(const fs::path& path, bool directory, int depth, const std::vector<std::string>& skip_names) {
  const std::string name = path.filename().string();
  if (depth == 0 && std::find(skip_names.begin(), skip_names.end(), name) != skip_names.end()) return true;
  std::error_code ec;
  if (directory) {
    if (std::find(kSkippedDirectories.begin(), kSkippedDirectories.end(), name) != kSkippedDirectories.end()) return true;
    return fs::is_regular_file(fs::symlink_status(path / "pyvenv.cfg", ec));
  }
  return name.ends_with(".pyc");
}

bool CopyTree(const fs::path& from, const fs::path& to, const std::vector<std::string>& skip_names, CopyResult& result,
              std::string& error) {
  const auto skip = [&](const fs::path& path, bool directory, int depth) { return Skipped(path, directory, depth, skip_names); };
  return CopyRegularTree(from, to, skip, CopyLimits{}, result, error);
}

std::map<std::string, fs::path> FilesUnder(const fs::path& root) {
  std::map<std::string, fs::path> files;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
    if (entry.is_regular_file(ec)) files[fs::relative(entry.path(), root).generic_string()] = entry.path();
  }
  return files;
}

std::string Slurp(const fs::path& path) { return ReadWholeFile(path).value_or(""); }

/// Files larger than this are counted (lines added and removed whole), not diffed: a line
/// diff's memory grows with the number of lines, and an agent chooses that number.
constexpr std::size_t kMaxDiffedBytes = 4u << 20;

long long CountLines(const std::string& text) {
  if (text.empty()) return 0;
  return static_cast<long long>(std::count(text.begin(), text.end(), '\n')) + (text.back() == '\n' ? 0 : 1);
}

struct LineCounts {
  long long added = 0;
  long long removed = 0;
};

int CountLine(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
  auto* counts = static_cast<LineCounts*>(payload);
  if (line->origin == GIT_DIFF_LINE_ADDITION) ++counts->added;
  if (line->origin == GIT_DIFF_LINE_DELETION) ++counts->removed;
  return 0;
}

/// Line-level diff of two texts with libgit2 (Myers, as git computes it).
LineCounts DiffTexts(const std::string& before, const std::string& after) {
  static std::once_flag init;
  std::call_once(init, [] { git_libgit2_init(); });
  LineCounts counts;
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags |= GIT_DIFF_FORCE_TEXT;
  git_diff_buffers(before.data(), before.size(), nullptr, after.data(), after.size(), nullptr, &options, nullptr,
                   nullptr, nullptr, CountLine, &counts);
  return counts;
}

}  // namespace

bool SnapshotWorkspace(const fs::path& workspace, const fs::path& snapshot, const std::vector<std::string>& skip_names,
                       std::string& truncated, std::string& error) {
  const fs::path partial = snapshot.string() + ".partial";
  std::error_code ec;
  fs::remove_all(partial, ec);
  CopyResult result;
  if (!CopyTree(workspace, partial, skip_names, result, error)) return false;
  truncated = result.truncated;
  fs::remove_all(snapshot, ec);
  fs::rename(partial, snapshot, ec);
  if (ec) error = snapshot.string() + ": " + ec.message();
  return !ec;
}

bool RestoreWorkspace(const fs::path& snapshot, const fs::path& workspace, std::string& error) {
  std::error_code ec;
  // The workspace itself stays: it may be a mount point (a quota).
  for (const auto& entry : fs::directory_iterator(workspace, ec)) fs::remove_all(entry.path(), ec);
  fs::create_directories(workspace, ec);
  CopyResult result;
  return CopyTree(snapshot, workspace, {}, result, error);
}

WorkspaceDiff DiffSnapshots(const fs::path& before, const fs::path& after) {
  WorkspaceDiff diff;
  const auto old_files = FilesUnder(before);
  const auto new_files = FilesUnder(after);
  for (const auto& [name, path] : old_files) {
    const std::string old_text = Slurp(path);
    diff.lines_before += CountLines(old_text);
    const auto found = new_files.find(name);
    if (found == new_files.end()) {
      ++diff.files_removed;
      diff.lines_removed += CountLines(old_text);
      continue;
    }
    const std::string new_text = Slurp(found->second);
    if (new_text == old_text) continue;
    ++diff.files_modified;
    const bool too_large = old_text.size() > kMaxDiffedBytes || new_text.size() > kMaxDiffedBytes;
    const LineCounts counts = too_large ? LineCounts{CountLines(new_text), CountLines(old_text)} : DiffTexts(old_text, new_text);
    diff.lines_added += counts.added;
    diff.lines_removed += counts.removed;
  }
  for (const auto& [name, path] : new_files) {
    if (old_files.contains(name)) continue;
    ++diff.files_added;
    diff.lines_added += CountLines(Slurp(path));
  }
  const long long changed = diff.lines_added + diff.lines_removed;
  diff.churn = diff.lines_before > 0 ? static_cast<double>(changed) / static_cast<double>(diff.lines_before)
                                     : (changed > 0 ? 1.0 : 0.0);
  return diff;
}

nlohmann::ordered_json DiffToJson(const WorkspaceDiff& diff) {
  return {{"files_added", diff.files_added},     {"files_removed", diff.files_removed},
          {"files_modified", diff.files_modified}, {"lines_added", diff.lines_added},
          {"lines_removed", diff.lines_removed},   {"lines_before", diff.lines_before},
          {"churn", std::round(diff.churn * 1e6) / 1e6}};
}

}  // namespace scbench::run
