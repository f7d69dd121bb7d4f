// WalkTree reads tree-sitter's private structures; these tests hold it to what tree-sitter's
// public TSTreeCursor reports, event by event, in every built-in language.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "quality/syntax_tree.h"

namespace scbench::quality {
namespace {

/// Everything a visitor can learn at one event, as text, so that a mismatch prints readably.
std::string Describe(const char* event, TSNode node, std::uint32_t depth, const NodeContext* context) {
  std::ostringstream out;
  const TSPoint start = ts_node_start_point(node);
  out << event << " depth " << depth << " " << ts_node_type(node) << " [" << ts_node_start_byte(node) << ","
      << ts_node_end_byte(node) << ") at " << start.row << ":" << start.column;
  if (context != nullptr) {
    out << " symbol " << context->symbol << " field " << context->field << " named " << context->named << " leaf "
        << context->leaf << " bytes " << context->start_byte << "-" << context->end_byte << " rows " << context->start_row
        << "-" << context->end_row << " parent "
        << (ts_node_is_null(context->parent) ? "-" : ts_node_type(context->parent)) << "@"
        << ts_node_start_byte(context->parent) << " grandparent "
        << (ts_node_is_null(context->grandparent) ? "-" : ts_node_type(context->grandparent)) << "@"
        << ts_node_start_byte(context->grandparent);
  }
  return out.str();
}

/// Records every event; skips the children of nodes of kind `skip` (when set).
class Recorder final : public SyntaxVisitor {
 public:
  explicit Recorder(std::string skip = "") : skip_(std::move(skip)) {}
  bool Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) override {
    events.push_back(Describe("enter", node, depth, &context));
    return skip_.empty() || skip_ != ts_node_type(node);
  }
  void Leave(const TSNode& node, std::uint32_t depth) override { events.push_back(Describe("leave", node, depth, nullptr)); }
  std::vector<std::string> events;

 private:
  std::string skip_;
};

/// The reference: the same events from tree-sitter's public cursor.
void CursorWalk(const TSTree* tree, SyntaxVisitor& visitor) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  std::vector<TSNode> ancestors;
  const auto enter = [&]() {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    const std::uint32_t depth = ts_tree_cursor_current_depth(&cursor);
    ancestors.resize(depth + 1);
    ancestors[depth] = node;
    const NodeContext context{depth >= 1 ? ancestors[depth - 1] : TSNode{}, depth >= 2 ? ancestors[depth - 2] : TSNode{},
                              ts_tree_cursor_current_field_id(&cursor),
                              ts_node_symbol(node),
                              ts_node_is_named(node),
                              ts_node_child_count(node) == 0,
                              ts_node_start_byte(node),
                              ts_node_end_byte(node),
                              ts_node_start_point(node).row,
                              ts_node_end_point(node).row};
    return visitor.Enter(node, depth, context);
  };
  bool descend = enter();
  while (true) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      descend = enter();
      continue;
    }
    while (true) {
      visitor.Leave(ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_depth(&cursor));
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        descend = enter();
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
    }
  }
}

/// Returns the first differing event pair, or "" when both walks agree.
std::string CompareWalks(const Language& language, const std::string& source, const std::string& skip = "") {
  Parser parser;
  const SyntaxTree tree = parser.Parse(language, source);
  Recorder ours(skip);
  Recorder reference(skip);
  WalkTree(tree.get(), ours);
  CursorWalk(tree.get(), reference);
  for (std::size_t i = 0; i < std::min(ours.events.size(), reference.events.size()); ++i) {
    if (ours.events[i] != reference.events[i]) {
      return "event " + std::to_string(i) + "\n  walk:   " + ours.events[i] + "\n  cursor: " + reference.events[i];
    }
  }
  if (ours.events.size() != reference.events.size()) {
    return "walk has " + std::to_string(ours.events.size()) + " events, cursor " +
           std::to_string(reference.events.size());
  }
  return ours.events.empty() ? "no events" : "";
}

struct Sample {
  const char* language;
  const char* source;
};

