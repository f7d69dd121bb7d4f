#include "report/measure_text.h"

#include <algorithm>
#include <map>
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

void AppendVerbosity(const TreeMeasurement& m, std::string& out) {
  const auto& v = m.verbosity;
  out += fmt::format("  verbosity {:.3f}  (flagged {} of {} sloc: rules only {}, clones only {}, both {})\n", v.verbosity,
                     v.lines.flagged_lines(), m.lines.sloc, v.lines.rule_only_lines, v.lines.clone_only_lines,
                     v.lines.both_lines);
  out += fmt::format("  rule hits {} ({} suppressed)  clone groups {} ({} instances, {} lines)  trivial wrappers {}  "
                     "single-use callables {}\n",
                     v.rule_hits, v.suppressed_hits, v.clone_groups, v.clone_instances, v.clone_lines, v.trivial_wrappers,
                     v.single_use_callables);
}

void AppendLanguages(const TreeMeasurement& m, std::string& out) {
  if (m.languages.size() < 2) return;
  out += fmt::format("\nby language\n  {:<12} {:>6} {:>8} {:>9} {:>8} {:>9}\n", "language", "files", "sloc", "callables",
                     "erosion", "verbosity");
  for (const auto& [language, s] : m.languages) {
    out += fmt::format("  {:<12} {:>6} {:>8} {:>9} {:>8.3f} {:>9.3f}\n", language, s.files, s.lines.sloc,
                       s.complexity.callables, s.complexity.erosion, s.verbosity);
  }
}

void AppendTopRules(const TreeMeasurement& m, int limit, std::string& out) {
  std::map<std::string, std::pair<int, int>> per_rule;  // id -> (hits, lines)
  for (const auto& file : m.files) {
    for (const auto& hit : file.rule_hits) {
      if (hit.suppressed) continue;
      auto& [hits, lines] = per_rule[hit.rule_id];
      ++hits;
      lines += hit.end_line - hit.start_line + 1;
    }
  }
  if (per_rule.empty()) return;
  std::vector<std::pair<std::string, std::pair<int, int>>> ranked(per_rule.begin(), per_rule.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  out += fmt::format("\ntop rules\n  {:>5} {:>6}  {}\n", "hits", "lines", "rule");
  for (std::size_t i = 0; i < ranked.size() && i < static_cast<std::size_t>(limit); ++i) {
    out += fmt::format("  {:>5} {:>6}  {}\n", ranked[i].second.first, ranked[i].second.second, ranked[i].first);
  }
}

void AppendLargestClones(const TreeMeasurement& m, int limit, std::string& out) {
  if (m.clone_groups.empty()) return;
  out += fmt::format("\nlargest clone groups\n  {:>5} {:>3}  {}\n", "sloc", "x", "instances");
  for (std::size_t i = 0; i < m.clone_groups.size() && i < static_cast<std::size_t>(limit); ++i) {
    const auto& group = m.clone_groups[i];
    std::string where;
    for (std::size_t k = 0; k < group.instances.size() && k < 4; ++k) {
      const auto& instance = group.instances[k];
      where += fmt::format("{}{}:{}-{}", k == 0 ? "" : ", ", m.files[instance.file].path, instance.start_line,
                           instance.end_line);
    }
    if (group.instances.size() > 4) where += fmt::format(", +{} more", group.instances.size() - 4);
    out += fmt::format("  {:>5} {:>3}  {}\n", group.sloc, group.instances.size(), where);
  }
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
  AppendVerbosity(measurement, out);
  AppendLanguages(measurement, out);
  AppendWorstCallables(measurement, options.top_callables, out);
  AppendTopRules(measurement, options.top_callables, out);
  AppendLargestClones(measurement, options.top_callables, out);
  AppendDiagnostics(measurement, options.max_diagnostics, out);
  return out;
}

}  // namespace scbench::report
