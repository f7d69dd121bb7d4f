#include "quality/file_metrics.h"

#include <algorithm>
#include <cctype>

namespace scbench::quality {
namespace {

constexpr std::uint8_t kHasCode = 1;
constexpr std::uint8_t kHasComment = 2;
constexpr std::uint8_t kHasDocstring = 4;
constexpr std::uint32_t kNone = UINT32_MAX;

/// Where decisions, statements and nesting inside a region are credited. A function's
/// scope only counts its body (parameters and annotations are not part of its paths);
/// classes and decorators are scopes that credit nobody; a named lambda credits itself
/// and, being transparent, its enclosing callable too (radon's convention).
struct Scope {
  std::uint32_t depth;
  int callable;  // index into callables, -1 for a scope that credits nobody
  bool transparent;
  std::uint32_t body_start;
  int nesting = 0;
};

struct NameFrame {
  std::uint32_t depth;
  std::string qualified;
  bool is_class;
};

class MetricsWalk final : public SyntaxVisitor {
 public:
  MetricsWalk(const Language& language, std::string_view source, FileMeasurement& out)
      : language_(language), source_(source), out_(out) {}

  bool Enter(TSNode node, std::uint32_t depth, NodeContext context) override {
    context_ = context;
    const TSSymbol symbol = ts_node_symbol(node);
    const std::uint16_t roles = language_.roles(symbol);
    if (ts_node_is_error(node) || ts_node_is_missing(node)) ++out_.parse_errors;
    if (ts_node_child_count(node) == 0) MarkLeaf(node, roles);
    if ((roles & kRoleStatement) != 0) EnterStatement(node, depth);
    if ((roles & kRoleNesting) != 0) EnterNesting(node, depth);
    if ((roles & kRoleDecision) != 0 && hidden_depth_ == kNone) CountDecision(node, symbol, depth);
    if ((roles & kRoleFunction) != 0) EnterFunction(node, depth);
    if ((roles & kRoleAnonymousCallable) != 0) EnterAnonymousCallable(node, depth);
    if ((roles & kRoleClass) != 0) EnterClass(node, depth);
    if ((roles & kRoleOpaque) != 0) scopes_.push_back({depth, -1, false, 0});
    return true;
  }

  void Leave(TSNode, std::uint32_t depth) override {
    while (!nesting_.empty() && nesting_.back().first == depth) {
      --scopes_[nesting_.back().second].nesting;
      nesting_.pop_back();
    }
    while (!scopes_.empty() && scopes_.back().depth == depth) scopes_.pop_back();
    while (!names_.empty() && names_.back().depth == depth) names_.pop_back();
    if (hidden_depth_ == depth) hidden_depth_ = kNone;
    if (docstring_depth_ == depth) docstring_depth_ = kNone;
  }

  std::vector<std::uint8_t> line_flags;

 private:
  void MarkRows(TSNode node, std::uint8_t flag) {
    const std::uint32_t first = ts_node_start_point(node).row;
    const std::uint32_t last = std::min<std::uint32_t>(ts_node_end_point(node).row,
                                                       static_cast<std::uint32_t>(line_flags.size()) - 1);
    for (std::uint32_t row = first; row <= last && row < line_flags.size(); ++row) line_flags[row] |= flag;
  }

  void MarkLeaf(TSNode node, std::uint16_t roles) {
    if (ts_node_start_byte(node) == ts_node_end_byte(node) || line_flags.empty()) return;
    if ((roles & kRoleComment) != 0) {
      MarkRows(node, kHasComment);
    } else {
      MarkRows(node, docstring_depth_ == kNone ? kHasCode : kHasDocstring);
    }
  }

  /// The scope that owns a position inside its body, or nullptr.
  Scope* CountingScope(TSNode node) {
    if (scopes_.empty()) return nullptr;
    Scope& top = scopes_.back();
    if (top.callable < 0 || ts_node_start_byte(node) < top.body_start) return nullptr;
    return &top;
  }

