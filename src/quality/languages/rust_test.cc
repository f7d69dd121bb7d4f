// One test per rust-code-analysis counting rule (docs/languages.md), plus names, lines,
// clones and calls for Rust.

#include <gtest/gtest.h>

#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Analyze;
using testing::Callable;

FileMeasurement Measure(std::string_view source) { return Analyze("rust", source, "a.rs"); }

int CcOf(std::string_view source, std::string_view name = "f") { return Callable(Measure(source), name).cyclomatic_complexity; }

TEST(RustComplexity, StraightLineFunctionIsOne) { EXPECT_EQ(CcOf("fn f(a: i32) -> i32 { let b = a + 1; b }"), 1); }

TEST(RustComplexity, IfIfLetAndElseIfAddOneEachElseNothing) {
  EXPECT_EQ(CcOf("fn f(a: Option<i32>) -> i32 {\n"
                 "    if let Some(x) = a { x } else if a.is_none() { 0 } else { 1 }\n"
                 "}\n"),
            3);
}

TEST(RustComplexity, EveryLoopAddsOne) {
  EXPECT_EQ(CcOf("fn f(xs: &[i32]) {\n    for x in xs {}\n    while xs.is_empty() {}\n"
                 "    while let Some(y) = it.next() {}\n    loop { break; }\n}\n"),
            5);
}

TEST(RustComplexity, EveryMatchArmAddsOneTheWildcardIncluded) {
  EXPECT_EQ(CcOf("fn f(a: i32) -> i32 {\n    match a {\n        0 => 1,\n        x if x > 5 => 2,\n        _ => 3,\n    }\n}\n"),
            4);
}

TEST(RustComplexity, QuestionMarkAndLogicalOperatorsAddOneEach) {
  EXPECT_EQ(CcOf("fn f(s: &str) -> Result<i32, E> { let n = s.parse::<i32>()?; Ok(g(n)?) }"), 3);
  EXPECT_EQ(CcOf("fn f(a: bool, b: bool, c: bool) -> bool { a && b || c }"), 3);
  EXPECT_EQ(CcOf("fn f(a: i32) -> i32 { a & 1 | 2 }"), 1);
}

TEST(RustComplexity, ClosuresAreMeasuredOnTheirOwn) {
  const auto file = Measure(
      "fn f(xs: Vec<i32>) -> Vec<i32> {\n"
      "    let keep = |x: &i32| *x > 0 && *x < 9;\n"
      "    xs.into_iter().filter(keep).map(|x| if x > 3 { x } else { 0 }).collect()\n"
      "}\n");
  EXPECT_EQ(Callable(file, "f").cyclomatic_complexity, 1);
  EXPECT_EQ(Callable(file, "f::keep").cyclomatic_complexity, 2);
  EXPECT_EQ(Callable(file, "f::keep").kind, "lambda");
  EXPECT_EQ(Callable(file, "f::<anonymous>").cyclomatic_complexity, 2);
}

TEST(RustCallables, ImplTraitAndModuleQualifyNames) {
  const auto file = Measure(
      "mod shapes {\n"
      "    pub struct Circle { r: f64 }\n"
      "    impl<T> Circle<T> {\n"
      "        pub fn new(r: f64) -> Self { Circle { r } }\n"
      "        pub fn area(&self, scale: f64) -> f64 { self.r * scale }\n"
      "    }\n"
      "    impl fmt::Display for Circle {\n"
      "        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { Ok(()) }\n"
      "    }\n"
      "    pub trait Shape {\n"
      "        fn name(&self) -> String { String::new() }\n"
      "        fn sides(&self) -> u32;\n"
      "    }\n"
      "}\n"
      "fn main() {\n    fn helper() {}\n}\n");
  EXPECT_EQ(testing::QualifiedNames(file),
            (std::vector<std::string>{"shapes::Circle::new", "shapes::Circle::area", "shapes::Circle::fmt",
                                      "shapes::Shape::name", "main", "main::helper"}));
  EXPECT_EQ(Callable(file, "shapes::Circle::new").kind, "method");
  EXPECT_EQ(Callable(file, "shapes::Circle::area").parameters, 2);  // &self counts, as Python's self
  EXPECT_EQ(Callable(file, "main").kind, "function");
  EXPECT_EQ(Callable(file, "main::helper").kind, "closure");
}

TEST(RustCallables, StatementsNestingAndElseIfChainsStayFlat) {
  testing::ExpectShape(Measure("fn f(a: i32) -> i32 {\n"
                               "    let mut b = a;\n"
                               "    if a == 1 {\n"
                               "        b += 1;\n"
                               "    } else if a == 2 {\n"
                               "        for i in 0..a {\n"
                               "            if i > 1 { b -= 1; }\n"
                               "        }\n"
                               "    }\n"
                               "    b\n"
                               "}\n"),
                       "f",
                       {.sloc = 11,
                        .statements = 6,  // let, if, b += 1, for, if, b -= 1 (the tail `b` is an expression)
                        .max_nesting = 3});
}

TEST(RustLines, DocCommentsAreComments) {
  testing::ExpectLineCounts(Measure("//! Crate docs.\n"
                                    "/// Item docs\n"
                                    "/// over two lines.\n"
                                    "\n"
                                    "/* block */\n"
                                    "const S: &str = \"a\n"
                                    "\n"
                                    "b\"; // trailing\n"),
                            {.total = 8, .blank = 2, .comment = 4, .docstring = 0, .sloc = 2});
}

TEST(RustClones, RenamedCopyIsACloneGroup) {
  testing::ExpectRenamedCopiesFormOneCloneGroup(
      {Analyze("rust",
               "fn total(items: &[Item], tax: f64) -> f64 {\n    let mut sum = 0.0;\n    for item in items {\n"
               "        sum += item.price;\n    }\n    sum * tax\n}\n",
               "a.rs"),
       Analyze("rust",
               "/// Docs do not matter.\nfn cost(rows: &[Row], rate: f64) -> f64 {\n    let mut acc = 0.0;\n"
               "    for row in rows {\n        acc += row.price;\n    }\n    acc * rate\n}\n",
               "b.rs")},
      {.sloc = 7, .second_start_line = 2});
}

TEST(RustWaste, CallsAreCollectedForSingleUse) {
  testing::ExpectCallsAndSingleUse(
      {Measure("fn parse(s: &str) -> i32 { 0 }\nfn main() { let v = parse(\"1\"); v.checked_add(1); Vec::new(); }\n")},
      {.called_names = {"parse", "checked_add", "new"}, .single_use = {"parse"}});
}

TEST(RustErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(Measure("fn ok(a: bool) -> bool { a || true }\nfn broken(a: { \n"),
                                               "ok", 2);
}

}  // namespace
}  // namespace scbench::quality
