#pragma once
/// The human-readable summary of a measurement: totals first, worst callables next,
/// then what went wrong with individual files.

#include <string>

#include "quality/measurement.h"

namespace scbench::report {

struct TextOptions {
  int top_callables = 10;
  int max_diagnostics = 20;
};

std::string MeasureToText(const quality::TreeMeasurement& measurement, const TextOptions& options = {});

}  // namespace scbench::report
