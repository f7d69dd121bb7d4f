#include "quality/rules/pattern_matcher.h"

#include <algorithm>

namespace scbench::quality {
namespace {

bool Passes(const PatternElement& element, const TableNode& node) {
  switch (element.test) {
    case PatternElement::Test::kKind: return node.symbol == element.symbol;
    case PatternElement::Test::kAnyNamed: return node.named;
    case PatternElement::Test::kAnyNode: return true;
  }
  return false;
}

}  // namespace

void PatternMatcher::MatchAt(const QueryPattern& pattern, std::uint32_t node,
                             FunctionRef<void(std::span<const CapturedNode>)> on_match) {
  pattern_ = &pattern;
  on_match_ = on_match;
  captured_.clear();
  const PatternElement& root = pattern.root;
  if (root.form == PatternElement::Form::kNode) {
    MatchNode(root, node, [&] { Complete(); });
  } else {
    for (const PatternElement& choice : root.items) {  // an alternation
      if (choice.form == PatternElement::Form::kNode) MatchNode(choice, node, [&] { Complete(); });
    }
  }
  on_match_.reset();
}

void PatternMatcher::Complete() {
  ++completions_;
  const std::span<const CapturedNode> captures(captured_);
  for (std::size_t i = 0; i < pattern_->predicates.size(); ++i) {
    if (!pattern_->checked_on_capture[i] && !PredicateHolds(pattern_->predicates[i], captures, table_, source_)) return;
  }
  (*on_match_)(captures);
}

bool PatternMatcher::EarlyPredicatesHold(const PatternElement& element) const {
  for (const std::uint16_t capture : element.captures) {
    if (capture >= pattern_->predicates_on_capture.size()) continue;
    for (const std::uint16_t index : pattern_->predicates_on_capture[capture]) {
      if (!PredicateHolds(pattern_->predicates[index], captured_, table_, source_)) return false;
    }
  }
  return true;
}

void PatternMatcher::MatchNode(const PatternElement& element, std::uint32_t node, Finish next) {
  if (!Passes(element, table_[node])) return;
  for (const TSFieldId field : element.absent_fields) {
    if (table_.HasChildWithField(node, field)) return;
  }
  const std::size_t captured_before = captured_.size();
  for (const std::uint16_t capture : element.captures) captured_.push_back({capture, node});
  if (EarlyPredicatesHold(element)) {
    if (element.items.empty() && !element.last_anchored) {
      next();
    } else {
      MatchSequence(element.items, 0, table_[node].first_child, element.last_anchored, [&](std::uint32_t) { next(); });
    }
  }
  captured_.resize(captured_before);
}

std::uint32_t PatternMatcher::LastCandidate(std::uint32_t from) {
  if (from == NodeTable::kNone) return from;
  const std::uint32_t parent = table_[from].parent;
  if (parent != last_named_parent_) {
    last_named_parent_ = parent;
    last_named_child_ = NodeTable::kNone;
    for (std::uint32_t child = table_[parent].first_child; child != NodeTable::kNone;
         child = table_[child].next_sibling) {
      if (table_[child].named) last_named_child_ = child;
    }
  }
  // Siblings are numbered in document order.
  return last_named_child_ != NodeTable::kNone && last_named_child_ >= from ? last_named_child_ : from;
}

bool PatternMatcher::NamedFrom(std::uint32_t sibling) const {
  for (; sibling != NodeTable::kNone; sibling = table_[sibling].next_sibling) {
    if (table_[sibling].named) return true;
  }
  return false;
}

void PatternMatcher::MatchSequence(const std::vector<PatternElement>& items, std::size_t index, std::uint32_t from,
                                   bool last_anchored, Continue next) {
  if (index == items.size()) {
    if (!last_anchored || !NamedFrom(from)) next(from);
    return;
  }
  const PatternElement& item = items[index];
  const std::uint64_t completions_before = completions_;
  // The last element before a closing anchor can only be the last named sibling or an
  // anonymous one after it: `(block (_) (return_statement) .)` must not try every statement
  // as the return for every statement before it.
  const bool ends_anchored = last_anchored && index + 1 == items.size();
  const bool one_node = item.form == PatternElement::Form::kNode && !item.immediate;
  const std::uint32_t start = ends_anchored && one_node ? LastCandidate(from) : from;
  MatchItem(item, start, [&](std::uint32_t after) { MatchSequence(items, index + 1, after, last_anchored, next); });
  if (item.optional && completions_ == completions_before) MatchSequence(items, index + 1, from, last_anchored, next);
}

void PatternMatcher::MatchItem(const PatternElement& item, std::uint32_t from, Continue next) {
  switch (item.form) {
    case PatternElement::Form::kAlternation:
      for (const PatternElement& choice : item.items) MatchItem(choice, from, next);
      return;
    case PatternElement::Form::kGroup:
      MatchSequence(item.items, 0, from, item.last_anchored, next);
      return;
    case PatternElement::Form::kNode:
      for (std::uint32_t at = from; at != NodeTable::kNone; at = table_[at].next_sibling) {
        const TableNode& child = table_[at];
        if (item.field == 0 || child.field == item.field) MatchNode(item, at, [&] { next(child.next_sibling); });
        if (item.immediate && child.named) return;  // a named node may not be skipped
      }
      return;
  }
}

}  // namespace scbench::quality
