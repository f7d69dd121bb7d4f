#include "quality/complexity_summary.h"

#include <algorithm>
#include <numeric>

namespace scbench::quality {

double GiniCoefficient(std::vector<double> values) {
  const double sum = std::accumulate(values.begin(), values.end(), 0.0);
  if (values.empty() || sum <= 0) return 0;
  std::sort(values.begin(), values.end());
  double weighted = 0;
  for (std::size_t i = 0; i < values.size(); ++i) weighted += static_cast<double>(i + 1) * values[i];
  const auto n = static_cast<double>(values.size());
  // Equal values give 0 up to rounding; clamp so that it never prints as -0.000.
  return std::max(0.0, (2 * weighted) / (n * sum) - (n + 1) / n);
}

ComplexitySummary SummarizeCallables(std::span<const CallableMeasurement* const> callables) {
  ComplexitySummary summary;
  std::vector<double> masses;
  long long cc_sum = 0;
  for (const CallableMeasurement* callable : callables) {
    const double mass = callable->ComplexityMass();
    masses.push_back(mass);
    summary.total_mass += mass;
    cc_sum += callable->cyclomatic_complexity;
    summary.max_cc = std::max(summary.max_cc, callable->cyclomatic_complexity);
    if (callable->cyclomatic_complexity > ComplexitySummary::kHighComplexity) {
      ++summary.high_complexity_callables;
      summary.high_complexity_mass += mass;
    }
  }
  summary.callables = static_cast<int>(masses.size());
  if (summary.callables > 0) summary.mean_cc = static_cast<double>(cc_sum) / summary.callables;
  if (summary.total_mass > 0) summary.erosion = summary.high_complexity_mass / summary.total_mass;
  summary.mass_gini = GiniCoefficient(std::move(masses));
  return summary;
}

ComplexitySummary SummarizeComplexity(std::span<const FileMeasurement> files) {
  std::vector<const CallableMeasurement*> callables;
  for (const FileMeasurement& file : files) {
    for (const CallableMeasurement& callable : file.callables) callables.push_back(&callable);
  }
  return SummarizeCallables(callables);
}

}  // namespace scbench::quality
