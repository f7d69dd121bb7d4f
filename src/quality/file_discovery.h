#pragma once
/// Finding the source files under a path: skipping version control, virtualenvs,
/// dependency folders, build outputs and what .gitignore excludes; never following a
/// symbolic link.

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "quality/language.h"
#include "quality/measurement.h"

namespace scbench::quality {

struct DiscoveryOptions {
  /// Also take files that .gitignore excludes (built-in skips still apply).
  bool include_ignored = false;
  /// Extra glob patterns (gitignore syntax, relative to the root) to leave out.
  std::vector<std::string> excludes;
  /// (glob, language name): files matching the glob are that language whatever their
  /// extension; first match wins.
  std::vector<std::pair<std::string, std::string>> language_overrides;
};

struct SourceFile {
  std::filesystem::path absolute;
  std::string relative;  // '/'-separated, relative to the root; the file name for a single file
  const Language* language = nullptr;
  std::uintmax_t size = 0;  // bytes at discovery time; orders the work, largest first
};

struct Discovery {
  std::vector<SourceFile> files;  // sorted by relative path
  std::vector<Diagnostic> diagnostics;
  int unknown_type_files = 0;
  int ignored_files = 0;
};

/// Lists measurable files under `root` (a directory or one file). Returns false with
/// `error` set when the root itself cannot be used.
bool DiscoverSources(const std::filesystem::path& root, const DiscoveryOptions& options, Discovery& out,
                     std::string& error);

/// True for directories that never hold first-party source, by name or by marker file.
bool IsSkippedDirectory(const std::filesystem::path& directory);

}  // namespace scbench::quality
