#include "quality/ignore_rules.h"

namespace scbench::quality {
namespace {

std::string_view TrimTrailingSpaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
    if (line.size() >= 2 && line[line.size() - 2] == '\\') break;
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

void IgnoreRules::AddPatterns(std::string_view base, std::string_view file_content) {
  std::size_t begin = 0;
  while (begin <= file_content.size()) {
    std::size_t end = file_content.find('\n', begin);
    if (end == std::string_view::npos) end = file_content.size();
    std::string_view line = TrimTrailingSpaces(file_content.substr(begin, end - begin));
    begin = end + 1;
    if (line.empty() || line.front() == '#') continue;
    Pattern pattern;
    pattern.base = std::string(base);
    if (line.front() == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.directory_only = true;
      line.remove_suffix(1);
    }
    if (!line.empty() && line.front() == '/') {
      pattern.anchored = true;
      line.remove_prefix(1);
    }
    if (line.find('/') != std::string_view::npos) pattern.anchored = true;
    if (line.empty()) continue;
    pattern.glob = Glob(std::string(line));
    patterns_.push_back(std::move(pattern));
  }
}

bool IgnoreRules::IsIgnored(std::string_view path, bool is_directory) const {
  bool ignored = false;
  const auto slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const Pattern& pattern : patterns_) {
    if (pattern.directory_only && !is_directory) continue;
    std::string_view below = path;
    if (!pattern.base.empty()) {
      if (path.size() <= pattern.base.size() || path.substr(0, pattern.base.size()) != pattern.base ||
          path[pattern.base.size()] != '/') {
        continue;
      }
      below = path.substr(pattern.base.size() + 1);
    }
    const bool matched = pattern.glob.Matches(pattern.anchored ? below : name);
    if (matched) ignored = !pattern.negated;
  }
  return ignored;
}

}  // namespace scbench::quality
