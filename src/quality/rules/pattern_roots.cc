#include "quality/rules/pattern_roots.h"

#include <algorithm>
#include <cctype>

namespace scbench::quality {
namespace {

using Kinds = std::vector<std::string>;

/// Rule queries are short; deeper nesting than this is not worth reading for roots.
constexpr int kMaxDepth = 64;

bool IsDelimiter(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '(' || c == ')' || c == '[' || c == ']' ||
         c == '"' || c == ';';
}

/// A cursor over query text that steps over whole items: a parenthesised node or group,
/// an alternation, a string, or a bare token such as `@capture`, `?` or `field:`.
class QueryText {
 public:
  explicit QueryText(std::string_view text) : text_(text) {}

  char Peek() {
    SkipSpace();
    return at_ < text_.size() ? text_[at_] : '\0';
  }
  void Advance() { ++at_; }

  std::string_view TakeItem() {
    SkipSpace();
    const std::size_t start = at_;
    const char first = Peek();
    if (first == '"') {
      SkipString();
    } else if (first == '(' || first == '[') {
      SkipBalanced();
    } else {
      ++at_;
      while (at_ < text_.size() && !IsDelimiter(text_[at_])) ++at_;
    }
    return text_.substr(start, at_ - start);
  }

  std::string_view TakeName() {
    SkipSpace();
    const std::size_t start = at_;
    while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) != 0 || text_[at_] == '_')) ++at_;
    return text_.substr(start, at_ - start);
  }

 private:
  void SkipSpace() {
    while (at_ < text_.size()) {
      if (text_[at_] == ';') {
        while (at_ < text_.size() && text_[at_] != '\n') ++at_;
      } else if (std::isspace(static_cast<unsigned char>(text_[at_])) != 0) {
        ++at_;
      } else {
        return;
      }
    }
  }
  void SkipString() {
    for (++at_; at_ < text_.size() && text_[at_] != '"'; ++at_) {
      if (text_[at_] == '\\') ++at_;
    }
    if (at_ < text_.size()) ++at_;
  }
  void SkipBalanced() {
    int depth = 0;
    do {
      const char c = text_[at_];
      if (c == '"') {
        SkipString();
        continue;
      }
      if (c == '(' || c == '[') ++depth;
      if (c == ')' || c == ']') --depth;
      ++at_;
    } while (depth > 0 && at_ < text_.size());
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

bool OpensNode(std::string_view item) { return !item.empty() && (item[0] == '(' || item[0] == '['); }

bool IsPredicate(std::string_view item) {
  QueryText text(item);
  text.Advance();
  return text.Peek() == '#';
}

std::optional<Kinds> ItemRoots(std::string_view item, int depth);

/// `[(a) (b) ...]`: the roots of every alternative; a string alternative can be anything.
std::optional<Kinds> AlternationRoots(QueryText& text, int depth) {
  text.Advance();
  Kinds kinds;
  while (text.Peek() != ']') {
    const std::string_view item = text.TakeItem();
    if (item.empty()) return std::nullopt;
    if (item[0] == '@') continue;
    if (!OpensNode(item)) return std::nullopt;
    const auto roots = ItemRoots(item, depth + 1);
    if (!roots) return std::nullopt;
    kinds.insert(kinds.end(), roots->begin(), roots->end());
  }
  return kinds;
}

/// `((a) @x (#eq? @x "y"))`: a group of one node with captures and predicates has that
/// node's roots; a sequence of sibling nodes or a quantified node does not start at one node.
std::optional<Kinds> GroupRoots(QueryText& text, int depth) {
  std::optional<Kinds> roots;
  while (text.Peek() != ')') {
    const std::string_view item = text.TakeItem();
    if (item.empty()) return std::nullopt;
    if (item[0] == '@' || (OpensNode(item) && IsPredicate(item))) continue;
    if (!OpensNode(item) || roots) return std::nullopt;
    roots = ItemRoots(item, depth + 1);
    if (!roots) return std::nullopt;
  }
  return roots;
}

std::optional<Kinds> ItemRoots(std::string_view item, int depth) {
  if (depth > kMaxDepth) return std::nullopt;
  QueryText text(item);
  if (text.Peek() == '[') return AlternationRoots(text, depth);
  text.Advance();
  const char next = text.Peek();
  if (next == '(' || next == '[') return GroupRoots(text, depth);
  const std::string_view name = text.TakeName();
  if (name.empty() || name == "_") return std::nullopt;
  return Kinds{std::string(name)};
}

}  // namespace

std::optional<std::vector<std::string>> QueryRootKinds(std::string_view query) {
  QueryText text(query);
  Kinds kinds;
  for (std::string_view item = text.TakeItem(); !item.empty(); item = text.TakeItem()) {
    if (item[0] == '@' || item[0] == '*' || item[0] == '+' || item[0] == '?') continue;  // on the pattern before
    if (!OpensNode(item)) return std::nullopt;
    const auto roots = ItemRoots(item, 0);
    if (!roots) return std::nullopt;
    for (const std::string& kind : *roots) {
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    }
  }
  return kinds;
}

std::optional<std::vector<std::string>> PatternRootKinds(std::string_view pattern) {
  QueryText text(pattern);
  const std::string_view first = text.TakeItem();
  if (!OpensNode(first)) return std::nullopt;
  return ItemRoots(first, 0);
}

}  // namespace scbench::quality
