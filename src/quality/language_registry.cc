#include "quality/language.h"
#include "quality/languages/builtin.h"

namespace scbench::quality {

const std::vector<Language>& BuiltinLanguages() {
  static const std::vector<Language> languages = [] {
    std::vector<Language> all;
    all.emplace_back(PythonSpec());
    return all;
  }();
  return languages;
}

}  // namespace scbench::quality
