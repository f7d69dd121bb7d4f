#pragma once
/// Small reads of syntax nodes that the language specs share: kinds, fields, operators,
/// and the `else if` test of the C family.

#include <initializer_list>
#include <string_view>

#include "quality/language.h"

namespace scbench::quality {

/// Whether `node` is non-null and of this kind.
bool IsKind(TSNode node, std::string_view kind);

/// The child in `field`, or a null node.
TSNode Field(TSNode node, std::string_view field);

/// Text of the child in `field`, empty when there is none.
std::string_view FieldText(TSNode node, std::string_view field, std::string_view source);

/// Whether the child in `field` is `child` itself.
bool IsField(TSNode node, std::string_view field, TSNode child);

/// Whether the text of the node's `operator` field is one of `operators`.
bool OperatorIsOneOf(TSNode node, std::string_view source, std::initializer_list<std::string_view> operators);

/// A decision counter: `&&` and `||` add one each.
int CountAndOr(TSNode node, const NodeContext& context, std::string_view source);

/// The `else if` of C-like grammars: an `if` that is the `alternative` of an `if` of the
/// same kind, directly (Go, Java) or through an else clause (JavaScript, C, Rust).
bool IsElseIf(TSNode node, const NodeContext& context);

}  // namespace scbench::quality
