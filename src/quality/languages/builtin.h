#pragma once
/// The specs of the languages compiled into scbench, one function per language file.

#include "quality/language.h"

namespace scbench::quality {

const LanguageSpec& PythonSpec();

}  // namespace scbench::quality
