#include "quality/rules/rule_set.h"
#include "quality/rules/suppression.h"

#include <gtest/gtest.h>

#include "quality/syntax_tree.h"

namespace scbench::quality {
namespace {

Rule MakeRule(std::string id, std::string query, std::string capture = "match") {
  Rule rule;
  rule.id = std::move(id);
  rule.language = "python";
  rule.message = "m";
  rule.query = std::move(query);
  rule.capture = std::move(capture);
  rule.origin = "test.yaml";
  return rule;
}

std::vector<RuleHit> HitsIn(const RuleSet& set, std::string_view source) {
  Parser parser;
  const Language& python = *LanguageByName("python");
  const SyntaxTree tree = parser.Parse(python, source);
  auto hits = set.Match(python, tree.get(), source);
  ApplySuppressions(source, hits);
  return hits;
}

TEST(RuleSet, PredicatesFilterMatchesAndRulesShareOneQuery) {
  std::string error;
  auto set = RuleSet::Load(
      {MakeRule("eq", R"(((call function: (identifier) @f) @match (#eq? @f "len")))"),
       MakeRule("match", R"(((call function: (identifier) @f) @match (#match? @f "^print")))"),
       MakeRule("any", R"(((call function: (identifier) @f) @match (#any-of? @f "int" "str")))"),
       MakeRule("not", R"(((call function: (identifier) @f) @match (#not-eq? @f "len")))"),
       MakeRule("same", R"(((comparison_operator (identifier) @a (identifier) @b) @match (#eq? @a @b)))")},
      error);
  ASSERT_TRUE(set) << error;
  const auto hits = HitsIn(*set, "len(x)\nprintx(1)\nstr(2)\nif a == a:\n    pass\n");
  std::vector<std::string> seen;
  for (const auto& hit : hits) seen.push_back(hit.rule_id + "@" + std::to_string(hit.start_line));
  EXPECT_EQ(seen, (std::vector<std::string>{"eq@1", "match@2", "not@2", "any@3", "not@3", "same@4"}));
}

TEST(RuleSet, ParentAndAncestorPredicatesLookAtTheKindsAbove) {
  std::string error;
  auto set = RuleSet::Load(
      {MakeRule("in-call", R"(((integer) @match (#has-parent? @match "argument_list")))"),
       MakeRule("not-in-call", R"(((integer) @match (#not-has-parent? @match "argument_list" "list")))"),
       MakeRule("in-def", R"(((integer) @match (#has-ancestor? @match "function_definition")))"),
       MakeRule("top", R"(((integer) @match (#not-has-ancestor? @match "function_definition" "class_definition")))")},
      error);
  ASSERT_TRUE(set) << error;
  const auto hits = HitsIn(*set, "f(1)\nx = 2\ny = [3]\ndef g():\n    return 4\n");
  std::vector<std::pair<int, std::string>> got;
  for (const RuleHit& hit : hits) got.emplace_back(hit.start_line, hit.rule_id);
  EXPECT_EQ(got, (std::vector<std::pair<int, std::string>>{
                     {1, "in-call"}, {1, "top"}, {2, "not-in-call"}, {2, "top"}, {3, "top"}, {5, "in-def"}, {5, "not-in-call"}}));
}

TEST(RuleSet, FlagsTheNamedCaptureSpan) {
  std::string error;
  auto set = RuleSet::Load({MakeRule("body", "(function_definition body: (block) @body)", "body")}, error);
  ASSERT_TRUE(set) << error;
  const auto hits = HitsIn(*set, "def f():\n    a = 1\n    return a\n");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].start_line, 2);
  EXPECT_EQ(hits[0].end_line, 3);
}

TEST(RuleSet, InlineSuppressionOnTheLineOrTheLineBefore) {
  std::string error;
  auto set = RuleSet::Load({MakeRule("calls", "(call) @match"), MakeRule("other", "(integer) @match")}, error);
  ASSERT_TRUE(set) << error;
  const auto hits = HitsIn(*set,
                        "f()  # scbench: ignore[calls]\n"
                        "# scbench: ignore[other, calls]\n"
                        "g()\n"
                        "h()  # scbench: ignore[other]\n"
                        "k(1)  # scbench: ignore[*]\n");
  std::vector<std::pair<int, bool>> calls;
  for (const auto& hit : hits) {
    if (hit.rule_id == "calls") calls.emplace_back(hit.start_line, hit.suppressed);
  }
  EXPECT_EQ(calls, (std::vector<std::pair<int, bool>>{{1, true}, {3, true}, {4, false}, {5, true}}));
}

/// `!field` sees fields held by anonymous tokens: the `+=` of an augmented assignment is its
/// `operator`.
TEST(RuleSet, AbsentFieldsSeeFieldsHeldByTokens) {
  std::string error;
  auto set = RuleSet::Load({MakeRule("no-operator", "(augmented_assignment !operator) @match"),
                            MakeRule("no-name", "(augmented_assignment !name) @match")},
                           error);
  ASSERT_TRUE(set) << error;
  const auto hits = HitsIn(*set, "x += 1\n");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].rule_id, "no-name");
}

