// One test per ESLint `complexity` counting rule (docs/languages.md), plus names, lines,
// clones and calls for JavaScript.

#include <gtest/gtest.h>

#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Analyze;
using testing::Callable;

FileMeasurement Measure(std::string_view source) { return Analyze("javascript", source, "a.js"); }

int CcOf(std::string_view source, std::string_view name = "f") { return Callable(Measure(source), name).cyclomatic_complexity; }

TEST(JavaScriptComplexity, StraightLineFunctionIsOne) { EXPECT_EQ(CcOf("function f(a) { const b = a + 1; return b; }"), 1); }

TEST(JavaScriptComplexity, IfAndElseIfAddOneEachElseNothing) {
  EXPECT_EQ(CcOf("function f(a) { if (a === 1) { g(); } else if (a === 2) { g(); } else { g(); } }"), 3);
}

TEST(JavaScriptComplexity, EveryLoopAddsOne) {
  EXPECT_EQ(CcOf("function f(xs) {\n  for (let i = 0; i < 3; i++) {}\n  for (const x of xs) {}\n"
                 "  for (const k in xs) {}\n  while (g()) {}\n  do {} while (g());\n}\n"),
            6);
}

TEST(JavaScriptComplexity, CasesAddOneDefaultNothing) {
  EXPECT_EQ(CcOf("function f(a) { switch (a) { case 1: case 2: return 1; case 3: break; default: return 0; } }"), 4);
}

TEST(JavaScriptComplexity, CatchAddsOneFinallyNothing) {
  EXPECT_EQ(CcOf("function f() { try { g(); } catch (e) { h(); } finally { k(); } }"), 2);
}

TEST(JavaScriptComplexity, TernaryAndLogicalOperatorsAddOneEach) {
  EXPECT_EQ(CcOf("function f(a, b, c) { return a ? b : c; }"), 2);
  EXPECT_EQ(CcOf("function f(a, b, c) { return a && b || c; }"), 3);
  EXPECT_EQ(CcOf("function f(a, b) { return a ?? b; }"), 2);
  EXPECT_EQ(CcOf("function f(a, b) { return !a + b; }"), 1);
}

TEST(JavaScriptComplexity, LogicalAssignmentsAddOneOtherAssignmentsNothing) {
  EXPECT_EQ(CcOf("function f(a, b) { a ||= 1; b &&= 2; a ?\?= 3; a += 4; }"), 4);
}

TEST(JavaScriptComplexity, DefaultValuesAddOneEach) {
  EXPECT_EQ(CcOf("function f(a = 1, { b = 2 } = {}) { const [c = 3] = a; }"), 5);
}

TEST(JavaScriptComplexity, EachOptionalChainAddsOne) { EXPECT_EQ(CcOf("function f(a) { return a?.b?.c?.(); }"), 4); }

TEST(JavaScriptComplexity, NestedFunctionsAreMeasuredOnTheirOwn) {
  const auto file = Measure(
      "function f(xs) {\n"
      "  const pick = (x) => x ? 1 : 2;\n"
      "  return xs.map(function (y) { return y || 0; });\n"
      "}\n");
  EXPECT_EQ(Callable(file, "f").cyclomatic_complexity, 1);
  EXPECT_EQ(Callable(file, "f.pick").cyclomatic_complexity, 2);
  EXPECT_EQ(Callable(file, "f.<anonymous>").cyclomatic_complexity, 2);
  EXPECT_EQ(Callable(file, "f.<anonymous>").kind, "lambda");
}

TEST(JavaScriptComplexity, ClassFieldInitializersBelongToNoCallable) {
  const auto file = Measure("class K {\n  x = a || b;\n  static { if (c) {} }\n  m() { return 1; }\n}\n");
  ASSERT_EQ(file.callables.size(), 1u);
  EXPECT_EQ(Callable(file, "K.m").cyclomatic_complexity, 1);
}

