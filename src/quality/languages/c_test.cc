// One test per lizard counting rule for C (docs/languages.md), plus names, lines, clones
// and calls.

#include <gtest/gtest.h>

#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Analyze;
using testing::Callable;

FileMeasurement Measure(std::string_view source) { return Analyze("c", source, "a.c"); }

int CcOf(std::string_view body) {
  return Callable(Measure("int f(int a, int *xs) {\n" + std::string(body) + "}\n"), "f").cyclomatic_complexity;
}

TEST(CComplexity, StraightLineFunctionIsOne) { EXPECT_EQ(CcOf("  int b = a + 1;\n  return b;\n"), 1); }

TEST(CComplexity, IfAndElseIfAddOneEachElseNothing) {
  EXPECT_EQ(CcOf("  if (a == 1) return 1;\n  else if (a == 2) return 2;\n  else return 3;\n"), 3);
}

TEST(CComplexity, EveryLoopAddsOne) {
  EXPECT_EQ(CcOf("  for (int i = 0; i < a; i++) {}\n  while (a > 0) a--;\n  do { a++; } while (a < 0);\n  return a;\n"), 4);
}

TEST(CComplexity, CaseLabelsAddOneDefaultNothing) {
  EXPECT_EQ(CcOf("  switch (a) {\n  case 1:\n  case 2:\n    return 1;\n  case 3:\n    break;\n  default:\n    return 0;\n  }\n"
                 "  return a;\n"),
            4);
}

TEST(CComplexity, TernaryAndLogicalOperatorsAddOneEach) {
  EXPECT_EQ(CcOf("  return a > 0 && a < 9 || a == 20 ? 1 : 0;\n"), 4);
  EXPECT_EQ(CcOf("  return a & 1 | 2;\n"), 1);
}

TEST(CComplexity, PreprocessorIfIfdefAndElifAddOneIfndefNothing) {
  EXPECT_EQ(CcOf("#if LEVEL > 1\n  a++;\n#elif LEVEL > 0\n  a--;\n#endif\n#ifdef DEBUG\n  a = 0;\n#endif\n"
                 "#ifndef NDEBUG\n  a = 1;\n#endif\n  return a;\n"),
            4);
}

TEST(CCallables, NamesComeFromDeclarators) {
  const auto file = Measure(
      "static int add(int a, int b) { return a + b; }\n"
      "int *find(int *xs, size_t n) { return xs; }\n"
      "int main(void) { return 0; }\n"
      "void (*pick(int which))(void) { return 0; }\n"
      "int variadic(const char *fmt, ...) { return 0; }\n"
      "int declared_only(int a);\n");
  EXPECT_EQ(testing::QualifiedNames(file), (std::vector<std::string>{"add", "find", "main", "pick", "variadic"}));
  EXPECT_EQ(Callable(file, "add").kind, "function");
  EXPECT_EQ(Callable(file, "add").parameters, 2);
  EXPECT_EQ(Callable(file, "main").parameters, 0);
  EXPECT_EQ(Callable(file, "pick").parameters, 1);
  EXPECT_EQ(Callable(file, "variadic").parameters, 2);
}

TEST(CCallables, StatementsNestingAndElseIfChainsStayFlat) {
  const auto file = Measure(
      "int f(int a) {\n"
      "  if (a == 1) {\n"
      "    return 1;\n"
      "  } else if (a == 2) {\n"
      "    while (a > 0) {\n"
      "      if (a > 1) { a--; }\n"
      "    }\n"
      "  }\n"
      "  return a;\n"
      "}\n");
  const auto& f = Callable(file, "f");
  EXPECT_EQ(f.statements, 7);  // if, return, if, while, if, a--, return
  EXPECT_EQ(f.max_nesting, 3);
  EXPECT_EQ(f.sloc, 10);
}

TEST(CLines, BlankCommentAndCode) {
  const auto file = Measure(
      "/*\n"
      " * License.\n"
      " */\n"
      "#include <stdio.h>\n"
      "\n"
      "// line\n"
      "static const char *s = \"a\"\n"
      "                       \"b\"; /* trailing */\n");
  EXPECT_EQ(file.lines.total, 8);
  EXPECT_EQ(file.lines.comment, 4);
  EXPECT_EQ(file.lines.blank, 1);
  EXPECT_EQ(file.lines.sloc, 3);
}

TEST(CClones, RenamedCopyIsACloneGroup) {
  std::vector<FileMeasurement> files = {
      Analyze("c",
              "double total(const double *items, int n, double tax) {\n  double sum = 0;\n"
              "  for (int i = 0; i < n; i++) {\n    sum += items[i];\n  }\n  return sum * tax;\n}\n",
              "a.c"),
      Analyze("c",
              "double cost(const double *rows, int count, double rate) {\n  double acc = 1;\n"
              "  for (int k = 0; k < count; k++) {\n    acc += rows[k];\n  }\n  return acc * rate;\n}\n",
              "b.c")};
  const auto groups = FindCloneGroups(files);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].instances.size(), 2u);
  EXPECT_EQ(groups[0].sloc, 7);
}

TEST(CWaste, CallsAreCollectedForSingleUse) {
  std::vector<FileMeasurement> files = {
      Measure("static int parse(const char *s) { return 0; }\nint main(void) { printf(\"%d\", parse(\"1\")); ops->run(); }\n")};
  EXPECT_EQ(files[0].called_names, (std::vector<std::string>{"printf", "parse", "run"}));
  MarkSingleUseCallables(files);
  EXPECT_TRUE(Callable(files[0], "parse").single_use);
}

TEST(CErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  const auto file = Measure("int ok(int a) { return a || 1; }\nint broken(int a { return; \n");
  EXPECT_GT(file.parse_errors, 0);
  EXPECT_EQ(Callable(file, "ok").cyclomatic_complexity, 2);
}

}  // namespace
}  // namespace scbench::quality
