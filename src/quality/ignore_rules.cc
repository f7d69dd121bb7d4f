#include "quality/ignore_rules.h"

namespace scbench::quality {
namespace {

// Matches a bracket expression at pattern[p] against character c; advances p past it.
bool MatchBracket(std::string_view pattern, std::size_t& p, char c) {
  std::size_t i = p + 1;
  const bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (first || pattern[i] != ']')) {
    first = false;
    char low = pattern[i];
    if (low == '\\' && i + 1 < pattern.size()) low = pattern[++i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 2;
    }
    matched = matched || (c >= low && c <= high);
    ++i;
  }
  if (i >= pattern.size()) return false;  // unterminated: git treats it as no match
  p = i + 1;
  return matched != negate;
}

bool GlobMatchAt(std::string_view pattern, std::size_t p, std::string_view text, std::size_t t) {
  while (p < pattern.size()) {
    const char pc = pattern[p];
    if (pc == '*') {
      const bool double_star = p + 1 < pattern.size() && pattern[p + 1] == '*';
      std::size_t next = p + (double_star ? 2 : 1);
      // "**/" may also match zero directories.
      if (double_star && next < pattern.size() && pattern[next] == '/' &&
          GlobMatchAt(pattern, next + 1, text, t)) {
        return true;
      }
      for (std::size_t k = t; k <= text.size(); ++k) {
        if (GlobMatchAt(pattern, next, text, k)) return true;
        if (k < text.size() && text[k] == '/' && !double_star) return false;
      }
      return false;
    }
    if (t >= text.size()) return false;
    if (pc == '?') {
      if (text[t] == '/') return false;
      ++p;
    } else if (pc == '[') {
      if (text[t] == '/' || !MatchBracket(pattern, p, text[t])) return false;
    } else {
      const char literal = (pc == '\\' && p + 1 < pattern.size()) ? pattern[++p] : pc;
      if (literal != text[t]) return false;
      ++p;
    }
    ++t;
  }
  return t == text.size();
}

std::string_view TrimTrailingSpaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
    if (line.size() >= 2 && line[line.size() - 2] == '\\') break;
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text) { return GlobMatchAt(pattern, 0, text, 0); }

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
    pattern.glob = std::string(line);
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
    const bool matched = pattern.anchored ? GlobMatch(pattern.glob, below) : GlobMatch(pattern.glob, name);
    if (matched) ignored = !pattern.negated;
  }
  return ignored;
}

}  // namespace scbench::quality
