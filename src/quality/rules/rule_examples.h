#pragma once
/// Checking rules against their own examples: used by the test suite and by
/// `scbench rules test` for user-written packs.

#include <string>
#include <vector>

#include "quality/rules/rule_set.h"

namespace scbench::quality {

struct ExampleFailure {
  std::string rule_id;
  std::string origin;
  std::string reason;  // "did not flag" or "flagged a pass example at line N"
  std::string example;
};

std::vector<ExampleFailure> CheckRuleExamples(const RuleSet& rules);

}  // namespace scbench::quality