// Each sample holds what the walk must get right: aliased nodes, fields held by hidden
// nodes, extras (comments) between children, hidden nodes without visible children,
// syntax errors and missing tokens.
const Sample kSamples[] = {
    {"python",
     "import os\n\nclass A(B):\n    \"\"\"doc\"\"\"\n    def f(self, x: int = 1, *a, **k) -> int:\n"
     "        # comment\n        if x and not y or z:\n            return [i for i in range(x) if i]\n"
     "        elif x:\n            pass\n        else:\n            with open(p) as h, q: yield h\n"
     "        try:\n            x = lambda v: v + 1\n        except (E, F) as e:\n            raise\n"
     "        match x:\n            case [1, *rest] if rest: print(f\"{x!r:>{w}}\")\n"
     "        return x if x else None\n\ndef broken(:\n    return (\n"},
    {"javascript",
     "const f = async (a, {b, c = 1}, ...d) => { for (const x of a) { if (x) continue; } };\n"
     "class K extends L { #p = 1; static m() { return this?.#p ?? `t${a}`; } }\n"
     "label: while (i--) { switch (i) { case 1: break label; default: } }\n/* c */ export default function () {}\n"
     "let broken = (1 + ;\n"},
    {"typescript",
     "interface I<T> { a?: T; m(x: number): void }\nenum E { A = 1, B }\n"
     "export abstract class C<T extends object> implements I<T> { private constructor(readonly a: T) { super(); }\n"
     "  abstract m(x: number): void; get v(): T { return this.a as T; } }\n"
     "function g(this: C<any>, x?: string | null): x is string { return typeof x === 'string'; }\n"},
    {"tsx", "const App = ({a}: Props) => <div className=\"x\" onClick={() => a()}>{a ? <B /> : null}</div>;\n"},
    {"go",
     "package main\n\nimport \"fmt\"\n\ntype S struct{ a int `json:\"a\"` }\n\n"
     "func (s *S) M(x, y int) (int, error) {\n\tfor i := range x { if i > 0 { continue } }\n"
     "\tswitch v := y.(type) {\n\tcase int:\n\t\tgo func() { defer fmt.Println(v) }()\n\t}\n"
     "\tselect { case c <- 1: default: }\n\treturn 0, nil\n}\n"},
    {"rust",
     "/// doc\n#[derive(Debug)]\npub struct S<'a, T: Clone> { a: &'a T }\n"
     "impl<'a, T: Clone> S<'a, T> {\n    pub fn m(&self, x: Option<i32>) -> Result<i32, E> {\n"
     "        let v = match x { Some(n) if n > 0 => n, _ => return Err(E) };\n"
     "        for i in 0..v { if let Some(y) = f(i)? { break; } }\n        Ok(v)\n    }\n}\n"
     "macro_rules! m { ($x:expr) => { $x + 1 }; }\nfn broken( { }\n"},
    {"java",
     "package p;\nimport java.util.*;\n@A public class C<T> extends D implements E {\n"
     "  private int x = 1;\n  public C() { super(); }\n  <U> U m(final List<? extends T> a) throws X {\n"
     "    for (var i : a) { if (i == null) continue; }\n    switch (x) { case 1 -> { return null; } default -> {} }\n"
     "    try (var r = open()) { } catch (A | B e) { } finally { }\n    return (U) a.stream().map(v -> v).toList();\n"
     "  }\n  abstract void n();\n}\n"},
    {"c",
     "#include <stdio.h>\n#define M(x) ((x) + 1)\ntypedef struct { int a; } S;\n"
     "static int f(int a, const char *b, ...) {\n  /* c */ for (int i = 0; i < a; ++i) { if (b[i]) goto out; }\n"
     "  switch (a) { case 1: return 1; default: break; }\nout:\n  return a ? M(a) : 0;\n}\nint broken( {\n"},
    {"cpp",
     "#include <vector>\nnamespace n {\ntemplate <typename T> class C : public B {\n public:\n"
     "  C() = default;\n  auto m(T x) const -> int { return [&](int y) { return y + x; }(1); }\n};\n"
     "int C<int>::f() try { for (auto& v : w) { if (v) throw E{}; } } catch (...) { }\n}  // namespace n\n"},
};

