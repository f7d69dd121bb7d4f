// One test per gocyclo counting rule (docs/languages.md), plus names, lines, clones and
// calls for Go.

#include <gtest/gtest.h>

#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Analyze;
using testing::Callable;

FileMeasurement Measure(std::string_view source) { return Analyze("go", source, "a.go"); }

int CcOf(std::string_view body, std::string_view name = "f") {
  return Callable(Measure("package p\n\nfunc f(a int, xs []int) int {\n" + std::string(body) + "}\n"), name)
      .cyclomatic_complexity;
}

TEST(GoComplexity, StraightLineFunctionIsOne) { EXPECT_EQ(CcOf("\tb := a + 1\n\treturn b\n"), 1); }

TEST(GoComplexity, IfAndElseIfAddOneEachElseNothing) {
  EXPECT_EQ(CcOf("\tif a == 1 {\n\t\treturn 1\n\t} else if a == 2 {\n\t\treturn 2\n\t} else {\n\t\treturn 3\n\t}\n"), 3);
}

TEST(GoComplexity, EveryForAddsOneRangeIncluded) {
  EXPECT_EQ(CcOf("\tfor i := 0; i < a; i++ {\n\t}\n\tfor _, x := range xs {\n\t\t_ = x\n\t}\n\tfor {\n\t\tbreak\n\t}\n"
                 "\treturn 0\n"),
            4);
}

TEST(GoComplexity, CaseClausesAddOneDefaultNothing) {
  EXPECT_EQ(CcOf("\tswitch a {\n\tcase 1, 2:\n\tcase 3:\n\tdefault:\n\t}\n\treturn 0\n"), 3);
  EXPECT_EQ(CcOf("\tvar v interface{} = a\n\tswitch v.(type) {\n\tcase int:\n\tcase string:\n\tdefault:\n\t}\n\treturn 0\n"),
            3);
  EXPECT_EQ(CcOf("\tselect {\n\tcase <-ch:\n\tcase ch <- 1:\n\tdefault:\n\t}\n\treturn 0\n"), 3);
}

TEST(GoComplexity, AndOrAddOneEachOtherOperatorsNothing) {
  EXPECT_EQ(CcOf("\tif a > 0 && a < 10 || a == 20 {\n\t\treturn 1\n\t}\n\treturn a & 1\n"), 4);
}

TEST(GoComplexity, FunctionLiteralsCountForTheEnclosingFunction) {
  // The unnamed literal is no callable of its own: f and f.keep are the only ones.
  testing::ExpectLambdaCountsForTheEnclosingCallable(
      Measure("package p\n\nfunc f(xs []int) {\n\tkeep := func(x int) bool { return x > 0 && x < 9 }\n"
              "\tsort.Slice(xs, func(i, j int) bool {\n\t\tif xs[i] < xs[j] {\n\t\t\treturn true\n\t\t}\n"
              "\t\treturn false\n\t})\n"
              "\t_ = keep\n}\n"),
      {.enclosing = "f", .enclosing_cc = 3, .lambda = "f.keep", .lambda_cc = 2});
}

TEST(GoCallables, MethodsAreQualifiedByTheirReceiverType) {
  const auto file = Measure(
      "package p\n\n"
      "func (s *Server) Start(addr string, opts ...Option) error { return nil }\n"
      "func (c Cache[K, V]) Get(k K) (V, bool) { var v V; return v, false }\n"
      "func New(a, b int, name string) *Server { return nil }\n"
      "func unnamed(int, string) {}\n"
      "var handler = func(w Writer) {}\n");
  EXPECT_EQ(testing::QualifiedNames(file),
            (std::vector<std::string>{"Server.Start", "Cache.Get", "New", "unnamed", "handler"}));
  EXPECT_EQ(Callable(file, "Server.Start").kind, "method");
  EXPECT_EQ(Callable(file, "Server.Start").name, "Start");
  EXPECT_EQ(Callable(file, "Server.Start").parameters, 2);  // the receiver is not a parameter
  EXPECT_EQ(Callable(file, "New").kind, "function");
  EXPECT_EQ(Callable(file, "New").parameters, 3);
  EXPECT_EQ(Callable(file, "unnamed").parameters, 2);
}

TEST(GoCallables, StatementsNestingAndElseIfChainsStayFlat) {
  testing::ExpectShape(Measure("package p\n\n"
                               "func f(a int) int {\n"
                               "\tif a == 1 {\n"
                               "\t\treturn 1\n"
                               "\t} else if a == 2 {\n"
                               "\t\tfor i := 0; i < a; i++ {\n"
                               "\t\t\tif i > 1 {\n"
                               "\t\t\t\ta++\n"
                               "\t\t\t}\n"
                               "\t\t}\n"
                               "\t}\n"
                               "\treturn a\n"
                               "}\n"),
                       "f",
                       {.sloc = 12,
                        .statements = 9,  // if, return, if, for (with i := 0 and i++), if, a++, return
                        .max_nesting = 3});
}

TEST(GoLines, BlankCommentAndCode) {
  testing::ExpectLineCounts(Measure("// Package p does things.\n"
                                    "package p\n"
                                    "\n"
                                    "/* block\n"
                                    "comment */\n"
                                    "const s = `raw\n"
                                    "\n"
                                    "string` // trailing\n"),
                            {.total = 8, .blank = 2, .comment = 3, .sloc = 3});
}

TEST(GoClones, RenamedCopyIsACloneGroup) {
  testing::ExpectRenamedCopiesFormOneCloneGroup(
      {Analyze("go",
               "package p\n\nfunc Total(items []Item, tax float64) float64 {\n\tsum := 0.0\n"
               "\tfor _, item := range items {\n\t\tsum += item.Price\n\t}\n\treturn sum * tax\n}\n",
               "a.go"),
       Analyze("go",
               "package q\n\nfunc Cost(rows []Row, rate float64) float64 {\n\tacc := 0.0\n"
               "\tfor _, row := range rows {\n\t\tacc += row.Price\n\t}\n\treturn acc * rate\n}\n",
               "b.go")},
      {.sloc = 7, .first_start_line = 3});
}

TEST(GoWaste, CallsAreCollectedForSingleUse) {
  testing::ExpectCallsAndSingleUse(
      {Measure("package p\n\nfunc parse(s string) int { return 0 }\nfunc main() { fmt.Println(parse(\"1\")) }\n")},
      {.called_names = {"Println", "parse"}, .single_use = {"parse"}, .not_single_use = {"main"}});
}

TEST(GoErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(
      Measure("package p\n\nfunc ok(a bool) bool { return a || true }\nfunc broken( {\n"), "ok", 2);
}

}  // namespace
}  // namespace scbench::quality