TEST(JavaScriptCallables, NamesAndKinds) {
  const auto file = Measure(
      "class Widget {\n"
      "  constructor(x) { this.x = x; }\n"
      "  render(a, ...rest) { return this.x; }\n"
      "  handle = (event) => event;\n"
      "}\n"
      "function outer() { function inner() {} }\n"
      "const helper = function named(a) { return a; };\n"
      "const square = x => x * x;\n"
      "module.exports.run = () => {};\n"
      "const api = { fetch() {}, 'post-it': () => {} };\n"
      "const K = class { m() {} };\n"
      "function* gen() { yield 1; }\n");
  EXPECT_EQ(testing::QualifiedNames(file),
            (std::vector<std::string>{"Widget.constructor", "Widget.render", "Widget.handle", "outer", "outer.inner",
                                      "helper", "square", "module.exports.run", "fetch", "post-it", "K.m", "gen"}));
  EXPECT_EQ(Callable(file, "Widget.constructor").kind, "method");
  EXPECT_EQ(Callable(file, "Widget.render").parameters, 2);
  EXPECT_EQ(Callable(file, "Widget.handle").kind, "lambda");
  EXPECT_EQ(Callable(file, "outer").kind, "function");
  EXPECT_EQ(Callable(file, "outer.inner").kind, "closure");
  EXPECT_EQ(Callable(file, "square").parameters, 1);
}

TEST(JavaScriptCallables, StatementsNestingAndElseIfChainsStayFlat) {
  testing::ExpectShape(Measure("function f(a) {\n"
                               "  if (a === 1) {\n"
                               "    g();\n"
                               "  } else if (a === 2) {\n"
                               "    for (const x of a) {\n"
                               "      if (x) { h(); }\n"
                               "    }\n"
                               "  } else if (a === 3) {\n"
                               "    g();\n"
                               "  }\n"
                               "  return a;\n"
                               "}\n"),
                       "f",
                       {.start_line = 1,
                        .end_line = 12,
                        .sloc = 12,
                        .statements = 9,  // if, g(), if, for, if, h(), if, g(), return
                        .max_nesting = 3});  // if / for / if: the else-ifs do not deepen
}

TEST(JavaScriptLines, BlankCommentAndCode) {
  testing::ExpectLineCounts(Measure("#!/usr/bin/env node\n"
                                    "// line comment\n"
                                    "/* block\n"
                                    "   comment */\n"
                                    "\n"
                                    "const s = `template\n"
                                    "\n"
                                    "text`; // trailing\n"
                                    "/** JSDoc */\n"
                                    "function f() {}\n"),
                            {.total = 10,
                             .blank = 2,
                             .comment = 4,
                             .docstring = 0,
                             .sloc = 4});  // shebang, the template's first and last line, f
}

TEST(JavaScriptClones, RenamedCopyIsACloneGroup) {
  testing::ExpectRenamedCopiesFormOneCloneGroup(
      {Analyze("javascript",
               "function totalPrice(items, tax) {\n  let total = 0;\n  for (const item of items) {\n"
               "    total += item.price * 2;\n  }\n  return total * (1 + tax);\n}\n",
               "a.js"),
       Analyze("javascript",
               "// renamed\nfunction sumCosts(rows, rate) {\n  let acc = 0;\n  for (const row of rows) {\n"
               "    acc += row.price * 3;\n  }\n  return acc * (1 + rate);\n}\n",
               "b.js")},
      {.sloc = 7, .first_start_line = 1, .second_start_line = 2});
}

TEST(JavaScriptWaste, CallsAreCollectedForSingleUse) {
  testing::ExpectCallsAndSingleUse(
      {Measure("function helper(x) { return x; }\nfunction twice(x) { return x; }\n"),
       Measure("import { helper } from './a.js';\nhelper(1);\nobj.twice(1);\ntwice(2);\n")},
      {.called_names = {"helper", "twice", "twice"}, .single_use = {"helper"}, .not_single_use = {"twice"}});
}

TEST(JavaScriptErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(
      Measure("function ok(a) { return a || 1; }\nfunction broken( { return; \n"), "ok", 2);
}

}  // namespace
}  // namespace scbench::quality
