#pragma once
/// The nodes of one parsed file in document order, with their parent, first child, next
/// sibling and field, recorded during the shared walk. The rule matcher reads the tree
/// from here: it jumps between siblings and back to parents, which a walk in document
/// order (or a tree-sitter cursor, climbing through hidden nodes) does not do cheaply.

#include <cstdint>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/syntax_tree.h"

namespace scbench::quality {

struct TableNode {
  TSSymbol symbol = 0;
  TSFieldId field = 0;  // the field it holds in its parent (0: none)
  bool named = false;
  std::uint32_t parent = 0;
  std::uint32_t first_child = 0;
  std::uint32_t next_sibling = 0;
  std::uint32_t start_byte = 0;
  std::uint32_t end_byte = 0;  // lines are found from bytes when needed (LineOfByte)
  /// KindBit of each of its children's kinds, OR-ed: lets a pattern that needs a child of
  /// some kind be passed over in one test where that kind is surely absent.
  std::uint32_t child_kinds = 0;
};

/// A kind's bit in TableNode::child_kinds (kinds share bits, so a set bit proves nothing).
constexpr std::uint32_t KindBit(TSSymbol symbol) { return std::uint32_t{1} << (symbol % 32); }

/// Some node kinds of one grammar, or all of them: where patterns can start.
struct KindSet {
  std::vector<std::uint8_t> symbols;  // symbol -> in the set
  bool all = false;
  bool Contains(TSSymbol symbol) const { return all || (symbol < symbols.size() && symbols[symbol] != 0); }
};

class NodeTable {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  const TableNode& operator[](std::uint32_t index) const { return nodes_[index]; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(nodes_.size()); }
  std::string_view Text(std::uint32_t index, std::string_view source) const {
    return source.substr(nodes_[index].start_byte, nodes_[index].end_byte - nodes_[index].start_byte);
  }
  /// Whether some child of `index` holds `field`.
  bool HasChildWithField(std::uint32_t index, TSFieldId field) const;

  /// Clears the table and reserves room for about `expected` nodes. Its memory is kept, so
  /// that one table can serve a worker's files one after the other without fresh pages.
  void Reset(std::size_t expected);
  /// Appends the node entered at `depth` of a walk in document order, as `context` describes it.
  void Add(std::uint32_t depth, const NodeContext& context);

 private:
  std::vector<TableNode> nodes_;
  std::vector<std::uint32_t> open_;        // open_[d]: the node entered last at depth d
  std::vector<std::uint32_t> last_child_;  // last_child_[d]: the last child added under open_[d]
};

/// Fills a NodeTable during the shared walk.
class NodeTableBuilder final : public SyntaxVisitor {
 public:
  explicit NodeTableBuilder(NodeTable& table) : table_(table) {}
  bool Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) override;
  void Leave(const TSNode&, std::uint32_t) override {}
  bool NeedsLeave() const override { return false; }

 private:
  NodeTable& table_;
};

/// The table of a whole tree, from a walk of its own (for callers outside the shared walk).
void BuildNodeTable(const TSTree* tree, NodeTable& table);

/// 1-based line numbers of byte offsets in one text, by binary search over its line starts.
class LineOfByte {
 public:
  explicit LineOfByte(std::string_view text);
  int operator()(std::uint32_t byte) const;

 private:
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace scbench::quality
