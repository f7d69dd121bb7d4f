#pragma once
/// The measurement model: what `scbench measure` knows about a tree, a file and a callable.
/// Renderers (text, JSON) read it; nothing here knows about output formats.

#include <cstdint>
#include <map>
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
  /// Only forwards its parameters to another call.
  bool trivial_wrapper = false;
  /// Defined once and called exactly once across the measured tree.
  bool single_use = false;

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

/// A hashed subtree of one file (internal to clone detection, not rendered).
struct CloneCandidate {
  std::uint64_t hash = 0;
  int start_line = 0;
  int end_line = 0;
  int sloc = 0;
};

struct CloneInstance {
  std::size_t file = 0;  // index into TreeMeasurement::files
  int start_line = 0;
  int end_line = 0;
};

struct CloneGroup {
  std::uint64_t hash = 0;
  int sloc = 0;  // of one instance
  std::vector<CloneInstance> instances;
};

/// A slop rule's match. Suppressed hits (an inline `scbench: ignore[id]`) are kept for
/// reporting but flag no line.
struct RuleHit {
  std::string rule_id;
  int start_line = 0;
  int end_line = 0;
  int severity = 1;
  bool suppressed = false;
};

/// Lines of one file, or of the tree, that verbosity counts. Only code lines count.
struct VerbosityCounts {
  int rule_only_lines = 0;
  int clone_only_lines = 0;
  int both_lines = 0;

  int flagged_lines() const { return rule_only_lines + clone_only_lines + both_lines; }
  VerbosityCounts& operator+=(const VerbosityCounts& other);
};

struct FileMeasurement {
  std::string path;  // relative to the measured root, '/'-separated
  std::string language;
  LineCounts lines;
  int parse_errors = 0;
  std::vector<CallableMeasurement> callables;
  /// Kind of every line, index 0 = line 1. Kept for verbosity and clone accounting.
  std::vector<LineKind> line_kinds;

  std::vector<RuleHit> rule_hits;
  std::vector<CloneCandidate> clone_candidates;
  /// Names called in this file (the last name of a dotted call), one entry per call.
  std::vector<std::string> called_names;
  VerbosityCounts verbosity;
  int clone_lines = 0;  // code lines inside clone instances
};

struct VerbositySummary {
  VerbosityCounts lines;
  /// flagged lines / SLOC, in [0, 1]; 0 without SLOC.
  double verbosity = 0;
  int rule_hits = 0;
  int suppressed_hits = 0;
  int clone_groups = 0;
  int clone_instances = 0;
  int clone_lines = 0;
  int trivial_wrappers = 0;
  int single_use_callables = 0;
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

/// One language's share of a mixed tree.
struct LanguageSummary {
  int files = 0;
  LineCounts lines;
  ComplexitySummary complexity;
  VerbosityCounts verbosity_lines;
  double verbosity = 0;
};

struct TreeMeasurement {
  std::string root;
  std::vector<FileMeasurement> files;
  std::vector<Diagnostic> diagnostics;
  LineCounts lines;
  int parse_errors = 0;
  ComplexitySummary complexity;
  std::vector<CloneGroup> clone_groups;
  VerbositySummary verbosity;
  std::map<std::string, LanguageSummary> languages;
  /// Files skipped because no built-in language has their extension.
  int unknown_type_files = 0;
};

}  // namespace scbench::quality
