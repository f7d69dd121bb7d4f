#pragma once
/// SARIF 2.1.0 (the format code-review tools read) for rule hits and clone instances, so
/// that hits show inline in a review. Suppressed hits carry a SARIF suppression.

#include <nlohmann/json.hpp>

#include "quality/measurement.h"
#include "quality/rules/rule.h"

namespace scbench::report {

nlohmann::ordered_json MeasureToSarif(const quality::TreeMeasurement& measurement,
                                      const std::vector<quality::Rule>& rules);

}  // namespace scbench::report
