#pragma once
/// Reading rule packs: YAML files holding rules for one category.
///
///   language: python            # default for the rules below
///   category: loops             # default for the rules below
///   rules:
///     - id: py-range-len
///       severity: 2
///       message: Iterate over the sequence (or enumerate it) instead of range(len(x)).
///       capture: match          # optional, default "match"
///       query: |
///         ((call function: (identifier) @f) @match (#eq? @f "range"))
///       examples:
///         flag: ["for i in range(len(xs)):\n    print(xs[i])\n"]
///         pass: ["for x in xs:\n    print(x)\n"]

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "quality/rules/rule.h"

namespace scbench::quality {

/// Parses one pack. On error returns false with `error` naming `origin`, the line where
/// known, the rule id and the field.
bool ParseRulePack(std::string_view yaml_text, const std::string& origin, std::vector<Rule>& rules,
                   std::string& error);

/// Loads every `*.yaml`/`*.yml` file under `directory` (sorted by path).
bool LoadRulePackDirectory(const std::filesystem::path& directory, std::vector<Rule>& rules, std::string& error);

/// The rules shipped with scbench (read from rules/ when scbench is built; see
/// builtin_rule_data.h).
std::vector<Rule> BuiltinRules();

}  // namespace scbench::quality
