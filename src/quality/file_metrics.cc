#include "quality/file_metrics.h"

#include <algorithm>
#include <cctype>

namespace scbench::quality {
namespace {

constexpr std::uint8_t kHasCode = 1;
constexpr std::uint8_t kHasComment = 2;
constexpr std::uint8_t kHasDocstring = 4;
constexpr std::uint32_t kNone = UINT32_MAX;
constexpr TSSymbol kErrorSymbol = 65535;  // ts_builtin_sym_error, which api.h does not export

/// Where decisions, statements and nesting inside a region are credited. A function's
/// scope only counts its body (parameters and annotations are not part of its paths);
/// classes and decorators are scopes that credit nobody; a lambda credits itself and,
/// when transparent, its enclosing callable too (radon's convention).
struct Scope {
  std::uint32_t depth;
  int callable;  // index into callables, -1 for a scope that credits nobody
  bool transparent;
  std::uint32_t body_start;
  int nesting = 0;
};

enum class FrameKind { kCallable, kClass, kNamespace };

struct NameFrame {
  std::uint32_t depth;
  std::string qualified;
  FrameKind kind;
};

class MetricsWalk final : public SyntaxVisitor {
 public:
  MetricsWalk(const Language& language, std::string_view source, FileMeasurement& out)
      : language_(language), source_(source), out_(out) {}

  bool Enter(const TSNode& node, std::uint32_t depth, const NodeContext& context) override {
    context_ = &context;
    const TSSymbol symbol = context.symbol;
    const std::uint16_t roles = language_.roles(symbol);
    if (symbol == kErrorSymbol || (context.leaf && ts_node_is_missing(node))) ++out_.parse_errors;
    if ((roles & kRoleComment) != 0 && comment_depth_ == kNone) comment_depth_ = depth;
    if (context.leaf) MarkLeaf(context);
    if ((roles & kRoleStatement) != 0) EnterStatement(node, depth);
    if ((roles & kRoleNesting) != 0) EnterNesting(node, depth);
    if ((roles & kRoleDecision) != 0 && hidden_depth_ == kNone) CountDecision(node, symbol, depth);
    if ((roles & kRoleFunction) != 0) EnterFunction(node, depth);
    if ((roles & kRoleAnonymousCallable) != 0) EnterAnonymousCallable(node, depth);
    if ((roles & (kRoleClass | kRoleNamespace)) != 0) EnterClass(node, depth, (roles & kRoleClass) != 0);
    if ((roles & kRoleOpaque) != 0) scopes_.push_back({depth, -1, false, 0});
    return true;
  }

  void Leave(const TSNode&, std::uint32_t depth) override {
    while (!nesting_.empty() && nesting_.back().first == depth) {
      --scopes_[nesting_.back().second].nesting;
      nesting_.pop_back();
    }
    while (!scopes_.empty() && scopes_.back().depth == depth) scopes_.pop_back();
    while (!names_.empty() && names_.back().depth == depth) names_.pop_back();
    if (hidden_depth_ == depth) hidden_depth_ = kNone;
    if (docstring_depth_ == depth) docstring_depth_ = kNone;
    if (comment_depth_ == depth) comment_depth_ = kNone;
  }

  std::vector<std::uint8_t> line_flags;

 private:
  void MarkRows(const NodeContext& leaf, std::uint8_t flag) {
    const std::uint32_t last = std::min<std::uint32_t>(leaf.end_row, static_cast<std::uint32_t>(line_flags.size()) - 1);
    for (std::uint32_t row = leaf.start_row; row <= last; ++row) line_flags[row] |= flag;
  }

  /// Leaves inside a comment (Rust's doc-comment markers) belong to the comment.
  void MarkLeaf(const NodeContext& leaf) {
    if (leaf.start_byte == leaf.end_byte || line_flags.empty()) return;
    if (comment_depth_ != kNone) {
      MarkRows(leaf, kHasComment);
    } else {
      MarkRows(leaf, docstring_depth_ == kNone ? kHasCode : kHasDocstring);
    }
  }

  /// Calls `credit` with the index of every scope that owns a position: the innermost
  /// one whose body holds it, and the scopes around it as long as they are transparent.
  template <typename Credit>
  void ForEachCountingScope(TSNode node, Credit credit) {
    const std::uint32_t start = ts_node_start_byte(node);
    for (std::size_t i = scopes_.size(); i-- > 0;) {
      const Scope& scope = scopes_[i];
      if (scope.callable < 0 || start < scope.body_start) return;
      credit(i);
      if (!scope.transparent) return;
    }
  }

  void EnterStatement(TSNode node, std::uint32_t depth) {
    if (docstring_depth_ == kNone && language_.spec().is_docstring &&
        language_.spec().is_docstring(node, *context_)) {
      docstring_depth_ = depth;
      return;
    }
    ForEachCountingScope(node, [&](std::size_t i) { ++out_.callables[scopes_[i].callable].statements; });
  }

  void EnterNesting(TSNode node, std::uint32_t depth) {
    if (language_.spec().is_else_if != nullptr && language_.spec().is_else_if(node, *context_)) return;
    ForEachCountingScope(node, [&](std::size_t i) {
      Scope& scope = scopes_[i];
      ++scope.nesting;
      CallableMeasurement& callable = out_.callables[scope.callable];
      callable.max_nesting = std::max(callable.max_nesting, scope.nesting);
      nesting_.emplace_back(depth, i);
    });
  }

