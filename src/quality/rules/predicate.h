#pragma once
/// The predicates of a rule's pattern that tree-sitter leaves to its caller: #eq?, #match?,
/// #any-of? on a capture's text, #has-parent? and #has-ancestor? on the kinds of the nodes
/// above it (as nvim-treesitter spells them), and their not- forms. Regular expressions
/// use RE2.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/node_table.h"

namespace re2 {
class RE2;
}

namespace scbench::quality {

enum class PredicateKind { kEq, kMatch, kAnyOf, kHasParent, kHasAncestor };

/// One `(#name? @capture ...)` clause of a pattern.
struct Predicate {
  PredicateKind kind = PredicateKind::kEq;
  bool negated = false;
  std::uint16_t capture = 0;
  std::optional<std::uint16_t> other_capture;  // #eq? @a @b
  std::vector<std::string> values;             // #eq? @a "x", #any-of? @a "x" "y", node kinds
  std::vector<TSSymbol> kind_symbols;          // #has-parent?, #has-ancestor?: every symbol named in values
  std::shared_ptr<re2::RE2> regex;
  /// #match?: the range of bytes that every match starts with, when RE2 can tell (the
  /// expression is anchored at the start of the text and never matches empty text). A text
  /// starting outside it is turned away without running the expression.
  bool has_first_byte_range = false;
  unsigned char first_byte_min = 0;
  unsigned char first_byte_max = 0;
};

/// One argument of a predicate as written: `@capture`, or a string (quoted or bare).
struct PredicateArgument {
  bool is_capture = false;
  std::uint16_t capture = 0;
  std::string text;
};

/// A node (an index into the file's NodeTable) a match bound to a capture.
struct CapturedNode {
  std::uint16_t capture = 0;
  std::uint32_t node = 0;
};

/// Builds `#name` (without the '#') from its arguments, for a pattern of `grammar`. Returns
/// false with `error` for an unsupported predicate, a missing capture or value, a node kind
/// the grammar lacks, or a bad regular expression.
bool MakePredicate(std::string_view name, const std::vector<PredicateArgument>& arguments, const TSLanguage* grammar,
                   Predicate& out, std::string& error);

/// Whether `predicate` costs a few comparisons whatever the captured text: every kind but
/// a #match? that may have to run its expression over the whole capture (one without a
/// first-byte range: a docstring searched for "\{"). The matcher checks cheap predicates
/// as soon as their capture is bound and leaves the others until the rest of the match holds.
bool IsCheap(const Predicate& predicate);

/// Whether `predicate` holds for a match that bound `captures` in `table`, parsed from
/// `source`. A predicate on an optional capture that did not match holds.
bool PredicateHolds(const Predicate& predicate, std::span<const CapturedNode> captures, const NodeTable& table,
                    std::string_view source);

}  // namespace scbench::quality
