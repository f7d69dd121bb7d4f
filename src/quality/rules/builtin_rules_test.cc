// Every shipped rule must flag each of its `flag` examples and none of its `pass` examples.

#include <algorithm>
#include <gtest/gtest.h>

#include "quality/rules/query_check.h"
#include "quality/rules/rule_examples.h"
#include "quality/rules/rule_pack.h"

namespace scbench::quality {
namespace {

TEST(BuiltinRules, EveryRuleHasExamplesAndTheyBehave) {
  const std::vector<Rule> rules = BuiltinRules();
  std::string error;
  auto set = RuleSet::Load(rules, error);
  ASSERT_TRUE(set) << error;
  EXPECT_TRUE(CheckQueryStructures(set->rules(), error)) << error;
  for (const Rule& rule : set->rules()) {
    EXPECT_FALSE(rule.flag_examples.empty()) << rule.id << " has no example to flag";
    EXPECT_FALSE(rule.pass_examples.empty()) << rule.id << " has no example to leave alone";
  }
  for (const ExampleFailure& failure : CheckRuleExamples(*set)) {
    ADD_FAILURE() << failure.rule_id << " (" << failure.origin << "): " << failure.reason << "\n" << failure.example;
  }
}

TEST(BuiltinRules, PythonPackHasAtLeastSixtyRules) {
  const std::vector<Rule> rules = BuiltinRules();
  const auto python = std::count_if(rules.begin(), rules.end(), [](const Rule& r) { return r.language == "python"; });
  EXPECT_GE(python, 60);
}

}  // namespace
}  // namespace scbench::quality
