#pragma once
/// Inline suppression of rule hits: a comment `scbench: ignore[id, other-id]` (or
/// `ignore[*]`) on a hit's first line or on the line before. Clones and erosion cannot be
/// suppressed.

#include <string_view>
#include <vector>

#include "quality/measurement.h"

namespace scbench::quality {

/// Marks the hits that a marker in `source` suppresses.
void ApplySuppressions(std::string_view source, std::vector<RuleHit>& hits);

}  // namespace scbench::quality