TEST(SyntaxWalk, MatchesTreeSitterCursorInEveryLanguage) {
  for (const Sample& sample : kSamples) {
    const Language* language = LanguageByName(sample.language);
    ASSERT_NE(language, nullptr) << sample.language;
    EXPECT_EQ(CompareWalks(*language, sample.source), "") << sample.language;
  }
}

TEST(SyntaxWalk, EveryBuiltinLanguageHasASample) {
  for (const Language& language : BuiltinLanguages()) {
    bool found = false;
    for (const Sample& sample : kSamples) found = found || language.name() == sample.language;
    EXPECT_TRUE(found) << language.name();
  }
}

TEST(SyntaxWalk, SkipsChildrenWhenTheVisitorSaysSo) {
  const Language& python = *LanguageByName("python");
  const std::string source = "def f(x):\n    if x:\n        return g(x)\n    return 0\n";
  EXPECT_EQ(CompareWalks(python, source, "if_statement"), "");
  Recorder skipping("if_statement");
  Parser parser;
  const SyntaxTree tree = parser.Parse(python, source);
  WalkTree(tree.get(), skipping);
  const auto entered = [&](const std::string& kind) {
    return std::count_if(skipping.events.begin(), skipping.events.end(), [&](const std::string& event) {
      return event.starts_with("enter") && event.find(" " + kind + " [") != std::string::npos;
    });
  };
  EXPECT_EQ(entered("if_statement"), 1);
  EXPECT_EQ(entered("return_statement"), 1);  // `return 0`; `return g(x)` is inside the `if`
  EXPECT_EQ(entered("call"), 0);
}

TEST(SyntaxWalk, EmptySourceIsOneLeaf) {
  EXPECT_EQ(CompareWalks(*LanguageByName("python"), ""), "");
}

TEST(SyntaxWalk, DeepNestingDoesNotRecurse) {
  std::string source = "x = ";
  for (int i = 0; i < 5000; ++i) source += "(";
  source += "1";
  for (int i = 0; i < 5000; ++i) source += ")";
  EXPECT_EQ(CompareWalks(*LanguageByName("python"), source + "\n"), "");
}

/// Counts events; descends only when told to, and may say it needs no Leave.
class Counter final : public SyntaxVisitor {
 public:
  Counter(bool descend, bool needs_leave) : descend_(descend), needs_leave_(needs_leave) {}
  bool Enter(const TSNode&, std::uint32_t, const NodeContext&) override {
    ++entered;
    return descend_;
  }
  void Leave(const TSNode&, std::uint32_t) override { ++left; }
  bool NeedsLeave() const override { return needs_leave_; }
  int entered = 0;
  int left = 0;

 private:
  bool descend_;
  bool needs_leave_;
};

TEST(VisitorGroup, DescendsWhenAnyVisitorAsksAndLeavesOnlyThoseThatNeedIt) {
  Parser parser;
  const SyntaxTree tree = parser.Parse(*LanguageByName("python"), "x = f(1)\n");
  Counter stopping(false, true);
  Counter descending(true, false);
  VisitorGroup group({&stopping, &descending});
  WalkTree(tree.get(), group);
  Counter alone(true, true);
  WalkTree(tree.get(), alone);
  EXPECT_EQ(stopping.entered, alone.entered);  // the other visitor asked for the children
  EXPECT_EQ(descending.entered, alone.entered);
  EXPECT_EQ(stopping.left, alone.left);
  EXPECT_EQ(descending.left, 0);
  EXPECT_GT(alone.entered, 5);
}

/// Real code, beyond the samples: this repository's own sources.
TEST(SyntaxWalk, MatchesTheCursorOnThisRepositorysSources) {
  const std::filesystem::path root = SCBENCH_SOURCE_DIR;
  int files = 0;
  for (const char* directory : {"src/quality", "tests/fixtures/python", "problems"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / directory)) {
      const std::string extension = entry.path().extension().string();
      const Language* language = extension == ".py" ? LanguageByName("python")
                                 : extension == ".cc" || extension == ".h" ? LanguageByName("cpp")
                                                                            : nullptr;
      if (language == nullptr || !entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      EXPECT_EQ(CompareWalks(*language, source), "") << entry.path();
      ++files;
    }
  }
  EXPECT_GT(files, 100);
}

}  // namespace
}  // namespace scbench::quality
