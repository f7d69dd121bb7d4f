// One test per lizard counting rule for Java (docs/languages.md), plus names, lines,
// clones and calls.

#include <gtest/gtest.h>

#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Analyze;
using testing::Callable;

FileMeasurement Measure(std::string_view source) { return Analyze("java", source, "A.java"); }

int CcOf(std::string_view body) {
  return Callable(Measure("class A {\n  int f(int a, int[] xs) {\n" + std::string(body) + "  }\n}\n"), "A.f")
      .cyclomatic_complexity;
}

TEST(JavaComplexity, StraightLineMethodIsOne) { EXPECT_EQ(CcOf("    int b = a + 1;\n    return b;\n"), 1); }

TEST(JavaComplexity, IfAndElseIfAddOneEachElseNothing) {
  EXPECT_EQ(CcOf("    if (a == 1) { return 1; } else if (a == 2) { return 2; } else { return 3; }\n"), 3);
}

TEST(JavaComplexity, EveryLoopAddsOne) {
  EXPECT_EQ(CcOf("    for (int i = 0; i < a; i++) {}\n    for (int x : xs) {}\n    while (a > 0) { a--; }\n"
                 "    do { a++; } while (a < 0);\n    return a;\n"),
            5);
}

TEST(JavaComplexity, EachCaseLabelAddsOneDefaultNothing) {
  EXPECT_EQ(CcOf("    switch (a) { case 1: case 2: return 1; case 3: break; default: return 0; }\n    return a;\n"), 4);
  EXPECT_EQ(CcOf("    return switch (a) { case 1, 2 -> 10; case 3 -> 30; default -> 0; };\n"), 3);
}

TEST(JavaComplexity, CatchTernaryAndLogicalOperatorsAddOneEach) {
  EXPECT_EQ(CcOf("    try { g(); } catch (IllegalStateException e) { h(); } catch (Exception e) { k(); } finally {}\n"
                 "    return a;\n"),
            3);
  EXPECT_EQ(CcOf("    return a > 0 && a < 9 || a == 20 ? 1 : 0;\n"), 4);
  EXPECT_EQ(CcOf("    return a & 1 | 2;\n"), 1);
}

TEST(JavaComplexity, LambdasCountForTheEnclosingMethod) {
  testing::ExpectLambdaCountsForTheEnclosingCallable(
      Measure("class A {\n  void f(List<Integer> xs) {\n    Predicate<Integer> keep = x -> x > 0 && x < 9;\n"
              "    xs.forEach(x -> { if (x > 1) { g(x); } });\n  }\n}\n"),
      {.enclosing = "A.f", .enclosing_cc = 3, .lambda = "A.f.keep", .lambda_cc = 2});
}

TEST(JavaCallables, NamesAndKinds) {
  const auto file = Measure(
      "package p;\n"
      "public class Outer {\n"
      "  public Outer(int x, String... names) {}\n"
      "  static class Inner { void run() {} }\n"
      "  interface Shape { double area(); default String name() { return \"s\"; } }\n"
      "  enum Color { RED; int code() { return 1; } }\n"
      "  record Point(int x, int y) { Point { if (x < 0) throw new IllegalArgumentException(); } }\n"
      "  void make() { Runnable r = new Runnable() { public void run() {} }; }\n"
      "}\n");
  EXPECT_EQ(testing::QualifiedNames(file),
            (std::vector<std::string>{"Outer.Outer", "Outer.Inner.run", "Outer.Shape.name", "Outer.Color.code",
                                      "Outer.Point.Point", "Outer.make", "Outer.make.run"}));
  EXPECT_EQ(Callable(file, "Outer.Outer").kind, "method");
  EXPECT_EQ(Callable(file, "Outer.Outer").parameters, 2);
  EXPECT_EQ(Callable(file, "Outer.Point.Point").cyclomatic_complexity, 2);
  EXPECT_EQ(Callable(file, "Outer.make.run").kind, "closure");  // a method of an anonymous class
}

TEST(JavaCallables, StatementsNestingAndElseIfChainsStayFlat) {
  testing::ExpectShape(Measure("class A {\n"
                               "  int f(int a) {\n"
                               "    if (a == 1) {\n"
                               "      return 1;\n"
                               "    } else if (a == 2) {\n"
                               "      for (int x : xs) {\n"
                               "        if (x > 1) { a++; }\n"
                               "      }\n"
                               "    }\n"
                               "    return a;\n"
                               "  }\n"
                               "}\n"),
                       "A.f",
                       {.sloc = 10,
                        .statements = 7,  // if, return, if, for, if, a++, return
                        .max_nesting = 3});
}

TEST(JavaLines, BlankCommentAndCode) {
  testing::ExpectLineCounts(Measure("/**\n"
                                    " * Javadoc.\n"
                                    " */\n"
                                    "class A {\n"
                                    "\n"
                                    "  // line\n"
                                    "  String s = \"\"\"\n"
                                    "      text\n"
                                    "\n"
                                    "      \"\"\"; // trailing\n"
                                    "}\n"),
                            {.total = 11, .blank = 2, .comment = 4, .sloc = 5});
}

TEST(JavaClones, RenamedCopyIsACloneGroup) {
  testing::ExpectRenamedCopiesFormOneCloneGroup(
      {Analyze("java",
               "class A {\n  double total(List<Item> items, double tax) {\n    double sum = 0;\n"
               "    for (Item item : items) {\n      sum += item.price;\n    }\n    return sum * tax;\n  }\n}\n",
               "A.java"),
       Analyze("java",
               "class B {\n  double cost(List<Row> rows, double rate) {\n    double acc = 1;\n"
               "    for (Row row : rows) {\n      acc += row.price;\n    }\n    return acc * rate;\n  }\n}\n",
               "B.java")},
      {.sloc = 7, .first_start_line = 2});
}

TEST(JavaWaste, CallsAreCollectedForSingleUse) {
  testing::ExpectCallsAndSingleUse(
      {Measure("class A {\n  int parse(String s) { return 0; }\n  void run() { System.out.println(parse(\"1\")); }\n}\n")},
      {.called_names = {"println", "parse"}, .single_use = {"A.parse"}, .not_single_use = {"A.run"}});
}

TEST(JavaErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(
      Measure("class A {\n  boolean ok(boolean a) { return a || true; }\n  void broken( {\n}\n"), "A.ok", 2);
}

}  // namespace
}  // namespace scbench::quality
