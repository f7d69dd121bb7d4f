#include "report/measure_text.h"

#include <algorithm>
#include <fmt/format.h>

namespace scbench::report {
namespace {

using quality::CallableMeasurement;
using quality::FileMeasurement;
using quality::Severity;
using quality::TreeMeasurement;

struct RankedCallable {
  const CallableMeasurement* callable;
  const FileMeasurement* file;
};

std::vector<RankedCallable> WorstCallables(const TreeMeasurement& measurement, int limit) {
  std::vector<RankedCallable> ranked;
  for (const auto& file : measurement.files) {
    for (const auto& callable : file.callables) ranked.push_back({&callable, &file});
  }
  const auto worse = [](const RankedCallable& a, const RankedCallable& b) {
    if (a.callable->cyclomatic_complexity != b.callable->cyclomatic_complexity) {
      return a.callable->cyclomatic_complexity > b.callable->cyclomatic_complexity;
    }
    if (a.callable->sloc != b.callable->sloc) return a.callable->sloc > b.callable->sloc;
    return std::tie(a.file->path, a.callable->start_line) < std::tie(b.file->path, b.callable->start_line);
  };
  const std::size_t keep = std::min<std::size_t>(ranked.size(), static_cast<std::size_t>(std::max(limit, 0)));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), worse);
  ranked.resize(keep);
  return ranked;
}

void AppendTotals(const TreeMeasurement& m, std::string& out) {
  const auto& c = m.complexity;
  out += fmt::format("scbench measure: {}\n", m.root);
  out += fmt::format("  files {}  lines {}  sloc {}  comment {}  docstring {}  blank {}  parse errors {}\n",
                     m.files.size(), m.lines.total, m.lines.sloc, m.lines.comment, m.lines.docstring,
                     m.lines.blank, m.parse_errors);
  const double high_share = c.callables > 0 ? 100.0 * c.high_complexity_callables / c.callables : 0.0;
  out += fmt::format("  callables {}  mean CC {:.2f}  max CC {}  CC>{}: {} ({:.1f}%)\n", c.callables, c.mean_cc,
                     c.max_cc, quality::ComplexitySummary::kHighComplexity, c.high_complexity_callables,
                     high_share);
  out += fmt::format("  erosion {:.3f}  (mass in CC>{}: {:.1f} of {:.1f})  mass gini {:.3f}\n", c.erosion,
                     quality::ComplexitySummary::kHighComplexity, c.high_complexity_mass, c.total_mass,
                     c.mass_gini);
}

void AppendWorstCallables(const TreeMeasurement& m, int limit, std::string& out) {
  const auto worst = WorstCallables(m, limit);
  if (worst.empty()) return;
  out += "\nmost complex callables\n";
  out += fmt::format("  {:>4} {:>5} {:>8} {:>4}  {}\n", "CC", "SLOC", "mass", "nest", "callable (location)");
  for (const auto& [callable, file] : worst) {
    out += fmt::format("  {:>4} {:>5} {:>8.1f} {:>4}  {} ({}:{}-{})\n", callable->cyclomatic_complexity,
                       callable->sloc, callable->ComplexityMass(), callable->max_nesting,
                       callable->qualified_name, file->path, callable->start_line, callable->end_line);
  }
}

void AppendDiagnostics(const TreeMeasurement& m, int limit, std::string& out) {
  int notes = 0, warnings = 0, errors = 0;
  for (const auto& d : m.diagnostics) {
    notes += d.severity == Severity::kNote;
    warnings += d.severity == Severity::kWarning;
    errors += d.severity == Severity::kError;
  }
  if (notes + warnings + errors == 0) return;
  out += fmt::format("\ndiagnostics: {} error(s), {} warning(s), {} note(s)\n", errors, warnings, notes);
  int shown = 0;
  for (const auto& d : m.diagnostics) {
    if (d.severity == Severity::kNote) continue;
    if (shown++ == limit) {
      out += fmt::format("  ... {} more in --format json\n", errors + warnings - limit);
      break;
    }
    out += fmt::format("  {}: {}: {}\n", d.severity == Severity::kError ? "error" : "warning", d.path, d.message);
  }
}

}  // namespace

std::string MeasureToText(const TreeMeasurement& measurement, const TextOptions& options) {
  std::string out;
  AppendTotals(measurement, out);
  AppendWorstCallables(measurement, options.top_callables, out);
  AppendDiagnostics(measurement, options.max_diagnostics, out);
  return out;
}

}  // namespace scbench::report
