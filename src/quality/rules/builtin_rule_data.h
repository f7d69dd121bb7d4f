#pragma once
/// The rule packs under rules/, compiled into the binary. compile_rule_packs reads the
/// YAML when scbench is built (a broken shipped pack fails the build, naming the rule), so
/// a run starts with the rules in memory instead of spending ~30 ms in the YAML parser.

#include <span>
#include <string_view>

namespace scbench::quality {

/// One shipped rule; the fields of Rule (rule.h), as constants.
struct CompiledRule {
  std::string_view id;
  std::string_view language;
  std::string_view category;
  int severity = 2;
  std::string_view message;
  std::string_view query;
  std::string_view capture;
  std::span<const std::string_view> flag_examples;
  std::span<const std::string_view> pass_examples;
  std::string_view origin;
};

/// Every shipped rule, in pack order (packs sorted by path under rules/).
std::span<const CompiledRule> CompiledBuiltinRules();

}  // namespace scbench::quality
