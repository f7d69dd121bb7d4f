#pragma once
/// Which of a language's patterns are worth trying at a node. Patterns are filed under the
/// kinds where they start; a pattern that needs a literal at the end of a path of fields
/// below its root, such as `(call function: (identifier) @f (#eq? @f "len"))` or
/// `(call function: (attribute attribute: (identifier) @m) (#eq? @m "get"))`, is also
/// keyed by that text, so that a call to `print` tries none of the patterns keyed to
/// `len`, `int` or `get`. A pattern whose root needs children of given kinds is passed over,
/// in one bit test, at nodes that surely lack them (TableNode::child_kinds): patterns rooted
/// at `block` are a third of all otherwise.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <tree_sitter/api.h>

#include "common/function_ref.h"
#include "quality/node_table.h"
#include "quality/rules/query_pattern.h"

namespace scbench::quality {

class PatternIndex {
 public:
  explicit PatternIndex(std::size_t symbol_count);

  /// Files `pattern` under number `index`.
  void Add(std::uint32_t index, const QueryPattern& pattern);

  /// Calls `visit` with the number of every pattern worth trying at `node`, each once.
  void ForEachCandidate(const NodeTable& table, std::uint32_t node, std::string_view source,
                        FunctionRef<void(std::uint32_t)> visit) const;

  /// The kinds where some pattern can start (all: some pattern can start anywhere).
  const KindSet& roots() const { return roots_; }

  /// One step down a literal key's path: the child in `field`, of kind `symbol`.
  struct Step {
    TSFieldId field = 0;
    TSSymbol symbol = 0;
    bool operator==(const Step&) const = default;
  };

 private:
  /// A pattern's number and the KindBits of the kinds its root must have among its children.
  struct Candidate {
    std::uint32_t pattern = 0;
    std::uint32_t child_kinds = 0;
    bool Fits(const TableNode& node) const { return (node.child_kinds & child_kinds) == child_kinds; }
  };
  /// Hashes std::string keys and std::string_view lookups alike (no string per lookup).
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  /// Patterns keyed by the text of the node at the end of `path` below the root.
  struct Keyed {
    std::vector<Step> path;
    std::unordered_map<std::string, std::vector<Candidate>, TextHash, std::equal_to<>> by_text;
  };
  /// Calls `visit` with every node at the end of `path` (from `step` on) below `node`.
  static void ForEachAtPath(const NodeTable& table, std::uint32_t node, const std::vector<Step>& path, std::size_t step,
                            FunctionRef<void(std::uint32_t)> visit);
  struct AtSymbol {
    std::vector<Candidate> unkeyed;
    std::vector<Keyed> keyed;
  };

  std::vector<AtSymbol> at_symbol_;
  std::vector<Candidate> anywhere_;
  KindSet roots_;
};

}  // namespace scbench::quality
