#include "quality/rules/pattern_roots.h"

#include <gtest/gtest.h>

namespace scbench::quality {
namespace {

using Kinds = std::vector<std::string>;

TEST(PatternRootKinds, NodeAndCapturedGroupStartAtTheirNode) {
  EXPECT_EQ(PatternRootKinds("(call function: (identifier))"), Kinds{"call"});
  EXPECT_EQ(PatternRootKinds("  ; a comment (not this)\n((call) @m (#eq? @m \"x)\"))"), Kinds{"call"});
  EXPECT_EQ(PatternRootKinds("(if_statement) @match\n(call) @other"), Kinds{"if_statement"});
}

TEST(PatternRootKinds, AlternationsGiveEveryAlternative) {
  EXPECT_EQ(PatternRootKinds("[(list) (dictionary) @d (set)]"), (Kinds{"list", "dictionary", "set"}));
  EXPECT_EQ(PatternRootKinds("([(a) (b (c))] (#eq? @x \"]\"))"), (Kinds{"a", "b"}));
  EXPECT_EQ(PatternRootKinds("[((a) @m (#eq? @m \"1\")) [(b) (c)]]"), (Kinds{"a", "b", "c"}));
}

TEST(PatternRootKinds, AnythingThatMayStartElsewhereIsUnknown) {
  EXPECT_EQ(PatternRootKinds("(_) @any"), std::nullopt);
  EXPECT_EQ(PatternRootKinds("\"return\" @keyword"), std::nullopt);
  EXPECT_EQ(PatternRootKinds("[(a) \"+\"]"), std::nullopt);
  EXPECT_EQ(PatternRootKinds("((a) . (b))"), std::nullopt);  // siblings: no single root
  EXPECT_EQ(PatternRootKinds("((a)? @x)"), std::nullopt);
  EXPECT_EQ(PatternRootKinds("(a"), Kinds{"a"});
  EXPECT_EQ(PatternRootKinds("[(a)"), std::nullopt);
  EXPECT_EQ(PatternRootKinds(""), std::nullopt);
}

TEST(QueryRootKinds, EveryTopLevelPatternCounts) {
  EXPECT_EQ(QueryRootKinds("((module (a) . (b)) (#eq? @x \"y\"))\n((block (a) . (b)))"), (Kinds{"module", "block"}));
  EXPECT_EQ(QueryRootKinds("(comment)+ @c ; note\n[(a) (b)] @x"), (Kinds{"comment", "a", "b"}));
  EXPECT_EQ(QueryRootKinds("(call) @c\n\"return\" @r"), std::nullopt);
  EXPECT_EQ(QueryRootKinds("(call) (_)"), std::nullopt);
  EXPECT_EQ(QueryRootKinds(""), Kinds{});
  EXPECT_EQ(QueryRootKinds("(call) @a\n((call) @b)\n[(list) (call)] @c"), (Kinds{"call", "list"}));
}

TEST(PatternRootKinds, DeepNestingGivesUpInsteadOfRecursingForever) {
  const std::string deep = std::string(10000, '[') + "(a)" + std::string(10000, ']');
  EXPECT_EQ(PatternRootKinds(deep), std::nullopt);
}

}  // namespace
}  // namespace scbench::quality
