#pragma once
/// The specs of the languages compiled into scbench, one function per language file.

#include "quality/language.h"

namespace scbench::quality {

const LanguageSpec& PythonSpec();
const LanguageSpec& JavaScriptSpec();
const LanguageSpec& TypeScriptSpec();
const LanguageSpec& TsxSpec();
const LanguageSpec& GoSpec();
const LanguageSpec& RustSpec();
const LanguageSpec& JavaSpec();
const LanguageSpec& CSpec();
const LanguageSpec& CppSpec();

}  // namespace scbench::quality
