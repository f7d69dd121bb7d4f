#pragma once
/// A language is data: its tree-sitter grammar plus tables of node kinds that tell the
/// analyzer what is a callable, a decision point, a statement, a comment. Adding a language
/// means adding one file under languages/ that defines a LanguageSpec and registering it in
/// language_registry.cc.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

namespace scbench::quality {

/// Where a node sits: its parent and grandparent (null nodes at the top). The walk knows
/// them for free, while ts_node_parent() costs a descent from the root.
struct NodeContext {
  TSNode parent;
  TSNode grandparent;
  /// The field the node holds in its parent (`body`, `condition`), 0 for none.
  TSFieldId field = 0;
  /// What most visitors ask of every node, read once by the walk: its kind, whether it
  /// is named, whether it has no (visible) children, and where it starts and ends.
  TSSymbol symbol = 0;
  bool named = false;
  bool leaf = false;
  std::uint32_t start_byte = 0;
  std::uint32_t end_byte = 0;
  std::uint32_t start_row = 0;
  std::uint32_t end_row = 0;
};

/// Counts how many decision points one node contributes (McCabe: each adds one path).
using DecisionCounter = int (*)(TSNode node, const NodeContext& context, std::string_view source);

struct DecisionRule {
  std::string_view node_kind;
  /// Decisions added by every node of this kind; ignored when `counter` is set.
  int weight = 1;
  /// Language-specific counting for kinds whose weight depends on their children.
  DecisionCounter counter = nullptr;
  /// Decisions nested below this node are not counted (radon's rule for `assert`).
  bool hides_descendants = false;
};

/// Finds the name of a callable that has no name of its own, such as a lambda assigned to
/// a variable. Returns an empty string when the node is not a named callable.
using AnonymousCallableNamer = std::string (*)(TSNode node, const NodeContext& context, std::string_view source);

/// Decides whether a statement node is a docstring (documentation, not code).
using DocstringTest = bool (*)(TSNode statement, const NodeContext& context);

/// The name of a definition (callable, class or namespace), and the type it belongs to
/// when the definition itself says so: Go's receiver (`func (s *Server) Start()` ->
/// {"Server", "Start"}) or C++'s out-of-line `void Foo::bar() {}` -> {"Foo", "bar"}.
/// An empty name means the definition has none.
struct DefinitionName {
  std::string owner;
  std::string name;
};
using DefinitionNamer = DefinitionName (*)(TSNode definition, const NodeContext& context, std::string_view source);

/// Counts a callable's parameters when they are not the named children of one field
/// (C declarators, Go's `a, b int`).
using ParameterCounter = int (*)(TSNode callable, std::string_view source);

/// Decides whether a nesting node is the `else if` of an enclosing `if`, which stays at
/// its parent's depth (a chain of `else if`s is flat, like Python's `elif`).
using ElseIfTest = bool (*)(TSNode node, const NodeContext& context);

/// Decides whether a function only forwards its parameters to another call
/// (`def get(k): return fetch(k)`), a trivial wrapper.
using TrivialWrapperTest = bool (*)(TSNode function, std::string_view source);

struct LanguageSpec {
  std::string_view name;
  std::vector<std::string_view> extensions;
  const TSLanguage* (*grammar)();
  /// Another language whose rule packs also run on this one, when this grammar is a
  /// superset of that one's (TSX runs the TypeScript rules); empty for none.
  std::string_view shares_rules_of;

