#pragma once
/// Test support for the per-language tests: measure a snippet the way `scbench measure`
/// does (metrics, clone candidates and call sites in one walk), and look callables up.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "quality/clone_index.h"
#include "quality/file_metrics.h"
#include "quality/language.h"
#include "quality/waste_signals.h"

namespace scbench::quality::testing {

inline FileMeasurement Analyze(std::string_view language_name, std::string_view source, std::string path = "snippet") {
  const Language* language = LanguageByName(language_name);
  EXPECT_NE(language, nullptr) << language_name;
  if (language == nullptr) return {};
  Parser parser;
  const SyntaxTree tree = parser.Parse(*language, source);
  CloneTokenCollector clones(*language, source);
  std::vector<std::string> calls;
  CallSiteCollector call_sites(*language, source, calls);
  FileMeasurement file = MeasureSyntax(*language, tree.get(), source, std::move(path), {&clones, &call_sites});
  file.clone_candidates = clones.Finish(file.line_kinds);
  file.called_names = std::move(calls);
  return file;
}

/// The callable with this qualified name (a test failure when there is none).
inline const CallableMeasurement& Callable(const FileMeasurement& file, std::string_view qualified_name) {
  for (const CallableMeasurement& callable : file.callables) {
    if (callable.qualified_name == qualified_name) return callable;
  }
  ADD_FAILURE() << "no callable " << qualified_name;
  static const CallableMeasurement none;
  return none;
}

/// Qualified names of every callable, in order.
inline std::vector<std::string> QualifiedNames(const FileMeasurement& file) {
  std::vector<std::string> names;
  for (const CallableMeasurement& callable : file.callables) names.push_back(callable.qualified_name);
  return names;
}

}  // namespace scbench::quality::testing
