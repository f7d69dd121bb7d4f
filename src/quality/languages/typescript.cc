// TypeScript and TSX: counted as ESLint's `complexity` rule counts them through
// typescript-eslint (the same rule as for JavaScript, over TypeScript syntax). The two
// grammars differ only in JSX, so both specs come from one table.

#include "quality/languages/builtin.h"
#include "quality/languages/ecmascript.h"
#include "quality/languages/node_access.h"

extern "C" const TSLanguage* tree_sitter_typescript();
extern "C" const TSLanguage* tree_sitter_tsx();

namespace scbench::quality {
namespace {

LanguageSpec TypeScriptFamilySpec(std::string_view name, std::vector<std::string_view> extensions,
                                  const TSLanguage* (*grammar)()) {
  return LanguageSpec{
      .name = name,
      .extensions = std::move(extensions),
      .grammar = grammar,
      .function_kinds = {"function_declaration", "generator_function_declaration", "method_definition"},
      // ESLint counts default parameter values, so a function's decisions start there.
      .function_body_field = "parameters",
      .anonymous_callable_kinds = {"function_expression", "arrow_function", "generator_function"},
      .name_anonymous_callable = NameFunctionValue,
      .lambdas_count_for_enclosing = false,
      .class_kinds = {"class_declaration", "abstract_class_declaration", "class", "interface_declaration"},
      .namespace_kinds = {"internal_module", "module"},
      .name_definition = NameEcmaScriptDefinition,
      .comment_kinds = {"comment", "html_comment"},
      .statement_kinds = {"expression_statement", "variable_declaration", "lexical_declaration",
                          "return_statement", "if_statement", "for_statement", "for_in_statement",
                          "while_statement", "do_statement", "try_statement", "switch_statement",
                          "throw_statement", "break_statement", "continue_statement", "debugger_statement",
                          "with_statement", "function_declaration", "generator_function_declaration",
                          "class_declaration", "abstract_class_declaration", "interface_declaration",
                          "type_alias_declaration", "enum_declaration", "import_statement", "export_statement"},
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
                    {.node_kind = "required_parameter", .counter = CountParameterDefault},
                    {.node_kind = "optional_parameter", .counter = CountParameterDefault},
                    {.node_kind = "assignment_pattern"},         // `[x = 1]`
                    {.node_kind = "object_assignment_pattern"},  // `{ x = 1 }`
                    {.node_kind = "optional_chain"}},
      .count_parameters = CountEcmaScriptParameters,
      .clone_kinds = {"function_declaration", "generator_function_declaration", "method_definition",
                      "function_expression", "arrow_function", "generator_function", "if_statement",
                      "for_statement", "for_in_statement", "while_statement", "do_statement", "try_statement",
                      "switch_statement"},
      .identifier_kinds = {"identifier", "property_identifier", "shorthand_property_identifier",
                           "shorthand_property_identifier_pattern", "private_property_identifier",
                           "statement_identifier", "type_identifier"},
      .literal_kinds = {"string", "template_string", "number", "regex", "true", "false", "null", "undefined"},
      .call_kinds = {"call_expression"},
  };
}

}  // namespace

const LanguageSpec& TypeScriptSpec() {
  static const LanguageSpec spec = TypeScriptFamilySpec("typescript", {".ts", ".mts", ".cts"}, tree_sitter_typescript);
  return spec;
}

const LanguageSpec& TsxSpec() {
  static const LanguageSpec spec = [] {
    LanguageSpec tsx = TypeScriptFamilySpec("tsx", {".tsx"}, tree_sitter_tsx);
    tsx.shares_rules_of = "typescript";
    return tsx;
  }();
  return spec;
}

}  // namespace scbench::quality
