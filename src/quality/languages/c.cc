// C: cyclomatic complexity as lizard counts it: if, loops, each `case`, ?:, && and ||,
// plus `#if`, `#ifdef` and `#elif` inside a function. The rules are in docs/languages.md
// and tested in languages/c_test.cc.

#include "quality/languages/builtin.h"
#include "quality/languages/c_family.h"
#include "quality/languages/node_access.h"

extern "C" const TSLanguage* tree_sitter_c();

namespace scbench::quality {

const LanguageSpec& CSpec() {
  static const LanguageSpec spec{
      .name = "c",
      .extensions = {".c", ".h"},
      .grammar = tree_sitter_c,
      .function_kinds = {"function_definition"},
      .name_definition = NameCDefinition,
      .comment_kinds = {"comment"},
      .statement_kinds = {"expression_statement", "declaration", "return_statement", "if_statement",
                          "for_statement", "while_statement", "do_statement", "switch_statement",
                          "break_statement", "continue_statement", "goto_statement"},
      .nesting_kinds = {"if_statement", "for_statement", "while_statement", "do_statement", "switch_statement"},
      .is_else_if = IsElseIf,
      .decisions = {{.node_kind = "if_statement"},
                    {.node_kind = "for_statement"},
                    {.node_kind = "while_statement"},
                    {.node_kind = "do_statement"},
                    {.node_kind = "case_statement", .counter = CountCaseLabel},
                    {.node_kind = "conditional_expression"},
                    {.node_kind = "binary_expression", .counter = CountAndOr},
                    {.node_kind = "preproc_if"},
                    {.node_kind = "preproc_ifdef", .counter = CountPreprocessorIfdef},
                    {.node_kind = "preproc_elif"}},
      .count_parameters = CountCParameters,
      .clone_kinds = {"function_definition", "if_statement", "for_statement", "while_statement", "do_statement",
                      "switch_statement"},
      .identifier_kinds = {"identifier", "field_identifier", "type_identifier", "statement_identifier"},
      .literal_kinds = {"number_literal", "string_literal", "char_literal", "concatenated_string",
                        "system_lib_string", "true", "false", "null"},
      .call_kinds = {"call_expression"},
  };
  return spec;
}

}  // namespace scbench::quality
