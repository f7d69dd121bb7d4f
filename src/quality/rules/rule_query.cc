#include "quality/rules/rule_query.h"

#include <algorithm>
#include <climits>

#include "quality/rules/pattern_roots.h"

namespace scbench::quality {
namespace {

const char* QueryErrorName(TSQueryError error) {
  switch (error) {
    case TSQueryErrorSyntax: return "syntax error";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern structure";
    case TSQueryErrorLanguage: return "language mismatch";
    default: return "error";
  }
}

/// Null with `error` (the reason and the query line) when `text` does not compile.
TSQuery* NewQuery(const Language& language, const std::string& text, std::string& error) {
  std::uint32_t offset = 0;
  TSQueryError kind = TSQueryErrorNone;
  TSQuery* query = ts_query_new(language.grammar(), text.data(), static_cast<std::uint32_t>(text.size()), &offset, &kind);
  if (query == nullptr) {
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t from = line_start == std::string::npos ? 0 : line_start + 1;
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + from, '\n'));
    error = std::string(QueryErrorName(kind)) + " in query line " + std::to_string(line) + " near '" +
            text.substr(offset, 24) + "'";
  }
  return query;
}

/// Names the rule that breaks a combined query by compiling each alone. Only done on
/// failure: compiling every rule twice would double the start-up time.
void NameBrokenRule(const Language& language, const std::vector<const Rule*>& rules, std::string& error) {
  for (const Rule* rule : rules) {
    std::string rule_error;
    if (TSQuery* alone = NewQuery(language, rule->query, rule_error)) {
      ts_query_delete(alone);
    } else {
      error = RuleError(*rule, rule_error);
      return;
    }
  }
}

std::optional<std::uint32_t> CaptureId(const TSQuery* query, std::string_view name) {
  for (std::uint32_t id = 0; id < ts_query_capture_count(query); ++id) {
    std::uint32_t length = 0;
    const char* text = ts_query_capture_name_for_id(query, id, &length);
    if (std::string_view(text, length) == name) return id;
  }
  return std::nullopt;
}

/// Marks the symbols whose nodes can start the pattern whose text begins `pattern`.
void MarkRoots(const TSLanguage* grammar, std::string_view pattern, RootFilter& roots) {
  if (roots.symbols.empty()) roots.symbols.assign(ts_language_symbol_count(grammar), 0);
  const auto kinds = PatternRootKinds(pattern);
  if (!kinds) {
    roots.any = true;
    return;
  }
  for (const std::string& kind : *kinds) {
    bool found = false;
    for (TSSymbol symbol = 0; symbol < roots.symbols.size(); ++symbol) {
      if (ts_language_symbol_type(grammar, symbol) == TSSymbolTypeRegular && kind == ts_language_symbol_name(grammar, symbol)) {
        roots.symbols[symbol] = 1;
        found = true;
      }
    }
    // A supertype (`expression`) or an alias: let every node be a candidate.
    if (!found) roots.any = true;
  }
}

}  // namespace

void RootFilter::Merge(const RootFilter& other) {
  any = any || other.any;
  if (symbols.size() < other.symbols.size()) symbols.resize(other.symbols.size(), 0);
  for (std::size_t i = 0; i < other.symbols.size(); ++i) symbols[i] = symbols[i] | other.symbols[i];
}

RuleQuery::~RuleQuery() {
  if (query_ != nullptr) ts_query_delete(query_);
}

std::unique_ptr<RuleQuery> RuleQuery::Compile(const Language& language, std::vector<const Rule*> rules,
                                              std::string& error) {
  auto compiled = std::make_unique<RuleQuery>(Key{});
  compiled->language_ = &language;
  compiled->rules_ = std::move(rules);
  std::string text;
  std::vector<std::size_t> rule_starts;  // byte offset where each rule's text starts
  for (const Rule* rule : compiled->rules_) {
    rule_starts.push_back(text.size());
    text += rule->query;
    text += "\n";
  }
  compiled->query_ = NewQuery(language, text, error);
  if (compiled->query_ == nullptr) {
    NameBrokenRule(language, compiled->rules_, error);  // else keep the combined query's error
    return nullptr;
  }
  if (!compiled->ReadPatterns(text, rule_starts, error)) return nullptr;
  return compiled;
}

bool RuleQuery::ReadPatterns(const std::string& text, const std::vector<std::size_t>& rule_starts, std::string& error) {
  const std::uint32_t patterns = ts_query_pattern_count(query_);
  for (std::uint32_t pattern = 0; pattern < patterns; ++pattern) {
    const std::uint32_t start = ts_query_start_byte_for_pattern(query_, pattern);
    const auto owner = std::upper_bound(rule_starts.begin(), rule_starts.end(), std::size_t{start});
    rule_of_pattern_.push_back(rules_[static_cast<std::size_t>(owner - rule_starts.begin()) - 1]);
  }
  for (std::uint32_t pattern = 0; pattern < patterns; ++pattern) {
    const Rule& rule = *rule_of_pattern_[pattern];
    const auto capture = CaptureId(query_, rule.capture);
    if (!capture || !RuleCaptures(&rule, *capture)) {
      error = RuleError(rule, "query has no capture @" + rule.capture + " to flag");
      return false;
    }
    flagged_capture_.push_back(*capture);
    std::string predicate_error;
    if (!ParsePredicates(query_, pattern, predicates_.emplace_back(), predicate_error)) {
      error = RuleError(rule, predicate_error);
      return false;
    }
    MarkRoots(language_->grammar(), std::string_view(text).substr(ts_query_start_byte_for_pattern(query_, pattern)),
              roots_);
  }
  return true;
}

bool RuleQuery::RuleCaptures(const Rule* rule, std::uint32_t capture) const {
  for (std::uint32_t pattern = 0; pattern < rule_of_pattern_.size(); ++pattern) {
    if (rule_of_pattern_[pattern] == rule &&
        ts_query_capture_quantifier_for_id(query_, pattern, capture) != TSQuantifierZero) {
      return true;
    }
  }
  return false;
}

void RuleQuery::MatchFrom(TSQueryCursor* cursor, TSNode node, bool only_at_node, std::string_view source,
                          std::vector<RuleHit>& hits) const {
  ts_query_cursor_set_max_start_depth(cursor, only_at_node ? 0 : UINT32_MAX);
  ts_query_cursor_exec(cursor, query_, node);
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    const auto& predicates = predicates_[match.pattern_index];
    if (!std::all_of(predicates.begin(), predicates.end(),
                     [&](const Predicate& p) { return PredicateHolds(p, match, source); })) {
      continue;
    }
    const Rule& rule = *rule_of_pattern_[match.pattern_index];
    // The flagged capture may name several nodes (an initialisation and the loop that
    // fills it): the hit spans all of them.
    int first = INT_MAX, last = 0;
    for (std::uint16_t i = 0; i < match.capture_count; ++i) {
      if (match.captures[i].index != flagged_capture_[match.pattern_index]) continue;
      const TSNode captured = match.captures[i].node;
      first = std::min(first, static_cast<int>(ts_node_start_point(captured).row) + 1);
      last = std::max(last, static_cast<int>(ts_node_end_point(captured).row) + 1);
    }
    if (last > 0) hits.push_back({rule.id, first, last, rule.severity, false});
  }
}

}  // namespace scbench::quality
