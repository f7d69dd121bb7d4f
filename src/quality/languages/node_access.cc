#include "quality/languages/node_access.h"

#include <algorithm>

namespace scbench::quality {

bool IsKind(TSNode node, std::string_view kind) { return !ts_node_is_null(node) && ts_node_type(node) == kind; }

TSNode Field(TSNode node, std::string_view field) {
  return ts_node_child_by_field_name(node, field.data(), static_cast<std::uint32_t>(field.size()));
}

std::string_view FieldText(TSNode node, std::string_view field, std::string_view source) {
  const TSNode child = Field(node, field);
  return ts_node_is_null(child) ? std::string_view() : NodeText(child, source);
}

bool IsField(TSNode node, std::string_view field, TSNode child) {
  const TSNode found = Field(node, field);
  return !ts_node_is_null(found) && ts_node_eq(found, child);
}

bool OperatorIsOneOf(TSNode node, std::string_view source, std::initializer_list<std::string_view> operators) {
  const std::string_view text = FieldText(node, "operator", source);
  return std::find(operators.begin(), operators.end(), text) != operators.end();
}

int CountAndOr(TSNode node, const NodeContext&, std::string_view source) {
  return OperatorIsOneOf(node, source, {"&&", "||"}) ? 1 : 0;
}

bool IsElseIf(TSNode node, const NodeContext& context) {
  const std::string_view kind = ts_node_type(node);
  if (IsKind(context.parent, "else_clause")) return IsKind(context.grandparent, kind);
  return IsKind(context.parent, kind) && IsField(context.parent, "alternative", node);
}

}  // namespace scbench::quality
