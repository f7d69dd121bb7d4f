#include "quality/rules/builtin_rule_data.h"
#include "quality/rules/rule_pack.h"

namespace scbench::quality {
namespace {

std::vector<std::string> Strings(std::span<const std::string_view> views) {
  return {views.begin(), views.end()};
}

}  // namespace

std::vector<Rule> BuiltinRules() {
  std::vector<Rule> rules;
  for (const CompiledRule& compiled : CompiledBuiltinRules()) {
    rules.push_back({.id = std::string(compiled.id),
                     .language = std::string(compiled.language),
                     .category = std::string(compiled.category),
                     .severity = compiled.severity,
                     .message = std::string(compiled.message),
                     .query = std::string(compiled.query),
                     .capture = std::string(compiled.capture),
                     .flag_examples = Strings(compiled.flag_examples),
                     .pass_examples = Strings(compiled.pass_examples),
                     .origin = std::string(compiled.origin)});
  }
  return rules;
}

}  // namespace scbench::quality
