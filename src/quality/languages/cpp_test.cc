// One test per lizard counting rule that C++ adds to C (docs/languages.md), plus names,
// lines, clones and calls.

#include <gtest/gtest.h>

#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Analyze;
using testing::Callable;

FileMeasurement Measure(std::string_view source) { return Analyze("cpp", source, "a.cc"); }

int CcOf(std::string_view body) {
  return Callable(Measure("int f(int a, const std::vector<int>& xs) {\n" + std::string(body) + "}\n"), "f")
      .cyclomatic_complexity;
}

TEST(CppComplexity, CBranchesLoopsAndOperatorsCount) {
  EXPECT_EQ(CcOf("  if (a == 1) return 1; else if (a == 2) return 2;\n  for (int i = 0; i < a; i++) {}\n"
                 "  while (a) a--;\n  do {} while (a);\n  switch (a) { case 1: break; default: break; }\n"
                 "  return a && xs.empty() ? 1 : 0;\n"),
            9);
}

TEST(CppComplexity, RangeForAndEachCatchAddOne) {
  EXPECT_EQ(CcOf("  for (int x : xs) { a += x; }\n  try { g(); } catch (const std::exception& e) {} catch (...) {}\n"
                 "  return a;\n"),
            4);
}

TEST(CppComplexity, LambdasCountForTheEnclosingFunction) {
  const auto file = Measure(
      "void f(std::vector<int>& xs) {\n"
      "  auto keep = [](int x) { return x > 0 && x < 9; };\n"
      "  std::sort(xs.begin(), xs.end(), [](int a, int b) { if (a < b) { return true; } return false; });\n"
      "}\n");
  testing::ExpectLambdaCountsForTheEnclosingCallable(
      file, {.enclosing = "f", .enclosing_cc = 3, .lambda = "f::keep", .lambda_cc = 2});
  EXPECT_EQ(Callable(file, "f::keep").parameters, 1);
}

TEST(CppCallables, ClassesNamespacesAndOutOfLineDefinitions) {
  const auto file = Measure(
      "namespace app {\n"
      "class Widget {\n"
      " public:\n"
      "  explicit Widget(int size) : size_(size) {}\n"
      "  ~Widget() {}\n"
      "  int size() const { return size_; }\n"
      "  bool operator==(const Widget& other) const { return size_ == other.size_; }\n"
      "  void draw(Canvas& canvas);\n"
      "  Widget(const Widget&) = default;\n"
      " private:\n"
      "  int size_;\n"
      "};\n"
      "void Widget::draw(Canvas& canvas) { canvas.clear(); }\n"
      "}  // namespace app\n"
      "void app::Widget::resize(int w, int h) {}\n"
      "template <typename T> T Box<T>::get() const { return value_; }\n"
      "namespace { int hidden() { return 1; } }\n"
      "struct Point { int norm() const { return 0; } };\n"
      "int free_function(int& x) { return x; }\n");
  EXPECT_EQ(testing::QualifiedNames(file),
            (std::vector<std::string>{"app::Widget::Widget", "app::Widget::~Widget", "app::Widget::size",
                                      "app::Widget::operator==", "app::Widget::draw", "app::Widget::resize",
                                      "Box::get", "hidden", "Point::norm", "free_function"}));
  EXPECT_EQ(Callable(file, "app::Widget::Widget").kind, "method");
  EXPECT_EQ(Callable(file, "app::Widget::draw").kind, "method");
  EXPECT_EQ(Callable(file, "app::Widget::draw").name, "draw");
  EXPECT_EQ(Callable(file, "app::Widget::resize").parameters, 2);
  EXPECT_EQ(Callable(file, "hidden").kind, "function");
  EXPECT_EQ(Callable(file, "free_function").kind, "function");
}

TEST(CppCallables, StatementsNestingAndElseIfChainsStayFlat) {
  testing::ExpectShape(Measure("int f(int a) {\n"
                               "  if (a == 1) {\n"
                               "    return 1;\n"
                               "  } else if (a == 2) {\n"
                               "    for (int x : xs) {\n"
                               "      if (x > 1) { a--; }\n"
                               "    }\n"
                               "  }\n"
                               "  return a;\n"
                               "}\n"),
                       "f",
                       {.sloc = 10,
                        .statements = 7,  // if, return, if, for, if, a--, return
                        .max_nesting = 3});
}

TEST(CppLines, BlankCommentAndCode) {
  testing::ExpectLineCounts(Measure("// Copyright.\n"
                                    "#pragma once\n"
                                    "\n"
                                    "/// Doc.\n"
                                    "const char* s = R\"(raw\n"
                                    "\n"
                                    "text)\";  // trailing\n"),
                            {.total = 7, .blank = 2, .comment = 2, .sloc = 3});
}

TEST(CppClones, RenamedCopyIsACloneGroup) {
  testing::ExpectRenamedCopiesFormOneCloneGroup(
      {Analyze("cpp",
               "double Cart::total(const std::vector<Item>& items, double tax) const {\n  double sum = 0;\n"
               "  for (const Item& item : items) {\n    sum += item.price;\n  }\n  return sum * tax;\n}\n",
               "a.cc"),
       Analyze("cpp",
               "double Ledger::cost(const std::vector<Row>& rows, double rate) const {\n  double acc = 0;\n"
               "  for (const Row& row : rows) {\n    acc += row.price;\n  }\n  return acc * rate;\n}\n",
               "b.cc")},
      {.sloc = 7});
}

TEST(CppWaste, CallsAreCollectedForSingleUse) {
  testing::ExpectCallsAndSingleUse({Measure("namespace { int parse(const std::string& s) { return 0; } }\n"
                                            "int main() { std::cout << parse(\"1\"); obj.run(); std::abs(-1); }\n")},
                                   {.called_names = {"parse", "run", "abs"}, .single_use = {"parse"}});
}

TEST(CppErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(Measure("int ok(int a) { return a || 1; }\nclass Broken { void f( { };\n"),
                                               "ok", 2);
}

}  // namespace
}  // namespace scbench::quality