  void EnterStatement(TSNode node, std::uint32_t depth) {
    if (docstring_depth_ == kNone && language_.spec().is_docstring &&
        language_.spec().is_docstring(node, context_)) {
      docstring_depth_ = depth;
      return;
    }
    if (Scope* scope = CountingScope(node); scope != nullptr && !scope->transparent) {
      ++out_.callables[scope->callable].statements;
    }
  }

  void EnterNesting(TSNode node, std::uint32_t depth) {
    Scope* scope = CountingScope(node);
    if (scope == nullptr || scope->transparent) return;
    ++scope->nesting;
    CallableMeasurement& callable = out_.callables[scope->callable];
    callable.max_nesting = std::max(callable.max_nesting, scope->nesting);
    nesting_.emplace_back(depth, scopes_.size() - 1);
  }

  void CountDecision(TSNode node, TSSymbol symbol, std::uint32_t depth) {
    const DecisionRule& rule = language_.decision_rule(symbol);
    if (rule.hides_descendants) hidden_depth_ = depth;
    const int weight = rule.counter != nullptr ? rule.counter(node, context_, source_) : rule.weight;
    if (weight == 0) return;
    const std::uint32_t start = ts_node_start_byte(node);
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
      if (scope->callable < 0 || start < scope->body_start) return;
      out_.callables[scope->callable].cyclomatic_complexity += weight;
      if (!scope->transparent) return;
    }
  }

  int CountParameters(TSNode callable) const {
    const TSNode parameters = ts_node_child_by_field_id(callable, language_.parameters_field());
    if (ts_node_is_null(parameters)) return 0;
    int count = 0;
    const std::uint32_t children = ts_node_named_child_count(parameters);
    for (std::uint32_t i = 0; i < children; ++i) {
      if ((language_.roles(ts_node_symbol(ts_node_named_child(parameters, i))) & kRoleParameter) != 0) ++count;
    }
    return count;
  }

  std::string Qualify(std::string_view name) const {
    return names_.empty() ? std::string(name) : names_.back().qualified + "." + std::string(name);
  }

  int AddCallable(TSNode node, std::string name, std::string kind) {
    CallableMeasurement callable;
    callable.qualified_name = Qualify(name);
    callable.name = std::move(name);
    callable.kind = std::move(kind);
    callable.start_line = static_cast<int>(ts_node_start_point(node).row) + 1;
    callable.end_line = static_cast<int>(ts_node_end_point(node).row) + 1;
    callable.parameters = CountParameters(node);
    out_.callables.push_back(std::move(callable));
    return static_cast<int>(out_.callables.size()) - 1;
  }

  void EnterFunction(TSNode node, std::uint32_t depth) {
    const TSNode name_node = ts_node_child_by_field_name(node, "name", 4);
    std::string name = ts_node_is_null(name_node) ? "<anonymous>" : std::string(NodeText(name_node, source_));
    const char* kind = names_.empty() ? "function" : (names_.back().is_class ? "method" : "closure");
    const int index = AddCallable(node, name, kind);
    const TrivialWrapperTest is_wrapper = language_.spec().is_trivial_wrapper;
    out_.callables[index].trivial_wrapper = is_wrapper != nullptr && is_wrapper(node, source_);
    const TSNode body = ts_node_child_by_field_id(node, language_.body_field());
    const std::uint32_t body_start = ts_node_is_null(body) ? ts_node_end_byte(node) : ts_node_start_byte(body);
    scopes_.push_back({depth, index, false, body_start});
    names_.push_back({depth, out_.callables[index].qualified_name, false});
  }

  void EnterAnonymousCallable(TSNode node, std::uint32_t depth) {
    if (language_.spec().name_anonymous_callable == nullptr) return;
    std::string name = language_.spec().name_anonymous_callable(node, context_, source_);
    if (name.empty()) return;
    const int index = AddCallable(node, name, "lambda");
    scopes_.push_back({depth, index, true, ts_node_start_byte(node)});
    names_.push_back({depth, out_.callables[index].qualified_name, false});
  }

  void EnterClass(TSNode node, std::uint32_t depth) {
    const TSNode name_node = ts_node_child_by_field_name(node, "name", 4);
    const std::string_view name = ts_node_is_null(name_node) ? "<anonymous>" : NodeText(name_node, source_);
    scopes_.push_back({depth, -1, false, 0});
    names_.push_back({depth, Qualify(name), true});
  }

