#include "quality/rules/rule_set.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>
#include <set>

#include "common/work_queue.h"
#include "quality/rules/pattern_roots.h"

namespace scbench::quality {
namespace {

/// Query compilation grows faster than the number of rules in the query, and each query
/// also pays a fixed scan of the grammar's parse table: measured on the Python pack, 95
/// rules compile in 0.55 s as one query, 0.35 s as two and 0.31 s as four (one core).
constexpr std::size_t kRulesPerQuery = 24;
/// Below this many rules a query is not split just to keep every core busy.
constexpr std::size_t kMinRulesPerQuery = 12;

/// Groups `rules` so that rules whose patterns can start at a common node kind share a
/// group (transitively); rules that may start anywhere share one group.
std::vector<std::vector<const Rule*>> GroupBySharedRootKind(const std::vector<const Rule*>& rules) {
  std::vector<std::size_t> joined(rules.size());  // union-find over rule indices
  std::iota(joined.begin(), joined.end(), std::size_t{0});
  const auto representative = [&](std::size_t i) {
    while (joined[i] != i) i = joined[i] = joined[joined[i]];
    return i;
  };
  std::map<std::string, std::size_t> first_rule_of_kind;  // "" = may start anywhere
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto kinds = QueryRootKinds(rules[i]->query);
    for (const std::string& kind : kinds ? *kinds : std::vector<std::string>{""}) {
      const auto [found, added] = first_rule_of_kind.emplace(kind, i);
      if (!added) joined[representative(i)] = representative(found->second);
    }
  }
  std::map<std::size_t, std::vector<const Rule*>> components;
  for (std::size_t i = 0; i < rules.size(); ++i) components[representative(i)].push_back(rules[i]);
  std::vector<std::vector<const Rule*>> groups;
  for (auto& entry : components) groups.push_back(std::move(entry.second));
  return groups;
}

}  // namespace

std::vector<const Language*> LanguagesRunning(std::string_view rule_language) {
  std::vector<const Language*> out;
  for (const Language& language : BuiltinLanguages()) {
    if (language.name() == rule_language || language.spec().shares_rules_of == rule_language) out.push_back(&language);
  }
  return out;
}

std::vector<std::vector<const Rule*>> SplitIntoQueries(const std::vector<const Rule*>& rules, std::size_t count) {
  auto groups = GroupBySharedRootKind(rules);
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::vector<std::vector<const Rule*>> parts(count);
  for (const auto& group : groups) {
    auto& lightest = *std::min_element(parts.begin(), parts.end(),
                                       [](const auto& a, const auto& b) { return a.size() < b.size(); });
    lightest.insert(lightest.end(), group.begin(), group.end());
  }
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const auto& part) { return part.empty(); }), parts.end());
  return parts;
}

/// Some of a language's rules and, once compiled, their query.
struct RuleSet::QueryChunk {
  std::vector<const Rule*> rules;
  std::once_flag compiled;
  std::unique_ptr<RuleQuery> query;  // null until compiled, and when a rule is broken
  std::string error;

  void Compile(const Language& language) {
    std::call_once(compiled, [&] { query = RuleQuery::Compile(language, rules, error); });
  }
};

