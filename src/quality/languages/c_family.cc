#include "quality/languages/c_family.h"

#include <string>

#include "quality/languages/node_access.h"

namespace scbench::quality {

namespace {

/// Declarators that wrap another without a `declarator` field of their own.
bool IsWrapper(TSNode node) {
  return IsKind(node, "parenthesized_declarator") || IsKind(node, "reference_declarator");
}

}  // namespace

FunctionDeclarator FindFunctionDeclarator(TSNode definition) {
  FunctionDeclarator found{{}, {}};
  TSNode node = Field(definition, "declarator");
  // The innermost function declarator holds the name: in `int (*f(int a))(char)`, `(char)`
  // belongs to the returned pointer, `(int a)` to f.
  while (!ts_node_is_null(node)) {
    if (IsKind(node, "function_declarator") || IsKind(node, "abstract_function_declarator")) {
      found.parameters = Field(node, "parameters");
    } else if (IsKind(node, "operator_cast")) {
      found.name = node;  // `operator bool()`: its declarator holds only the parameters
    }
    TSNode inner = Field(node, "declarator");
    if (ts_node_is_null(inner) && IsWrapper(node)) inner = ts_node_named_child(node, 0);
    if (ts_node_is_null(inner)) break;
    node = inner;
  }
  if (ts_node_is_null(found.name) && !ts_node_is_null(found.parameters) &&
      !IsKind(node, "function_declarator") && !IsKind(node, "abstract_function_declarator")) {
    found.name = node;
  }
  return found;
}

DefinitionName SplitQualifiedName(TSNode name, std::string_view source) {
  DefinitionName split;
  while (IsKind(name, "qualified_identifier")) {
    TSNode scope = Field(name, "scope");
    if (IsKind(scope, "template_type")) scope = Field(scope, "name");
    if (!ts_node_is_null(scope)) {
      if (!split.owner.empty()) split.owner += "::";
      split.owner += NodeText(scope, source);
    }
    name = Field(name, "name");
  }
  if (IsKind(name, "template_type") || IsKind(name, "template_function")) name = Field(name, "name");
  if (IsKind(name, "operator_cast")) {
    split.name = "operator " + std::string(FieldText(name, "type", source));
  } else if (!ts_node_is_null(name)) {
    split.name = std::string(NodeText(name, source));
  }
  return split;
}

DefinitionName NameCDefinition(TSNode definition, const NodeContext&, std::string_view source) {
  if (IsKind(definition, "function_definition")) {
    return SplitQualifiedName(FindFunctionDeclarator(definition).name, source);
  }
  if (IsKind(definition, "namespace_definition")) return {{}, std::string(FieldText(definition, "name", source))};
  return SplitQualifiedName(Field(definition, "name"), source);
}

int CountCParameters(TSNode callable, std::string_view source) {
  const TSNode list = FindFunctionDeclarator(callable).parameters;
  if (ts_node_is_null(list)) return 0;
  int count = 0;
  const std::uint32_t children = ts_node_named_child_count(list);
  for (std::uint32_t i = 0; i < children; ++i) {
    const TSNode parameter = ts_node_named_child(list, i);
    if (IsKind(parameter, "comment")) continue;
    if (children == 1 && NodeText(parameter, source) == "void") return 0;
    ++count;
  }
  return count;
}

int CountCaseLabel(TSNode node, const NodeContext&, std::string_view) {
  return ts_node_is_null(Field(node, "value")) ? 0 : 1;
}

int CountPreprocessorIfdef(TSNode node, const NodeContext&, std::string_view) {
  return ts_node_child_count(node) > 0 && IsKind(ts_node_child(node, 0), "#ifdef") ? 1 : 0;
}

}  // namespace scbench::quality
