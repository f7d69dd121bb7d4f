#include "cli/rule_loading.h"

#include <iostream>

#include "quality/rules/rule_pack.h"

namespace scbench::cli {

std::optional<quality::RuleSet> LoadRuleSet(const RuleSources& sources, const char* command) {
  std::vector<quality::Rule> rules;
  std::string error;
  bool ok = !sources.builtin || quality::LoadBuiltinRules(rules, error);
  for (const std::string& directory : sources.directories) {
    ok = ok && quality::LoadRulePackDirectory(directory, rules, error);
  }
  std::optional<quality::RuleSet> set;
  if (ok) set = quality::RuleSet::Compile(std::move(rules), error);
  if (!set) std::cerr << "scbench " << command << ": " << error << "\n";
  return set;
}

}  // namespace scbench::cli
