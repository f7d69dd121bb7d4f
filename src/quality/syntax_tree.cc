#include "quality/syntax_tree.h"

#include <mutex>

#ifdef SCBENCH_USE_MIMALLOC
#include <mimalloc.h>
#endif

namespace scbench::quality {
namespace {

// tree-sitter allocates and frees one small object per syntax node; mimalloc does that
// markedly faster than glibc under two threads (see bench/compare.py). Sanitizer builds
// keep the system allocator so that every allocation stays checked.
void UseFastAllocatorOnce() {
#ifdef SCBENCH_USE_MIMALLOC
  static std::once_flag once;
  std::call_once(once, [] { ts_set_allocator(mi_malloc, mi_calloc, mi_realloc, mi_free); });
#endif
}

}  // namespace

Parser::Parser() : parser_((UseFastAllocatorOnce(), ts_parser_new())) {}

Parser::~Parser() { ts_parser_delete(parser_); }

SyntaxTree Parser::Parse(const Language& language, std::string_view source) {
  if (current_ != language.grammar()) {
    ts_parser_set_language(parser_, language.grammar());
    current_ = language.grammar();
  }
  return SyntaxTree(
      ts_parser_parse_string(parser_, nullptr, source.data(), static_cast<std::uint32_t>(source.size())));
}

void WalkTree(const TSTree* tree, SyntaxVisitor& visitor) { WalkSubtree(ts_tree_root_node(tree), visitor); }

bool VisitorGroup::Enter(TSNode node, std::uint32_t depth, NodeContext context) {
  bool descend = false;
  for (SyntaxVisitor* visitor : visitors_) descend = visitor->Enter(node, depth, context) || descend;
  return descend;
}

void VisitorGroup::Leave(TSNode node, std::uint32_t depth) {
  for (SyntaxVisitor* visitor : visitors_) visitor->Leave(node, depth);
}

void WalkSubtree(TSNode start, SyntaxVisitor& visitor) {
  TSTreeCursor cursor = ts_tree_cursor_new(start);
  std::uint32_t depth = 0;
  std::vector<TSNode> ancestors{start};  // ancestors[d] is the current node at depth d
  const auto enter = [&](TSNode node) {
    if (ancestors.size() <= depth) ancestors.resize(depth + 1);
    ancestors[depth] = node;
    const NodeContext context{depth >= 1 ? ancestors[depth - 1] : TSNode{}, depth >= 2 ? ancestors[depth - 2] : TSNode{},
                              &cursor, ts_node_symbol(node), ts_node_child_count(node) == 0};
    return visitor.Enter(node, depth, context);
  };
  bool descend = enter(start);
  while (true) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      descend = enter(ts_tree_cursor_current_node(&cursor));
      continue;
    }
    // Leave the current node, then move to its next sibling or climb until one exists.
    while (true) {
      visitor.Leave(ancestors[depth], depth);
      if (depth == 0) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        descend = enter(ts_tree_cursor_current_node(&cursor));
        break;
      }
      ts_tree_cursor_goto_parent(&cursor);
      --depth;
    }
  }
}

}  // namespace scbench::quality
