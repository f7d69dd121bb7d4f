#pragma once
/// Rules compiled for matching: per language, all rules' patterns go into one tree-sitter
/// query so that a file is matched in a single pass. Predicates (#eq?, #not-eq?, #match?,
/// #not-match?, #any-of?, #not-any-of?) are evaluated here; regular expressions use RE2.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/language.h"
#include "quality/measurement.h"
#include "quality/rules/rule.h"
#include "quality/syntax_tree.h"

namespace scbench::quality {

class RuleSet {
 public:
  /// Validates and compiles `rules`. On error (unknown language, duplicate id, broken
  /// query, unknown capture or predicate, bad regex) returns nullopt with `error` naming
  /// the rule's file and id.
  static std::optional<RuleSet> Compile(std::vector<Rule> rules, std::string& error);

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* Find(std::string_view id) const;

  /// All hits in one parsed file, sorted by line then rule id, without duplicates.
  /// Safe to call from several threads at once. With `roots` (collected by a
  /// RuleRootCollector during the shared walk) matching starts only at those nodes
  /// instead of traversing the tree a second time.
  std::vector<RuleHit> Match(const Language& language, const TSTree* tree, std::string_view source,
                             const std::vector<TSNode>* roots = nullptr) const;

  /// Whether a node of this kind can start a match (true for every kind when some pattern
  /// starts with a wildcard).
  bool CanStartMatch(const Language& language, TSSymbol symbol) const;

 private:
  struct LanguageQuery;
  friend void MarkRoots(LanguageQuery& lq, std::string_view pattern);
  RuleSet() = default;
  /// One query for the rules at `indices`, all of `language`; null (with `error`) when a
  /// rule is broken.
  std::unique_ptr<LanguageQuery> CompileLanguage(const Language& language, const std::vector<std::size_t>& indices,
                                                 std::string& error) const;
  void CollectHits(const LanguageQuery& lq, TSQueryCursor* cursor, std::string_view source,
                   std::vector<RuleHit>& hits) const;

  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<LanguageQuery>> queries_;
};

/// Collects, during the shared walk, the nodes where some rule's pattern can start.
class RuleRootCollector final : public SyntaxVisitor {
 public:
  RuleRootCollector(const RuleSet& rules, const Language& language) : rules_(rules), language_(language) {}
  bool Enter(TSNode node, std::uint32_t, NodeContext) override {
    if (rules_.CanStartMatch(language_, ts_node_symbol(node))) roots.push_back(node);
    return true;
  }
  void Leave(TSNode, std::uint32_t) override {}

  std::vector<TSNode> roots;

 private:
  const RuleSet& rules_;
  const Language& language_;
};

/// Kinds a pattern's root can have, read from its text: `((call ...) @m)` -> {"call"},
/// `[(a) (b)]` -> {"a", "b"}; nullopt for a wildcard or anything unusual.
std::optional<std::vector<std::string>> PatternRootKinds(std::string_view pattern);

/// Applies inline suppressions: a comment `scbench: ignore[id, other-id]` (or
/// `ignore[*]`) on a hit's first line or on the line before marks the hit suppressed.
void ApplySuppressions(std::string_view source, std::vector<RuleHit>& hits);

}  // namespace scbench::quality
