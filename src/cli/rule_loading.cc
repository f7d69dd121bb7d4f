#include "cli/rule_loading.h"

#include <iostream>
#include <span>

#include "quality/rules/query_check.h"
#include "quality/rules/rule_pack.h"

namespace scbench::cli {

std::optional<quality::RuleSet> LoadRuleSet(const RuleSources& sources, const char* command) {
  std::vector<quality::Rule> rules = sources.builtin ? quality::BuiltinRules() : std::vector<quality::Rule>{};
  std::string error;
  bool ok = true;
  const std::size_t builtin_count = rules.size();
  for (const std::string& directory : sources.directories) {
    ok = ok && quality::LoadRulePackDirectory(directory, rules, error);
  }
  // Every query is read now, so that a broken rule stops the command before any file is
  // read. tree-sitter's slower structure analysis runs on user packs only: the built-in
  // ones pass it in the test suite.
  std::optional<quality::RuleSet> set;
  if (ok) set = quality::RuleSet::Load(std::move(rules), error);
  if (set && !quality::CheckQueryStructures(std::span(set->rules()).subspan(builtin_count), error)) set.reset();
  if (!set) std::cerr << "scbench " << command << ": " << error << "\n";
  return set;
}

}  // namespace scbench::cli
