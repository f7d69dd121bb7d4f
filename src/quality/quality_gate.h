#pragma once
/// CI thresholds such as `erosion>0.5` or `max_cc>=30`: a measurement that crosses one
/// fails the gate.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quality/measurement.h"

namespace scbench::quality {

struct GateCondition {
  std::string metric;
  std::string op;  // one of > >= < <=
  double threshold = 0;
  std::string text;  // as the user wrote it
};

/// Parses `metric op number`. Returns nullopt and sets `error` for an unknown metric,
/// operator or number.
std::optional<GateCondition> ParseGateCondition(std::string_view text, std::string& error);

/// Names of the metrics a gate can test, for help and error messages.
std::vector<std::string> GateMetricNames();

/// Value of a named metric for a measurement (the name must come from GateMetricNames).
double GateMetricValue(const TreeMeasurement& measurement, std::string_view metric);

struct GateFailure {
  GateCondition condition;
  double actual = 0;
};

/// The conditions that the measurement crosses.
std::vector<GateFailure> EvaluateGate(const TreeMeasurement& measurement,
                                      const std::vector<GateCondition>& conditions);

}  // namespace scbench::quality
