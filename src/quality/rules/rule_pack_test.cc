#include "quality/rules/rule_pack.h"

#include <gtest/gtest.h>

#include <filesystem>

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

// The rules compiled in at build time are the packs under rules/ as the reader reads them
// now, to the byte: the generated C++ literals lose nothing, and a stale build would show.
TEST(RulePack, CompiledRulesAreThePacksUnderRules) {
  const std::filesystem::path rules_dir = std::filesystem::path(SCBENCH_SOURCE_DIR) / "rules";
  std::vector<Rule> read;
  std::string error;
  ASSERT_TRUE(LoadRulePackDirectory(rules_dir, read, error)) << error;
  const std::vector<Rule> compiled = BuiltinRules();
  ASSERT_EQ(compiled.size(), read.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    const Rule& a = compiled[i];
    const Rule& b = read[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.language, b.language) << a.id;
    EXPECT_EQ(a.category, b.category) << a.id;
    EXPECT_EQ(a.severity, b.severity) << a.id;
    EXPECT_EQ(a.message, b.message) << a.id;
    EXPECT_EQ(a.query, b.query) << a.id;
    EXPECT_EQ(a.capture, b.capture) << a.id;
    EXPECT_EQ(a.flag_examples, b.flag_examples) << a.id;
    EXPECT_EQ(a.pass_examples, b.pass_examples) << a.id;
    EXPECT_EQ(a.origin, "rules/" + std::filesystem::relative(b.origin, rules_dir).generic_string()) << a.id;
  }
}

}  // namespace
}  // namespace scbench::quality
