#include "quality/rules/rule_pack.h"

#include <gtest/gtest.h>

namespace scbench::quality {
namespace {

TEST(RulePack, ReadsDefaultsAndPerRuleOverrides) {
  std::vector<Rule> rules;
  std::string error;
  ASSERT_TRUE(ParseRulePack(R"(
language: python
category: loops
rules:
  - id: a
    message: m
    query: "(call) @match"
    examples:
      flag: ["f()\n"]
      pass: ["x = 1\n"]
  - id: b
    category: other
    severity: 4
    capture: c
    message: m2
    query: "(call) @c"
)", "pack.yaml", rules, error)) << error;
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].category, "loops");
  EXPECT_EQ(rules[0].severity, 2);
  EXPECT_EQ(rules[0].flag_examples, std::vector<std::string>{"f()\n"});
  EXPECT_EQ(rules[1].category, "other");
  EXPECT_EQ(rules[1].capture, "c");
  EXPECT_EQ(rules[1].origin, "pack.yaml");
}

TEST(RulePack, ErrorsNameFileLineRuleAndField) {
  std::vector<Rule> rules;
  std::string error;
  EXPECT_FALSE(ParseRulePack("rules: [\n  {id: x, message: m\n", "broken.yaml", rules, error));
  EXPECT_NE(error.find("broken.yaml:"), std::string::npos) << error;
  EXPECT_NE(error.find("not valid YAML"), std::string::npos) << error;

  EXPECT_FALSE(ParseRulePack("language: python\nrules:\n  - id: r1\n    query: '(call) @match'\n", "p.yaml", rules, error));
  EXPECT_NE(error.find("p.yaml:3: rule 'r1': field 'message'"), std::string::npos) << error;

  EXPECT_FALSE(ParseRulePack("language: python\nrules:\n  - id: r2\n    message: m\n    severity: 9\n    query: q\n",
                             "p.yaml", rules, error));
  EXPECT_NE(error.find("severity"), std::string::npos) << error;

  EXPECT_FALSE(ParseRulePack("just a string\n", "s.yaml", rules, error));
  EXPECT_NE(error.find("s.yaml: a rule pack is a mapping"), std::string::npos) << error;
}

TEST(RulePack, BuiltinPacksLoad) {
  std::vector<Rule> rules;
  std::string error;
  ASSERT_TRUE(LoadBuiltinRules(rules, error)) << error;
  EXPECT_FALSE(rules.empty());
  for (const Rule& rule : rules) EXPECT_EQ(rule.origin.rfind("rules/", 0), 0u) << rule.origin;
}

}  // namespace
}  // namespace scbench::quality
