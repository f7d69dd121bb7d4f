#pragma once
/// The subset of .gitignore semantics that decides which files a measurement skips:
/// per-directory pattern files, negation, directory-only patterns, anchoring, `*`, `?`,
/// `[...]` and `**`. The last matching pattern wins, deeper files after shallower ones.

#include <string>
#include <string_view>
#include <vector>

#include "quality/glob.h"

namespace scbench::quality {

class IgnoreRules {
 public:
  /// Adds the patterns of the ignore file found in directory `base` ("" for the root,
  /// otherwise a '/'-separated path relative to the root without trailing slash).
  void AddPatterns(std::string_view base, std::string_view file_content);

  /// `path` is relative to the root, '/'-separated.
  bool IsIgnored(std::string_view path, bool is_directory) const;

  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string base;
    Glob glob{""};
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;  // matched against the whole path below base, not the file name
  };
  std::vector<Pattern> patterns_;
};

}  // namespace scbench::quality
