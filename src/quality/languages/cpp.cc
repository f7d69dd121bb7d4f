// C++: cyclomatic complexity as lizard counts it: C's rules plus range-for and `catch`.
// Lambdas are part of the function around them (lizard does not split them off); one
// bound to a name is also measured on its own. Out-of-line definitions are qualified by
// the class they name: `void Foo::bar() {}` is `Foo::bar`. The rules are in
// docs/languages.md and tested in languages/cpp_test.cc.

#include "quality/languages/builtin.h"
#include "quality/languages/c_family.h"
#include "quality/languages/node_access.h"

extern "C" const TSLanguage* tree_sitter_cpp();

namespace scbench::quality {
namespace {

/// `auto f = [](int x) {...};` and `f = [](int x) {...};` name the lambda.
std::string NameLambda(TSNode lambda, const NodeContext& context, std::string_view source) {
  const TSNode parent = context.parent;
  TSNode name = {};
  if (IsKind(parent, "init_declarator") && IsField(parent, "value", lambda)) {
    name = Field(parent, "declarator");
  } else if (IsKind(parent, "assignment_expression") && IsField(parent, "right", lambda)) {
    name = Field(parent, "left");
  }
  if (IsKind(name, "identifier") || IsKind(name, "field_expression")) return std::string(NodeText(name, source));
  return {};
}

}  // namespace

const LanguageSpec& CppSpec() {
  static const LanguageSpec spec{
      .name = "cpp",
      .extensions = {".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx"},
      .grammar = tree_sitter_cpp,
      .function_kinds = {"function_definition"},
      .anonymous_callable_kinds = {"lambda_expression"},
      .name_anonymous_callable = NameLambda,
      .class_kinds = {"class_specifier", "struct_specifier", "union_specifier"},
      .namespace_kinds = {"namespace_definition"},
      .name_definition = NameCDefinition,
      .name_separator = "::",
      .comment_kinds = {"comment"},
      .statement_kinds = {"expression_statement", "declaration", "return_statement", "if_statement",
                          "for_statement", "for_range_loop", "while_statement", "do_statement",
                          "switch_statement", "try_statement", "throw_statement", "break_statement",
                          "continue_statement", "goto_statement", "co_return_statement", "co_yield_statement"},
      .nesting_kinds = {"if_statement", "for_statement", "for_range_loop", "while_statement", "do_statement",
                        "switch_statement", "try_statement"},
      .is_else_if = IsElseIf,
      .decisions = {{.node_kind = "if_statement"},
                    {.node_kind = "for_statement"},
                    {.node_kind = "for_range_loop"},
                    {.node_kind = "while_statement"},
                    {.node_kind = "do_statement"},
                    {.node_kind = "case_statement", .counter = CountCaseLabel},
                    {.node_kind = "catch_clause"},
                    {.node_kind = "conditional_expression"},
                    {.node_kind = "binary_expression", .counter = CountAndOr},
                    {.node_kind = "preproc_if"},
                    {.node_kind = "preproc_ifdef", .counter = CountPreprocessorIfdef},
                    {.node_kind = "preproc_elif"}},
      .count_parameters = CountCParameters,
      .clone_kinds = {"function_definition", "lambda_expression", "if_statement", "for_statement",
                      "for_range_loop", "while_statement", "do_statement", "switch_statement", "try_statement"},
      .identifier_kinds = {"identifier", "field_identifier", "type_identifier", "namespace_identifier",
                           "statement_identifier"},
      .literal_kinds = {"number_literal", "string_literal", "raw_string_literal", "char_literal",
                        "concatenated_string", "user_defined_literal", "system_lib_string", "true", "false",
                        "null"},
      .call_kinds = {"call_expression"},
  };
  return spec;
}

}  // namespace scbench::quality
