// Python: McCabe complexity counted exactly as radon 5.1 (`radon cc`) counts it.
// The rules are documented in docs/complexity.md; each one has a test in
// languages/python_test.cc.

#include "quality/languages/builtin.h"

#include <cstring>
#include <vector>

extern "C" const TSLanguage* tree_sitter_python();

namespace scbench::quality {
namespace {

bool HasChildOfKind(TSNode node, const char* kind) {
  const std::uint32_t count = ts_node_child_count(node);
  for (std::uint32_t i = 0; i < count; ++i) {
    if (std::strcmp(ts_node_type(ts_node_child(node, i)), kind) == 0) return true;
  }
  return false;
}

// `except* E:` clauses belong to a TryStar node, which radon 5.1 does not count.
bool IsExceptStar(TSNode except_clause) {
  return ts_node_child_count(except_clause) > 1 &&
         std::strcmp(ts_node_type(ts_node_child(except_clause, 1)), "*") == 0;
}

bool IsTryStar(TSNode try_statement) {
  const std::uint32_t count = ts_node_named_child_count(try_statement);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_named_child(try_statement, i);
    if (std::strcmp(ts_node_type(child), "except_clause") == 0) return IsExceptStar(child);
  }
  return false;
}

// Loops add one, plus one for an `else` block.
int CountLoop(TSNode node, const NodeContext&, std::string_view) { return 1 + (HasChildOfKind(node, "else_clause") ? 1 : 0); }

// Each handler adds one; the try's own `else` adds one only with handlers (radon: Try node).
int CountExceptClause(TSNode node, const NodeContext&, std::string_view) { return IsExceptStar(node) ? 0 : 1; }
int CountTryElse(TSNode node, const NodeContext&, std::string_view) {
  return (!IsTryStar(node) && HasChildOfKind(node, "else_clause")) ? 1 : 0;
}

// `if` inside a comprehension adds one; a case guard (`case x if y:`) adds nothing.
// `match` itself adds nothing either: radon 5.1 predates pattern matching and only counts
// what the cases contain.
int CountIfClause(TSNode, const NodeContext& context, std::string_view) {
  return std::strcmp(ts_node_type(context.parent), "case_clause") == 0 ? 0 : 1;
}

/// Node kinds that the docstring test compares on every statement, as symbols: comparing
/// kind names cost a string comparison per statement, twice per walk.
struct DocstringKinds {
  TSSymbol expression_statement, string, concatenated_string, comment, block, module, function, class_;
};

TSSymbol PythonSymbol(std::string_view kind) {
  return ts_language_symbol_for_name(tree_sitter_python(), kind.data(), static_cast<std::uint32_t>(kind.size()), true);
}

const DocstringKinds& Kinds() {
  static const DocstringKinds kinds{PythonSymbol("expression_statement"), PythonSymbol("string"),
                                    PythonSymbol("concatenated_string"),  PythonSymbol("comment"),
                                    PythonSymbol("block"),                PythonSymbol("module"),
                                    PythonSymbol("function_definition"),  PythonSymbol("class_definition")};
  return kinds;
}

/// Whether `statement`, of kind `kind`, is a string on its own.
bool IsStringExpression(TSNode statement, TSSymbol kind) {
  const DocstringKinds& kinds = Kinds();
  if (kind != kinds.expression_statement || ts_node_named_child_count(statement) != 1) return false;
  const TSSymbol value = ts_node_symbol(ts_node_named_child(statement, 0));
  return value == kinds.string || value == kinds.concatenated_string;
}

// A docstring is a string expression that is the first statement of a module, class or
// function body (comments before it do not count as statements).
bool IsDocstring(TSNode statement, const NodeContext& context) {
  if (!IsStringExpression(statement, context.symbol)) return false;
  const DocstringKinds& kinds = Kinds();
  const TSNode parent = context.parent;
  const TSSymbol parent_kind = ts_node_symbol(parent);
  if (parent_kind == kinds.block) {
    const TSSymbol owner = ts_node_symbol(context.grandparent);
    if (owner != kinds.function && owner != kinds.class_) return false;
  } else if (parent_kind != kinds.module) {
    return false;
  }
  const std::uint32_t count = ts_node_named_child_count(parent);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_named_child(parent, i);
    if (ts_node_symbol(child) == kinds.comment) continue;
    return ts_node_eq(child, statement);
  }
  return false;
}

// `name = lambda ...` and `obj.attr = lambda ...` make the lambda a named callable.
std::string NameAssignedLambda(TSNode lambda, const NodeContext& context, std::string_view source) {
  const TSNode parent = context.parent;
  if (std::strcmp(ts_node_type(parent), "assignment") != 0) return {};
  const TSNode right = ts_node_child_by_field_name(parent, "right", 5);
  if (!ts_node_eq(right, lambda)) return {};
  const TSNode left = ts_node_child_by_field_name(parent, "left", 4);
  const char* kind = ts_node_type(left);
  if (std::strcmp(kind, "identifier") != 0 && std::strcmp(kind, "attribute") != 0) return {};
  return std::string(NodeText(left, source));
}

bool IsKind(TSNode node, const char* kind) { return !ts_node_is_null(node) && std::strcmp(ts_node_type(node), kind) == 0; }

