// Java: cyclomatic complexity as lizard counts it (Checkstyle's CyclomaticComplexity with
// its default options agrees): if, loops, each `case` label, catch, ?:, && and ||.
// Lambdas are part of their method. The rules are in docs/languages.md and tested in
// languages/java_test.cc.

#include "quality/languages/builtin.h"
#include "quality/languages/node_access.h"

extern "C" const TSLanguage* tree_sitter_java();

namespace scbench::quality {
namespace {

/// `Runnable r = () -> {...};` and `r = () -> {...};` name the lambda.
std::string NameLambda(TSNode lambda, const NodeContext& context, std::string_view source) {
  const TSNode parent = context.parent;
  TSNode name = {};
  if (IsKind(parent, "variable_declarator") && IsField(parent, "value", lambda)) {
    name = Field(parent, "name");
  } else if (IsKind(parent, "assignment_expression") && IsField(parent, "right", lambda)) {
    name = Field(parent, "left");
  }
  if (IsKind(name, "identifier") || IsKind(name, "field_access")) return std::string(NodeText(name, source));
  return {};
}

/// `case 1:`, `case A, B ->` add one each; `default` adds nothing.
int CountCaseLabel(TSNode node, const NodeContext&, std::string_view) {
  return ts_node_child_count(node) > 0 && IsKind(ts_node_child(node, 0), "case") ? 1 : 0;
}

}  // namespace

const LanguageSpec& JavaSpec() {
  static const LanguageSpec spec{
      .name = "java",
      .extensions = {".java"},
      .grammar = tree_sitter_java,
      .function_kinds = {"method_declaration", "constructor_declaration", "compact_constructor_declaration"},
      .anonymous_callable_kinds = {"lambda_expression"},
      .name_anonymous_callable = NameLambda,
      .class_kinds = {"class_declaration", "interface_declaration", "enum_declaration", "record_declaration",
                      "annotation_type_declaration"},
      .comment_kinds = {"line_comment", "block_comment"},
      .statement_kinds = {"expression_statement", "local_variable_declaration", "return_statement",
                          "if_statement", "for_statement", "enhanced_for_statement", "while_statement",
                          "do_statement", "try_statement", "try_with_resources_statement", "switch_expression",
                          "throw_statement", "break_statement", "continue_statement", "yield_statement",
                          "assert_statement", "synchronized_statement", "explicit_constructor_invocation"},
      .nesting_kinds = {"if_statement", "for_statement", "enhanced_for_statement", "while_statement",
                        "do_statement", "try_statement", "try_with_resources_statement", "switch_expression",
                        "synchronized_statement"},
      .is_else_if = IsElseIf,
      .decisions = {{.node_kind = "if_statement"},
                    {.node_kind = "for_statement"},
                    {.node_kind = "enhanced_for_statement"},
                    {.node_kind = "while_statement"},
                    {.node_kind = "do_statement"},
                    {.node_kind = "catch_clause"},
                    {.node_kind = "ternary_expression"},
                    {.node_kind = "switch_label", .counter = CountCaseLabel},
                    {.node_kind = "binary_expression", .counter = CountAndOr}},
      .parameter_kinds = {"formal_parameter", "spread_parameter"},
      .clone_kinds = {"method_declaration", "constructor_declaration", "if_statement", "for_statement",
                      "enhanced_for_statement", "while_statement", "do_statement", "try_statement",
                      "try_with_resources_statement", "switch_expression"},
      .identifier_kinds = {"identifier", "type_identifier"},
      .literal_kinds = {"decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
                        "binary_integer_literal", "decimal_floating_point_literal", "hex_floating_point_literal",
                        "string_literal", "character_literal", "true", "false", "null_literal"},
      .call_kinds = {"method_invocation"},
      .call_function_field = "name",
  };
  return spec;
}

}  // namespace scbench::quality
