#include "quality/rules/rule_set.h"

#include <algorithm>
#include <set>

#include "quality/rules/pattern_matcher.h"

namespace scbench::quality {

/// A language's patterns, each with its rule, indexed by the kinds where they start.
struct RuleSet::LanguageRules {
  const Language* language = nullptr;
  std::vector<QueryPattern> patterns;
  std::vector<const Rule*> rule_of_pattern;
  std::vector<std::vector<std::uint32_t>> patterns_at_symbol;
  std::vector<std::uint32_t> patterns_anywhere;
  RootFilter roots;

  void Index(std::size_t first_new) {
    const std::size_t symbols = ts_language_symbol_count(language->grammar());
    patterns_at_symbol.resize(symbols);
    roots.symbols.resize(symbols, 0);
    for (std::size_t i = first_new; i < patterns.size(); ++i) {
      const auto index = static_cast<std::uint32_t>(i);
      if (patterns[i].root_symbols.empty()) {
        patterns_anywhere.push_back(index);
        roots.any = true;
      }
      for (const TSSymbol symbol : patterns[i].root_symbols) {
        patterns_at_symbol[symbol].push_back(index);
        roots.symbols[symbol] = 1;
      }
    }
  }
};

namespace {

/// The hit of one match: the lines of every node bound to the flagged capture (an
/// initialisation and the loop that fills it make one hit).
void AddHit(const Rule& rule, std::uint16_t flagged, std::span<const CapturedNode> captures, const NodeTable& table,
            std::vector<RuleHit>& hits) {
  int first = 0, last = 0;
  for (const CapturedNode& captured : captures) {
    if (captured.capture != flagged) continue;
    const int start = static_cast<int>(table[captured.node].start_row) + 1;
    const int end = static_cast<int>(table[captured.node].end_row) + 1;
    first = first == 0 ? start : std::min(first, start);
    last = std::max(last, end);
  }
  if (last > 0) hits.push_back({rule.id, first, last, rule.severity, false});
}

void SortAndDeduplicate(std::vector<RuleHit>& hits) {
  std::sort(hits.begin(), hits.end(), [](const RuleHit& a, const RuleHit& b) {
    return std::tie(a.start_line, a.rule_id, a.end_line) < std::tie(b.start_line, b.rule_id, b.end_line);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const RuleHit& a, const RuleHit& b) {
                           return a.start_line == b.start_line && a.end_line == b.end_line && a.rule_id == b.rule_id;
                         }),
             hits.end());
}

}  // namespace

std::vector<const Language*> LanguagesRunning(std::string_view rule_language) {
  std::vector<const Language*> out;
  for (const Language& language : BuiltinLanguages()) {
    if (language.name() == rule_language || language.spec().shares_rules_of == rule_language) out.push_back(&language);
  }
  return out;
}

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
    for (const Language* language : targets) {
      if (!set.AddRule(*language, rule, error)) return std::nullopt;
    }
  }
  return set;
}

bool RuleSet::AddRule(const Language& language, const Rule& rule, std::string& error) {
  LanguageRules* entry = RulesOf(language);
  if (entry == nullptr) {
    entry = languages_.emplace_back(std::make_unique<LanguageRules>()).get();
    entry->language = &language;
  }
  const std::size_t first_new = entry->patterns.size();
  if (!ReadQueryPatterns(language.grammar(), rule, entry->patterns, error)) return false;
  entry->rule_of_pattern.resize(entry->patterns.size(), &rule);
  entry->Index(first_new);
  return true;
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

const RootFilter* RuleSet::RootsOf(const Language& language) const {
  const LanguageRules* entry = RulesOf(language);
  return entry != nullptr ? &entry->roots : nullptr;
}

std::optional<std::vector<std::string>> RuleSet::StartKinds(const Rule& rule) const {
  const std::vector<const Language*> running = LanguagesRunning(rule.language);
  const LanguageRules* entry = running.empty() ? nullptr : RulesOf(*running.front());
  std::vector<std::string> kinds;
  for (std::size_t i = 0; entry != nullptr && i < entry->patterns.size(); ++i) {
    if (entry->rule_of_pattern[i] != &rule) continue;
    if (entry->patterns[i].root_symbols.empty()) return std::nullopt;
    for (const TSSymbol symbol : entry->patterns[i].root_symbols) {
      std::string kind = ts_language_symbol_name(entry->language->grammar(), symbol);
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(std::move(kind));
    }
  }
  return kinds;
}

std::vector<RuleHit> RuleSet::Match(const Language& language, const NodeTable& table, std::string_view source) const {
  std::vector<RuleHit> hits;
  const LanguageRules* entry = RulesOf(language);
  if (entry == nullptr) return hits;
  PatternMatcher matcher(table, source);
  const auto match_at = [&](std::uint32_t index, std::uint32_t node) {
    const QueryPattern& pattern = entry->patterns[index];
    const Rule& rule = *entry->rule_of_pattern[index];
    matcher.MatchAt(pattern, node, [&](std::span<const CapturedNode> captures) {
      AddHit(rule, pattern.flagged_capture, captures, table, hits);
    });
  };
  for (std::uint32_t node = 0; node < table.size(); ++node) {
    const TSSymbol symbol = table[node].symbol;
    if (symbol < entry->patterns_at_symbol.size()) {
      for (const std::uint32_t index : entry->patterns_at_symbol[symbol]) match_at(index, node);
    }
    for (const std::uint32_t index : entry->patterns_anywhere) match_at(index, node);
  }
  SortAndDeduplicate(hits);
  return hits;
}

std::vector<RuleHit> RuleSet::Match(const Language& language, const TSTree* tree, std::string_view source) const {
  NodeTable table(language.grammar());
  BuildNodeTable(tree, table);
  return Match(language, table, source);
}

}  // namespace scbench::quality
