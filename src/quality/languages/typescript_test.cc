// TypeScript and TSX follow ESLint's `complexity` rule like JavaScript (docs/languages.md);
// these tests cover what TypeScript syntax adds: typed defaults, namespaces, abstract
// classes, overload signatures and JSX.

#include <gtest/gtest.h>

#include "quality/languages/measure_fixture.h"

namespace scbench::quality {
namespace {

using testing::Analyze;
using testing::Callable;

FileMeasurement Measure(std::string_view source) { return Analyze("typescript", source, "a.ts"); }

int CcOf(std::string_view source, std::string_view name = "f") { return Callable(Measure(source), name).cyclomatic_complexity; }

TEST(TypeScriptComplexity, BranchesLoopsAndOperatorsCountAsInJavaScript) {
  EXPECT_EQ(CcOf("function f(a: number[]): number {\n"
                 "  if (a.length === 0) { return 0; } else if (a.length === 1) { return a[0]; }\n"
                 "  for (const x of a) { while (x > 0) { break; } }\n"
                 "  switch (a[0]) { case 1: return 1; default: return 2; }\n"
                 "}\n"),
            6);
  EXPECT_EQ(CcOf("function f(a?: { b?: string }): string { return a?.b ?? (a ? 'x' : 'y'); }"), 4);
  EXPECT_EQ(CcOf("function f(): void { try { g(); } catch (e: unknown) { h(); } }"), 2);
}

TEST(TypeScriptComplexity, TypedParameterDefaultsAddOneEach) {
  EXPECT_EQ(CcOf("function f(a: number = 1, b?: string, { c = 2 }: Opts = {}): void {}"), 4);
}

TEST(TypeScriptComplexity, TypesAreNoDecisions) {
  EXPECT_EQ(CcOf("function f<T>(x: T extends string ? 1 : 2): T | null { return x as T; }"), 1);
}

TEST(TypeScriptCallables, NamesAndKinds) {
  const auto file = Measure(
      "namespace Shapes {\n"
      "  export function area(r: number): number { return r * r; }\n"
      "}\n"
      "abstract class Base<T> {\n"
      "  abstract name(): string;\n"
      "  get(key: string, fallback: T): T { return fallback; }\n"
      "  private onClick = (e: Event): void => {};\n"
      "}\n"
      "function overloaded(x: string): string;\n"
      "function overloaded(x: number): number;\n"
      "function overloaded(x: any): any { return x; }\n"
      "export const make = <T,>(x: T): T => x;\n"
      "declare module 'lib' { function external(): void; }\n");
  EXPECT_EQ(testing::QualifiedNames(file),
            (std::vector<std::string>{"Shapes.area", "Base.get", "Base.onClick", "overloaded", "make"}));
  EXPECT_EQ(Callable(file, "Shapes.area").kind, "function");
  EXPECT_EQ(Callable(file, "Base.get").kind, "method");
  EXPECT_EQ(Callable(file, "Base.get").parameters, 2);
  EXPECT_EQ(Callable(file, "Base.onClick").kind, "lambda");
}

TEST(TypeScriptLines, BlankCommentAndCode) {
  testing::ExpectLineCounts(Measure("// comment\n\ninterface Point {\n  x: number; // trailing\n  /* y */\n}\n"),
                            {.total = 6, .blank = 1, .comment = 2, .sloc = 3});
}

TEST(TypeScriptClones, RenamedCopyIsACloneGroup) {
  testing::ExpectRenamedCopiesFormOneCloneGroup(
      {Analyze("typescript",
               "export function total(items: Item[], tax: number): number {\n  let sum = 0;\n"
               "  for (const item of items) {\n    sum += item.price;\n  }\n  return sum * tax;\n}\n",
               "a.ts"),
       Analyze("typescript",
               "export function cost(rows: Row[], rate: number): number {\n  let acc = 0;\n"
               "  for (const row of rows) {\n    acc += row.price;\n  }\n  return acc * rate;\n}\n",
               "b.ts")},
      {.sloc = 7});
}

TEST(TypeScriptWaste, CallsAreCollectedForSingleUse) {
  testing::ExpectCallsAndSingleUse({Measure("export function parse(s: string): number { return +s; }\n"),
                                    Measure("const n = this.parser.parse<number>('1');\n")},
                                   {.called_names = {"parse"}, .single_use = {"parse"}});
}

TEST(TypeScriptErrors, SyntaxErrorsAreCountedAndTheRestIsMeasured) {
  testing::ExpectParseErrorsAndTheRestMeasured(
      Measure("function ok(a: number): number { return a || 1; }\nfunction broken(a: : number {\n"), "ok", 2);
}

TEST(Tsx, ComponentsWithJsxAreMeasured) {
  const auto file = Analyze("tsx",
                            "export function List({ items }: Props) {\n"
                            "  return <ul>{items.map((i) => i.done ? <li key={i.id}>{i.text}</li> : null)}</ul>;\n"
                            "}\n"
                            "const Empty = (): JSX.Element => <p className=\"empty\">none</p>;\n",
                            "a.tsx");
  EXPECT_EQ(file.parse_errors, 0);
  EXPECT_EQ(Callable(file, "List").cyclomatic_complexity, 1);
  EXPECT_EQ(Callable(file, "List.<anonymous>").cyclomatic_complexity, 2);
  EXPECT_EQ(Callable(file, "Empty").kind, "lambda");
}

TEST(Tsx, ExtensionsPickTheGrammar) {
  EXPECT_EQ(LanguageForPath("src/app.tsx")->name(), "tsx");
  EXPECT_EQ(LanguageForPath("src/app.ts")->name(), "typescript");
  EXPECT_EQ(LanguageForPath("types/app.d.ts")->name(), "typescript");
  EXPECT_EQ(LanguageForPath("src/app.mts")->name(), "typescript");
  EXPECT_EQ(LanguageForPath("src/app.jsx")->name(), "javascript");
}

}  // namespace
}  // namespace scbench::quality