  /// Definitions with a name and a body: functions, methods, constructors.
  std::vector<std::string_view> function_kinds;
  /// Field of a function node where the part whose decisions count begins: its body, or
  /// its parameters where default values are decisions (ESLint).
  std::string_view function_body_field = "body";
  /// Callables without a name of their own (lambdas, closures, function expressions),
  /// named by `name_anonymous_callable` after what they are bound to.
  std::vector<std::string_view> anonymous_callable_kinds;
  AnonymousCallableNamer name_anonymous_callable = nullptr;
  /// Whether a lambda's decisions also count for the callable around it. radon, gocyclo
  /// and lizard say yes (a lambda is part of its function's code), and only lambdas
  /// bound to a name are callables. ESLint and rust-code-analysis say no: every function
  /// is measured on its own, and unnamed ones are callables named "<anonymous>".
  bool lambdas_count_for_enclosing = true;
  /// Type definitions: they qualify the names of what they contain.
  std::vector<std::string_view> class_kinds;
  /// Namespaces and modules: they qualify names, but what they contain is no method.
  std::vector<std::string_view> namespace_kinds;
  /// Names functions, classes and namespaces; by default the text of their `name` field.
  DefinitionNamer name_definition = nullptr;
  /// Joins qualified names: "." (`Class.method`) or "::" (`Type::method`).
  std::string_view name_separator = ".";
  /// Regions whose decisions belong to no callable (decorators, for example).
  std::vector<std::string_view> opaque_kinds;
  std::vector<std::string_view> comment_kinds;
  std::vector<std::string_view> statement_kinds;
  /// Compound statements that deepen nesting.
  std::vector<std::string_view> nesting_kinds;
  ElseIfTest is_else_if = nullptr;
  std::vector<DecisionRule> decisions;
  std::vector<std::string_view> parameter_kinds;
  std::string_view parameters_field = "parameters";
  ParameterCounter count_parameters = nullptr;
  DocstringTest is_docstring = nullptr;

  // Clone detection: which subtrees are hashed, and how tokens are normalised.
  /// Function definitions and compound statements whose normalised shape is hashed.
  std::vector<std::string_view> clone_kinds;
  /// Names, renamed by order of first appearance inside a hashed subtree.
  std::vector<std::string_view> identifier_kinds;
  /// Literals, replaced by their kind (their children are not looked at).
  std::vector<std::string_view> literal_kinds;

  // Waste signals.
  /// Call expressions; `call_function_field` holds what is called.
  std::vector<std::string_view> call_kinds;
  std::string_view call_function_field = "function";
  TrivialWrapperTest is_trivial_wrapper = nullptr;
};

/// Node roles as bit flags, looked up per grammar symbol in O(1) during the walk.
enum NodeRole : std::uint16_t {
  kRoleFunction = 1u << 0,
  kRoleAnonymousCallable = 1u << 1,
  kRoleClass = 1u << 2,
  kRoleOpaque = 1u << 3,
  kRoleComment = 1u << 4,
  kRoleStatement = 1u << 5,
  kRoleNesting = 1u << 6,
  kRoleDecision = 1u << 7,
  kRoleParameter = 1u << 8,
  kRoleCloneRoot = 1u << 9,
  kRoleIdentifier = 1u << 10,
  kRoleLiteral = 1u << 11,
  kRoleCall = 1u << 12,
  kRoleNamespace = 1u << 13,
};

/// A LanguageSpec resolved against its grammar: symbol ids mapped to roles.
class Language {
 public:
  explicit Language(const LanguageSpec& spec);

  const LanguageSpec& spec() const { return *spec_; }
  std::string_view name() const { return spec_->name; }
  const TSLanguage* grammar() const { return grammar_; }
  std::uint16_t roles(TSSymbol symbol) const {
    return symbol < roles_.size() ? roles_[symbol] : 0;
  }
  /// The decision rule for a symbol with kRoleDecision.
  const DecisionRule& decision_rule(TSSymbol symbol) const { return spec_->decisions[decision_index_[symbol]]; }
  TSFieldId body_field() const { return body_field_; }
  TSFieldId parameters_field() const { return parameters_field_; }
  TSFieldId call_function_field() const { return call_function_field_; }

 private:
  void assign(std::span<const std::string_view> kinds, NodeRole role);
  TSFieldId FieldId(std::string_view name) const;

  const LanguageSpec* spec_;
  const TSLanguage* grammar_;
  std::vector<std::uint16_t> roles_;
  std::vector<std::uint16_t> decision_index_;
  TSFieldId body_field_ = 0;
  TSFieldId parameters_field_ = 0;
  TSFieldId call_function_field_ = 0;
};

/// Every built-in language, resolved once.
const std::vector<Language>& BuiltinLanguages();

/// The language for a file name by its extension, or nullptr.
const Language* LanguageForPath(std::string_view path);

/// The built-in language with this name, or nullptr.
const Language* LanguageByName(std::string_view name);

/// Text of a node.
inline std::string_view NodeText(TSNode node, std::string_view source) {
  const std::uint32_t start = ts_node_start_byte(node);
  const std::uint32_t end = ts_node_end_byte(node);
  if (start >= source.size() || end <= start) return {};
  return source.substr(start, std::min<std::size_t>(end, source.size()) - start);
}

}  // namespace scbench::quality
