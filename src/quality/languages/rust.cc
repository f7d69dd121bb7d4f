// Rust: cyclomatic complexity as rust-code-analysis (Mozilla's tree-sitter metrics tool)
// counts it: every match arm and every `?` is a path. Closures are measured on their own,
// as rust-code-analysis does. The rules are in docs/languages.md and tested in
// languages/rust_test.cc.

#include "quality/languages/builtin.h"
#include "quality/languages/node_access.h"

extern "C" const TSLanguage* tree_sitter_rust();

namespace scbench::quality {
namespace {

/// `Foo<T>` -> `Foo`, `&'a Foo` -> `Foo`, `io::Error` -> `Error`: the name of the type an
/// impl block is for.
std::string ImplTypeName(TSNode type, std::string_view source) {
  while (IsKind(type, "reference_type") || IsKind(type, "generic_type") || IsKind(type, "scoped_type_identifier")) {
    type = IsKind(type, "scoped_type_identifier") ? Field(type, "name") : Field(type, "type");
  }
  return ts_node_is_null(type) ? std::string() : std::string(NodeText(type, source));
}

/// Impl blocks are named after their type, so methods read `Type::method`.
DefinitionName NameRustDefinition(TSNode definition, const NodeContext&, std::string_view source) {
  if (IsKind(definition, "impl_item")) return {{}, ImplTypeName(Field(definition, "type"), source)};
  return {{}, std::string(FieldText(definition, "name", source))};
}

/// `let f = |x| ...;`, `f = |x| ...` and `static F: ... = |x| ...` name the closure.
std::string NameClosure(TSNode closure, const NodeContext& context, std::string_view source) {
  const TSNode parent = context.parent;
  TSNode name = {};
  if (IsKind(parent, "let_declaration") && IsField(parent, "value", closure)) {
    name = Field(parent, "pattern");
  } else if (IsKind(parent, "assignment_expression") && IsField(parent, "right", closure)) {
    name = Field(parent, "left");
  } else if ((IsKind(parent, "static_item") || IsKind(parent, "const_item")) && IsField(parent, "value", closure)) {
    name = Field(parent, "name");
  }
  return IsKind(name, "identifier") ? std::string(NodeText(name, source)) : std::string();
}

}  // namespace

const LanguageSpec& RustSpec() {
  static const LanguageSpec spec{
      .name = "rust",
      .extensions = {".rs"},
      .grammar = tree_sitter_rust,
      .function_kinds = {"function_item"},
      .anonymous_callable_kinds = {"closure_expression"},
      .name_anonymous_callable = NameClosure,
      .lambdas_count_for_enclosing = false,
      .class_kinds = {"impl_item", "trait_item"},
      .namespace_kinds = {"mod_item"},
      .name_definition = NameRustDefinition,
      .name_separator = "::",
      .comment_kinds = {"line_comment", "block_comment"},
      .statement_kinds = {"expression_statement", "let_declaration", "function_item", "const_item",
                          "static_item", "use_declaration", "struct_item", "enum_item", "impl_item"},
      .nesting_kinds = {"if_expression", "match_expression", "while_expression", "loop_expression",
                        "for_expression"},
      .is_else_if = IsElseIf,
      .decisions = {{.node_kind = "if_expression"},  // `if let` included
                    {.node_kind = "for_expression"},
                    {.node_kind = "while_expression"},  // `while let` included
                    {.node_kind = "loop_expression"},
                    {.node_kind = "match_arm"},       // every arm, the wildcard included
                    {.node_kind = "try_expression"},  // `?`
                    {.node_kind = "binary_expression", .counter = CountAndOr}},
      .parameter_kinds = {"parameter", "self_parameter", "variadic_parameter", "identifier"},
      .clone_kinds = {"function_item", "closure_expression", "if_expression", "match_expression",
                      "for_expression", "while_expression", "loop_expression"},
      .identifier_kinds = {"identifier", "field_identifier", "type_identifier", "shorthand_field_identifier"},
      .literal_kinds = {"string_literal", "raw_string_literal", "char_literal", "integer_literal", "float_literal",
                        "boolean_literal"},
      .call_kinds = {"call_expression"},
  };
  return spec;
}

}  // namespace scbench::quality