/// A language's rules, split into queries that compile in parallel.
struct RuleSet::LanguageRules {
  const Language* language = nullptr;
  std::vector<const Rule*> rules;
  std::vector<std::unique_ptr<QueryChunk>> chunks;
  std::once_flag finished;
  bool ok = false;   // every chunk compiled
  RootFilter roots;  // where any chunk's patterns can start
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

std::optional<RuleSet> RuleSet::Load(std::vector<Rule> rules, std::string& error) {
  RuleSet set;
  set.rules_ = std::move(rules);
  std::set<std::string> ids;
  for (const Rule& rule : set.rules_) {
    if (!ids.insert(rule.id).second) {
      error = RuleError(rule, "duplicate rule id");
      return std::nullopt;
    }
    const std::vector<const Language*> targets = LanguagesRunning(rule.language);
    if (targets.empty()) {
      error = RuleError(rule, "language '" + rule.language + "' is not built in");
      return std::nullopt;
    }
    for (const Language* language : targets) set.AddRule(*language, rule);
  }
  const std::size_t workers = WorkerCount(0);
  for (const auto& entry : set.languages_) {
    const std::size_t rule_count = entry->rules.size();
    const std::size_t count = std::max({std::size_t{1}, (rule_count + kRulesPerQuery - 1) / kRulesPerQuery,
                                        std::min(workers, rule_count / kMinRulesPerQuery)});
    for (auto& part : SplitIntoQueries(entry->rules, count)) {
      entry->chunks.emplace_back(std::make_unique<QueryChunk>())->rules = std::move(part);
    }
  }
  return set;
}

void RuleSet::AddRule(const Language& language, const Rule& rule) {
  LanguageRules* entry = RulesOf(language);
  if (entry == nullptr) {
    entry = languages_.emplace_back(std::make_unique<LanguageRules>()).get();
    entry->language = &language;
  }
  entry->rules.push_back(&rule);
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

const RuleSet::LanguageRules* RuleSet::Compiled(LanguageRules& entry) const {
  for (const auto& chunk : entry.chunks) chunk->Compile(*entry.language);
  std::call_once(entry.finished, [&] {
    for (const auto& chunk : entry.chunks) {
      if (!chunk->query) {
        entry.error = chunk->error;
        return;
      }
      entry.roots.Merge(chunk->query->roots());
    }
    entry.ok = true;
  });
  return entry.ok ? &entry : nullptr;
}

bool RuleSet::Prepare(const std::vector<const Language*>& languages, std::string& error) const {
  std::vector<LanguageRules*> wanted;
  std::vector<std::pair<const Language*, QueryChunk*>> chunks;
  for (const Language* language : languages) {
    LanguageRules* entry = RulesOf(*language);
    if (entry == nullptr || std::find(wanted.begin(), wanted.end(), entry) != wanted.end()) continue;
    wanted.push_back(entry);
    for (const auto& chunk : entry->chunks) chunks.emplace_back(language, chunk.get());
  }
  // Query analysis dominates start-up: the biggest queries start first so that no worker
  // is left with one at the end.
  std::stable_sort(chunks.begin(), chunks.end(),
                   [](const auto& a, const auto& b) { return a.second->rules.size() > b.second->rules.size(); });
  RunParallel(chunks.size(), WorkerCount(0), [&](std::size_t i, unsigned) { chunks[i].second->Compile(*chunks[i].first); });
  for (LanguageRules* entry : wanted) {
    if (Compiled(*entry) == nullptr) {
      error = entry->error;
      return false;
    }
  }
  return true;
}

const RootFilter* RuleSet::RootsOf(const Language& language) const {
  LanguageRules* entry = RulesOf(language);
  const LanguageRules* compiled = entry != nullptr ? Compiled(*entry) : nullptr;
  return compiled != nullptr ? &compiled->roots : nullptr;
}

std::vector<RuleHit> RuleSet::Match(const Language& language, const TSTree* tree, std::string_view source,
                                    const std::vector<TSNode>* roots) const {
  std::vector<RuleHit> hits;
  LanguageRules* entry = RulesOf(language);
  const LanguageRules* compiled = entry != nullptr ? Compiled(*entry) : nullptr;
  if (compiled == nullptr) return hits;
  std::optional<RuleRootCollector> own_roots;
  if (roots == nullptr) {
    WalkTree(tree, own_roots.emplace(*this, language));
    roots = &own_roots->roots;
  }
  TSQueryCursor* cursor = ts_query_cursor_new();
  for (const auto& chunk : compiled->chunks) {
    const RuleQuery& query = *chunk->query;
    if (query.roots().any) {  // some pattern may start anywhere: one pass over the tree
      query.MatchFrom(cursor, ts_tree_root_node(tree), false, source, hits);
      continue;
    }
    for (const TSNode root : *roots) {
      if (query.roots().Contains(ts_node_symbol(root))) query.MatchFrom(cursor, root, true, source, hits);
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

}  // namespace scbench::quality
