#pragma once
/// Matches query patterns (query_pattern.h) at nodes of a parsed tree, as tree-sitter's
/// query cursor would, but only at the nodes where a pattern starts and only as deep as
/// the pattern reaches: a rule costs a few node tests where the cursor walked the whole
/// subtree under each start node.
///
/// Semantics follow tree-sitter's: child elements match children in order, not
/// necessarily adjacent; an anchor `.` forbids named nodes in between (anonymous ones may
/// sit there), before the first child or after the last; every way the elements can be
/// laid over the children is a match, except that an optional element that can match is
/// never left out (tree-sitter keeps only the longer of two such matches).

#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "common/function_ref.h"
#include "quality/rules/query_pattern.h"

namespace scbench::quality {

class PatternMatcher {
 public:
  /// `source` is the text the tree was parsed from (predicates read captured text).
  explicit PatternMatcher(std::string_view source);
  ~PatternMatcher();
  PatternMatcher(const PatternMatcher&) = delete;
  PatternMatcher& operator=(const PatternMatcher&) = delete;

  /// Call before matching at a new start node: children read for the previous one are
  /// forgotten.
  void BeginNode();

  /// Calls `on_match` with the captures of every match of `pattern` that starts at `node`
  /// and whose predicates hold.
  void MatchAt(const QueryPattern& pattern, TSNode node, FunctionRef<void(std::span<const CapturedNode>)> on_match);

 private:
  struct Child {
    TSNode node;
    TSSymbol symbol;
    TSFieldId field;
    bool named;
  };
  using Continue = FunctionRef<void(std::size_t next_child)>;
  using Finish = FunctionRef<void()>;

  const std::vector<Child>& ChildrenOf(TSNode node);
  void MatchNode(const PatternElement& element, const Child& candidate, Finish next);
  void MatchSequence(const std::vector<PatternElement>& items, std::size_t index, const std::vector<Child>& children,
                     std::size_t from, bool last_anchored, Continue next);
  void MatchItem(const PatternElement& item, const std::vector<Child>& children, std::size_t from, Continue next);
  void Complete();

  std::string_view source_;
  TSTreeCursor cursor_;
  bool cursor_ready_ = false;
  std::deque<std::pair<TSNode, std::vector<Child>>> children_;  // stable references while matching
  std::size_t children_used_ = 0;
  std::vector<CapturedNode> captured_;
  const QueryPattern* pattern_ = nullptr;
  FunctionRef<void(std::span<const CapturedNode>)>* on_match_ = nullptr;
  std::uint64_t completions_ = 0;  // structural matches so far, predicates aside
};

}  // namespace scbench::quality
