#pragma once
/// A slop rule: a tree-sitter query over one language whose matches flag verbose code.
/// Rules are data (YAML rule packs under rules/), never C++.

#include <string>
#include <string_view>
#include <vector>

namespace scbench::quality {

struct Rule {
  std::string id;
  std::string language;
  std::string category;
  int severity = 2;  // 1 (style) .. 4 (serious)
  std::string message;
  /// tree-sitter query (S-expression) with captures and predicates.
  std::string query;
  /// The capture whose line span a match flags.
  std::string capture = "match";
  /// Code the rule must flag, and code it must leave alone (checked by the test suite).
  std::vector<std::string> flag_examples;
  std::vector<std::string> pass_examples;
  /// Where the rule was defined, for error messages: "rules/python/loops.yaml".
  std::string origin;
};

/// How every error about one rule reads: "rules/python/loops.yaml:12: rule 'py-range-len': what".
/// `where` is the rule's file, with a line when one is known.
inline std::string RuleError(std::string_view where, std::string_view id, std::string_view what) {
  return std::string(where) + ": rule '" + std::string(id) + "': " + std::string(what);
}

inline std::string RuleError(const Rule& rule, std::string_view what) { return RuleError(rule.origin, rule.id, what); }

}  // namespace scbench::quality
