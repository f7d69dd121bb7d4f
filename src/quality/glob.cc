#include "quality/glob.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace scbench::quality {
namespace {

// Matches a bracket expression at pattern[p] against character c; advances p past it.
// An unterminated bracket matches nothing (as in git) and leaves p where it was.
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
  if (i >= pattern.size()) return false;
  p = i + 1;
  return matched != negate;
}

using Token = Glob::Token;

std::vector<Token> Tokenize(std::string_view pattern) {
  std::vector<Token> tokens;
  std::size_t p = 0;
  while (p < pattern.size()) {
    const char c = pattern[p];
    if (c == '*' && p + 1 < pattern.size() && pattern[p + 1] == '*') {
      const bool directories = p + 2 < pattern.size() && pattern[p + 2] == '/';
      tokens.push_back({directories ? Token::Kind::kAnyDirectories : Token::Kind::kAnyPath});
      p += directories ? 3 : 2;
    } else if (c == '*' || c == '?') {
      tokens.push_back({c == '*' ? Token::Kind::kStar : Token::Kind::kAnyChar});
      ++p;
    } else if (c == '[') {
      tokens.push_back({Token::Kind::kBracket, 0, p});
      const std::size_t start = p;
      MatchBracket(pattern, p, '\0');
      if (p == start) break;  // unterminated: nothing after it can match
    } else {
      const bool escaped = c == '\\' && p + 1 < pattern.size();
      tokens.push_back({Token::Kind::kLiteral, escaped ? pattern[p + 1] : c});
      p += escaped ? 2 : 1;
    }
  }
  return tokens;
}

bool AcceptsChar(const Token& token, std::string_view pattern, char c) {
  std::size_t at = token.bracket_at;
  switch (token.kind) {
    case Token::Kind::kLiteral: return c == token.literal;
    case Token::Kind::kAnyChar: return c != '/';
    case Token::Kind::kBracket: return c != '/' && MatchBracket(pattern, at, c);
    default: return false;
  }
}

// Each step maps `reached` (reached[k]: the pattern so far can match text[0, k)) to the
// same after one more token.

/// `*` (stops at '/') or `**` (crosses it): every position from a reached one onwards.
void StepRun(bool crosses_slash, std::string_view text, const std::vector<char>& reached, std::vector<char>& next) {
  bool running = false;
  for (std::size_t k = 0; k <= text.size(); ++k) {
    running = running || reached[k] != 0;
    next[k] = running;
    if (k < text.size() && text[k] == '/' && !crosses_slash) running = false;
  }
}

/// `**/`: a reached position itself (no directory), or any later one just after a '/'.
void StepDirectories(std::string_view text, const std::vector<char>& reached, std::vector<char>& next) {
  bool running = false;
  for (std::size_t k = 0; k <= text.size(); ++k) {
    next[k] = reached[k] != 0 || (running && k > 0 && text[k - 1] == '/');
    running = running || reached[k] != 0;
  }
}

void Step(const Token& token, std::string_view pattern, std::string_view text, const std::vector<char>& reached,
          std::vector<char>& next) {
  next.assign(reached.size(), 0);
  switch (token.kind) {
    case Token::Kind::kStar: return StepRun(false, text, reached, next);
    case Token::Kind::kAnyPath: return StepRun(true, text, reached, next);
    case Token::Kind::kAnyDirectories: return StepDirectories(text, reached, next);
    default:
      for (std::size_t k = 0; k < text.size(); ++k) {
        if (reached[k] != 0 && AcceptsChar(token, pattern, text[k])) next[k + 1] = 1;
      }
  }
}

}  // namespace

Glob::Glob(std::string pattern) : pattern_(std::move(pattern)), tokens_(Tokenize(pattern_)) {}

bool Glob::Matches(std::string_view text) const {
  std::vector<char> reached(text.size() + 1, 0);
  std::vector<char> next;
  reached[0] = 1;
  for (const Token& token : tokens_) {
    Step(token, pattern_, text, reached, next);
    reached.swap(next);
    if (std::none_of(reached.begin(), reached.end(), [](char r) { return r != 0; })) return false;
  }
  return reached.back() != 0;
}

bool GlobMatch(std::string_view pattern, std::string_view text) { return Glob(std::string(pattern)).Matches(text); }

}  // namespace scbench::quality
