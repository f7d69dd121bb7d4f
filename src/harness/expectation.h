#pragma once
/// How an actual output is compared with an expected one (docs/problems.md, "Comparison
/// modes"), with a short readable diff when they differ.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace scbench::harness {

enum class CompareMode { kExact, kTrimmed, kJson, kJsonLines, kUnordered, kUnorderedLines, kNumeric, kRegex, kContains };

struct Expectation {
  CompareMode mode = CompareMode::kExact;
  std::string text;            // the expected value for text modes and regex/contains
  nlohmann::json value;        // the expected value for JSON modes (and numeric)
  std::optional<double> tolerance;
  std::vector<std::string> ignore_paths;  // JSON Pointers; "*" matches any key or index
};

/// Parses a mode name; nullopt for an unknown one.
std::optional<CompareMode> ParseCompareMode(std::string_view name);
const char* CompareModeName(CompareMode mode);

struct Comparison {
  bool passed = false;
  std::string diff;  // empty when passed
};

Comparison Compare(const Expectation& expected, std::string_view actual);

/// Compares a parsed JSON value (used for HTTP bodies and by Compare).
Comparison CompareJson(const Expectation& expected, const nlohmann::json& actual);

}  // namespace scbench::harness
