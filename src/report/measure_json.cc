#include "report/measure_json.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "common/work_queue.h"
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

/// Builds an object member by member, in order. nlohmann's braced lists build a two-element
/// array per member and copy it; for the tens of thousands of callables and rule hits of a
/// large tree that made rendering the slowest step after the parallel walk.
class ObjectBuilder {
 public:
  explicit ObjectBuilder(std::size_t members) { members_.reserve(members); }

  template <typename Value>
  ObjectBuilder& Add(const char* key, Value&& value) {
    members_.emplace_back(key, Json(std::forward<Value>(value)));
    return *this;
  }

  Json Build() { return Json(std::move(members_)); }

 private:
  Json::object_t members_;
};

Json CallableToJson(const quality::CallableMeasurement& callable) {
  return ObjectBuilder(13)
      .Add("name", callable.name)
      .Add("qualified_name", callable.qualified_name)
      .Add("kind", callable.kind)
      .Add("start_line", callable.start_line)
      .Add("end_line", callable.end_line)
      .Add("sloc", callable.sloc)
      .Add("statements", callable.statements)
      .Add("cc", callable.cyclomatic_complexity)
      .Add("max_nesting", callable.max_nesting)
      .Add("parameters", callable.parameters)
      .Add("mass", Rounded(callable.ComplexityMass()))
      .Add("trivial_wrapper", callable.trivial_wrapper)
      .Add("single_use", callable.single_use)
      .Build();
}

Json VerbosityCountsToJson(const quality::VerbosityCounts& counts) {
  return {{"flagged", counts.flagged_lines()},
          {"rules_only", counts.rule_only_lines},
          {"clones_only", counts.clone_only_lines},
          {"both", counts.both_lines}};
}

Json RuleHitsToJson(const std::vector<quality::RuleHit>& hits) {
  Json out = Json::array();
  for (const auto& hit : hits) {
    out.push_back(ObjectBuilder(5)
                      .Add("rule", hit.rule_id)
                      .Add("start_line", hit.start_line)
                      .Add("end_line", hit.end_line)
                      .Add("severity", hit.severity)
                      .Add("suppressed", hit.suppressed)
                      .Build());
  }
  return out;
}

Json FileToJson(const quality::FileMeasurement& file) {
  Json callables = Json::array();
  for (const auto& callable : file.callables) callables.push_back(CallableToJson(callable));
  return {{"path", file.path},
          {"language", file.language},
          {"lines", LinesToJson(file.lines)},
          {"parse_errors", file.parse_errors},
          {"verbosity_lines", VerbosityCountsToJson(file.verbosity)},
          {"clone_lines", file.clone_lines},
          {"callables", std::move(callables)},
          {"rule_hits", RuleHitsToJson(file.rule_hits)}};
}

Json ClonesToJson(const quality::TreeMeasurement& m) {
  Json groups = Json::array();
  for (const auto& group : m.clone_groups) {
    Json instances = Json::array();
    for (const auto& instance : group.instances) {
      instances.push_back({{"path", m.files[instance.file].path},
                           {"start_line", instance.start_line},
                           {"end_line", instance.end_line}});
    }
    groups.push_back({{"hash", fmt::format("{:016x}", group.hash)}, {"sloc", group.sloc}, {"instances", instances}});
  }
  return groups;
}

Json WasteToJson(const quality::TreeMeasurement& m, bool quality::CallableMeasurement::*flag) {
  Json out = Json::array();
  for (const auto& file : m.files) {
    for (const auto& callable : file.callables) {
      if (callable.*flag) {
        out.push_back({{"path", file.path}, {"qualified_name", callable.qualified_name}, {"start_line", callable.start_line}});
      }
    }
  }
  return out;
}

Json VerbosityToJson(const quality::TreeMeasurement& m) {
  const auto& v = m.verbosity;
  return {{"verbosity", Rounded(v.verbosity)},
          {"lines", VerbosityCountsToJson(v.lines)},
          {"rule_hits", v.rule_hits},
          {"suppressed_rule_hits", v.suppressed_hits},
          {"clone_groups", v.clone_groups},
          {"clone_instances", v.clone_instances},
          {"clone_lines", v.clone_lines},
          {"trivial_wrappers", v.trivial_wrappers},
          {"single_use_callables", v.single_use_callables}};
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

Json LanguagesToJson(const quality::TreeMeasurement& m) {
  Json out = Json::object();
  for (const auto& [language, summary] : m.languages) {
    out[language] = {{"files", summary.files},
                     {"lines", LinesToJson(summary.lines)},
                     {"complexity", ComplexityToJson(summary.complexity)},
                     {"verbosity", Rounded(summary.verbosity)},
                     {"verbosity_lines", VerbosityCountsToJson(summary.verbosity_lines)}};
  }
  return out;
}

/// The whole document around `files`.
Json Document(const quality::TreeMeasurement& measurement, Json files) {
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
            {"unknown_type_files", measurement.unknown_type_files},
            {"lines", LinesToJson(measurement.lines)},
            {"parse_errors", measurement.parse_errors},
            {"complexity", ComplexityToJson(measurement.complexity)},
            {"verbosity", VerbosityToJson(measurement)},
            {"languages", LanguagesToJson(measurement)}}},
          {"files", std::move(files)},
          {"clone_groups", ClonesToJson(measurement)},
          {"waste",
           {{"trivial_wrappers", WasteToJson(measurement, &quality::CallableMeasurement::trivial_wrapper)},
            {"single_use_callables", WasteToJson(measurement, &quality::CallableMeasurement::single_use)}}},
          {"diagnostics", std::move(diagnostics)}};
}

/// `text` (a value rendered at depth 0) as it reads at `depth` of a two-space indent.
std::string Indented(const std::string& text, int depth) {
  const std::string margin(static_cast<std::size_t>(depth) * 2, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (std::size_t line = 0; line < text.size();) {
    const std::size_t end = std::min(text.find('\n', line), text.size() - 1) + 1;
    out += margin;
    out.append(text, line, end - line);
    line = end;
  }
  return out;
}

}  // namespace

nlohmann::ordered_json MeasureToJson(const quality::TreeMeasurement& measurement) {
  Json files = Json::array();
  for (const auto& file : measurement.files) files.push_back(FileToJson(file));
  return Document(measurement, std::move(files));
}

std::vector<std::string> MeasureToJsonPieces(const quality::TreeMeasurement& measurement) {
  // The document around the files (summary, clone groups, waste lists) is the largest single
  // piece: it is rendered as the first task, beside the files' entries rather than before them.
  std::string document;
  std::vector<std::string> pieces(measurement.files.size() + 2);  // head, the entries, tail
  RunParallel(measurement.files.size() + 1, WorkerCount(0), [&](std::size_t task, unsigned) {
    if (task == 0) {
      document = Document(measurement, Json::array()).dump(2);
      return;
    }
    std::string& entry = pieces[task] = Indented(FileToJson(measurement.files[task - 1]).dump(2), 2);
    entry += task < measurement.files.size() ? ",\n" : "\n  ]";
  });
  const std::string empty_files = "\n  \"files\": []";
  const std::size_t at = document.find(empty_files);
  if (measurement.files.empty() || at == std::string::npos) return {document + "\n"};
  pieces.front() = document.substr(0, at) + "\n  \"files\": [\n";
  pieces.back() = document.substr(at + empty_files.size()) + "\n";
  return pieces;
}

std::string MeasureToJsonText(const quality::TreeMeasurement& measurement) {
  std::string text;
  for (const std::string& piece : MeasureToJsonPieces(measurement)) text += piece;
  return text;
}

}  // namespace scbench::report
