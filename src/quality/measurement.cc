#include "quality/measurement.h"

#include <cmath>

namespace scbench::quality {

LineCounts& LineCounts::operator+=(const LineCounts& other) {
  total += other.total;
  blank += other.blank;
  comment += other.comment;
  docstring += other.docstring;
  sloc += other.sloc;
  return *this;
}

VerbosityCounts& VerbosityCounts::operator+=(const VerbosityCounts& other) {
  rule_only_lines += other.rule_only_lines;
  clone_only_lines += other.clone_only_lines;
  both_lines += other.both_lines;
  return *this;
}

double CallableMeasurement::ComplexityMass() const {
  return cyclomatic_complexity * std::sqrt(static_cast<double>(sloc));
}

}  // namespace scbench::quality
