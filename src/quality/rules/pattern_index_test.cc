#include "quality/rules/pattern_index.h"

#include <gtest/gtest.h>

#include <set>

#include "quality/syntax_tree.h"

namespace scbench::quality {
namespace {

std::vector<QueryPattern> Read(const std::string& query) {
  Rule rule;
  rule.id = "r";
  rule.language = "python";
  rule.query = query;
  rule.origin = "test.yaml";
  std::vector<QueryPattern> patterns;
  std::string error;
  EXPECT_TRUE(ReadQueryPatterns(LanguageByName("python")->grammar(), rule, patterns, error)) << error;
  return patterns;
}

/// The patterns tried at the first node of `kind` in `source`.
std::set<std::uint32_t> Candidates(const PatternIndex& index, const std::string& source, const char* kind) {
  const Language& python = *LanguageByName("python");
  Parser parser;
  const SyntaxTree tree = parser.Parse(python, source);
  NodeTable table;
  BuildNodeTable(tree.get(), table);
  std::set<std::uint32_t> out;
  for (std::uint32_t node = 0; node < table.size(); ++node) {
    if (std::string_view(ts_language_symbol_name(python.grammar(), table[node].symbol)) != kind) continue;
    index.ForEachCandidate(table, node, source, [&](std::uint32_t pattern) { EXPECT_TRUE(out.insert(pattern).second); });
    break;
  }
  return out;
}

TEST(PatternIndex, LiteralsBelowTheRootSelectWhichPatternsAreTried) {
  const auto patterns = Read(
      "((call function: (identifier) @f) @match (#eq? @f \"len\"))\n"                        // 0: keyed len
      "((call function: (identifier) @f) @match (#any-of? @f \"int\" \"len\"))\n"             // 1: keyed int, len
      "((call function: (attribute attribute: (identifier) @m)) @match (#eq? @m \"get\"))\n"  // 2: path key
      "((call function: (identifier) @f) @match (#not-eq? @f \"len\"))\n"                     // 3: negated: always
      "(call) @match\n"                                                                       // 4: always
      "((identifier) @match (#eq? @match \"x\"))\n"                                           // 5: other kind
      "(_) @match\n");                                                                        // 6: anywhere
  PatternIndex index(ts_language_symbol_count(LanguageByName("python")->grammar()));
  for (std::uint32_t i = 0; i < patterns.size(); ++i) index.Add(i, patterns[i]);
  EXPECT_EQ(Candidates(index, "len(x)\n", "call"), (std::set<std::uint32_t>{0, 1, 3, 4, 6}));
  EXPECT_EQ(Candidates(index, "int(x)\n", "call"), (std::set<std::uint32_t>{1, 3, 4, 6}));
  // 3 needs an identifier child, which a method call lacks.
  EXPECT_EQ(Candidates(index, "d.get(x)\n", "call"), (std::set<std::uint32_t>{2, 4, 6}));
  EXPECT_EQ(Candidates(index, "print(x)\n", "call"), (std::set<std::uint32_t>{3, 4, 6}));
  EXPECT_EQ(Candidates(index, "x\n", "identifier"), (std::set<std::uint32_t>{5, 6}));
  EXPECT_TRUE(index.roots().all);
}

TEST(PatternIndex, PatternsNeedingAChildKindAreNotTriedWhereItIsAbsent) {
  const auto patterns = Read(
      "(block (expression_statement) . (for_statement)) @match\n"  // 0: needs both kinds
      "(block ((expression_statement) (return_statement))) @match\n"  // 1: a group: needs both
      "(block (for_statement)? (return_statement)) @match\n"       // 2: optional for: needs return only
      "(block [(for_statement) (while_statement)]) @match\n"       // 3: an alternation: needs nothing known
      "(block (_) (_)) @match\n");                                 // 4: wildcards: needs nothing known
  PatternIndex index(ts_language_symbol_count(LanguageByName("python")->grammar()));
  for (std::uint32_t i = 0; i < patterns.size(); ++i) index.Add(i, patterns[i]);
  EXPECT_EQ(Candidates(index, "def f():\n    x = 1\n    return x\n", "block"), (std::set<std::uint32_t>{1, 2, 3, 4}));
  EXPECT_EQ(Candidates(index, "def f():\n    x = []\n    for y in z:\n        pass\n", "block"),
            (std::set<std::uint32_t>{0, 3, 4}));
}

}  // namespace
}  // namespace scbench::quality
