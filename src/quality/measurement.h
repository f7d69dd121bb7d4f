#pragma once
/// The measurement model: what `scbench measure` knows about a tree, a file and a callable.
/// Renderers (text, JSON) read it; nothing here knows about output formats.

#include <cstdint>
#include <string>
#include <vector>

namespace scbench::quality {

/// Classification of one physical line. A line with code on it is code even if it also
/// holds a comment.
enum class LineKind : std::uint8_t { kBlank, kComment, kDocstring, kCode };

struct LineCounts {
  int total = 0;
  int blank = 0;
  int comment = 0;
  int docstring = 0;
  int sloc = 0;

  LineCounts& operator+=(const LineCounts& other);
};

struct CallableMeasurement {
  std::string name;
  std::string qualified_name;
  std::string kind;  // function, method, closure, lambda
  int start_line = 0;  // 1-based, inclusive
  int end_line = 0;
  int sloc = 0;
  int statements = 0;
  int cyclomatic_complexity = 1;
  int max_nesting = 0;
  int parameters = 0;

  /// CC x sqrt(SLOC): how much complexity this callable carries.
  double ComplexityMass() const;
};

enum class Severity { kNote, kWarning, kError };

/// Something worth telling about a file: skipped, measured with a caveat, or unusual.
struct Diagnostic {
  std::string path;
  Severity severity = Severity::kNote;
  std::string message;
};

struct FileMeasurement {
  std::string path;  // relative to the measured root, '/'-separated
  std::string language;
  LineCounts lines;
  int parse_errors = 0;
  std::vector<CallableMeasurement> callables;
  /// Kind of every line, index 0 = line 1. Kept for verbosity and clone accounting.
  std::vector<LineKind> line_kinds;
};

/// Complexity over a set of callables: the structural-erosion family of numbers.
struct ComplexitySummary {
  static constexpr int kHighComplexity = 10;  // callables with CC above this are "high"

  int callables = 0;
  int high_complexity_callables = 0;
  int max_cc = 0;
  double mean_cc = 0;
  double total_mass = 0;
  double high_complexity_mass = 0;
  /// Share of mass in callables with CC > 10; 0 when there is no mass.
  double erosion = 0;
  /// Inequality of mass across callables (0 = even, towards 1 = concentrated).
  double mass_gini = 0;
};

struct TreeMeasurement {
  std::string root;
  std::vector<FileMeasurement> files;
  std::vector<Diagnostic> diagnostics;
  LineCounts lines;
  int parse_errors = 0;
  ComplexitySummary complexity;
};

}  // namespace scbench::quality
