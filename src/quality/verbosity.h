#pragma once
/// Verbosity: the share of code lines that are redundant, either flagged by a slop rule or
/// inside a clone instance. A line counts once however many rules or clones cover it.

#include "quality/measurement.h"

namespace scbench::quality {

/// Fills each file's verbosity counts and clone lines and the tree's VerbositySummary from
/// the files' rule hits and the tree's clone groups.
void SummarizeVerbosity(TreeMeasurement& tree);

}  // namespace scbench::quality
