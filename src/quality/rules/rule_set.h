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

/// Which node kinds can start one of a language's patterns.
struct RootFilter {
  std::vector<std::uint8_t> symbols;  // symbol -> can start a pattern
  bool any = false;                   // some pattern can start at any node
  bool Contains(TSSymbol symbol) const { return any || (symbol < symbols.size() && symbols[symbol] != 0); }
};

class RuleSet {
 public:
  /// Checks the rules (unique ids, built-in languages) without compiling their queries;
  /// Prepare compiles a language's query when it is first needed. Returns nullopt with
  /// `error` naming the rule's file and id.
  static std::optional<RuleSet> Load(std::vector<Rule> rules, std::string& error);
  /// Load, then Prepare every language: every query is validated.
  static std::optional<RuleSet> Compile(std::vector<Rule> rules, std::string& error);

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* Find(std::string_view id) const;
  /// Languages that have rules.
  std::vector<const Language*> languages() const;

  /// Compiles, in parallel, the queries of those `languages` that have rules and are not
  /// compiled yet. On a broken query (unknown node, capture or predicate, bad regex)
  /// returns false with `error` naming the rule's file and id. Safe to call from several
  /// threads; a language compiles once.
  bool Prepare(const std::vector<const Language*>& languages, std::string& error) const;

  /// All hits in one parsed file, sorted by line then rule id, without duplicates. The
  /// language must be prepared (it is compiled here otherwise, and a broken query then
  /// gives no hits). Safe to call from several threads at once. Matching starts only at
  /// nodes where a pattern can start: `roots` when given (collected by a
  /// RuleRootCollector during the shared walk), otherwise collected here.
  std::vector<RuleHit> Match(const Language& language, const TSTree* tree, std::string_view source,
                             const std::vector<TSNode>* roots = nullptr) const;

  /// The kinds that can start a pattern of `language`; null when it has no rules. The
  /// language must be prepared.
  const RootFilter* RootsOf(const Language& language) const;

 private:
  struct LanguageQuery;
  struct LanguageRules;
  friend void MarkRoots(LanguageQuery& lq, std::string_view pattern);
  RuleSet() = default;
  LanguageRules* RulesOf(const Language& language) const;
  /// The entry's query, compiled on first use; null when a rule is broken.
  const LanguageQuery* Compiled(LanguageRules& entry) const;
  /// One query for the rules at `indices`, all of `language`; null (with `error`) when a
  /// rule is broken.
  std::unique_ptr<LanguageQuery> CompileLanguage(const Language& language, const std::vector<std::size_t>& indices,
                                                 std::string& error) const;
  void CollectHits(const LanguageQuery& lq, TSQueryCursor* cursor, std::string_view source,
                   std::vector<RuleHit>& hits) const;

  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<LanguageRules>> languages_;
};

/// Collects, during the shared walk, the nodes where some rule's pattern can start.
class RuleRootCollector final : public SyntaxVisitor {
 public:
  RuleRootCollector(const RuleSet& rules, const Language& language) : filter_(rules.RootsOf(language)) {}
  bool Enter(TSNode node, std::uint32_t, NodeContext) override {
    if (filter_ != nullptr && filter_->Contains(ts_node_symbol(node))) roots.push_back(node);
    return true;
  }
  void Leave(TSNode, std::uint32_t) override {}

  std::vector<TSNode> roots;

 private:
  const RootFilter* filter_;
};

/// Applies inline suppressions: a comment `scbench: ignore[id, other-id]` (or
/// `ignore[*]`) on a hit's first line or on the line before marks the hit suppressed.
void ApplySuppressions(std::string_view source, std::vector<RuleHit>& hits);

}  // namespace scbench::quality
