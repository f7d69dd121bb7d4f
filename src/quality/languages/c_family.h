#pragma once
/// What the C and C++ specs share. Functions name themselves inside their declarator,
/// under pointers, references and parentheses (`int *(Foo::bar)(int a) const {...}`);
/// `case` labels and preprocessor conditions count as lizard counts them.

#include <string_view>

#include "quality/language.h"

namespace scbench::quality {

/// Where a function definition (or a lambda) keeps its name and its parameter list;
/// either may be null.
struct FunctionDeclarator {
  TSNode name;
  TSNode parameters;
};

/// Follows the `declarator` fields of a function definition down to its name.
FunctionDeclarator FindFunctionDeclarator(TSNode definition);

/// `Foo::bar` -> {"Foo", "bar"}, `a::B<T>::c` -> {"a::B", "c"}, `bar` -> {"", "bar"}.
DefinitionName SplitQualifiedName(TSNode name, std::string_view source);

/// The name of a function definition, or of a class or namespace by its `name` field.
DefinitionName NameCDefinition(TSNode definition, const NodeContext& context, std::string_view source);

/// Parameters of a function definition or lambda; `(void)` declares none.
int CountCParameters(TSNode callable, std::string_view source);

/// `case X:` adds one; `default:` (a case without a value) adds nothing.
int CountCaseLabel(TSNode node, const NodeContext& context, std::string_view source);

/// `#ifdef` adds one, `#ifndef` nothing (lizard's rule).
int CountPreprocessorIfdef(TSNode node, const NodeContext& context, std::string_view source);

}  // namespace scbench::quality
