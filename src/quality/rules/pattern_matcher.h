#pragma once
/// Matches query patterns (query_pattern.h) at nodes of a parsed file, as tree-sitter's
/// query cursor would, but reading the tree from its NodeTable, only at the nodes where a
/// pattern starts and only as deep as the pattern reaches: a rule costs a few node tests
/// where the cursor walked the whole subtree under each start node.
///
/// Semantics follow tree-sitter's: child elements match children in order, not
/// necessarily adjacent; an anchor `.` forbids named nodes in between (anonymous ones may
/// sit there), before the first child or after the last; every way the elements can be
/// laid over the children is a match, except that an optional element that can match is
/// never left out (tree-sitter keeps only the longer of two such matches).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/function_ref.h"
#include "quality/node_table.h"
#include "quality/rules/query_pattern.h"

namespace scbench::quality {

class PatternMatcher {
 public:
  /// `table` holds the nodes of the tree parsed from `source` (predicates read captured
  /// text).
  PatternMatcher(const NodeTable& table, std::string_view source) : table_(table), source_(source) {}

  /// Calls `on_match` with the captures of every match of `pattern` that starts at `node`
  /// and whose predicates hold.
  void MatchAt(const QueryPattern& pattern, std::uint32_t node,
               FunctionRef<void(std::span<const CapturedNode>)> on_match);

 private:
  /// Continues a sequence at a sibling (NodeTable::kNone: past the last child).
  using Continue = FunctionRef<void(std::uint32_t next_sibling)>;
  using Finish = FunctionRef<void()>;

  void MatchNode(const PatternElement& element, std::uint32_t node, Finish next);
  void MatchSequence(const std::vector<PatternElement>& items, std::size_t index, std::uint32_t from,
                     bool last_anchored, Continue next);
  void MatchItem(const PatternElement& item, std::uint32_t from, Continue next);
  bool EarlyPredicatesHold(const PatternElement& element) const;
  bool NamedFrom(std::uint32_t sibling) const;
  /// Where the last element of a sequence anchored at its end may start looking, among the
  /// siblings from `from` on: at the last named one (remembered per parent).
  std::uint32_t LastCandidate(std::uint32_t from);
  void Complete();

  const NodeTable& table_;
  std::string_view source_;
  std::vector<CapturedNode> captured_;
  const QueryPattern* pattern_ = nullptr;
  std::optional<FunctionRef<void(std::span<const CapturedNode>)>> on_match_;  // set during MatchAt
  std::uint64_t completions_ = 0;  // structural matches so far, predicates aside
  std::uint32_t last_named_parent_ = NodeTable::kNone;
  std::uint32_t last_named_child_ = NodeTable::kNone;
};

}  // namespace scbench::quality
