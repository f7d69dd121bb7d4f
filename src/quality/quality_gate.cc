#include "quality/quality_gate.h"

#include <array>
#include <charconv>
#include <functional>
#include <utility>

namespace scbench::quality {
namespace {

using MetricGetter = double (*)(const TreeMeasurement&);

struct GateMetric {
  const char* name;
  MetricGetter value;
};

const std::array kMetrics = {
    GateMetric{"erosion", [](const TreeMeasurement& m) { return m.complexity.erosion; }},
    GateMetric{"mean_cc", [](const TreeMeasurement& m) { return m.complexity.mean_cc; }},
    GateMetric{"max_cc", [](const TreeMeasurement& m) { return double(m.complexity.max_cc); }},
    GateMetric{"high_cc", [](const TreeMeasurement& m) { return double(m.complexity.high_complexity_callables); }},
    GateMetric{"mass_gini", [](const TreeMeasurement& m) { return m.complexity.mass_gini; }},
    GateMetric{"sloc", [](const TreeMeasurement& m) { return double(m.lines.sloc); }},
    GateMetric{"parse_errors", [](const TreeMeasurement& m) { return double(m.parse_errors); }},
    GateMetric{"verbosity", [](const TreeMeasurement& m) { return m.verbosity.verbosity; }},
    GateMetric{"rule_hits", [](const TreeMeasurement& m) { return double(m.verbosity.rule_hits); }},
    GateMetric{"clone_lines", [](const TreeMeasurement& m) { return double(m.verbosity.clone_lines); }},
};

const GateMetric* FindMetric(std::string_view name) {
  for (const GateMetric& metric : kMetrics) {
    if (name == metric.name) return &metric;
  }
  return nullptr;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> GateMetricNames() {
  std::vector<std::string> names;
  for (const GateMetric& metric : kMetrics) names.emplace_back(metric.name);
  return names;
}

std::optional<GateCondition> ParseGateCondition(std::string_view text, std::string& error) {
  const std::size_t op_at = text.find_first_of("<>");
  if (op_at == std::string_view::npos) {
    error = "'" + std::string(text) + "': expected METRIC>VALUE, METRIC>=VALUE, METRIC<VALUE or METRIC<=VALUE";
    return std::nullopt;
  }
  GateCondition condition;
  condition.text = std::string(text);
  condition.metric = std::string(Trim(text.substr(0, op_at)));
  const bool or_equal = op_at + 1 < text.size() && text[op_at + 1] == '=';
  condition.op = std::string(text.substr(op_at, or_equal ? 2 : 1));
  if (FindMetric(condition.metric) == nullptr) {
    std::string known;
    for (const std::string& name : GateMetricNames()) known += (known.empty() ? "" : ", ") + name;
    error = "'" + std::string(text) + "': unknown metric '" + condition.metric + "' (known: " + known + ")";
    return std::nullopt;
  }
  const std::string_view number = Trim(text.substr(op_at + condition.op.size()));
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), condition.threshold);
  if (ec != std::errc() || end != number.data() + number.size() || number.empty()) {
    error = "'" + std::string(text) + "': '" + std::string(number) + "' is not a number";
    return std::nullopt;
  }
  return condition;
}

double GateMetricValue(const TreeMeasurement& measurement, std::string_view metric) {
  const GateMetric* found = FindMetric(metric);
  return found == nullptr ? 0 : found->value(measurement);
}

std::vector<GateFailure> EvaluateGate(const TreeMeasurement& measurement,
                                      const std::vector<GateCondition>& conditions) {
  std::vector<GateFailure> failures;
  for (const GateCondition& condition : conditions) {
    const double actual = GateMetricValue(measurement, condition.metric);
    const bool crossed = condition.op == ">"    ? actual > condition.threshold
                         : condition.op == ">=" ? actual >= condition.threshold
                         : condition.op == "<"  ? actual < condition.threshold
                                                : actual <= condition.threshold;
    if (crossed) failures.push_back({condition, actual});
  }
  return failures;
}

}  // namespace scbench::quality
