// Go: cyclomatic complexity as gocyclo counts it. Function literals are part of the
// function around them (gocyclo walks into them); one bound to a name is also measured
// on its own. The rules are in docs/languages.md and tested in languages/go_test.cc.

#include "quality/languages/builtin.h"
#include "quality/languages/node_access.h"

extern "C" const TSLanguage* tree_sitter_go();

namespace scbench::quality {
namespace {

/// `*Server[K]` -> `Server`: the named type under pointers and type arguments.
std::string ReceiverTypeName(TSNode receiver, std::string_view source) {
  TSNode type = Field(ts_node_named_child(receiver, 0), "type");
  while (IsKind(type, "pointer_type") || IsKind(type, "parenthesized_type")) type = ts_node_named_child(type, 0);
  if (IsKind(type, "generic_type")) type = Field(type, "type");
  return ts_node_is_null(type) ? std::string() : std::string(NodeText(type, source));
}

/// Methods belong to their receiver's type: `func (s *Server) Start()` is `Server.Start`.
DefinitionName NameGoDefinition(TSNode definition, const NodeContext&, std::string_view source) {
  DefinitionName name{{}, std::string(FieldText(definition, "name", source))};
  const TSNode receiver = Field(definition, "receiver");
  if (!ts_node_is_null(receiver) && ts_node_named_child_count(receiver) > 0) {
    name.owner = ReceiverTypeName(receiver, source);
  }
  return name;
}

/// `f := func() {...}`, `f = func() {...}` and `var f = func() {...}` name the literal
/// (one name bound to one value only).
std::string NameFuncLiteral(TSNode, const NodeContext& context, std::string_view source) {
  const TSNode values = context.parent;
  const TSNode binding = context.grandparent;
  if (!IsKind(values, "expression_list") || ts_node_named_child_count(values) != 1) return {};
  TSNode name = {};
  if (IsKind(binding, "short_var_declaration") || IsKind(binding, "assignment_statement")) {
    const TSNode names = Field(binding, "left");
    if (!IsField(binding, "right", values) || ts_node_named_child_count(names) != 1) return {};
    name = ts_node_named_child(names, 0);
  } else if (IsKind(binding, "var_spec") && IsField(binding, "value", values)) {
    name = Field(binding, "name");
  }
  return IsKind(name, "identifier") ? std::string(NodeText(name, source)) : std::string();
}

/// `a, b int` declares two parameters; `int` alone (unnamed) one.
int CountGoParameters(TSNode callable, std::string_view) {
  const TSNode list = Field(callable, "parameters");
  if (ts_node_is_null(list)) return 0;
  int count = 0;
  const std::uint32_t declarations = ts_node_named_child_count(list);
  for (std::uint32_t i = 0; i < declarations; ++i) {
    const TSNode declaration = ts_node_named_child(list, i);
    if (!IsKind(declaration, "parameter_declaration") && !IsKind(declaration, "variadic_parameter_declaration")) {
      continue;
    }
    int names = 0;
    const std::uint32_t children = ts_node_child_count(declaration);
    for (std::uint32_t c = 0; c < children; ++c) {
      const char* field = ts_node_field_name_for_child(declaration, c);
      if (field != nullptr && std::string_view(field) == "name") ++names;
    }
    count += names > 0 ? names : 1;
  }
  return count;
}

}  // namespace

const LanguageSpec& GoSpec() {
  static const LanguageSpec spec{
      .name = "go",
      .extensions = {".go"},
      .grammar = tree_sitter_go,
      .function_kinds = {"function_declaration", "method_declaration"},
      .anonymous_callable_kinds = {"func_literal"},
      .name_anonymous_callable = NameFuncLiteral,
      .name_definition = NameGoDefinition,
      .comment_kinds = {"comment"},
      .statement_kinds = {"expression_statement", "send_statement", "inc_statement", "dec_statement",
                          "assignment_statement", "short_var_declaration", "var_declaration",
                          "const_declaration", "type_declaration", "return_statement", "go_statement",
                          "defer_statement", "if_statement", "for_statement", "expression_switch_statement",
                          "type_switch_statement", "select_statement", "fallthrough_statement",
                          "break_statement", "continue_statement", "goto_statement"},
      .nesting_kinds = {"if_statement", "for_statement", "expression_switch_statement", "type_switch_statement",
                        "select_statement"},
      .is_else_if = IsElseIf,
      .decisions = {{.node_kind = "if_statement"},
                    {.node_kind = "for_statement"},  // every for, range loops included
                    {.node_kind = "expression_case"},  // `default:` is a default_case
                    {.node_kind = "type_case"},
                    {.node_kind = "communication_case"},
                    {.node_kind = "binary_expression", .counter = CountAndOr}},
      .count_parameters = CountGoParameters,
      .clone_kinds = {"function_declaration", "method_declaration", "func_literal", "if_statement",
                      "for_statement", "expression_switch_statement", "type_switch_statement", "select_statement"},
      .identifier_kinds = {"identifier", "field_identifier", "type_identifier", "package_identifier", "label_name"},
      .literal_kinds = {"interpreted_string_literal", "raw_string_literal", "int_literal", "float_literal",
                        "imaginary_literal", "rune_literal", "true", "false", "nil", "iota"},
      .call_kinds = {"call_expression"},
  };
  return spec;
}

}  // namespace scbench::quality
