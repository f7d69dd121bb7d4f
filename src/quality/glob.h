#pragma once
/// Glob matching as .gitignore and --exclude use it: `*` and `?` stop at '/', `**`
/// crosses it, `**/` also matches no directory, `[a-z]`/`[!a-z]` classes, `\` escapes.

#include <string_view>

namespace scbench::quality {

/// Whether `pattern` matches all of `text`. Time is bounded by pattern length x text
/// length whatever the pattern (no backtracking blow-up on `*a*a*a*b`), and there is no
/// recursion.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace scbench::quality
