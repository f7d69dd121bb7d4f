#pragma once
/// One compiled tree-sitter query holding the patterns of several rules of one language:
/// which rule each pattern belongs to, the capture it flags, its predicates, and the node
/// kinds where its matches can start.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "quality/language.h"
#include "quality/measurement.h"
#include "quality/rules/predicate.h"
#include "quality/rules/rule.h"

namespace scbench::quality {

/// Which node kinds can start a pattern.
struct RootFilter {
  std::vector<std::uint8_t> symbols;  // symbol -> can start a pattern
  bool any = false;                   // some pattern can start at any node
  bool Contains(TSSymbol symbol) const { return any || (symbol < symbols.size() && symbols[symbol] != 0); }
  /// Adds the kinds of `other`.
  void Merge(const RootFilter& other);
};

class RuleQuery {
  struct Key {  // only Compile makes a RuleQuery
    explicit Key() = default;
  };

 public:
  explicit RuleQuery(Key) {}
  /// Compiles `rules`, all of `language`, into one query. Returns null with `error`
  /// naming the broken rule's file and id (query syntax, unknown node kind or field,
  /// missing capture to flag, unsupported predicate, bad regular expression).
  static std::unique_ptr<RuleQuery> Compile(const Language& language, std::vector<const Rule*> rules,
                                            std::string& error);
  ~RuleQuery();
  RuleQuery(const RuleQuery&) = delete;
  RuleQuery& operator=(const RuleQuery&) = delete;

  const RootFilter& roots() const { return roots_; }

  /// Runs the query over `node`'s subtree and appends a hit per match whose predicates
  /// hold. With `only_at_node`, matches must start at `node` itself.
  void MatchFrom(TSQueryCursor* cursor, TSNode node, bool only_at_node, std::string_view source,
                 std::vector<RuleHit>& hits) const;

 private:
  /// Whether some pattern of `rule` captures `capture`.
  bool RuleCaptures(const Rule* rule, std::uint32_t capture) const;
  bool ReadPatterns(const std::string& text, const std::vector<std::size_t>& rule_starts, std::string& error);

  const Language* language_ = nullptr;
  TSQuery* query_ = nullptr;
  std::vector<const Rule*> rules_;
  std::vector<const Rule*> rule_of_pattern_;
  std::vector<std::uint32_t> flagged_capture_;        // pattern -> capture id to flag
  std::vector<std::vector<Predicate>> predicates_;    // pattern -> its predicates
  RootFilter roots_;
};

}  // namespace scbench::quality
