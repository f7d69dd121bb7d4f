#include "quality/rules/rule_examples.h"

#include <algorithm>

#include "quality/syntax_tree.h"

namespace scbench::quality {
namespace {

std::vector<RuleHit> HitsOf(const RuleSet& rules, const Rule& rule, const Language& language,
                            const std::string& example, Parser& parser) {
  const SyntaxTree tree = parser.Parse(language, example);
  std::vector<RuleHit> hits = rules.Match(language, tree.get(), example);
  std::erase_if(hits, [&](const RuleHit& hit) { return hit.rule_id != rule.id; });
  return hits;
}

/// Checks `rule`'s examples parsed as `language`.
void CheckExamples(const RuleSet& rules, const Rule& rule, const Language& language, Parser& parser,
                   std::vector<ExampleFailure>& failures) {
  // A rule shared with another language (TypeScript's with TSX) must hold there too.
  const std::string as = language.name() == rule.language ? "" : " (as " + std::string(language.name()) + ")";
  for (const std::string& example : rule.flag_examples) {
    if (HitsOf(rules, rule, language, example, parser).empty()) {
      failures.push_back({rule.id, rule.origin, "did not flag this example" + as, example});
    }
  }
  for (const std::string& example : rule.pass_examples) {
    const auto hits = HitsOf(rules, rule, language, example, parser);
    if (!hits.empty()) {
      failures.push_back({rule.id, rule.origin,
                          "flagged this pass example at line " + std::to_string(hits.front().start_line) + as, example});
    }
  }
}

}  // namespace

std::vector<ExampleFailure> CheckRuleExamples(const RuleSet& rules) {
  std::vector<ExampleFailure> failures;
  Parser parser;
  for (const Rule& rule : rules.rules()) {
    for (const Language* language : LanguagesRunning(rule.language)) CheckExamples(rules, rule, *language, parser, failures);
  }
  return failures;
}

}  // namespace scbench::quality
