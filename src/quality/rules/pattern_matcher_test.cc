// The matcher is checked against tree-sitter's own query cursor: for each pattern and
// snippet both must capture the same nodes, and the count is pinned so that neither can
// drift into matching nothing.

#include "quality/rules/pattern_matcher.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "quality/syntax_tree.h"

namespace scbench::quality {
namespace {

using Spans = std::set<std::pair<std::uint32_t, std::uint32_t>>;  // byte ranges of @match nodes

Rule PythonRule(std::string query) {
  Rule rule;
  rule.id = "test-rule";
  rule.language = "python";
  rule.query = std::move(query);
  rule.origin = "test.yaml";
  return rule;
}

Spans TreeSitterSpans(const Language& language, const std::string& query_text, const TSTree* tree) {
  std::uint32_t offset = 0;
  TSQueryError kind = TSQueryErrorNone;
  TSQuery* query = ts_query_new(language.grammar(), query_text.data(), static_cast<std::uint32_t>(query_text.size()),
                                &offset, &kind);
  EXPECT_NE(query, nullptr) << "tree-sitter rejects " << query_text;
  Spans spans;
  if (query == nullptr) return spans;
  TSQueryCursor* cursor = ts_query_cursor_new();
  ts_query_cursor_exec(cursor, query, ts_tree_root_node(tree));
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    for (std::uint16_t i = 0; i < match.capture_count; ++i) {
      std::uint32_t length = 0;
      const char* name = ts_query_capture_name_for_id(query, match.captures[i].index, &length);
      if (std::string_view(name, length) != "match") continue;
      spans.emplace(ts_node_start_byte(match.captures[i].node), ts_node_end_byte(match.captures[i].node));
    }
  }
  ts_query_cursor_delete(cursor);
  ts_query_delete(query);
  return spans;
}

Spans OurSpans(const std::vector<QueryPattern>& patterns, const TSTree* tree, std::string_view source) {
  NodeTable table;
  BuildNodeTable(tree, table);
  PatternMatcher matcher(table, source);
  Spans spans;
  for (std::uint32_t node = 0; node < table.size(); ++node) {  // every node: no start-kind index here
    for (const QueryPattern& pattern : patterns) {
      matcher.MatchAt(pattern, node, [&](std::span<const CapturedNode> captures) {
        for (const CapturedNode& captured : captures) {
          if (captured.capture == pattern.flagged_capture) {
            spans.emplace(table[captured.node].start_byte, table[captured.node].end_byte);
          }
        }
      });
    }
  }
  return spans;
}

struct Case {
  const char* query;
  const char* source;
  std::size_t captured;  // nodes captured @match
};

class AgreesWithTreeSitter : public testing::TestWithParam<Case> {};

TEST_P(AgreesWithTreeSitter, OnTheSameNodes) {
  const Case& c = GetParam();
  const Language& python = *LanguageByName("python");
  Parser parser;
  const SyntaxTree tree = parser.Parse(python, c.source);
  std::vector<QueryPattern> patterns;
  std::string error;
  ASSERT_TRUE(ReadQueryPatterns(python.grammar(), PythonRule(c.query), patterns, error)) << error;
  const Spans ours = OurSpans(patterns, tree.get(), c.source);
  EXPECT_EQ(ours, TreeSitterSpans(python, c.query, tree.get())) << c.query;
  EXPECT_EQ(ours.size(), c.captured) << c.query;
}

INSTANTIATE_TEST_SUITE_P(
    Patterns, AgreesWithTreeSitter,
    testing::Values(
        Case{"(call function: (identifier) @match)", "f(x)\ng.h(y)\n", 1},
        Case{"(call (identifier) @match)", "f(x)\n", 1},  // a child without a field may hold any
        Case{"(argument_list . (identifier) @match)", "f(a, b)\nf(1, c)\n", 1},
        Case{"(argument_list (identifier) @match .)", "f(a, b)\nf(c, 1)\n", 1},
        Case{"(argument_list (identifier) . (identifier) @match)", "f(a, b, 1, c)\n", 1},
        Case{"(argument_list (identifier) (identifier) @match)", "f(a, b, 1, c)\n", 2},
        Case{"(list . \"]\") @match", "x = []\ny = [1]\n", 1},  // anonymous nodes may sit before an anchor
        Case{"(return_statement (_)? @match)", "def f():\n    return\n\ndef g():\n    return x\n", 1},
        Case{"(block (expression_statement) @match . (return_statement))",
             "def f():\n    a()\n    b()\n    return 1\n", 1},
        Case{"[(integer) (float)] @match", "x = 1 + 2.5 + y\n", 2},
        Case{"(function_definition !return_type name: (identifier) @match)",
             "def f() -> int:\n    pass\ndef g():\n    pass\n", 1},
        Case{"((identifier) @match . (integer))", "f(a, 1)\nf(b, c)\n", 1},  // siblings under any parent
        Case{"(call (argument_list (_) @match))", "f(a, 1, *b)\n", 3},
        Case{"(binary_operator _ @match)", "x = a + b\n", 3},  // `_` takes anonymous nodes too
        Case{"(if_statement condition: (comparison_operator (identifier) @match (integer)))",
             "if a == 1:\n    pass\nif b == c:\n    pass\n", 1},
        Case{"(call function: [(identifier) (attribute)] @match)", "f(x)\na.b(y)\n(g)(z)\n", 2},
        Case{"(argument_list ((identifier) @match . (integer)))", "f(a, 1, b, c, 2)\n", 2},
        Case{"(if_statement (else_clause) @match)", "if a:\n    pass\nelse:\n    pass\n", 1},
        Case{"((comment) @match . (expression_statement))", "# note\nf()\n# last\n", 1},
        // An element before a closing anchor: only the last named child (or anonymous ones after it).
        Case{"(block (_) @match (return_statement) .)",
             "def f():\n    a()\n    b()\n    return\n\ndef g():\n    return\n    c()\n", 2},
        Case{"(argument_list (identifier) @match .)", "f(a, b,)\nf(c)\nf(d, 1)\n", 2},
        Case{"(argument_list [(identifier) (integer)] @match .)", "f(a, 2)\nf(3, b,)\n", 2},
        Case{"(argument_list \")\" @match .)", "f(a)\nf()\n", 2},
        Case{"(block (_) (_)? @match .)", "def f():\n    a()\n    b()\n", 1}));

std::string ReadError(const std::string& query) {
  std::vector<QueryPattern> patterns;
  std::string error;
  EXPECT_FALSE(ReadQueryPatterns(LanguageByName("python")->grammar(), PythonRule(query), patterns, error)) << query;
  return error;
}

TEST(ReadQueryPatterns, ErrorsNameTheRuleTheLineAndTheProblem) {
  EXPECT_EQ(ReadError("(call)\n(no_such_kind) @match"),
            "test.yaml: rule 'test-rule': unknown node type 'no_such_kind' in query line 2 near ') @match'");
  EXPECT_NE(ReadError("(call nope: (identifier)) @match").find("unknown field 'nope'"), std::string::npos);
  EXPECT_NE(ReadError("(call (identifier)* @match)").find("quantifier '*' is not supported"), std::string::npos);
  EXPECT_NE(ReadError("(expression) @match").find("supertype 'expression' is not supported"), std::string::npos);
  EXPECT_NE(ReadError("(MISSING) @match").find("MISSING patterns are not supported"), std::string::npos);
  EXPECT_NE(ReadError("((call) @match (#eq? @other \"x\"))").find("unknown capture @other"), std::string::npos);
  EXPECT_NE(ReadError("(string \"unterminated) @match").find("unterminated string"), std::string::npos);
  EXPECT_NE(ReadError("(call) @x").find("no capture @match to flag"), std::string::npos);
  EXPECT_NE(ReadError("").find("empty query"), std::string::npos);
  EXPECT_NE(ReadError("((call) (call)) @match").find("captures on a group"), std::string::npos);
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "(block ";
  EXPECT_NE(ReadError(deep).find("nested more than 64 levels"), std::string::npos);
  std::string wide = "(block";
  for (int i = 0; i < 300; ++i) wide += " (pass_statement)";
  EXPECT_NE(ReadError(wide + ") @match").find("more than 256 elements in one node"), std::string::npos);
}

TEST(ReadQueryPatterns, StartKindsComeFromTheRootOrItsChoices) {
  std::vector<QueryPattern> patterns;
  std::string error;
  const TSLanguage* python = LanguageByName("python")->grammar();
  ASSERT_TRUE(ReadQueryPatterns(python, PythonRule("; a comment\n[(call) (list)] @match\n(_) @match\n"), patterns, error))
      << error;
  ASSERT_EQ(patterns.size(), 3u);  // the alternation gives a pattern per choice
  EXPECT_EQ(patterns[0].root_symbols.size(), 1u);
  EXPECT_EQ(patterns[1].root_symbols.size(), 1u);
  EXPECT_NE(patterns[0].root_symbols, patterns[1].root_symbols);
  EXPECT_TRUE(patterns[2].root_symbols.empty());
}

}  // namespace
}  // namespace scbench::quality