  void CountDecision(TSNode node, TSSymbol symbol, std::uint32_t depth) {
    const DecisionRule& rule = language_.decision_rule(symbol);
    if (rule.hides_descendants) hidden_depth_ = depth;
    const int weight = rule.counter != nullptr ? rule.counter(node, *context_, source_) : rule.weight;
    if (weight == 0) return;
    ForEachCountingScope(node, [&](std::size_t i) {
      out_.callables[scopes_[i].callable].cyclomatic_complexity += weight;
    });
  }

  int CountParameters(TSNode callable) const {
    if (language_.spec().count_parameters != nullptr) return language_.spec().count_parameters(callable, source_);
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
    if (names_.empty()) return std::string(name);
    return names_.back().qualified + std::string(language_.spec().name_separator) + std::string(name);
  }

  DefinitionName NameOf(TSNode definition) const {
    if (language_.spec().name_definition != nullptr) {
      return language_.spec().name_definition(definition, *context_, source_);
    }
    const TSNode name = ts_node_child_by_field_name(definition, "name", 4);
    return {{}, ts_node_is_null(name) ? std::string() : std::string(NodeText(name, source_))};
  }

  /// The qualified name of a definition written inside `owner` (`Foo` in `Foo::bar`).
  std::string QualifyOwned(const DefinitionName& name) const {
    if (name.owner.empty()) return Qualify(name.name);
    return Qualify(name.owner + std::string(language_.spec().name_separator) + name.name);
  }

  const char* CallableKind(const DefinitionName& name) const {
    if (!name.owner.empty()) return "method";
    if (names_.empty() || names_.back().kind == FrameKind::kNamespace) return "function";
    return names_.back().kind == FrameKind::kClass ? "method" : "closure";
  }

  int AddCallable(TSNode node, const DefinitionName& name, std::string kind) {
    CallableMeasurement callable;
    callable.qualified_name = QualifyOwned(name);
    callable.name = name.name;
    callable.kind = std::move(kind);
    callable.start_line = static_cast<int>(ts_node_start_point(node).row) + 1;
    callable.end_line = static_cast<int>(ts_node_end_point(node).row) + 1;
    callable.parameters = CountParameters(node);
    out_.callables.push_back(std::move(callable));
    return static_cast<int>(out_.callables.size()) - 1;
  }

  /// A function without a body (Java's abstract methods) is a declaration, not a
  /// callable; a body lost to a syntax error does not count as missing.
  bool IsDeclarationOnly(TSNode function) const {
    return ts_node_is_null(ts_node_child_by_field_id(function, language_.body_field())) && !ts_node_has_error(function);
  }

  void EnterFunction(TSNode node, std::uint32_t depth) {
    if (IsDeclarationOnly(node)) return;
    DefinitionName name = NameOf(node);
    if (name.name.empty()) name.name = "<anonymous>";
    const int index = AddCallable(node, name, CallableKind(name));
    const TrivialWrapperTest is_wrapper = language_.spec().is_trivial_wrapper;
    out_.callables[index].trivial_wrapper = is_wrapper != nullptr && is_wrapper(node, source_);
    const TSNode body = ts_node_child_by_field_id(node, language_.body_field());
    const std::uint32_t body_start = ts_node_is_null(body) ? ts_node_end_byte(node) : ts_node_start_byte(body);
    scopes_.push_back({depth, index, false, body_start});
    names_.push_back({depth, out_.callables[index].qualified_name, FrameKind::kCallable});
  }

  void EnterAnonymousCallable(TSNode node, std::uint32_t depth) {
    const LanguageSpec& spec = language_.spec();
    std::string name;
    if (spec.name_anonymous_callable != nullptr) name = spec.name_anonymous_callable(node, *context_, source_);
    const bool transparent = spec.lambdas_count_for_enclosing;
    if (name.empty() && transparent) return;
    if (name.empty()) name = "<anonymous>";
    const int index = AddCallable(node, {{}, std::move(name)}, "lambda");
    scopes_.push_back({depth, index, transparent, ts_node_start_byte(node)});
    names_.push_back({depth, out_.callables[index].qualified_name, FrameKind::kCallable});
  }

  /// Classes and namespaces credit nobody; an unnamed namespace qualifies no name.
  void EnterClass(TSNode node, std::uint32_t depth, bool is_class) {
    DefinitionName name = NameOf(node);
    scopes_.push_back({depth, -1, false, 0});
    if (name.name.empty() && !is_class) return;
    if (name.name.empty()) name.name = "<anonymous>";
    names_.push_back({depth, QualifyOwned(name), is_class ? FrameKind::kClass : FrameKind::kNamespace});
  }

  const Language& language_;
  std::string_view source_;
  FileMeasurement& out_;
  std::vector<Scope> scopes_;
  std::vector<NameFrame> names_;
  const NodeContext* context_ = nullptr;  // of the node being entered, during Enter
  std::vector<std::pair<std::uint32_t, std::size_t>> nesting_;  // (depth, scope index)
  std::uint32_t hidden_depth_ = kNone;
  std::uint32_t docstring_depth_ = kNone;
  std::uint32_t comment_depth_ = kNone;
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
