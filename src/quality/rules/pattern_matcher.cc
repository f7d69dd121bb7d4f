#include "quality/rules/pattern_matcher.h"

#include <algorithm>

namespace scbench::quality {
namespace {

bool Passes(const PatternElement& element, TSSymbol symbol, bool named) {
  switch (element.test) {
    case PatternElement::Test::kKind: return symbol == element.symbol;
    case PatternElement::Test::kAnyNamed: return named;
    case PatternElement::Test::kAnyNode: return true;
  }
  return false;
}

bool LacksFields(const PatternElement& element, TSNode node) {
  return std::all_of(element.absent_fields.begin(), element.absent_fields.end(),
                     [&](TSFieldId field) { return ts_node_is_null(ts_node_child_by_field_id(node, field)); });
}

}  // namespace

PatternMatcher::PatternMatcher(std::string_view source) : source_(source) {}

PatternMatcher::~PatternMatcher() {
  if (cursor_ready_) ts_tree_cursor_delete(&cursor_);
}

void PatternMatcher::BeginNode() { children_used_ = 0; }

const std::vector<PatternMatcher::Child>& PatternMatcher::ChildrenOf(TSNode node) {
  for (std::size_t i = 0; i < children_used_; ++i) {
    const TSNode owner = children_[i].first;
    if (ts_node_eq(owner, node) && ts_node_start_byte(owner) == ts_node_start_byte(node)) return children_[i].second;
  }
  if (children_used_ == children_.size()) children_.emplace_back();
  auto& [owner, children] = children_[children_used_++];
  owner = node;
  children.clear();
  if (cursor_ready_) {
    ts_tree_cursor_reset(&cursor_, node);
  } else {
    cursor_ = ts_tree_cursor_new(node);
    cursor_ready_ = true;
  }
  if (ts_tree_cursor_goto_first_child(&cursor_)) {
    do {
      const TSNode child = ts_tree_cursor_current_node(&cursor_);
      children.push_back({child, ts_node_symbol(child), ts_tree_cursor_current_field_id(&cursor_), ts_node_is_named(child)});
    } while (ts_tree_cursor_goto_next_sibling(&cursor_));
  }
  return children;
}

void PatternMatcher::MatchAt(const QueryPattern& pattern, TSNode node,
                             FunctionRef<void(std::span<const CapturedNode>)> on_match) {
  pattern_ = &pattern;
  on_match_ = &on_match;
  captured_.clear();
  const Child start{node, ts_node_symbol(node), 0, ts_node_is_named(node)};
  const PatternElement& root = pattern.root;
  if (root.form == PatternElement::Form::kNode) {
    MatchNode(root, start, [&] { Complete(); });
    return;
  }
  for (const PatternElement& choice : root.items) {  // an alternation
    if (choice.form == PatternElement::Form::kNode) MatchNode(choice, start, [&] { Complete(); });
  }
}

void PatternMatcher::Complete() {
  ++completions_;
  const std::span<const CapturedNode> captures(captured_);
  for (const Predicate& predicate : pattern_->predicates) {
    if (!PredicateHolds(predicate, captures, source_)) return;
  }
  (*on_match_)(captures);
}

void PatternMatcher::MatchNode(const PatternElement& element, const Child& candidate, Finish next) {
  if (!Passes(element, candidate.symbol, candidate.named) || !LacksFields(element, candidate.node)) return;
  const std::size_t captured_before = captured_.size();
  for (const std::uint16_t capture : element.captures) captured_.push_back({capture, candidate.node});
  if (element.items.empty() && !element.last_anchored) {
    next();
  } else {
    MatchSequence(element.items, 0, ChildrenOf(candidate.node), 0, element.last_anchored, [&](std::size_t) { next(); });
  }
  captured_.resize(captured_before);
}

void PatternMatcher::MatchSequence(const std::vector<PatternElement>& items, std::size_t index,
                                   const std::vector<Child>& children, std::size_t from, bool last_anchored,
                                   Continue next) {
  if (index == items.size()) {
    const bool named_after =
        std::any_of(children.begin() + static_cast<std::ptrdiff_t>(from), children.end(), [](const Child& c) { return c.named; });
    if (!last_anchored || !named_after) next(from);
    return;
  }
  const PatternElement& item = items[index];
  const std::uint64_t completions_before = completions_;
  MatchItem(item, children, from, [&](std::size_t after) {
    MatchSequence(items, index + 1, children, after, last_anchored, next);
  });
  if (item.optional && completions_ == completions_before) {
    MatchSequence(items, index + 1, children, from, last_anchored, next);
  }
}

void PatternMatcher::MatchItem(const PatternElement& item, const std::vector<Child>& children, std::size_t from,
                               Continue next) {
  switch (item.form) {
    case PatternElement::Form::kAlternation:
      for (const PatternElement& choice : item.items) MatchItem(choice, children, from, next);
      return;
    case PatternElement::Form::kGroup:
      MatchSequence(item.items, 0, children, from, item.last_anchored, next);
      return;
    case PatternElement::Form::kNode:
      for (std::size_t at = from; at < children.size(); ++at) {
        const Child& child = children[at];
        if (item.field == 0 || child.field == item.field) MatchNode(item, child, [&] { next(at + 1); });
        if (item.immediate && child.named) return;  // a named node may not be skipped
      }
      return;
  }
}

}  // namespace scbench::quality
