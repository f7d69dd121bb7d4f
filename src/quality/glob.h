#pragma once
/// Glob matching as .gitignore and --exclude use it: `*` and `?` stop at '/', `**`
/// crosses it, `**/` also matches no directory, `[a-z]`/`[!a-z]` classes, `\` escapes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace scbench::quality {

/// A pattern read once and matched against many paths (every file of a tree). Time is
/// bounded by pattern length x text length whatever the pattern (no backtracking
/// blow-up on `*a*a*a*b`), and there is no recursion.
class Glob {
 public:
  explicit Glob(std::string pattern);
  /// Whether the pattern matches all of `text`.
  bool Matches(std::string_view text) const;

  /// One element of the pattern.
  struct Token {
    enum class Kind {
      kLiteral,         // one given character
      kAnyChar,         // `?`: one character but '/'
      kBracket,         // `[...]`: one character of a class, never '/'
      kStar,            // `*`: any run without '/'
      kAnyPath,         // `**`: any run
      kAnyDirectories,  // `**/`: nothing, or any run ending in '/'
    };
    Kind kind;
    char literal = 0;
    std::size_t bracket_at = 0;  // kBracket: where its '[' is in the pattern
  };

 private:
  std::string pattern_;
  std::vector<Token> tokens_;
};

/// Whether `pattern` matches all of `text`: Glob(pattern).Matches(text), for one-off use.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace scbench::quality
