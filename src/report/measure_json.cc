#include "report/measure_json.h"

#include <cmath>

#include "report/version.h"

namespace scbench::report {
namespace {

using Json = nlohmann::ordered_json;

// Six decimals keep the output stable and readable; no metric needs more.
double Rounded(double value) { return std::round(value * 1e6) / 1e6; }

const char* SeverityName(quality::Severity severity) {
  switch (severity) {
    case quality::Severity::kNote: return "note";
    case quality::Severity::kWarning: return "warning";
    case quality::Severity::kError: return "error";
  }
  return "note";
}

Json LinesToJson(const quality::LineCounts& lines) {
  return {{"total", lines.total},
          {"blank", lines.blank},
          {"comment", lines.comment},
          {"docstring", lines.docstring},
          {"sloc", lines.sloc}};
}

Json CallableToJson(const quality::CallableMeasurement& callable) {
  return {{"name", callable.name},
          {"qualified_name", callable.qualified_name},
          {"kind", callable.kind},
          {"start_line", callable.start_line},
          {"end_line", callable.end_line},
          {"sloc", callable.sloc},
          {"statements", callable.statements},
          {"cc", callable.cyclomatic_complexity},
          {"max_nesting", callable.max_nesting},
          {"parameters", callable.parameters},
          {"mass", Rounded(callable.ComplexityMass())}};
}

Json FileToJson(const quality::FileMeasurement& file) {
  Json callables = Json::array();
  for (const auto& callable : file.callables) callables.push_back(CallableToJson(callable));
  return {{"path", file.path},
          {"language", file.language},
          {"lines", LinesToJson(file.lines)},
          {"parse_errors", file.parse_errors},
          {"callables", std::move(callables)}};
}

Json ComplexityToJson(const quality::ComplexitySummary& complexity) {
  return {{"callables", complexity.callables},
          {"high_cc_threshold", quality::ComplexitySummary::kHighComplexity},
          {"high_cc_callables", complexity.high_complexity_callables},
          {"max_cc", complexity.max_cc},
          {"mean_cc", Rounded(complexity.mean_cc)},
          {"total_mass", Rounded(complexity.total_mass)},
          {"high_cc_mass", Rounded(complexity.high_complexity_mass)},
          {"erosion", Rounded(complexity.erosion)},
          {"mass_gini", Rounded(complexity.mass_gini)}};
}

}  // namespace

nlohmann::ordered_json MeasureToJson(const quality::TreeMeasurement& measurement) {
  Json files = Json::array();
  for (const auto& file : measurement.files) files.push_back(FileToJson(file));
  Json diagnostics = Json::array();
  for (const auto& diagnostic : measurement.diagnostics) {
    diagnostics.push_back(
        {{"path", diagnostic.path}, {"severity", SeverityName(diagnostic.severity)}, {"message", diagnostic.message}});
  }
  return {{"schema", kMeasureSchema},
          {"schema_version", kMeasureSchemaVersion},
          {"tool", {{"name", "scbench"}, {"version", kVersion}}},
          {"root", measurement.root},
          {"summary",
           {{"files", measurement.files.size()},
            {"lines", LinesToJson(measurement.lines)},
            {"parse_errors", measurement.parse_errors},
            {"complexity", ComplexityToJson(measurement.complexity)}}},
          {"files", std::move(files)},
          {"diagnostics", std::move(diagnostics)}};
}

}  // namespace scbench::report