  const Language& language_;
  std::string_view source_;
  FileMeasurement& out_;
  std::vector<Scope> scopes_;
  std::vector<NameFrame> names_;
  NodeContext context_{};  // of the node being entered
  std::vector<std::pair<std::uint32_t, std::size_t>> nesting_;  // (depth, scope index)
  std::uint32_t hidden_depth_ = kNone;
  std::uint32_t docstring_depth_ = kNone;
};

bool IsWhitespaceOnly(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

/// Combines token flags with the raw text into one kind per line and the counts.
void ClassifyLines(std::string_view source, const std::vector<std::uint8_t>& flags, FileMeasurement& out) {
  out.line_kinds.resize(flags.size());
  std::size_t begin = 0;
  for (std::size_t row = 0; row < flags.size(); ++row) {
    std::size_t end = source.find('\n', begin);
    if (end == std::string_view::npos) end = source.size();
    LineKind kind = LineKind::kCode;
    if (IsWhitespaceOnly(source.substr(begin, end - begin))) {
      kind = LineKind::kBlank;
    } else if ((flags[row] & kHasCode) == 0 && (flags[row] & kHasDocstring) != 0) {
      kind = LineKind::kDocstring;
    } else if ((flags[row] & kHasCode) == 0 && (flags[row] & kHasComment) != 0) {
      kind = LineKind::kComment;
    }
    out.line_kinds[row] = kind;
    begin = end + 1;
  }
  out.lines.total = static_cast<int>(flags.size());
  for (const LineKind kind : out.line_kinds) {
    out.lines.blank += kind == LineKind::kBlank;
    out.lines.comment += kind == LineKind::kComment;
    out.lines.docstring += kind == LineKind::kDocstring;
    out.lines.sloc += kind == LineKind::kCode;
  }
}

std::size_t CountLines(std::string_view source) {
  if (source.empty()) return 0;
  const auto newlines = static_cast<std::size_t>(std::count(source.begin(), source.end(), '\n'));
  return newlines + (source.back() == '\n' ? 0 : 1);
}

/// Prefix sums of code lines turn each callable's SLOC into two lookups.
void AssignCallableSloc(FileMeasurement& out) {
  std::vector<int> code_before(out.line_kinds.size() + 1, 0);
  for (std::size_t i = 0; i < out.line_kinds.size(); ++i) {
    code_before[i + 1] = code_before[i] + (out.line_kinds[i] == LineKind::kCode ? 1 : 0);
  }
  const int last = static_cast<int>(out.line_kinds.size());
  for (CallableMeasurement& callable : out.callables) {
    const int first = std::clamp(callable.start_line, 1, std::max(last, 1));
    const int end = std::clamp(callable.end_line, first, last);
    callable.sloc = last == 0 ? 0 : code_before[end] - code_before[first - 1];
  }
}

}  // namespace

FileMeasurement MeasureSyntax(const Language& language, const TSTree* tree, std::string_view source,
                              std::string path, const std::vector<SyntaxVisitor*>& also_visit) {
  FileMeasurement out;
  out.path = std::move(path);
  out.language = std::string(language.name());
  MetricsWalk walk(language, source, out);
  walk.line_flags.assign(CountLines(source), 0);
  if (also_visit.empty()) {
    WalkTree(tree, walk);
  } else {
    std::vector<SyntaxVisitor*> visitors{&walk};
    visitors.insert(visitors.end(), also_visit.begin(), also_visit.end());
    VisitorGroup group(std::move(visitors));
    WalkTree(tree, group);
  }
  ClassifyLines(source, walk.line_flags, out);
  AssignCallableSloc(out);
  return out;
}

FileMeasurement MeasureSource(const Language& language, std::string_view source, std::string path) {
  Parser parser;
  const SyntaxTree tree = parser.Parse(language, source);
  return MeasureSyntax(language, tree.get(), source, std::move(path));
}

}  // namespace scbench::quality
