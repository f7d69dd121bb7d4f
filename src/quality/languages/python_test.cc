// One test per radon counting rule (docs/complexity.md), plus line and callable facts.

#include <gtest/gtest.h>

#include "quality/file_metrics.h"
#include "quality/language.h"
#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Callable;

FileMeasurement Measure(std::string_view source) { return MeasureSource(*LanguageByName("python"), source); }

int CcOf(std::string_view source, std::string_view name = "f") { return Callable(Measure(source), name).cyclomatic_complexity; }

TEST(PythonComplexity, StraightLineFunctionIsOne) { EXPECT_EQ(CcOf("def f():\n    x = 1\n    return x\n"), 1); }

TEST(PythonComplexity, IfAndEachElifAddOneElseAddsNothing) {
  EXPECT_EQ(CcOf("def f(a):\n    if a == 1:\n        pass\n    elif a == 2:\n        pass\n"
                 "    elif a == 3:\n        pass\n    else:\n        pass\n"),
            4);
}

TEST(PythonComplexity, ConditionalExpressionAddsOne) { EXPECT_EQ(CcOf("def f(a):\n    return 1 if a else 2\n"), 2); }

TEST(PythonComplexity, EachBooleanOperatorAddsOne) {
  EXPECT_EQ(CcOf("def f(a, b, c):\n    return a and b and c\n"), 3);
  EXPECT_EQ(CcOf("def f(a, b, c):\n    return a and (b or c)\n"), 3);
  EXPECT_EQ(CcOf("def f(a):\n    return not a\n"), 1);
}

TEST(PythonComplexity, LoopsAddOnePlusOneForElse) {
  EXPECT_EQ(CcOf("def f(xs):\n    for x in xs:\n        pass\n"), 2);
  EXPECT_EQ(CcOf("def f(xs):\n    for x in xs:\n        pass\n    else:\n        pass\n"), 3);
  EXPECT_EQ(CcOf("def f():\n    while g():\n        pass\n    else:\n        pass\n"), 3);
  EXPECT_EQ(CcOf("async def f(xs):\n    async for x in xs:\n        pass\n"), 2);
}

TEST(PythonComplexity, TryCountsHandlersAndElseNotFinally) {
  EXPECT_EQ(CcOf("def f():\n    try:\n        g()\n    except A:\n        pass\n    except (B, C):\n"
                 "        pass\n    else:\n        pass\n    finally:\n        pass\n"),
            4);
  EXPECT_EQ(CcOf("def f():\n    try:\n        g()\n    finally:\n        pass\n"), 1);
}

TEST(PythonComplexity, ExceptStarIsNotCountedByRadon51) {
  EXPECT_EQ(CcOf("def f():\n    try:\n        g()\n    except* A:\n        pass\n    else:\n        pass\n"), 1);
}

TEST(PythonComplexity, ComprehensionsCountEachForAndIf) {
  EXPECT_EQ(CcOf("def f(xs):\n    return [x for x in xs]\n"), 2);
  EXPECT_EQ(CcOf("def f(xs):\n    return {x: y for x in xs for y in x if y if x}\n"), 5);
  EXPECT_EQ(CcOf("def f(xs):\n    return sum(x for x in xs if x)\n"), 3);
}

TEST(PythonComplexity, AssertAddsOneAndHidesItsContents) {
  EXPECT_EQ(CcOf("def f(a, b):\n    assert a and b, 'x' if a else 'y'\n"), 2);
}

TEST(PythonComplexity, WithAndMatchAddNothingButCaseBodiesCount) {
  EXPECT_EQ(CcOf("def f(a):\n    with open(a) as h:\n        pass\n"), 1);
  EXPECT_EQ(CcOf("def f(a):\n    match a:\n        case 1:\n            pass\n        case x if x > 2:\n"
                 "            if x and a:\n                pass\n        case _:\n            pass\n"),
            3);
}

TEST(PythonComplexity, NestedFunctionsAndClassesAreNotPartOfTheOuterFunction) {
  const auto file = Measure(
      "def f(a):\n    def g(b):\n        if b:\n            pass\n    class K:\n        x = 1 if a else 2\n"
      "        def m(self):\n            return a or self\n    return g\n");
  EXPECT_EQ(Callable(file, "f").cyclomatic_complexity, 1);
  EXPECT_EQ(Callable(file, "f.g").cyclomatic_complexity, 2);
  EXPECT_EQ(Callable(file, "f.g").kind, "closure");
  EXPECT_EQ(Callable(file, "f.K.m").cyclomatic_complexity, 2);
  EXPECT_EQ(Callable(file, "f.K.m").kind, "method");
}

