#pragma once
/// `.scbench.yaml` at the root of a measured tree: what to leave out, which language a
/// file is despite its extension, and the thresholds a CI gate applies.
///
///   exclude: ["generated/**", "*_pb2.py"]
///   languages: {"*.pyx": python, "scripts/*": python}
///   fail_on: ["erosion>0.5", "verbosity>0.3"]

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scbench::quality {

struct ProjectConfig {
  std::vector<std::string> excludes;
  /// (glob, language name), first match wins; globs as in .gitignore, relative to the root.
  std::vector<std::pair<std::string, std::string>> language_overrides;
  std::vector<std::string> fail_on;
};

/// Reads `<root>/.scbench.yaml` when present. Returns nullopt with `error` (naming the file
/// and field) when it is invalid; an empty config when there is none.
std::optional<ProjectConfig> LoadProjectConfig(const std::filesystem::path& root, std::string& error);

}  // namespace scbench::quality
