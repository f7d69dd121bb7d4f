#include "cli/rule_loading.h"

#include <iostream>

#include "quality/rules/rule_pack.h"

namespace scbench::cli {

std::optional<quality::RuleSet> LoadRuleSet(const RuleSources& sources, const char* command) {
  std::vector<quality::Rule> rules;
  std::string error;
  bool ok = !sources.builtin || quality::LoadBuiltinRules(rules, error);
  const std::size_t builtin_count = rules.size();
  for (const std::string& directory : sources.directories) {
    ok = ok && quality::LoadRulePackDirectory(directory, rules, error);
  }
  // The built-in packs are compiled and checked against their examples by the test
  // suite; a language's query is compiled when a file of it is measured. User packs are
  // checked now, so that a broken rule stops the command before any file is read.
  std::vector<const quality::Language*> user_languages;
  for (std::size_t i = builtin_count; i < rules.size(); ++i) {
    const auto running = quality::LanguagesRunning(rules[i].language);
    user_languages.insert(user_languages.end(), running.begin(), running.end());
  }
  std::optional<quality::RuleSet> set;
  if (ok) set = quality::RuleSet::Load(std::move(rules), error);
  if (set && !set->Prepare(user_languages, error)) set.reset();
  if (!set) std::cerr << "scbench " << command << ": " << error << "\n";
  return set;
}

}  // namespace scbench::cli
