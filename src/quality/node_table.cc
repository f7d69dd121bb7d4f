#include "quality/node_table.h"

#include <algorithm>

namespace scbench::quality {

bool NodeTable::HasChildWithField(std::uint32_t index, TSFieldId field) const {
  for (std::uint32_t child = nodes_[index].first_child; child != kNone; child = nodes_[child].next_sibling) {
    if (nodes_[child].field == field) return true;
  }
  return false;
}

void NodeTable::Reset(std::size_t expected) {
  nodes_.clear();
  nodes_.reserve(expected);
  open_.clear();
  last_child_.clear();
}

void NodeTable::Add(std::uint32_t depth, const NodeContext& context) {
  const auto index = static_cast<std::uint32_t>(nodes_.size());
  const std::uint32_t parent = depth == 0 ? kNone : open_[depth - 1];
  if (parent != kNone) {
    nodes_[parent].child_kinds |= KindBit(context.symbol);
    std::uint32_t& previous = last_child_[depth - 1];
    (previous == kNone ? nodes_[parent].first_child : nodes_[previous].next_sibling) = index;
    previous = index;
  }
  if (open_.size() <= depth) {
    open_.resize(depth + 1);
    last_child_.resize(depth + 1);
  }
  open_[depth] = index;
  last_child_[depth] = kNone;
  nodes_.push_back(
      {context.symbol, context.field, context.named, parent, kNone, kNone, context.start_byte, context.end_byte, 0});
}

bool NodeTableBuilder::Enter(const TSNode&, std::uint32_t depth, const NodeContext& context) {
  table_.Add(depth, context);
  return true;
}

LineOfByte::LineOfByte(std::string_view text) {
  line_starts_.push_back(0);
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    line_starts_.push_back(static_cast<std::uint32_t>(at + 1));
  }
}

int LineOfByte::operator()(std::uint32_t byte) const {
  return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), byte) - line_starts_.begin());
}

void BuildNodeTable(const TSTree* tree, NodeTable& table) {
  table.Reset(0);
  NodeTableBuilder builder(table);
  WalkTree(tree, builder);
}

}  // namespace scbench::quality