TEST(RuleSet, InvalidRulesFailWithFileRuleAndReason) {
  std::string error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("broken", "(call")}, error));
  EXPECT_NE(error.find("test.yaml: rule 'broken': syntax error"), std::string::npos) << error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("kind", "(no_such_node) @match")}, error));
  EXPECT_NE(error.find("unknown node type"), std::string::npos) << error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("cap", "(call) @other")}, error));
  EXPECT_NE(error.find("no capture @match"), std::string::npos) << error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("pred", R"(((call) @match (#frob? @match "x")))")}, error));
  EXPECT_NE(error.find("unsupported predicate #frob?"), std::string::npos) << error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("parent", R"(((call) @match (#has-parent? @match)))")}, error));
  EXPECT_NE(error.find("#has-parent? needs a capture and a value"), std::string::npos) << error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("kind", R"(((call) @match (#has-ancestor? @match "clas_definition")))")}, error));
  EXPECT_NE(error.find("rule 'kind': no node kind 'clas_definition' in this language"), std::string::npos) << error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("re", R"(((call) @match (#match? @match "(")))")}, error));
  EXPECT_NE(error.find("bad regular expression"), std::string::npos) << error;
  Rule cobol = MakeRule("lang", "(call) @match");
  cobol.language = "cobol";
  EXPECT_FALSE(RuleSet::Load({cobol}, error));
  EXPECT_NE(error.find("language 'cobol' is not built in"), std::string::npos) << error;
  EXPECT_FALSE(RuleSet::Load({MakeRule("dup", "(call) @match"), MakeRule("dup", "(call) @match")}, error));
  EXPECT_NE(error.find("duplicate rule id"), std::string::npos) << error;
}

TEST(RuleSet, LoadReadsEveryLanguagesQueriesAtOnce) {
  Rule go_rule = MakeRule("go-ok", "(call_expression) @match");
  go_rule.language = "go";
  std::string error;
  EXPECT_FALSE(RuleSet::Load({go_rule, MakeRule("py-broken", "(call")}, error));
  EXPECT_NE(error.find("test.yaml: rule 'py-broken': syntax error"), std::string::npos) << error;
  auto set = RuleSet::Load({go_rule}, error);
  ASSERT_TRUE(set) << error;
  EXPECT_NE(set->RootsOf(*LanguageByName("go")), nullptr);
  EXPECT_EQ(set->RootsOf(*LanguageByName("python")), nullptr);
  EXPECT_TRUE(HitsIn(*set, "f(x)\n").empty());
}

TEST(RuleSet, MatchesStartOnlyAtRootKindsYetFindSiblingPatternsThroughTheirParent) {
  std::string error;
  auto set = RuleSet::Load(
      {MakeRule("pair", R"(((block (expression_statement) @match . (return_statement))))"),
       MakeRule("top", R"(((module (expression_statement) @match . (return_statement))))")},
      error);
  ASSERT_TRUE(set) << error;
  const KindSet* roots = set->RootsOf(*LanguageByName("python"));
  ASSERT_NE(roots, nullptr);
  EXPECT_FALSE(roots->all);
  const auto hits = HitsIn(*set, "def f():\n    g()\n    return 1\n");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].rule_id, "pair");
  EXPECT_EQ(hits[0].start_line, 2);
}

TEST(RuleSet, TypeScriptRulesAlsoRunOnTsx) {
  ASSERT_EQ(LanguagesRunning("typescript").size(), 2u);
  EXPECT_EQ(LanguagesRunning("tsx").size(), 1u);
  EXPECT_TRUE(LanguagesRunning("cobol").empty());
  Rule any_type = MakeRule("ts-any", "(predefined_type) @match");
  any_type.language = "typescript";
  std::string error;
  auto set = RuleSet::Load({any_type}, error);
  ASSERT_TRUE(set) << error;
  const Language& tsx = *LanguageByName("tsx");
  const std::string source = "const x: any = <div>{1}</div>;\n";
  Parser parser;
  const SyntaxTree tree = parser.Parse(tsx, source);
  const auto hits = set->Match(tsx, tree.get(), source);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].rule_id, "ts-any");
}

TEST(RuleSet, StartKindsNameWherePatternsStart) {
  std::string error;
  auto set = RuleSet::Load({MakeRule("a", "[(call) (list)] @match\n((integer) @match (#eq? @match \"1\"))"),
                            MakeRule("b", "((identifier) @match . (integer))"), MakeRule("c", "(_) @match")},
                           error);
  ASSERT_TRUE(set) << error;
  EXPECT_EQ(set->StartKinds(set->rules()[0]), (std::vector<std::string>{"call", "list", "integer"}));
  EXPECT_EQ(set->StartKinds(set->rules()[1]), std::nullopt);  // siblings under any parent
  EXPECT_EQ(set->StartKinds(set->rules()[2]), std::nullopt);
}

}  // namespace
}  // namespace scbench::quality
