#pragma once
/// Structural erosion: how much of a codebase's complexity mass sits in callables whose
/// cyclomatic complexity exceeds 10.

#include <span>

#include "quality/measurement.h"

namespace scbench::quality {

ComplexitySummary SummarizeComplexity(std::span<const FileMeasurement> files);

/// The same over a chosen set of callables (one language's, for instance).
ComplexitySummary SummarizeCallables(std::span<const CallableMeasurement* const> callables);

/// Gini coefficient of non-negative values (0 for an empty or all-zero input).
double GiniCoefficient(std::vector<double> values);

}  // namespace scbench::quality
