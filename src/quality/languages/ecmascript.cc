#include "quality/languages/ecmascript.h"

#include "quality/languages/node_access.h"

namespace scbench::quality {
namespace {

/// A property key as written, without the quotes of a string key.
std::string KeyText(TSNode key, std::string_view source) {
  std::string_view text = NodeText(key, source);
  if (IsKind(key, "string") && text.size() >= 2) text = text.substr(1, text.size() - 2);
  return std::string(text);
}

/// The name a value gets from the declaration, assignment or property that binds it.
std::string BindingName(TSNode value, const NodeContext& context, std::string_view source) {
  const TSNode parent = context.parent;
  if (IsKind(parent, "variable_declarator") && IsField(parent, "value", value)) {
    const TSNode name = Field(parent, "name");
    return IsKind(name, "identifier") ? std::string(NodeText(name, source)) : std::string();
  }
  if (IsKind(parent, "assignment_expression") && IsField(parent, "right", value)) {
    const TSNode left = Field(parent, "left");
    if (IsKind(left, "identifier") || IsKind(left, "member_expression")) return std::string(NodeText(left, source));
    return {};
  }
  if (IsKind(parent, "pair") && IsField(parent, "value", value)) return KeyText(Field(parent, "key"), source);
  if (IsKind(parent, "field_definition") && IsField(parent, "value", value)) {
    return std::string(FieldText(parent, "property", source));
  }
  if (IsKind(parent, "public_field_definition") && IsField(parent, "value", value)) {
    return std::string(FieldText(parent, "name", source));
  }
  return {};
}

}  // namespace

std::string NameFunctionValue(TSNode function, const NodeContext& context, std::string_view source) {
  std::string name = BindingName(function, context, source);
  if (name.empty()) name = std::string(FieldText(function, "name", source));
  return name;
}

DefinitionName NameEcmaScriptDefinition(TSNode definition, const NodeContext& context, std::string_view source) {
  std::string name(FieldText(definition, "name", source));
  if (name.empty() && IsKind(definition, "class")) name = BindingName(definition, context, source);
  return {{}, std::move(name)};
}

int CountLogicalOperator(TSNode node, const NodeContext&, std::string_view source) {
  return OperatorIsOneOf(node, source, {"&&", "||", "??"}) ? 1 : 0;
}

int CountLogicalAssignment(TSNode node, const NodeContext&, std::string_view source) {
  // "?\?=" is `??=` written so that the compiler does not read a trigraph.
  return OperatorIsOneOf(node, source, {"&&=", "||=", "?\?="}) ? 1 : 0;
}

int CountParameterDefault(TSNode node, const NodeContext&, std::string_view) {
  return ts_node_is_null(Field(node, "value")) ? 0 : 1;
}

int CountEcmaScriptParameters(TSNode callable, std::string_view) {
  if (!ts_node_is_null(Field(callable, "parameter"))) return 1;
  const TSNode parameters = Field(callable, "parameters");
  if (ts_node_is_null(parameters)) return 0;
  int count = 0;
  const std::uint32_t children = ts_node_named_child_count(parameters);
  for (std::uint32_t i = 0; i < children; ++i) {
    const TSNode child = ts_node_named_child(parameters, i);
    if (!IsKind(child, "comment") && !IsKind(child, "html_comment")) ++count;
  }
  return count;
}

}  // namespace scbench::quality
