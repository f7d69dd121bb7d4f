#include "quality/language.h"
#include "quality/languages/builtin.h"

namespace scbench::quality {

const std::vector<Language>& BuiltinLanguages() {
  static const std::vector<Language> languages = [] {
    std::vector<Language> all;
    all.emplace_back(PythonSpec());
    all.emplace_back(JavaScriptSpec());
    all.emplace_back(TypeScriptSpec());
    all.emplace_back(TsxSpec());
    all.emplace_back(GoSpec());
    all.emplace_back(RustSpec());
    all.emplace_back(JavaSpec());
    all.emplace_back(CSpec());
    all.emplace_back(CppSpec());
    return all;
  }();
  return languages;
}

}  // namespace scbench::quality
