#pragma once
/// Which node kinds can start a tree-sitter query pattern, read from the pattern's text.
/// Matching then starts only at nodes of those kinds instead of at every node of a tree.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scbench::quality {

/// Kinds the root of the pattern at the start of `pattern` can have:
/// `(call ...)` -> {"call"}; `[(a) (b)]` -> {"a", "b"}; a group with predicates,
/// `((call) @m (#eq? @m "x"))` -> {"call"}; a group around an alternation,
/// `([(a) (b)] (#eq? ...))` -> {"a", "b"}. nullopt when any node could start the pattern
/// (a wildcard, an anonymous node, a sequence of sibling nodes) or the text is unusual.
std::optional<std::vector<std::string>> PatternRootKinds(std::string_view pattern);

/// The kinds that can start any of the patterns in `query` (several top-level patterns),
/// each once, in order of appearance; nullopt when one of them may start anywhere.
std::optional<std::vector<std::string>> QueryRootKinds(std::string_view query);

}  // namespace scbench::quality
