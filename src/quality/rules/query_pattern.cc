#include "quality/rules/query_pattern.h"

#include <algorithm>
#include <cctype>

namespace scbench::quality {
namespace {

/// Deeper queries, or longer sequences of siblings, are refused rather than risk the
/// reader's and the matcher's stacks (the matcher recurses once per element).
constexpr int kMaxNesting = 64;
constexpr std::size_t kMaxItems = 256;

bool IsIdentifierStart(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-'; }

bool IsIdentifierChar(char c) { return IsIdentifierStart(c) || c == '.' || c == '?' || c == '!'; }

/// Reads one query text. Every Read* function returns false after recording the error.
class QueryReader {
 public:
  QueryReader(const TSLanguage* grammar, std::string_view text) : grammar_(grammar), text_(text) {}

  bool ReadAll(std::vector<QueryPattern>& out);
  const std::string& error() const { return error_; }
  const std::vector<std::string>& capture_names() const { return capture_names_; }

 private:
  void SkipSpace();
  bool AtEnd() { return pos_ >= text_.size(); }
  char Peek(std::size_t ahead = 0) { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  std::string_view ReadIdentifier();
  bool ReadString(std::string& out);
  bool Fail(const std::string& what);

  bool ReadTopLevel(std::vector<QueryPattern>& out);
  bool ReadPattern(PatternElement& out, int depth);
  bool ReadParenthesized(PatternElement& out, int depth);
  bool ReadAlternation(PatternElement& out, int depth);
  bool ReadItems(PatternElement& parent, int depth);
  bool ReadChild(PatternElement& parent, bool anchored, int depth);
  TSFieldId ReadFieldName();
  bool ReadFieldPrefix(TSFieldId& field);
  bool ReadPredicate();
  bool ReadSuffix(PatternElement& out);
  bool ReadKind(std::string_view name, bool named, PatternElement& out);
  std::uint16_t CaptureId(std::string_view name);

  const TSLanguage* grammar_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
  std::vector<std::string> capture_names_;
  std::vector<Predicate> predicates_;  // of the pattern being read
};

void QueryReader::SkipSpace() {
  while (!AtEnd()) {
    if (std::isspace(static_cast<unsigned char>(Peek())) != 0) {
      ++pos_;
    } else if (Peek() == ';') {
      while (!AtEnd() && Peek() != '\n') ++pos_;
    } else {
      return;
    }
  }
}

bool QueryReader::Fail(const std::string& what) {
  if (!error_.empty()) return false;
  const std::size_t at = std::min(pos_, text_.size());
  const int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  error_ = what + " in query line " + std::to_string(line) + " near '" + std::string(text_.substr(at, 24)) + "'";
  return false;
}

std::string_view QueryReader::ReadIdentifier() {
  const std::size_t start = pos_;
  if (!AtEnd() && IsIdentifierStart(Peek())) {
    while (!AtEnd() && IsIdentifierChar(Peek())) ++pos_;
  }
  return text_.substr(start, pos_ - start);
}

bool QueryReader::ReadString(std::string& out) {
  ++pos_;  // the opening quote
  while (!AtEnd() && Peek() != '"') {
    char c = text_[pos_++];
    if (c == '\\' && !AtEnd()) {
      c = text_[pos_++];
      c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == '0' ? '\0' : c;
    }
    out.push_back(c);
  }
  if (AtEnd()) return Fail("syntax error: unterminated string");
  ++pos_;
  return true;
}

std::uint16_t QueryReader::CaptureId(std::string_view name) {
  const auto found = std::find(capture_names_.begin(), capture_names_.end(), name);
  if (found != capture_names_.end()) return static_cast<std::uint16_t>(found - capture_names_.begin());
  capture_names_.emplace_back(name);
  return static_cast<std::uint16_t>(capture_names_.size() - 1);
}

bool QueryReader::ReadKind(std::string_view name, bool named, PatternElement& out) {
  if (named && name == "MISSING") return Fail("MISSING patterns are not supported");
  const TSSymbol symbol =
      ts_language_symbol_for_name(grammar_, name.data(), static_cast<std::uint32_t>(name.size()), named);
  if (symbol == 0) return Fail("unknown node type '" + std::string(name) + "'");
  if (ts_language_symbol_type(grammar_, symbol) == TSSymbolTypeSupertype) {
    return Fail("supertype '" + std::string(name) + "' is not supported; list its kinds in an alternation");
  }
  out.test = PatternElement::Test::kKind;
  out.symbol = symbol;
  return true;
}

/// `?` and captures after a pattern.
bool QueryReader::ReadSuffix(PatternElement& out) {
  SkipSpace();
  if (Peek() == '*' || Peek() == '+') {
    return Fail(std::string("quantifier '") + Peek() + "' is not supported (use '?', or one pattern per count)");
  }
  if (Peek() == '?') {
    out.optional = true;
    ++pos_;
    SkipSpace();
  }
  while (Peek() == '@') {
    ++pos_;
    const std::string_view name = ReadIdentifier();
    if (name.empty()) return Fail("syntax error: capture without a name");
    out.captures.push_back(CaptureId(name));
    SkipSpace();
  }
  return true;
}

bool QueryReader::ReadPattern(PatternElement& out, int depth) {
  if (depth > kMaxNesting) return Fail("query nested more than " + std::to_string(kMaxNesting) + " levels");
  SkipSpace();
  const char c = Peek();
  bool ok = true;
  if (c == '(') {
    ++pos_;
    ok = ReadParenthesized(out, depth);
  } else if (c == '[') {
    ++pos_;
    ok = ReadAlternation(out, depth);
  } else if (c == '"') {
    std::string literal;
    ok = ReadString(literal) && ReadKind(literal, false, out);
  } else if (c == '_' && !IsIdentifierChar(Peek(1))) {
    ++pos_;
    out.test = PatternElement::Test::kAnyNode;
  } else {
    return Fail("syntax error: expected a pattern");
  }
  return ok && ReadSuffix(out);
}

/// After '(': a node `(kind ...)`, a named wildcard `(_ ...)`, or a group `((a) (b))`.
bool QueryReader::ReadParenthesized(PatternElement& out, int depth) {
  SkipSpace();
  if (IsIdentifierStart(Peek())) {
    const std::string_view name = ReadIdentifier();
    if (Peek() == '/') return Fail("'kind/subkind' patterns are not supported");
    if (name == "_") {
      out.test = PatternElement::Test::kAnyNamed;
    } else if (!ReadKind(name, true, out)) {
      return false;
    }
    out.form = PatternElement::Form::kNode;
  } else {
    out.form = PatternElement::Form::kGroup;
  }
  if (!ReadItems(out, depth)) return false;
  if (out.form == PatternElement::Form::kGroup && out.items.empty()) return Fail("syntax error: empty group");
  return true;
}

/// The children of a node or the members of a group, up to and including ')'.
bool QueryReader::ReadItems(PatternElement& parent, int depth) {
  bool anchored = false;
  while (true) {
    SkipSpace();
    const char c = Peek();
    if (c == ')') {
      ++pos_;
      parent.last_anchored = anchored;
      return true;
    }
    if (AtEnd()) return Fail("syntax error: missing ')'");
    if (c == '.') {
      ++pos_;
      anchored = true;
      continue;
    }
    if (c == '(' && Peek(1) == '#') {
      pos_ += 2;
      if (!ReadPredicate()) return false;
      continue;
    }
    if (!ReadChild(parent, anchored, depth)) return false;
    if (parent.items.size() > kMaxItems) return Fail("more than " + std::to_string(kMaxItems) + " elements in one node");
    anchored = false;
  }
}

/// A field name, resolved; 0 after recording an error.
TSFieldId QueryReader::ReadFieldName() {
  const std::string_view name = ReadIdentifier();
  const TSFieldId id = ts_language_field_id_for_name(grammar_, name.data(), static_cast<std::uint32_t>(name.size()));
  if (id == 0) Fail("unknown field '" + std::string(name) + "'");
  return id;
}

/// `field:` before a child, when there is one (`_` alone is the wildcard, not a field).
bool QueryReader::ReadFieldPrefix(TSFieldId& field) {
  const bool wildcard = Peek() == '_' && !IsIdentifierChar(Peek(1));
  if (!IsIdentifierStart(Peek()) || wildcard) return true;
  const std::size_t name_start = pos_;
  field = ReadFieldName();
  SkipSpace();
  if (Peek() != ':') {
    pos_ = name_start;
    error_.clear();
    return Fail("syntax error: expected 'field:' or a pattern");
  }
  ++pos_;
  return field != 0;
}

/// One child element, with its `field:` or as `!field`.
bool QueryReader::ReadChild(PatternElement& parent, bool anchored, int depth) {
  if (Peek() == '!') {
    ++pos_;
    const TSFieldId absent = ReadFieldName();
    if (absent == 0) return false;
    if (parent.form != PatternElement::Form::kNode) return Fail("'!field' outside a node");
    parent.absent_fields.push_back(absent);
    return true;
  }
  TSFieldId field = 0;
  if (!ReadFieldPrefix(field)) return false;
  PatternElement child;
  if (!ReadPattern(child, depth + 1)) return false;
  if (child.form == PatternElement::Form::kGroup && !child.captures.empty()) {
    return Fail("captures on a group are not supported");
  }
  child.field = field;
  child.immediate = anchored;
  parent.items.push_back(std::move(child));
  return true;
}

/// After '[': choices up to and including ']'.
bool QueryReader::ReadAlternation(PatternElement& out, int depth) {
  out.form = PatternElement::Form::kAlternation;
  while (true) {
    SkipSpace();
    if (Peek() == ']') {
      ++pos_;
      break;
    }
    if (AtEnd()) return Fail("syntax error: missing ']'");
    PatternElement choice;
    if (!ReadPattern(choice, depth + 1)) return false;
    if (choice.form == PatternElement::Form::kGroup && !choice.captures.empty()) {
      return Fail("captures on a group are not supported");
    }
    out.items.push_back(std::move(choice));
    if (out.items.size() > kMaxItems) return Fail("more than " + std::to_string(kMaxItems) + " choices");
  }
  if (out.items.empty()) return Fail("syntax error: empty alternation");
  return true;
}

/// After "(#": `name? args...)`.
bool QueryReader::ReadPredicate() {
  const std::string_view name = ReadIdentifier();
  std::vector<PredicateArgument> arguments;
  while (true) {
    SkipSpace();
    PredicateArgument argument;
    if (Peek() == ')') break;
    if (Peek() == '@') {
      ++pos_;
      const std::string_view capture = ReadIdentifier();
      const auto found = std::find(capture_names_.begin(), capture_names_.end(), capture);
      if (found == capture_names_.end()) return Fail("unknown capture @" + std::string(capture));
      argument.is_capture = true;
      argument.capture = static_cast<std::uint16_t>(found - capture_names_.begin());
    } else if (Peek() == '"') {
      if (!ReadString(argument.text)) return false;
    } else if (IsIdentifierStart(Peek())) {
      argument.text = ReadIdentifier();
    } else {
      return Fail(AtEnd() ? "syntax error: missing ')'" : "syntax error in predicate #" + std::string(name));
    }
    arguments.push_back(std::move(argument));
  }
  ++pos_;
  std::string predicate_error;
  if (!MakePredicate(name, arguments, grammar_, predicates_.emplace_back(), predicate_error)) {
    return Fail(predicate_error);
  }
  return true;
}

/// Field, anchor and captures of an alternation apply to whichever choice matches, and
/// the anchor before a group to its first member: they are handed down, so that the
/// matcher only ever tests one node against one element.
void HandDown(PatternElement& element) {
  if (element.form == PatternElement::Form::kAlternation) {
    for (PatternElement& choice : element.items) {
      if (element.field != 0) choice.field = element.field;
      choice.immediate = choice.immediate || element.immediate;
      choice.captures.insert(choice.captures.end(), element.captures.begin(), element.captures.end());
    }
    element.captures.clear();
  } else if (element.form == PatternElement::Form::kGroup && element.immediate && !element.items.empty()) {
    element.items.front().immediate = true;
  }
  for (PatternElement& item : element.items) HandDown(item);
}

/// Kinds where `element` can match; false when it can match any kind.
bool CollectRootSymbols(const PatternElement& element, const TSLanguage* grammar, std::vector<TSSymbol>& out) {
  if (element.form == PatternElement::Form::kAlternation) {
    for (const PatternElement& choice : element.items) {
      if (!CollectRootSymbols(choice, grammar, out)) return false;
    }
    return true;
  }
  if (element.form != PatternElement::Form::kNode || element.test != PatternElement::Test::kKind) return false;
  if (element.symbol >= ts_language_symbol_count(grammar)) return false;  // ERROR: no table slot
  if (std::find(out.begin(), out.end(), element.symbol) == out.end()) out.push_back(element.symbol);
  return true;
}

void CountCaptures(const PatternElement& element, std::vector<int>& uses, bool& has_optional) {
  has_optional = has_optional || element.optional;
  for (const std::uint16_t capture : element.captures) {
    if (uses.size() <= capture) uses.resize(capture + 1u, 0);
    ++uses[capture];
  }
  for (const PatternElement& item : element.items) CountCaptures(item, uses, has_optional);
}

void PlanEarlyPredicates(QueryPattern& pattern) {
  std::vector<int> uses;
  bool has_optional = false;
  CountCaptures(pattern.root, uses, has_optional);
  pattern.checked_on_capture.assign(pattern.predicates.size(), false);
  pattern.predicates_on_capture.assign(uses.size(), {});
  if (has_optional) return;
  for (std::size_t i = 0; i < pattern.predicates.size(); ++i) {
    const Predicate& predicate = pattern.predicates[i];
    if (predicate.other_capture || predicate.capture >= uses.size() || uses[predicate.capture] != 1 ||
        !IsCheap(predicate)) {
      continue;
    }
    pattern.predicates_on_capture[predicate.capture].push_back(static_cast<std::uint16_t>(i));
    pattern.checked_on_capture[i] = true;
  }
}

/// A top-level group of one element is that element; a group of several is a sequence of
/// siblings, matched among the children of any node.
void UnwrapTopLevelGroup(PatternElement& root) {
  if (root.items.size() == 1 && !root.last_anchored && root.items.front().form != PatternElement::Form::kGroup) {
    PatternElement only = std::move(root.items.front());
    root = std::move(only);
    root.immediate = false;
    root.field = 0;
  } else {
    root.form = PatternElement::Form::kNode;
    root.test = PatternElement::Test::kAnyNode;
  }
}

/// A top-level alternation of nodes is one pattern per choice: each is then filed under
/// its own kind and keyed by its own literals (pattern_index.h).
std::vector<PatternElement> SplitChoices(PatternElement root) {
  std::vector<PatternElement> roots;
  const auto is_node = [](const PatternElement& choice) { return choice.form == PatternElement::Form::kNode; };
  if (root.form == PatternElement::Form::kAlternation && std::all_of(root.items.begin(), root.items.end(), is_node)) {
    roots = std::move(root.items);
  } else {
    roots.push_back(std::move(root));
  }
  return roots;
}

bool QueryReader::ReadTopLevel(std::vector<QueryPattern>& out) {
  predicates_.clear();
  PatternElement root;
  if (!ReadPattern(root, 0)) return false;
  if (root.optional) return Fail("a top-level pattern cannot be optional");
  if (root.form == PatternElement::Form::kGroup) {
    if (!root.captures.empty()) return Fail("captures on a group are not supported");
    UnwrapTopLevelGroup(root);
  }
  HandDown(root);
  for (PatternElement& start : SplitChoices(std::move(root))) {
    QueryPattern& pattern = out.emplace_back();
    if (!CollectRootSymbols(start, grammar_, pattern.root_symbols)) pattern.root_symbols.clear();
    pattern.root = std::move(start);
    pattern.predicates = predicates_;
    PlanEarlyPredicates(pattern);
  }
  return true;
}

bool QueryReader::ReadAll(std::vector<QueryPattern>& out) {
  SkipSpace();
  while (!AtEnd()) {
    if (!ReadTopLevel(out)) return false;
    SkipSpace();
  }
  if (out.empty()) return Fail("empty query");
  return true;
}

}  // namespace

bool ReadQueryPatterns(const TSLanguage* grammar, const Rule& rule, std::vector<QueryPattern>& out, std::string& error) {
  QueryReader reader(grammar, rule.query);
  std::vector<QueryPattern> patterns;
  if (!reader.ReadAll(patterns)) {
    error = RuleError(rule, reader.error());
    return false;
  }
  const auto& names = reader.capture_names();
  const auto flagged = std::find(names.begin(), names.end(), rule.capture);
  if (flagged == names.end()) {
    error = RuleError(rule, "query has no capture @" + rule.capture + " to flag");
    return false;
  }
  for (QueryPattern& pattern : patterns) pattern.flagged_capture = static_cast<std::uint16_t>(flagged - names.begin());
  out.insert(out.end(), std::make_move_iterator(patterns.begin()), std::make_move_iterator(patterns.end()));
  return true;
}

}  // namespace scbench::quality
