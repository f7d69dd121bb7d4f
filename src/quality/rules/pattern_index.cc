#include "quality/rules/pattern_index.h"

#include <algorithm>
#include <optional>

namespace scbench::quality {
namespace {

/// Keys go at most this deep below the root: deeper literals rarely prune more.
constexpr std::size_t kMaxKeyDepth = 3;

struct LiteralKey {
  std::vector<PatternIndex::Step> path;
  const std::vector<std::string>* texts = nullptr;
};

/// A literal text that an early `#eq? @c "x"` or `#any-of? @c ...` requires of one of
/// `element`'s captures.
const std::vector<std::string>* RequiredText(const QueryPattern& pattern, const PatternElement& element) {
  for (const std::uint16_t capture : element.captures) {
    if (capture >= pattern.predicates_on_capture.size()) continue;
    for (const std::uint16_t index : pattern.predicates_on_capture[capture]) {
      const Predicate& predicate = pattern.predicates[index];
      const bool literal = predicate.kind == PredicateKind::kEq || predicate.kind == PredicateKind::kAnyOf;
      if (literal && !predicate.negated && !predicate.other_capture && !predicate.values.empty()) return &predicate.values;
    }
  }
  return nullptr;
}

/// Searches the required, field-held, kind-tested children of `element` (and theirs) for
/// one whose text a predicate fixes; `key.path` holds the steps taken so far.
bool FindKey(const QueryPattern& pattern, const PatternElement& element, LiteralKey& key) {
  if (key.path.size() == kMaxKeyDepth) return false;
  for (const PatternElement& item : element.items) {
    if (item.form != PatternElement::Form::kNode || item.optional || item.field == 0 ||
        item.test != PatternElement::Test::kKind) {
      continue;
    }
    key.path.push_back({item.field, item.symbol});
    key.texts = RequiredText(pattern, item);
    if (key.texts != nullptr || FindKey(pattern, item, key)) return true;
    key.path.pop_back();
  }
  return false;
}

/// KindBits of the kinds that every match of `element` has among its direct children.
std::uint32_t RequiredChildKinds(const PatternElement& element) {
  std::uint32_t kinds = 0;
  for (const PatternElement& item : element.items) {
    if (item.optional) continue;
    if (item.form == PatternElement::Form::kNode && item.test == PatternElement::Test::kKind) kinds |= KindBit(item.symbol);
    if (item.form == PatternElement::Form::kGroup) kinds |= RequiredChildKinds(item);  // siblings among the same children
  }
  return kinds;
}

std::optional<LiteralKey> KeyOf(const QueryPattern& pattern) {
  const PatternElement& root = pattern.root;
  if (root.form != PatternElement::Form::kNode || root.test != PatternElement::Test::kKind) return std::nullopt;
  LiteralKey key;
  if (!FindKey(pattern, root, key)) return std::nullopt;
  return key;
}

}  // namespace

PatternIndex::PatternIndex(std::size_t symbol_count) : at_symbol_(symbol_count) {
  roots_.symbols.assign(symbol_count, 0);
}

void PatternIndex::Add(std::uint32_t index, const QueryPattern& pattern) {
  const bool node_root = pattern.root.form == PatternElement::Form::kNode;
  const Candidate candidate{index, node_root ? RequiredChildKinds(pattern.root) : 0};
  if (pattern.root_symbols.empty()) {
    anywhere_.push_back(candidate);
    roots_.all = true;
    return;
  }
  const auto key = KeyOf(pattern);
  for (const TSSymbol symbol : pattern.root_symbols) {
    roots_.symbols[symbol] = 1;
    AtSymbol& at = at_symbol_[symbol];
    if (!key) {
      at.unkeyed.push_back(candidate);
      continue;
    }
    auto keyed = std::find_if(at.keyed.begin(), at.keyed.end(), [&](const Keyed& k) { return k.path == key->path; });
    if (keyed == at.keyed.end()) keyed = at.keyed.insert(at.keyed.end(), Keyed{key->path, {}});
    for (const std::string& text : *key->texts) keyed->by_text[text].push_back(candidate);
  }
}

void PatternIndex::ForEachAtPath(const NodeTable& table, std::uint32_t node, const std::vector<Step>& path,
                                 std::size_t step, FunctionRef<void(std::uint32_t)> visit) {
  if (step == path.size()) {
    visit(node);
    return;
  }
  for (std::uint32_t child = table[node].first_child; child != NodeTable::kNone; child = table[child].next_sibling) {
    if (table[child].field == path[step].field && table[child].symbol == path[step].symbol) {
      ForEachAtPath(table, child, path, step + 1, visit);
    }
  }
}

void PatternIndex::ForEachCandidate(const NodeTable& table, std::uint32_t node, std::string_view source,
                                    FunctionRef<void(std::uint32_t)> visit) const {
  const TableNode& here = table[node];
  if (here.symbol < at_symbol_.size()) {
    const AtSymbol& at = at_symbol_[here.symbol];
    for (const Candidate& candidate : at.unkeyed) {
      if (candidate.Fits(here)) visit(candidate.pattern);
    }
    for (const Keyed& keyed : at.keyed) {
      std::vector<std::uint32_t> tried;  // a field may hold several children with one text
      ForEachAtPath(table, node, keyed.path, 0, [&](std::uint32_t end) {
        const auto found = keyed.by_text.find(table.Text(end, source));
        if (found == keyed.by_text.end()) return;
        for (const Candidate& candidate : found->second) {
          if (!candidate.Fits(here) || std::find(tried.begin(), tried.end(), candidate.pattern) != tried.end()) continue;
          tried.push_back(candidate.pattern);
          visit(candidate.pattern);
        }
      });
    }
  }
  for (const Candidate& candidate : anywhere_) {
    if (candidate.Fits(here)) visit(candidate.pattern);
  }
}

}  // namespace scbench::quality
