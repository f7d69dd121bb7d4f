#include "cli/rules_command.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iostream>
#include <map>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/rule_loading.h"
#include "quality/rules/query_check.h"
#include "quality/rules/rule_examples.h"

namespace scbench::cli {
namespace {

struct RulesFlags {
  RuleSources sources;
  bool no_builtin = false;
  std::string language;
  std::string id;
};

std::optional<quality::RuleSet> Load(RulesFlags& flags, const char* command) {
  flags.sources.builtin = !flags.no_builtin;
  return LoadRuleSet(flags.sources, command);
}

int ListRules(RulesFlags& flags) {
  const auto set = Load(flags, "rules list");
  if (!set) return kExitUsageOrIo;
  std::map<std::pair<std::string, std::string>, int> per_category;
  for (const quality::Rule& rule : set->rules()) {
    if (!flags.language.empty() && rule.language != flags.language) continue;
    fmt::print("{:<36} {:<8} {:<28} {}  {}\n", rule.id, rule.language, rule.category, rule.severity, rule.message);
    ++per_category[{rule.language, rule.category}];
  }
  fmt::print("\n");
  for (const auto& [key, count] : per_category) fmt::print("{:>4}  {} / {}\n", count, key.first, key.second);
  return kExitOk;
}

std::string LanguageNames(const std::vector<const quality::Language*>& languages) {
  std::vector<std::string_view> names;
  for (const quality::Language* language : languages) names.push_back(language->name());
  return fmt::format("{}", fmt::join(names, ", "));
}

int ShowRule(RulesFlags& flags) {
  const auto set = Load(flags, "rules show");
  if (!set) return kExitUsageOrIo;
  const quality::Rule* rule = set->Find(flags.id);
  if (rule == nullptr) {
    std::cerr << "scbench rules show: no rule '" << flags.id << "' (see `scbench rules list`)\n";
    return kExitUsageOrIo;
  }
  fmt::print("id:       {}\nlanguage: {}\ncategory: {}\nseverity: {}\ndefined:  {}\nmessage:  {}\n", rule->id,
             rule->language, rule->category, rule->severity, rule->origin, rule->message);
  const auto roots = set->StartKinds(*rule);
  fmt::print("runs on:  {}\n", LanguageNames(quality::LanguagesRunning(rule->language)));
  fmt::print("starts:   {}\n", roots ? "at " + fmt::format("{}", fmt::join(*roots, ", ")) + " nodes only"
                                       : std::string("anywhere (tried at every node)"));
  fmt::print("flags capture @{} of:\n{}\n", rule->capture, rule->query);
  for (const auto& example : rule->flag_examples) fmt::print("--- flagged example:\n{}\n", example);
  for (const auto& example : rule->pass_examples) fmt::print("--- not flagged:\n{}\n", example);
  return kExitOk;
}

int TestRules(RulesFlags& flags) {
  const auto set = Load(flags, "rules test");
  if (!set) return kExitUsageOrIo;
  std::string error;
  if (!quality::CheckQueryStructures(set->rules(), error)) {  // built-in ones included
    std::cerr << "scbench rules test: " << error << "\n";
    return kExitUsageOrIo;
  }
  const auto failures = quality::CheckRuleExamples(*set);
  for (const auto& failure : failures) {
    fmt::print("FAIL {} ({}): {}\n{}\n", failure.rule_id, failure.origin, failure.reason, failure.example);
  }
  std::size_t examples = 0;
  for (const auto& rule : set->rules()) examples += rule.flag_examples.size() + rule.pass_examples.size();
  fmt::print("{} rules, {} examples: {} passed, {} failed\n", set->rules().size(), examples,
             examples - failures.size(), failures.size());
  return failures.empty() ? kExitOk : kExitGateFailed;
}

void AddSourceFlags(CLI::App* command, RulesFlags& flags) {
  command->add_option("--rules", flags.sources.directories, "Also load the rule packs in DIR (repeatable)");
  command->add_flag("--no-builtin", flags.no_builtin, "Leave out the rule packs shipped with scbench");
}

}  // namespace

void AddRulesCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<RulesFlags>();
  CLI::App* rules = app.add_subcommand("rules", "List, show and test slop rules");
  rules->require_subcommand(1);

  CLI::App* list = rules->add_subcommand("list", "List every rule");
  AddSourceFlags(list, *flags);
  list->add_option("--language", flags->language, "Only rules for this language");
  list->callback([flags, &exit_code] { exit_code = ListRules(*flags); });

  CLI::App* show = rules->add_subcommand("show", "Show one rule with its query and examples");
  AddSourceFlags(show, *flags);
  show->add_option("id", flags->id, "Rule id")->required();
  show->callback([flags, &exit_code] { exit_code = ShowRule(*flags); });

  CLI::App* test = rules->add_subcommand("test", "Check every rule against its own examples");
  AddSourceFlags(test, *flags);
  test->callback([flags, &exit_code] { exit_code = TestRules(*flags); });
}

}  // namespace scbench::cli
