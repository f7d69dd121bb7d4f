// WalkTree, reading tree-sitter's subtrees directly instead of moving a TSTreeCursor.
//
// Why: the cursor rebuilds a child iterator at every step and climbs back through hidden
// nodes (Python's statement lists are chains of hidden repeat nodes) to find a sibling;
// that was 10-13% of a whole `scbench measure`. This walk keeps one iterator per open node
// and visits each child once.
//
// The price: it reads tree-sitter's private headers (subtree.h, tree.h, language.h), whose
// layout may change between versions. package-lock.json pins the version, and
// syntax_walk_test.cc checks this walk against a TSTreeCursor walk, node by node and field
// by field, in every built-in language: an upgrade that breaks it fails there.

#include <vector>

#include "quality/syntax_tree.h"

// Spelled with their directory: a plain "language.h" would be quality/language.h.
extern "C" {
#include "src/language.h"
#include "src/subtree.h"
#include "src/tree.h"
}

namespace scbench::quality {
namespace {

/// A node whose children are being visited.
struct OpenNode {
  Subtree subtree;
  const TSSymbol* aliases;  // its production's aliases, indexed by structural child
  Length next_position;     // where its next child starts
  std::uint32_t next_child = 0;
  std::uint32_t next_structural_child = 0;  // children that are not extras
  /// A hidden node passes the field it holds on to its children (`body: $._suite`).
  TSFieldId field_for_children = 0;
  bool visible;
  std::uint32_t depth;  // of a visible node; for a hidden one, the depth of its children
  TSNode node;          // a visible node, for Leave
};

/// The field `parent`'s production gives its structural child `index`, or 0.
TSFieldId FieldOfChild(const TSLanguage* language, Subtree parent, std::uint32_t index) {
  const TSFieldMapEntry* entry = nullptr;
  const TSFieldMapEntry* end = nullptr;
  ts_language_field_map(language, parent.ptr->production_id, &entry, &end);
  for (; entry < end; ++entry) {
    if (!entry->inherited && entry->child_index == index) return entry->field_id;
  }
  return 0;
}

/// Where `node` starts, from the fields ts_node_new() filled in (ts_node_start_byte() and
/// ts_node_start_point() read the same).
Length StartOf(TSNode node) { return {node.context[0], {node.context[1], node.context[2]}}; }

class SubtreeWalk {
 public:
  SubtreeWalk(const TSTree* tree, SyntaxVisitor& visitor) : tree_(tree), visitor_(visitor) {}

  void Run() {
    const TSNode root = ts_tree_root_node(tree_);
    Visit(root, &tree_->root, 0, 0);
    while (!open_.empty()) Step();
  }

 private:
  /// Enters a visible node; opens it when the visitors want its children.
  void Visit(TSNode node, const Subtree* subtree, std::uint32_t depth, TSFieldId field) {
    if (ancestors_.size() <= depth) ancestors_.resize(depth + 1);
    ancestors_[depth] = node;
    const Length start = StartOf(node);
    const Length end = length_add(start, ts_subtree_size(*subtree));
    const TSSymbol alias = static_cast<TSSymbol>(node.context[3]);
    const NodeContext context{depth >= 1 ? ancestors_[depth - 1] : TSNode{},
                              depth >= 2 ? ancestors_[depth - 2] : TSNode{},
                              field,
                              PublicSymbol(alias != 0 ? alias : ts_subtree_symbol(*subtree)),
                              alias != 0 ? ts_language_symbol_metadata(tree_->language, alias).named
                                         : ts_subtree_named(*subtree),
                              ts_subtree_visible_child_count(*subtree) == 0,
                              start.bytes,
                              end.bytes,
                              start.extent.row,
                              end.extent.row};
    if (visitor_.Enter(node, depth, context) && !context.leaf) {
      Open(*subtree, true, depth, node, 0);
    } else {
      visitor_.Leave(node, depth);
    }
  }

  /// What ts_node_symbol() returns, from what the walk already holds (that call was a
  /// call into the library and a second read of the node for every node).
  TSSymbol PublicSymbol(TSSymbol symbol) const {
    return symbol == ts_builtin_sym_error ? symbol : tree_->language->public_symbol_map[symbol];
  }

  void Open(Subtree subtree, bool visible, std::uint32_t depth, TSNode node, TSFieldId field_for_children) {
    open_.push_back({subtree, ts_language_alias_sequence(tree_->language, subtree.ptr->production_id), StartOf(node), 0, 0,
                     field_for_children, visible, depth, node});
  }

  /// Visits the next child of the innermost open node, or closes it.
  void Step() {
    OpenNode& parent = open_.back();
    const std::uint32_t count = ts_subtree_child_count(parent.subtree);
    if (parent.next_child == count) {
      if (parent.visible) visitor_.Leave(parent.node, parent.depth);
      open_.pop_back();
      return;
    }
    const Subtree* children = ts_subtree_children(parent.subtree);
    const Subtree* child = &children[parent.next_child];
    const Length position = parent.next_position;
    TSSymbol alias = 0;
    TSFieldId field = 0;
    const bool extra = ts_subtree_extra(*child);
    if (!extra) {
      if (parent.aliases != nullptr) alias = parent.aliases[parent.next_structural_child];
      field = FieldOfChild(tree_->language, parent.subtree, parent.next_structural_child);
      if (field == 0 && !parent.visible) field = parent.field_for_children;
      ++parent.next_structural_child;
    }
    parent.next_position = length_add(position, ts_subtree_size(*child));
    if (++parent.next_child < count) {
      parent.next_position = length_add(parent.next_position, ts_subtree_padding(children[parent.next_child]));
    }
    const std::uint32_t depth = parent.visible ? parent.depth + 1 : parent.depth;
    // `parent` is not used below: opening a node may move the stack.
    const TSNode node = ts_node_new(tree_, child, position, alias);
    if (ts_subtree_visible(*child) || alias != 0) {
      Visit(node, child, depth, field);
    } else if (ts_subtree_visible_child_count(*child) > 0) {
      Open(*child, false, depth, node, field);
    }
  }

  const TSTree* tree_;
  SyntaxVisitor& visitor_;
  std::vector<OpenNode> open_;
  std::vector<TSNode> ancestors_;  // ancestors_[d]: the visible node entered last at depth d
};

}  // namespace

void WalkTree(const TSTree* tree, SyntaxVisitor& visitor) { SubtreeWalk(tree, visitor).Run(); }

}  // namespace scbench::quality
