#pragma once
/// The rules a command runs with, organised for matching: per language, the rules'
/// patterns are compiled into a few tree-sitter queries (one per worker for big packs, so
/// that start-up compiles in parallel), each matched only at the node kinds where its
/// patterns can start.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/language.h"
#include "quality/measurement.h"
#include "quality/rules/rule.h"
#include "quality/rules/rule_query.h"
#include "quality/syntax_tree.h"

namespace scbench::quality {

class RuleSet {
 public:
  /// Checks the rules (unique ids, built-in languages) without compiling their queries;
  /// Prepare compiles a language's queries when they are first needed. Returns nullopt
  /// with `error` naming the rule's file and id.
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
  /// returns false with `error` naming the rule's file and id; the failure is kept.
  /// Safe to call from several threads; each query compiles once.
  bool Prepare(const std::vector<const Language*>& languages, std::string& error) const;

  /// All hits in one parsed file, sorted by line then rule id, without duplicates. The
  /// language should be prepared (it is compiled here otherwise, and a broken query then
  /// gives no hits). Safe to call from several threads at once. Matching starts only at
  /// nodes where a pattern can start: `roots` when given (collected by a
  /// RuleRootCollector during the shared walk), otherwise collected here.
  std::vector<RuleHit> Match(const Language& language, const TSTree* tree, std::string_view source,
                             const std::vector<TSNode>* roots = nullptr) const;

  /// The kinds that can start a pattern of `language`; null when it has no rules (or a
  /// broken one).
  const RootFilter* RootsOf(const Language& language) const;

 private:
  struct QueryChunk;
  struct LanguageRules;
  RuleSet() = default;
  LanguageRules* RulesOf(const Language& language) const;
  void AddRule(const Language& language, const Rule& rule);
  /// The language's queries, compiled on first use; null when a rule is broken.
  const LanguageRules* Compiled(LanguageRules& entry) const;

  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<LanguageRules>> languages_;
};

/// The built-in languages that a rule written for `rule_language` runs on: that language,
/// and those that share its rules (TypeScript rules also run on TSX).
std::vector<const Language*> LanguagesRunning(std::string_view rule_language);

/// Splits one language's `rules` into at most `count` queries of similar size. Rules whose
/// patterns can start at a common node kind (directly or through other rules) go to the
/// same query, so that a node is matched by one query only; rules that may start anywhere
/// go together.
std::vector<std::vector<const Rule*>> SplitIntoQueries(const std::vector<const Rule*>& rules, std::size_t count);

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

}  // namespace scbench::quality
