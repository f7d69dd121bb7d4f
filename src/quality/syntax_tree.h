#pragma once
/// Owning wrappers around tree-sitter's parser and tree, and a depth-first walk that never
/// recurses (code nested hundreds of levels deep must not exhaust the stack).

#include <memory>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/language.h"

namespace scbench::quality {

struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using SyntaxTree = std::unique_ptr<TSTree, TreeDeleter>;

/// One parser per thread: tree-sitter parsers are not thread-safe, trees are read-only.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  /// Parses `source` as `language`; returns null only if tree-sitter gives up.
  SyntaxTree Parse(const Language& language, std::string_view source);

 private:
  TSParser* parser_;
  const TSLanguage* current_ = nullptr;
};

/// Receives enter/leave events in document order. `depth` is 0 for the root.
class SyntaxVisitor {
 public:
  virtual ~SyntaxVisitor() = default;
  /// Returns false to skip the node's children. `context` holds what the walk already
  /// knows of the node (parent, grandparent, field, kind, extent); it lives for this call.
  virtual bool Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) = 0;
  virtual void Leave(const TSNode& node, std::uint32_t depth) = 0;
  /// False for a visitor whose Leave does nothing: a VisitorGroup then skips the call.
  virtual bool NeedsLeave() const { return true; }
};

/// Feeds one walk to several visitors, so that independent analyses share one traversal.
/// Children are skipped only when every visitor asks for it.
class VisitorGroup final : public SyntaxVisitor {
 public:
  explicit VisitorGroup(std::vector<SyntaxVisitor*> visitors);
  bool Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) override;
  void Leave(const TSNode& node, std::uint32_t depth) override;

 private:
  std::vector<SyntaxVisitor*> visitors_;
  std::vector<SyntaxVisitor*> leaving_;  // those that need Leave
};

/// Visits every visible node of the tree in document order, as a TSTreeCursor would, without
/// recursion (syntax_walk.cc).
void WalkTree(const TSTree* tree, SyntaxVisitor& visitor);

}  // namespace scbench::quality
