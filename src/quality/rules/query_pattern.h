#pragma once
/// A rule's tree-sitter query, read into patterns that scbench matches itself (see
/// pattern_matcher.h). Reading resolves node kinds and fields against one grammar, so a
/// misspelt kind fails when the rule is loaded, and costs microseconds where tree-sitter's
/// own query compiler spends most of a second analysing a big pack.
///
/// The syntax is tree-sitter's: `(kind child field: (kind) !field)`, `"anonymous"`, the
/// wildcards `(_)` (any named node) and `_` (any node), alternations `[...]`, groups of
/// sibling patterns `((a) (b))`, the anchor `.`, the quantifier `?`, captures `@name` and
/// predicates `(#eq? @a "x")` anywhere in a pattern. Not supported, with an error that
/// says so: the quantifiers `*` and `+`, supertype kinds, `MISSING` and `kind/subkind`.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/node_table.h"
#include "quality/rules/predicate.h"
#include "quality/rules/rule.h"

namespace scbench::quality {

/// One element of a pattern: a node test with its children, an alternation, or a group of
/// sibling elements.
struct PatternElement {
  enum class Form : std::uint8_t { kNode, kAlternation, kGroup };
  enum class Test : std::uint8_t { kKind, kAnyNamed, kAnyNode };

  Form form = Form::kNode;
  Test test = Test::kKind;
  TSSymbol symbol = 0;         // kKind
  TSFieldId field = 0;         // as a child: the field it must hold (0: any)
  bool immediate = false;      // as a child: anchored to the previous element (or the parent's start)
  bool optional = false;       // `?`
  bool last_anchored = false;  // kNode, kGroup: an anchor before the closing paren
  std::vector<std::uint16_t> captures;
  std::vector<TSFieldId> absent_fields;  // kNode: `!field`
  /// kNode: its child elements in order; kAlternation: the choices; kGroup: the siblings.
  std::vector<PatternElement> items;
};

/// One top-level pattern of a rule's query.
struct QueryPattern {
  PatternElement root;
  std::vector<Predicate> predicates;
  /// Per capture id, the predicates that read that capture alone and may be checked as
  /// soon as it is bound, pruning the search early (`function: (identifier) @f` with
  /// `#eq? @f "len"` rejects most calls before their arguments are read). Only cheap
  /// predicates (IsCheap), on captures bound once, in patterns without `?`, so that pruning
  /// cannot change which optional elements count as matched. The others wait for the
  /// complete match.
  std::vector<std::vector<std::uint16_t>> predicates_on_capture;
  std::vector<bool> checked_on_capture;  // per predicate
  /// The capture whose nodes a match flags (kNoCapture when this pattern lacks it).
  std::uint16_t flagged_capture = kNoCapture;
  /// The kinds of node where a match can start; empty when it can start anywhere.
  std::vector<TSSymbol> root_symbols;

  static constexpr std::uint16_t kNoCapture = 0xFFFF;
};

/// Reads `rule.query` for `grammar` into `out`. Returns false with `error` naming the rule,
/// the query line and the problem (syntax, unknown kind or field, unknown capture, missing
/// capture to flag, unsupported feature or predicate, bad regular expression).
bool ReadQueryPatterns(const TSLanguage* grammar, const Rule& rule, std::vector<QueryPattern>& out, std::string& error);

}  // namespace scbench::quality
