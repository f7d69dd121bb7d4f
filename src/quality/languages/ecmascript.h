#pragma once
/// What JavaScript and TypeScript share: how function values get their names and the
/// decisions of ESLint's `complexity` rule that need more than a node kind.

#include <string>
#include <string_view>

#include "quality/language.h"

namespace scbench::quality {

/// Names a function or arrow function by where it is bound: `const f = () => {}`,
/// `obj.f = function () {}`, `{ f: () => {} }`, a class field `f = () => {}`, or its own
/// name (`function g() {}`). Empty when it is bound to nothing.
std::string NameFunctionValue(TSNode function, const NodeContext& context, std::string_view source);

/// Names declarations by their `name` field, and a class expression without one by the
/// variable it is assigned to (`const Foo = class { ... }`).
DefinitionName NameEcmaScriptDefinition(TSNode definition, const NodeContext& context, std::string_view source);

/// `&&`, `||` and `??` add one each.
int CountLogicalOperator(TSNode node, const NodeContext& context, std::string_view source);

/// Logical assignments `&&=`, `||=` and `??=` add one each.
int CountLogicalAssignment(TSNode node, const NodeContext& context, std::string_view source);

/// A TypeScript parameter with a default value (`x: number = 1`) adds one.
int CountParameterDefault(TSNode node, const NodeContext& context, std::string_view source);

/// Declared parameters: one for `x => ...`, else each parameter (comments aside).
int CountEcmaScriptParameters(TSNode callable, std::string_view source);

}  // namespace scbench::quality