TEST(PythonComplexity, DecoratorsDefaultsAndAnnotationsAreNotCounted) {
  const auto file = Measure(
      "def f(a):\n    @deco(1 if a else 2)\n    def g(b=a or 1) -> (int if a else str):\n        pass\n"
      "    return g\n");
  EXPECT_EQ(Callable(file, "f").cyclomatic_complexity, 1);
  EXPECT_EQ(Callable(file, "f.g").cyclomatic_complexity, 1);
}

TEST(PythonComplexity, LambdaDecisionsCountForTheEnclosingFunction) {
  // The unnamed lambda is no callable of its own: f and f.key are the only ones.
  testing::ExpectLambdaCountsForTheEnclosingCallable(
      Measure("def f(xs):\n    key = lambda x: x if x else 0\n    return sorted(xs, key=lambda y: y or 1)\n"),
      {.enclosing = "f", .enclosing_cc = 3, .lambda = "f.key", .lambda_cc = 2});
}

TEST(PythonComplexity, CaseGuardIsNotADecision) {
  EXPECT_EQ(CcOf("def f(a):\n    match a:\n        case x if x:\n            pass\n"), 1);
}

TEST(PythonCallables, MethodsAndQualifiedNames) {
  const auto file = Measure("class A:\n    class B:\n        def m(self, x, *a, y=1, **k):\n            pass\n"
                            "    if True:\n        def n(self, /, p, *, q):\n            pass\n");
  ASSERT_EQ(file.callables.size(), 2u);
  EXPECT_EQ(file.callables[0].qualified_name, "A.B.m");
  EXPECT_EQ(file.callables[0].kind, "method");
  EXPECT_EQ(file.callables[0].parameters, 5);
  EXPECT_EQ(file.callables[1].qualified_name, "A.n");
  EXPECT_EQ(file.callables[1].parameters, 3);  // '/' and '*' are separators, not parameters
}

TEST(PythonCallables, SpanSlocStatementsAndNesting) {
  testing::ExpectShape(Measure("@deco\n"
                               "def f(a):\n"
                               "    \"\"\"Docstring\n"
                               "    over two lines.\"\"\"\n"
                               "    # comment\n"
                               "\n"
                               "    for x in a:\n"
                               "        if x:\n"
                               "            while x:\n"
                               "                x -= 1\n"
                               "    return a\n"),
                       "f",
                       {.start_line = 2,
                        .end_line = 11,
                        .sloc = 6,        // def, for, if, while, x -= 1, return
                        .statements = 5,  // for, if, while, augmented assignment, return
                        .max_nesting = 3});
}

TEST(PythonLines, BlankCommentDocstringAndCode) {
  testing::ExpectLineCounts(Measure("#!/usr/bin/env python3\n"
                                    "'''Module\n"
                                    "docstring.'''\n"
                                    "\n"
                                    "x = '''not a\n"
                                    "\n"
                                    "docstring'''  # trailing comment\n"
                                    "   \n"
                                    "class K:\n"
                                    "    'class doc'\n"
                                    "    y = 2\n"
                                    "    'just a string, not a docstring'\n"),
                            {.total = 12,
                             .blank = 3,  // a whitespace-only line inside a string is still blank
                             .comment = 1,
                             .docstring = 3,
                             .sloc = 5});
}

TEST(PythonLines, FileWithoutTrailingNewlineAndEmptyFile) {
  EXPECT_EQ(Measure("x = 1\ny = 2").lines.total, 2);
  EXPECT_EQ(Measure("x = 1\ny = 2\n").lines.total, 2);
  const auto empty = Measure("");
  EXPECT_EQ(empty.lines.total, 0);
  EXPECT_TRUE(empty.callables.empty());
}

TEST(PythonErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(Measure("def ok(a):\n    return a or 1\n\ndef broken(:\n    pass\n"),
                                               "ok", 2);
}

TEST(PythonErrors, DeepNestingDoesNotOverflowTheStack) {
  std::string source = "def f(x):\n";
  std::string indent = "    ";
  for (int level = 0; level < 500; ++level) {
    source += indent + "if x:\n";
    indent += " ";
  }
  source += indent + "pass\n";
  const auto file = Measure(source);
  EXPECT_EQ(Callable(file, "f").cyclomatic_complexity, 501);
  EXPECT_EQ(Callable(file, "f").max_nesting, 500);
  std::string expression = "y = " + std::string(500, '(') + "1" + std::string(500, ')') + "\n";
  EXPECT_EQ(Measure(expression).lines.sloc, 1);
}

}  // namespace
}  // namespace scbench::quality
