#include "quality/rules/rule_set.h"

#include <algorithm>
#include <climits>
#include <map>
#include <re2/re2.h>
#include <mutex>
#include <set>

#include "common/work_queue.h"
#include "quality/rules/pattern_roots.h"

namespace scbench::quality {
namespace {

enum class PredicateKind { kEq, kMatch, kAnyOf };

/// One `(#name? @capture ...)` clause of a pattern.
struct Predicate {
  PredicateKind kind = PredicateKind::kEq;
  bool negated = false;
  std::uint32_t capture = 0;
  std::optional<std::uint32_t> other_capture;  // #eq? @a @b
  std::vector<std::string> values;             // #eq? @a "x", #any-of? @a "x" "y"
  std::shared_ptr<RE2> regex;
};

struct QueryDeleter {
  void operator()(TSQuery* query) const { ts_query_delete(query); }
};
using QueryPtr = std::unique_ptr<TSQuery, QueryDeleter>;

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

QueryPtr CompileQuery(const Language& language, const std::string& text, std::string& error) {
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
  return QueryPtr(query);
}

std::string_view CaptureName(const TSQuery* query, std::uint32_t id) {
  std::uint32_t length = 0;
  const char* name = ts_query_capture_name_for_id(query, id, &length);
  return {name, length};
}

std::optional<std::uint32_t> CaptureId(const TSQuery* query, std::string_view name) {
  for (std::uint32_t id = 0; id < ts_query_capture_count(query); ++id) {
    if (CaptureName(query, id) == name) return id;
  }
  return std::nullopt;
}

/// Parses the predicate steps of one pattern.
bool ParsePredicates(const TSQuery* query, std::uint32_t pattern, std::vector<Predicate>& out, std::string& error) {
  std::uint32_t count = 0;
  const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(query, pattern, &count);
  std::vector<TSQueryPredicateStep> clause;
  const auto string_value = [&](const TSQueryPredicateStep& step) {
    std::uint32_t length = 0;
    const char* text = ts_query_string_value_for_id(query, step.value_id, &length);
    return std::string(text, length);
  };
  for (std::uint32_t i = 0; i < count; ++i) {
    if (steps[i].type != TSQueryPredicateStepTypeDone) {
      clause.push_back(steps[i]);
      continue;
    }
    if (clause.empty() || clause[0].type != TSQueryPredicateStepTypeString) {
      error = "malformed predicate";
      return false;
    }
    std::string name = string_value(clause[0]);
    Predicate predicate;
    predicate.negated = name.rfind("not-", 0) == 0;
    if (predicate.negated) name = name.substr(4);
    if (name == "eq?") {
      predicate.kind = PredicateKind::kEq;
    } else if (name == "match?") {
      predicate.kind = PredicateKind::kMatch;
    } else if (name == "any-of?") {
      predicate.kind = PredicateKind::kAnyOf;
    } else {
      error = "unsupported predicate #" + string_value(clause[0]) + " (supported: eq?, match?, any-of? and their not- forms)";
      return false;
    }
    if (clause.size() < 3 || clause[1].type != TSQueryPredicateStepTypeCapture) {
      error = "#" + string_value(clause[0]) + " needs a capture and a value";
      return false;
    }
    predicate.capture = clause[1].value_id;
    for (std::size_t k = 2; k < clause.size(); ++k) {
      if (clause[k].type == TSQueryPredicateStepTypeCapture && predicate.kind == PredicateKind::kEq && k == 2) {
        predicate.other_capture = clause[k].value_id;
      } else if (clause[k].type == TSQueryPredicateStepTypeString) {
        predicate.values.push_back(string_value(clause[k]));
      }
    }
    if (predicate.kind == PredicateKind::kMatch) {
      if (predicate.values.size() != 1) {
        error = "#match? takes one regular expression";
        return false;
      }
      predicate.regex = std::make_shared<RE2>(predicate.values[0], RE2::Quiet);
      if (!predicate.regex->ok()) {
        error = "bad regular expression '" + predicate.values[0] + "': " + predicate.regex->error();
        return false;
      }
    }
    out.push_back(std::move(predicate));
    clause.clear();
  }
  return true;
}

}  // namespace

/// One combined query for every rule of a language.
struct RuleSet::LanguageQuery {
  const Language* language = nullptr;
  QueryPtr query;
  std::vector<std::size_t> rule_of_pattern;      // pattern index -> index into rules_
  std::vector<std::uint32_t> flagged_capture;    // pattern index -> capture id to flag
  std::vector<std::vector<Predicate>> predicates;  // pattern index -> its predicates
  RootFilter roots;
};

/// A language's rules and, once prepared, their compiled query.
struct RuleSet::LanguageRules {
  const Language* language = nullptr;
  std::vector<std::size_t> rule_indices;
  std::once_flag compiled;
  std::unique_ptr<LanguageQuery> query;  // null until compiled, and when a rule is broken
  std::string error;
};

RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const Rule* RuleSet::Find(std::string_view id) const {
  for (const Rule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

namespace {

std::string RuleError(const Rule& rule, const std::string& what) {
  return rule.origin + ": rule '" + rule.id + "': " + what;
}

/// Compiles one rule alone. Only used to name the rule that breaks its language's
/// combined query: compiling every rule twice would double the start-up time.
bool ValidateRule(const Rule& rule, const Language& language, std::string& error) {
  std::string query_error;
  const QueryPtr query = CompileQuery(language, rule.query, query_error);
  if (!query) {
    error = RuleError(rule, query_error);
    return false;
  }
  return true;
}

/// Whether some pattern of the rule at `rule_index` captures `capture`.
bool RuleCaptures(const TSQuery* query, const std::vector<std::size_t>& rule_of_pattern, std::size_t rule_index,
                  std::uint32_t capture) {
  for (std::uint32_t pattern = 0; pattern < rule_of_pattern.size(); ++pattern) {
    if (rule_of_pattern[pattern] == rule_index &&
        ts_query_capture_quantifier_for_id(query, pattern, capture) != TSQuantifierZero) {
      return true;
    }
  }
  return false;
}

}  // namespace

/// Records which symbols can start `pattern` (the text from the pattern's start).
void MarkRoots(RuleSet::LanguageQuery& lq, std::string_view pattern) {
  const TSLanguage* grammar = lq.language->grammar();
  RootFilter& roots = lq.roots;
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

std::optional<RuleSet> RuleSet::Load(std::vector<Rule> rules, std::string& error) {
  RuleSet set;
  set.rules_ = std::move(rules);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < set.rules_.size(); ++i) {
    const Rule& rule = set.rules_[i];
    if (!ids.insert(rule.id).second) {
      error = RuleError(rule, "duplicate rule id");
      return std::nullopt;
    }
    const Language* language = LanguageByName(rule.language);
    if (language == nullptr) {
      error = RuleError(rule, "language '" + rule.language + "' is not built in");
      return std::nullopt;
    }
    LanguageRules* rules_of_language = set.RulesOf(*language);
    if (rules_of_language == nullptr) {
      rules_of_language = set.languages_.emplace_back(std::make_unique<LanguageRules>()).get();
      rules_of_language->language = language;
    }
    rules_of_language->rule_indices.push_back(i);
  }
  return set;
}

std::optional<RuleSet> RuleSet::Compile(std::vector<Rule> rules, std::string& error) {
  auto set = Load(std::move(rules), error);
  if (set && !set->Prepare(set->languages(), error)) return std::nullopt;
  return set;
}

std::vector<const Language*> RuleSet::languages() const {
  std::vector<const Language*> out;
  for (const auto& entry : languages_) out.push_back(entry->language);
  return out;
}

RuleSet::LanguageRules* RuleSet::RulesOf(const Language& language) const {
  for (const auto& entry : languages_) {
    if (entry->language == &language) return entry.get();
  }
  return nullptr;
}

bool RuleSet::Prepare(const std::vector<const Language*>& languages, std::string& error) const {
  std::vector<LanguageRules*> wanted;
  for (const Language* language : languages) {
    LanguageRules* entry = RulesOf(*language);
    if (entry != nullptr && std::find(wanted.begin(), wanted.end(), entry) == wanted.end()) wanted.push_back(entry);
  }
  // Query analysis dominates start-up, and languages compile independently: the
  // languages with most rules start first so that no worker is left with one at the end.
  std::stable_sort(wanted.begin(), wanted.end(), [](const LanguageRules* a, const LanguageRules* b) {
    return a->rule_indices.size() > b->rule_indices.size();
  });
  RunParallel(wanted.size(), WorkerCount(0), [&](std::size_t i, unsigned) { Compiled(*wanted[i]); });
  for (LanguageRules* entry : wanted) {
    if (Compiled(*entry) == nullptr) {
      error = entry->error;
      return false;
    }
  }
  return true;
}

const RuleSet::LanguageQuery* RuleSet::Compiled(LanguageRules& entry) const {
  std::call_once(entry.compiled, [&] { entry.query = CompileLanguage(*entry.language, entry.rule_indices, entry.error); });
  return entry.query.get();
}

const RootFilter* RuleSet::RootsOf(const Language& language) const {
  LanguageRules* entry = RulesOf(language);
  const LanguageQuery* compiled = entry != nullptr ? Compiled(*entry) : nullptr;
  return compiled != nullptr ? &compiled->roots : nullptr;
}

std::unique_ptr<RuleSet::LanguageQuery> RuleSet::CompileLanguage(const Language& language,
                                                                 const std::vector<std::size_t>& indices,
                                                                 std::string& error) const {
  auto combined = std::make_unique<LanguageQuery>();
  combined->language = &language;
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte offset where each rule starts
  for (const std::size_t index : indices) {
    spans.emplace_back(text.size(), index);
    text += rules_[index].query;
    text += "\n";
  }
  combined->query = CompileQuery(language, text, error);
  if (!combined->query) {
    for (const std::size_t index : indices) {
      if (!ValidateRule(rules_[index], language, error)) return nullptr;
    }
    return nullptr;  // every rule compiles alone: keep the combined query's error
  }
  const TSQuery* query = combined->query.get();
  const std::uint32_t patterns = ts_query_pattern_count(query);
  for (std::uint32_t pattern = 0; pattern < patterns; ++pattern) {
    const std::uint32_t start = ts_query_start_byte_for_pattern(query, pattern);
    auto owner = std::upper_bound(spans.begin(), spans.end(), std::make_pair(std::size_t{start}, SIZE_MAX));
    combined->rule_of_pattern.push_back(std::prev(owner)->second);
  }
  for (std::uint32_t pattern = 0; pattern < patterns; ++pattern) {
    const Rule& rule = rules_[combined->rule_of_pattern[pattern]];
    const auto capture = CaptureId(query, rule.capture);
    if (!capture || !RuleCaptures(query, combined->rule_of_pattern, combined->rule_of_pattern[pattern], *capture)) {
      error = RuleError(rule, "query has no capture @" + rule.capture + " to flag");
      return nullptr;
    }
    combined->flagged_capture.push_back(*capture);
    combined->predicates.emplace_back();
    std::string predicate_error;
    if (!ParsePredicates(query, pattern, combined->predicates.back(), predicate_error)) {
      error = RuleError(rule, predicate_error);
      return nullptr;
    }
    MarkRoots(*combined, std::string_view(text).substr(ts_query_start_byte_for_pattern(query, pattern)));
  }
  return combined;
}

namespace {

bool PredicateHolds(const Predicate& predicate, const TSQueryMatch& match, std::string_view source) {
  const auto text_of = [&](std::uint32_t capture) -> std::optional<std::string_view> {
    for (std::uint16_t i = 0; i < match.capture_count; ++i) {
      if (match.captures[i].index == capture) return NodeText(match.captures[i].node, source);
    }
    return std::nullopt;
  };
  const auto subject = text_of(predicate.capture);
  if (!subject) return true;  // an optional capture that did not match constrains nothing
  bool holds = false;
  switch (predicate.kind) {
    case PredicateKind::kEq:
      if (predicate.other_capture) {
        const auto other = text_of(*predicate.other_capture);
        holds = other && *other == *subject;
      } else {
        holds = !predicate.values.empty() && predicate.values[0] == *subject;
      }
      break;
    case PredicateKind::kMatch:
      holds = RE2::PartialMatch(re2::StringPiece(subject->data(), subject->size()), *predicate.regex);
      break;
    case PredicateKind::kAnyOf:
      holds = std::find(predicate.values.begin(), predicate.values.end(), *subject) != predicate.values.end();
      break;
  }
  return holds != predicate.negated;
}

}  // namespace

void RuleSet::CollectHits(const LanguageQuery& lq, TSQueryCursor* cursor, std::string_view source,
                          std::vector<RuleHit>& hits) const {
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    const auto& predicates = lq.predicates[match.pattern_index];
    if (!std::all_of(predicates.begin(), predicates.end(),
                     [&](const Predicate& p) { return PredicateHolds(p, match, source); })) {
      continue;
    }
    const Rule& rule = rules_[lq.rule_of_pattern[match.pattern_index]];
    // The flagged capture may name several nodes (an initialisation and the loop that
    // fills it): the hit spans all of them.
    int first = INT_MAX, last = 0;
    for (std::uint16_t i = 0; i < match.capture_count; ++i) {
      if (match.captures[i].index != lq.flagged_capture[match.pattern_index]) continue;
      const TSNode node = match.captures[i].node;
      first = std::min(first, static_cast<int>(ts_node_start_point(node).row) + 1);
      last = std::max(last, static_cast<int>(ts_node_end_point(node).row) + 1);
    }
    if (last > 0) hits.push_back({rule.id, first, last, rule.severity, false});
  }
}

std::vector<RuleHit> RuleSet::Match(const Language& language, const TSTree* tree, std::string_view source,
                                    const std::vector<TSNode>* roots) const {
  std::vector<RuleHit> hits;
  LanguageRules* entry = RulesOf(language);
  const LanguageQuery* compiled = entry != nullptr ? Compiled(*entry) : nullptr;
  if (compiled == nullptr) return hits;
  const LanguageQuery& lq = *compiled;
  TSQueryCursor* cursor = ts_query_cursor_new();
  if (lq.roots.any) {
    ts_query_cursor_exec(cursor, lq.query.get(), ts_tree_root_node(tree));
    CollectHits(lq, cursor, source, hits);
  } else {
    // Start matches only at the nodes where a pattern can start: no other node is visited.
    std::optional<RuleRootCollector> own_roots;
    if (roots == nullptr) {
      WalkTree(tree, own_roots.emplace(*this, language));
      roots = &own_roots->roots;
    }
    ts_query_cursor_set_max_start_depth(cursor, 0);
    for (const TSNode root : *roots) {
      ts_query_cursor_exec(cursor, lq.query.get(), root);
      CollectHits(lq, cursor, source, hits);
    }
  }
  ts_query_cursor_delete(cursor);
  std::sort(hits.begin(), hits.end(), [](const RuleHit& a, const RuleHit& b) {
    return std::tie(a.start_line, a.rule_id, a.end_line) < std::tie(b.start_line, b.rule_id, b.end_line);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const RuleHit& a, const RuleHit& b) {
                           return a.start_line == b.start_line && a.end_line == b.end_line && a.rule_id == b.rule_id;
                         }),
             hits.end());
  return hits;
}

namespace {

constexpr std::string_view kSuppressMarker = "scbench: ignore[";

/// line (1-based) -> rule ids suppressed by a marker on that line.
std::map<int, std::vector<std::string>> SuppressionMarkers(std::string_view source) {
  std::map<int, std::vector<std::string>> markers;
  std::size_t at = source.find(kSuppressMarker);
  while (at != std::string_view::npos) {
    const int line = 1 + static_cast<int>(std::count(source.begin(), source.begin() + at, '\n'));
    const std::size_t open = at + kSuppressMarker.size();
    const std::size_t close = source.find(']', open);
    const std::size_t newline = source.find('\n', open);
    if (close != std::string_view::npos && close < newline) {
      std::string_view list = source.substr(open, close - open);
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string_view id = list.substr(0, comma);
        while (!id.empty() && id.front() == ' ') id.remove_prefix(1);
        while (!id.empty() && id.back() == ' ') id.remove_suffix(1);
        if (!id.empty()) markers[line].emplace_back(id);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      }
    }
    at = source.find(kSuppressMarker, open);
  }
  return markers;
}

}  // namespace

void ApplySuppressions(std::string_view source, std::vector<RuleHit>& hits) {
  if (hits.empty() || source.find(kSuppressMarker) == std::string_view::npos) return;
  const auto markers = SuppressionMarkers(source);
  const auto suppresses = [&](int line, const std::string& id) {
    const auto found = markers.find(line);
    return found != markers.end() && std::any_of(found->second.begin(), found->second.end(),
                                                 [&](const std::string& m) { return m == id || m == "*"; });
  };
  for (RuleHit& hit : hits) {
    hit.suppressed = suppresses(hit.start_line, hit.rule_id) || suppresses(hit.start_line - 1, hit.rule_id);
  }
}

}  // namespace scbench::quality
