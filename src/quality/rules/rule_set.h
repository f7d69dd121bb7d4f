#pragma once
/// The rules a command runs with, organised for matching: per language, every rule's query
/// is read into patterns (query_pattern.h), indexed by the node kinds where they start, and
/// matched by scbench's own matcher (pattern_matcher.h) at those nodes only.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/language.h"
#include "quality/measurement.h"
#include "quality/node_table.h"
#include "quality/rules/pattern_index.h"
#include "quality/rules/query_pattern.h"
#include "quality/rules/rule.h"
#include "quality/syntax_tree.h"

namespace scbench::quality {

class RuleSet {
 public:
  /// Checks the rules (unique ids, built-in languages) and reads their queries for every
  /// language they run on. Returns nullopt with `error` naming the rule's file and id and
  /// the problem (query_pattern.h). Structure errors that only tree-sitter's analysis sees
  /// are left to CheckQueryStructure (query_check.h).
  static std::optional<RuleSet> Load(std::vector<Rule> rules, std::string& error);

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  const std::vector<Rule>& rules() const { return rules_; }
  const Rule* Find(std::string_view id) const;
  /// Languages that have rules.
  std::vector<const Language*> languages() const;

  /// All hits in one parsed file, whose nodes `table` holds (filled during the shared
  /// walk), sorted by line then rule id, without duplicates. Safe to call from several
  /// threads at once.
  std::vector<RuleHit> Match(const Language& language, const NodeTable& table, std::string_view source) const;
  /// Same, for a tree not walked yet.
  std::vector<RuleHit> Match(const Language& language, const TSTree* tree, std::string_view source) const;

  /// The kinds that can start a pattern of `language`; null when it has no rules.
  const KindSet* RootsOf(const Language& language) const;
  /// The node kinds where `rule`'s patterns start; nullopt when one may start anywhere.
  std::optional<std::vector<std::string>> StartKinds(const Rule& rule) const;

 private:
  struct LanguageRules;
  RuleSet() = default;
  LanguageRules* RulesOf(const Language& language) const;
  bool AddRule(const Language& language, const Rule& rule, std::string& error);

  std::vector<Rule> rules_;
  std::vector<std::unique_ptr<LanguageRules>> languages_;
};

/// The built-in languages that a rule written for `rule_language` runs on: that language,
/// and those that share its rules (TypeScript rules also run on TSX).
std::vector<const Language*> LanguagesRunning(std::string_view rule_language);

}  // namespace scbench::quality
