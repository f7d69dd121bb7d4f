#include "quality/rules/predicate.h"

#include <algorithm>
#include <re2/re2.h>


namespace scbench::quality {
namespace {

/// "eq?", "not-match?" ... -> kind and negation; false for a predicate we do not evaluate.
bool ReadName(std::string name, Predicate& predicate) {
  predicate.negated = name.rfind("not-", 0) == 0;
  if (predicate.negated) name = name.substr(4);
  if (name == "eq?") {
    predicate.kind = PredicateKind::kEq;
  } else if (name == "match?") {
    predicate.kind = PredicateKind::kMatch;
  } else if (name == "any-of?") {
    predicate.kind = PredicateKind::kAnyOf;
  } else if (name == "has-parent?") {
    predicate.kind = PredicateKind::kHasParent;
  } else if (name == "has-ancestor?") {
    predicate.kind = PredicateKind::kHasAncestor;
  } else {
    return false;
  }
  return true;
}

/// Whether every match of `pattern` must start at the beginning of the text: it begins with
/// `^` and has no `|` outside parentheses, classes and escapes that could open an alternative
/// without it. False whenever unsure (`\Q...\E` quoting, flags before the `^`).
bool AnchoredAtStart(std::string_view pattern) {
  if (!pattern.starts_with('^') || pattern.find("\\Q") != std::string_view::npos) return false;
  int depth = 0;
  for (std::size_t i = 1; i < pattern.size(); ++i) {
    switch (pattern[i]) {
      case '\\':
        ++i;  // the escaped character
        break;
      case '[': {  // a class: a ']' right after '[' or '[^' is a member
        i += pattern.substr(i + 1).starts_with('^') ? 2 : 1;
        if (i < pattern.size() && pattern[i] == ']') ++i;
        while (i < pattern.size() && pattern[i] != ']') i += pattern[i] == '\\' ? 2 : 1;
        break;
      }
      case '(': ++depth; break;
      case ')': --depth; break;
      case '|':
        if (depth == 0) return false;
        break;
      default: break;
    }
  }
  return true;
}

bool CompileRegex(Predicate& predicate, std::string& error) {
  if (predicate.values.size() != 1) {
    error = "#match? takes one regular expression";
    return false;
  }
  predicate.regex = std::make_shared<re2::RE2>(predicate.values[0], re2::RE2::Quiet);
  if (!predicate.regex->ok()) {
    error = "bad regular expression '" + predicate.values[0] + "': " + predicate.regex->error();
    return false;
  }
  // RE2 bounds every match that starts at the beginning of the text (min <= match <= max);
  // when the expression can match nowhere else, and a non-empty min rules out the empty
  // match, the text's first byte lies between the bounds' first bytes.
  std::string min, max;
  if (AnchoredAtStart(predicate.values[0]) && predicate.regex->PossibleMatchRange(&min, &max, 1) && !min.empty() &&
      !max.empty()) {
    predicate.has_first_byte_range = true;
    predicate.first_byte_min = static_cast<unsigned char>(min[0]);
    predicate.first_byte_max = static_cast<unsigned char>(max[0]);
  }
  return true;
}

bool ResolveKinds(const TSLanguage* grammar, Predicate& predicate, std::string& error) {
  const std::uint32_t count = ts_language_symbol_count(grammar);
  for (const std::string& kind : predicate.values) {
    const std::size_t before = predicate.kind_symbols.size();
    for (TSSymbol symbol = 0; symbol < count; ++symbol) {
      if (kind == ts_language_symbol_name(grammar, symbol)) predicate.kind_symbols.push_back(symbol);
    }
    if (predicate.kind_symbols.size() == before) {
      error = "no node kind '" + kind + "' in this language";
      return false;
    }
  }
  return true;
}

bool MayMatch(const Predicate& predicate, std::string_view text) {
  if (!predicate.has_first_byte_range) return true;
  if (text.empty()) return false;
  const auto first = static_cast<unsigned char>(text.front());
  return first >= predicate.first_byte_min && first <= predicate.first_byte_max;
}

std::optional<std::uint32_t> FindCaptured(std::span<const CapturedNode> captures, std::uint16_t capture) {
  for (const CapturedNode& captured : captures) {
    if (captured.capture == capture) return captured.node;
  }
  return std::nullopt;
}

std::optional<std::string_view> CapturedText(std::span<const CapturedNode> captures, std::uint16_t capture,
                                             const NodeTable& table, std::string_view source) {
  const auto node = FindCaptured(captures, capture);
  return node ? std::optional(table.Text(*node, source)) : std::nullopt;
}

bool IsOneOf(std::string_view text, const std::vector<std::string>& values) {
  return std::find(values.begin(), values.end(), text) != values.end();
}

/// #has-parent? (only the parent) and #has-ancestor? (any node above) over node kinds.
bool HasKindAbove(const Predicate& predicate, std::uint32_t node, const NodeTable& table) {
  const std::vector<TSSymbol>& kinds = predicate.kind_symbols;
  for (std::uint32_t above = table[node].parent; above != NodeTable::kNone; above = table[above].parent) {
    if (std::find(kinds.begin(), kinds.end(), table[above].symbol) != kinds.end()) return true;
    if (predicate.kind == PredicateKind::kHasParent) return false;
  }
  return false;
}

}  // namespace

bool MakePredicate(std::string_view name, const std::vector<PredicateArgument>& arguments, const TSLanguage* grammar,
                   Predicate& out, std::string& error) {
  if (!ReadName(std::string(name), out)) {
    error = "unsupported predicate #" + std::string(name) +
            " (supported: eq?, match?, any-of?, has-parent?, has-ancestor? and their not- forms)";
    return false;
  }
  if (arguments.size() < 2 || !arguments[0].is_capture) {
    error = "#" + std::string(name) + " needs a capture and a value";
    return false;
  }
  out.capture = arguments[0].capture;
  if (out.kind == PredicateKind::kEq && arguments[1].is_capture) out.other_capture = arguments[1].capture;
  for (std::size_t k = 1; k < arguments.size(); ++k) {
    if (!arguments[k].is_capture) out.values.push_back(arguments[k].text);
  }
  if (out.kind == PredicateKind::kHasParent || out.kind == PredicateKind::kHasAncestor) {
    return ResolveKinds(grammar, out, error);
  }
  return out.kind != PredicateKind::kMatch || CompileRegex(out, error);
}

bool IsCheap(const Predicate& predicate) {
  return predicate.kind != PredicateKind::kMatch || predicate.has_first_byte_range;
}

bool PredicateHolds(const Predicate& predicate, std::span<const CapturedNode> captures, const NodeTable& table,
                    std::string_view source) {
  if (predicate.kind == PredicateKind::kHasParent || predicate.kind == PredicateKind::kHasAncestor) {
    const auto node = FindCaptured(captures, predicate.capture);
    return !node || HasKindAbove(predicate, *node, table) != predicate.negated;
  }
  const auto subject = CapturedText(captures, predicate.capture, table, source);
  if (!subject) return true;
  bool holds = false;
  switch (predicate.kind) {
    case PredicateKind::kEq:
      if (predicate.other_capture) {
        holds = CapturedText(captures, *predicate.other_capture, table, source) == subject;
      } else {
        holds = !predicate.values.empty() && predicate.values[0] == *subject;
      }
      break;
    case PredicateKind::kMatch:
      holds = MayMatch(predicate, *subject) &&
              re2::RE2::PartialMatch(re2::StringPiece(subject->data(), subject->size()), *predicate.regex);
      break;
    case PredicateKind::kAnyOf:
      holds = IsOneOf(*subject, predicate.values);
      break;
    default:
      break;
  }
  return holds != predicate.negated;
}

}  // namespace scbench::quality
