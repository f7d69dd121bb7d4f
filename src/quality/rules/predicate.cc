#include "quality/rules/predicate.h"

#include <algorithm>
#include <re2/re2.h>

#include "quality/syntax_tree.h"

namespace scbench::quality {
namespace {

std::string StringValue(const TSQuery* query, const TSQueryPredicateStep& step) {
  std::uint32_t length = 0;
  const char* text = ts_query_string_value_for_id(query, step.value_id, &length);
  return {text, length};
}

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
  return true;
}

/// One clause: the name step, the subject capture, then values (or a second capture for #eq?).
bool ReadClause(const TSQuery* query, const std::vector<TSQueryPredicateStep>& clause, Predicate& predicate,
                std::string& error) {
  if (clause.empty() || clause[0].type != TSQueryPredicateStepTypeString) {
    error = "malformed predicate";
    return false;
  }
  const std::string name = StringValue(query, clause[0]);
  if (!ReadName(name, predicate)) {
    error = "unsupported predicate #" + name + " (supported: eq?, match?, any-of?, has-parent?, has-ancestor? and their not- forms)";
    return false;
  }
  if (clause.size() < 3 || clause[1].type != TSQueryPredicateStepTypeCapture) {
    error = "#" + name + " needs a capture and a value";
    return false;
  }
  predicate.capture = clause[1].value_id;
  if (predicate.kind == PredicateKind::kEq && clause[2].type == TSQueryPredicateStepTypeCapture) {
    predicate.other_capture = clause[2].value_id;
  }
  for (std::size_t k = 2; k < clause.size(); ++k) {
    if (clause[k].type == TSQueryPredicateStepTypeString) predicate.values.push_back(StringValue(query, clause[k]));
  }
  return predicate.kind != PredicateKind::kMatch || CompileRegex(predicate, error);
}

std::optional<TSNode> CapturedNode(const TSQueryMatch& match, std::uint32_t capture) {
  for (std::uint16_t i = 0; i < match.capture_count; ++i) {
    if (match.captures[i].index == capture) return match.captures[i].node;
  }
  return std::nullopt;
}

std::optional<std::string_view> CapturedText(const TSQueryMatch& match, std::uint32_t capture, std::string_view source) {
  const auto node = CapturedNode(match, capture);
  return node ? std::optional(NodeText(*node, source)) : std::nullopt;
}

bool IsOneOf(std::string_view text, const std::vector<std::string>& values) {
  return std::find(values.begin(), values.end(), text) != values.end();
}

/// #has-parent? (only the parent) and #has-ancestor? (any node above) over node kinds.
bool HasKindAbove(const Predicate& predicate, TSNode node) {
  for (TSNode above = ts_node_parent(node); !ts_node_is_null(above); above = ts_node_parent(above)) {
    if (IsOneOf(ts_node_type(above), predicate.values)) return true;
    if (predicate.kind == PredicateKind::kHasParent) return false;
  }
  return false;
}

}  // namespace

bool ParsePredicates(const TSQuery* query, std::uint32_t pattern, std::vector<Predicate>& out, std::string& error) {
  std::uint32_t count = 0;
  const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(query, pattern, &count);
  std::vector<TSQueryPredicateStep> clause;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (steps[i].type != TSQueryPredicateStepTypeDone) {
      clause.push_back(steps[i]);
      continue;
    }
    Predicate predicate;
    if (!ReadClause(query, clause, predicate, error)) return false;
    out.push_back(std::move(predicate));
    clause.clear();
  }
  return true;
}

bool PredicateHolds(const Predicate& predicate, const TSQueryMatch& match, std::string_view source) {
  if (predicate.kind == PredicateKind::kHasParent || predicate.kind == PredicateKind::kHasAncestor) {
    const auto node = CapturedNode(match, predicate.capture);
    return !node || HasKindAbove(predicate, *node) != predicate.negated;
  }
  const auto subject = CapturedText(match, predicate.capture, source);
  if (!subject) return true;
  bool holds = false;
  switch (predicate.kind) {
    case PredicateKind::kEq:
      if (predicate.other_capture) {
        holds = CapturedText(match, *predicate.other_capture, source) == subject;
      } else {
        holds = !predicate.values.empty() && predicate.values[0] == *subject;
      }
      break;
    case PredicateKind::kMatch:
      holds = re2::RE2::PartialMatch(re2::StringPiece(subject->data(), subject->size()), *predicate.regex);
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
