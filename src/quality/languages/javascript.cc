// JavaScript (and JSX): cyclomatic complexity as ESLint's `complexity` rule counts it
// (ESLint 9, "classic" variant). Every function, arrow function included, is measured on
// its own; the rules are in docs/languages.md and tested in languages/javascript_test.cc.

#include "quality/languages/builtin.h"
#include "quality/languages/ecmascript.h"
#include "quality/languages/node_access.h"

extern "C" const TSLanguage* tree_sitter_javascript();

namespace scbench::quality {

const LanguageSpec& JavaScriptSpec() {
  static const LanguageSpec spec{
      .name = "javascript",
      .extensions = {".js", ".mjs", ".cjs", ".jsx"},
      .grammar = tree_sitter_javascript,
      .function_kinds = {"function_declaration", "generator_function_declaration", "method_definition"},
      // ESLint counts default parameter values, so a function's decisions start there.
      .function_body_field = "parameters",
      .anonymous_callable_kinds = {"function_expression", "arrow_function", "generator_function"},
      .name_anonymous_callable = NameFunctionValue,
      .lambdas_count_for_enclosing = false,
      .class_kinds = {"class_declaration", "class"},
      .name_definition = NameEcmaScriptDefinition,
      .comment_kinds = {"comment", "html_comment"},
      .statement_kinds = {"expression_statement", "variable_declaration", "lexical_declaration",
                          "using_declaration", "return_statement", "if_statement", "for_statement",
                          "for_in_statement", "while_statement", "do_statement", "try_statement",
                          "switch_statement", "throw_statement", "break_statement", "continue_statement",
                          "debugger_statement", "with_statement", "function_declaration",
                          "generator_function_declaration", "class_declaration", "import_statement",
                          "export_statement"},
      .nesting_kinds = {"if_statement", "for_statement", "for_in_statement", "while_statement", "do_statement",
                        "try_statement", "switch_statement", "with_statement"},
      .is_else_if = IsElseIf,
      .decisions = {{.node_kind = "if_statement"},
                    {.node_kind = "for_statement"},
                    {.node_kind = "for_in_statement"},  // for-in and for-of
                    {.node_kind = "while_statement"},
                    {.node_kind = "do_statement"},
                    {.node_kind = "catch_clause"},
                    {.node_kind = "ternary_expression"},
                    {.node_kind = "switch_case"},  // `default:` is a switch_default
                    {.node_kind = "binary_expression", .counter = CountLogicalOperator},
                    {.node_kind = "augmented_assignment_expression", .counter = CountLogicalAssignment},
                    {.node_kind = "assignment_pattern"},         // `x = 1` in parameters and patterns
                    {.node_kind = "object_assignment_pattern"},  // `{ x = 1 }`
                    {.node_kind = "optional_chain"}},
      .count_parameters = CountEcmaScriptParameters,
      .clone_kinds = {"function_declaration", "generator_function_declaration", "method_definition",
                      "function_expression", "arrow_function", "generator_function", "if_statement",
                      "for_statement", "for_in_statement", "while_statement", "do_statement", "try_statement",
                      "switch_statement"},
      .identifier_kinds = {"identifier", "property_identifier", "shorthand_property_identifier",
                           "shorthand_property_identifier_pattern", "private_property_identifier",
                           "statement_identifier"},
      .literal_kinds = {"string", "template_string", "number", "regex", "true", "false", "null", "undefined"},
      .call_kinds = {"call_expression"},
  };
  return spec;
}

}  // namespace scbench::quality
