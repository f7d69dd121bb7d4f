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
  PatternIndex index;

  explicit LanguageRules(const Language& of) : language(&of), index(ts_language_symbol_count(of.grammar())) {}
};

namespace {

/// The hit of one match: the lines of every node bound to the flagged capture (an
/// initialisation and the loop that fills it make one hit).
void AddHit(const Rule& rule, std::uint16_t flagged, std::span<const CapturedNode> captures, const NodeTable& table,
            const LineOfByte& line_of, std::vector<RuleHit>& hits) {
  int first = 0, last = 0;
  for (const CapturedNode& captured : captures) {
    if (captured.capture != flagged) continue;
    const TableNode& node = table[captured.node];
    const int start = line_of(node.start_byte);
    const int end = line_of(node.end_byte);  // the row of tree-sitter's end point
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
    entry = languages_.emplace_back(std::make_unique<LanguageRules>(language)).get();
  }
  const std::size_t first_new = entry->patterns.size();
  if (!ReadQueryPatterns(language.grammar(), rule, entry->patterns, error)) return false;
  entry->rule_of_pattern.resize(entry->patterns.size(), &rule);
  for (std::size_t i = first_new; i < entry->patterns.size(); ++i) {
    entry->index.Add(static_cast<std::uint32_t>(i), entry->patterns[i]);
  }
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

const KindSet* RuleSet::RootsOf(const Language& language) const {
  const LanguageRules* entry = RulesOf(language);
  return entry != nullptr ? &entry->index.roots() : nullptr;
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
  std::optional<LineOfByte> line_of;  // built at the first hit
  const auto match_at = [&](std::uint32_t index, std::uint32_t node) {
    const QueryPattern& pattern = entry->patterns[index];
    const Rule& rule = *entry->rule_of_pattern[index];
    matcher.MatchAt(pattern, node, [&](std::span<const CapturedNode> captures) {
      if (!line_of) line_of.emplace(source);
      AddHit(rule, pattern.flagged_capture, captures, table, *line_of, hits);
    });
  };
  // Most nodes start no pattern; one lookup passes them over without a call.
  const KindSet& roots = entry->index.roots();
  for (std::uint32_t node = 0; node < table.size(); ++node) {
    if (!roots.Contains(table[node].symbol)) continue;
    entry->index.ForEachCandidate(table, node, source, [&](std::uint32_t index) { match_at(index, node); });
  }
  SortAndDeduplicate(hits);
  return hits;
}

std::vector<RuleHit> RuleSet::Match(const Language& language, const TSTree* tree, std::string_view source) const {
  NodeTable table;
  BuildNodeTable(tree, table);
  return Match(language, table, source);
}

}  // namespace scbench::quality
