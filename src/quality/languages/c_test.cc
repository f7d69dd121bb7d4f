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
  testing::ExpectShape(Measure("int f(int a) {\n"
                               "  if (a == 1) {\n"
                               "    return 1;\n"
                               "  } else if (a == 2) {\n"
                               "    while (a > 0) {\n"
                               "      if (a > 1) { a--; }\n"
                               "    }\n"
                               "  }\n"
                               "  return a;\n"
                               "}\n"),
                       "f",
                       {.sloc = 10,
                        .statements = 7,  // if, return, if, while, if, a--, return
                        .max_nesting = 3});
}

TEST(CLines, BlankCommentAndCode) {
  testing::ExpectLineCounts(Measure("/*\n"
                                    " * License.\n"
                                    " */\n"
                                    "#include <stdio.h>\n"
                                    "\n"
                                    "// line\n"
                                    "static const char *s = \"a\"\n"
                                    "                       \"b\"; /* trailing */\n"),
                            {.total = 8, .blank = 1, .comment = 4, .sloc = 3});
}

TEST(CClones, RenamedCopyIsACloneGroup) {
  testing::ExpectRenamedCopiesFormOneCloneGroup(
      {Analyze("c",
               "double total(const double *items, int n, double tax) {\n  double sum = 0;\n"
               "  for (int i = 0; i < n; i++) {\n    sum += items[i];\n  }\n  return sum * tax;\n}\n",
               "a.c"),
       Analyze("c",
               "double cost(const double *rows, int count, double rate) {\n  double acc = 1;\n"
               "  for (int k = 0; k < count; k++) {\n    acc += rows[k];\n  }\n  return acc * rate;\n}\n",
               "b.c")},
      {.sloc = 7});
}

TEST(CWaste, CallsAreCollectedForSingleUse) {
  testing::ExpectCallsAndSingleUse(
      {Measure("static int parse(const char *s) { return 0; }\nint main(void) { printf(\"%d\", parse(\"1\")); ops->run(); }\n")},
      {.called_names = {"printf", "parse", "run"}, .single_use = {"parse"}});
}

TEST(CErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(Measure("int ok(int a) { return a || 1; }\nint broken(int a { return; \n"),
                                               "ok", 2);
}

}  // namespace
}  // namespace scbench::quality
