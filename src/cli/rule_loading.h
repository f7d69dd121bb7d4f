#pragma once
/// Loading the rule set a command runs with: the built-in packs (unless disabled) plus
/// user packs from --rules directories.

#include <optional>
#include <string>
#include <vector>

#include "quality/rules/rule_set.h"

namespace scbench::cli {

struct RuleSources {
  std::vector<std::string> directories;
  bool builtin = true;
};

/// Prints the error (naming file and rule) to stderr and returns nullopt on failure.
std::optional<quality::RuleSet> LoadRuleSet(const RuleSources& sources, const char* command);

}  // namespace scbench::cli