// The names a function's parameters bind, in order (`self` included); empty when a
// parameter is not a plain name.
std::vector<std::string_view> ParameterNames(TSNode parameters, std::string_view source) {
  std::vector<std::string_view> names;
  const std::uint32_t count = ts_node_named_child_count(parameters);
  for (std::uint32_t i = 0; i < count; ++i) {
    TSNode parameter = ts_node_named_child(parameters, i);
    if (IsKind(parameter, "typed_parameter") || IsKind(parameter, "list_splat_pattern") ||
        IsKind(parameter, "dictionary_splat_pattern")) {
      parameter = ts_node_named_child(parameter, 0);
    } else if (IsKind(parameter, "default_parameter") || IsKind(parameter, "typed_default_parameter")) {
      parameter = ts_node_child_by_field_name(parameter, "name", 4);
    }
    if (IsKind(parameter, "identifier")) names.push_back(NodeText(parameter, source));
  }
  return names;
}

// The argument names of a call, in order, with `*x`/`**x`/`k=x` reduced to x; empty
// when an argument is anything but a name.
std::vector<std::string_view> ForwardedNames(TSNode arguments, std::string_view source, bool& only_names) {
  std::vector<std::string_view> names;
  only_names = true;
  const std::uint32_t count = ts_node_named_child_count(arguments);
  for (std::uint32_t i = 0; i < count; ++i) {
    TSNode argument = ts_node_named_child(arguments, i);
    if (IsKind(argument, "list_splat") || IsKind(argument, "dictionary_splat")) {
      argument = ts_node_named_child(argument, 0);
    } else if (IsKind(argument, "keyword_argument")) {
      argument = ts_node_child_by_field_name(argument, "value", 5);
    }
    if (!IsKind(argument, "identifier")) {
      only_names = false;
      return names;
    }
    names.push_back(NodeText(argument, source));
  }
  return names;
}

// A function whose body (after an optional docstring) is `return call(...)` with exactly
// its parameters, minus a leading self/cls, passed through in order.
bool IsTrivialWrapper(TSNode function, std::string_view source) {
  const TSNode body = ts_node_child_by_field_name(function, "body", 4);
  std::vector<TSNode> statements;
  const std::uint32_t count = ts_node_named_child_count(body);
  // A docstring, the return and a few comments at most; longer bodies are no wrappers
  // (and named_child(i) is linear in i, so long bodies must not be scanned).
  if (count > 6) return false;
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_named_child(body, i);
    if (!IsKind(child, "comment")) statements.push_back(child);
  }
  if (!statements.empty() && IsStringExpression(statements.front(), ts_node_symbol(statements.front()))) {
    statements.erase(statements.begin());
  }
  if (statements.size() != 1 || !IsKind(statements[0], "return_statement")) return false;
  const TSNode call = ts_node_named_child(statements[0], 0);
  if (!IsKind(call, "call")) return false;
  const TSNode arguments = ts_node_child_by_field_name(call, "arguments", 9);
  if (!IsKind(arguments, "argument_list")) return false;
  std::vector<std::string_view> parameters =
      ParameterNames(ts_node_child_by_field_name(function, "parameters", 10), source);
  if (!parameters.empty() && (parameters.front() == "self" || parameters.front() == "cls")) {
    parameters.erase(parameters.begin());
  }
  bool only_names = false;
  const std::vector<std::string_view> forwarded = ForwardedNames(arguments, source, only_names);
  return only_names && forwarded == parameters;
}

}  // namespace

const LanguageSpec& PythonSpec() {
  static const LanguageSpec spec{
      .name = "python",
      .extensions = {".py", ".pyw", ".pyi"},
      .grammar = tree_sitter_python,
      .function_kinds = {"function_definition"},
      .anonymous_callable_kinds = {"lambda"},
      .name_anonymous_callable = NameAssignedLambda,
      .class_kinds = {"class_definition"},
      .opaque_kinds = {"decorator"},
      .comment_kinds = {"comment"},
      .statement_kinds = {"expression_statement", "return_statement", "pass_statement", "break_statement",
                          "continue_statement", "raise_statement", "assert_statement", "delete_statement",
                          "global_statement", "nonlocal_statement", "import_statement",
                          "import_from_statement", "future_import_statement", "type_alias_statement",
                          "print_statement", "exec_statement", "if_statement", "for_statement",
                          "while_statement", "try_statement", "with_statement", "match_statement",
                          "function_definition", "class_definition", "decorated_definition"},
      .nesting_kinds = {"if_statement", "for_statement", "while_statement", "try_statement", "with_statement",
                        "match_statement"},
      .decisions = {{.node_kind = "if_statement"},
                    {.node_kind = "elif_clause"},
                    {.node_kind = "conditional_expression"},
                    {.node_kind = "boolean_operator"},
                    {.node_kind = "for_statement", .counter = CountLoop},
                    {.node_kind = "while_statement", .counter = CountLoop},
                    {.node_kind = "except_clause", .counter = CountExceptClause},
                    {.node_kind = "try_statement", .counter = CountTryElse},
                    {.node_kind = "for_in_clause"},
                    {.node_kind = "if_clause", .counter = CountIfClause},
                    {.node_kind = "assert_statement", .hides_descendants = true}},
      .parameter_kinds = {"identifier", "typed_parameter", "default_parameter", "typed_default_parameter",
                          "list_splat_pattern", "dictionary_splat_pattern"},
      .is_docstring = IsDocstring,
      .clone_kinds = {"function_definition", "if_statement", "for_statement", "while_statement",
                      "with_statement", "try_statement", "match_statement"},
      .identifier_kinds = {"identifier"},
      .literal_kinds = {"string", "concatenated_string", "integer", "float", "true", "false", "none"},
      .call_kinds = {"call"},
      .is_trivial_wrapper = IsTrivialWrapper,
  };
  return spec;
}

}  // namespace scbench::quality
