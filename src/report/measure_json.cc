#include "report/measure_json.h"

#include <cmath>
#include <fmt/format.h>

#include "common/function_ref.h"
#include "common/work_queue.h"
#include "report/json_text.h"
#include "report/version.h"

namespace scbench::report {
namespace {

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

/// One member of a flat object: its key and a value JsonText::Value writes.
template <typename T>
struct Field {
  std::string_view key;
  const T& value;
};

template <typename... T>
void WriteObject(JsonText& out, const Field<T>&... fields) {
  out.BeginObject();
  (out.Member(fields.key, fields.value), ...);
  out.EndObject();
}

void WriteLines(JsonText& out, const quality::LineCounts& lines) {
  WriteObject(out, Field{"total", lines.total},
              Field{"blank", lines.blank},
              Field{"comment", lines.comment},
              Field{"docstring", lines.docstring},
              Field{"sloc", lines.sloc});
}

void WriteCallable(JsonText& out, const quality::CallableMeasurement& callable) {
  WriteObject(out, Field{"name", callable.name},
              Field{"qualified_name", callable.qualified_name},
              Field{"kind", callable.kind},
              Field{"start_line", callable.start_line},
              Field{"end_line", callable.end_line},
              Field{"sloc", callable.sloc},
              Field{"statements", callable.statements},
              Field{"cc", callable.cyclomatic_complexity},
              Field{"max_nesting", callable.max_nesting},
              Field{"parameters", callable.parameters},
              Field{"mass", Rounded(callable.ComplexityMass())},
              Field{"trivial_wrapper", callable.trivial_wrapper},
              Field{"single_use", callable.single_use});
}

void WriteVerbosityCounts(JsonText& out, const quality::VerbosityCounts& counts) {
  WriteObject(out, Field{"flagged", counts.flagged_lines()},
              Field{"rules_only", counts.rule_only_lines},
              Field{"clones_only", counts.clone_only_lines},
              Field{"both", counts.both_lines});
}

void WriteRuleHit(JsonText& out, const quality::RuleHit& hit) {
  WriteObject(out, Field{"rule", hit.rule_id},
              Field{"start_line", hit.start_line},
              Field{"end_line", hit.end_line},
              Field{"severity", hit.severity},
              Field{"suppressed", hit.suppressed});
}

void WriteFile(JsonText& out, const quality::FileMeasurement& file) {
  out.BeginObject();
  out.Member("path", file.path);
  out.Member("language", file.language);
  out.Key("lines");
  WriteLines(out, file.lines);
  out.Member("parse_errors", file.parse_errors);
  out.Key("verbosity_lines");
  WriteVerbosityCounts(out, file.verbosity);
  out.Member("clone_lines", file.clone_lines);
  out.Key("callables");
  out.BeginArray();
  for (const auto& callable : file.callables) WriteCallable(out, callable);
  out.EndArray();
  out.Key("rule_hits");
  out.BeginArray();
  for (const auto& hit : file.rule_hits) WriteRuleHit(out, hit);
  out.EndArray();
  out.EndObject();
}

void WriteCloneGroups(JsonText& out, const quality::TreeMeasurement& m) {
  out.BeginArray();
  for (const auto& group : m.clone_groups) {
    out.BeginObject();
    out.Member("hash", fmt::format("{:016x}", group.hash));
    out.Member("sloc", group.sloc);
    out.Key("instances");
    out.BeginArray();
    for (const auto& instance : group.instances) {
      WriteObject(out, Field{"path", m.files[instance.file].path},
                  Field{"start_line", instance.start_line},
                  Field{"end_line", instance.end_line});
    }
    out.EndArray();
    out.EndObject();
  }
  out.EndArray();
}

void WriteWaste(JsonText& out, const quality::TreeMeasurement& m, bool quality::CallableMeasurement::*flag) {
  out.BeginArray();
  for (const auto& file : m.files) {
    for (const auto& callable : file.callables) {
      if (!(callable.*flag)) continue;
      WriteObject(out, Field{"path", file.path},
                  Field{"qualified_name", callable.qualified_name},
                  Field{"start_line", callable.start_line});
    }
  }
  out.EndArray();
}

void WriteVerbosity(JsonText& out, const quality::VerbositySummary& v) {
  out.BeginObject();
  out.Member("verbosity", Rounded(v.verbosity));
  out.Key("lines");
  WriteVerbosityCounts(out, v.lines);
  out.Member("rule_hits", v.rule_hits);
  out.Member("suppressed_rule_hits", v.suppressed_hits);
  out.Member("clone_groups", v.clone_groups);
  out.Member("clone_instances", v.clone_instances);
  out.Member("clone_lines", v.clone_lines);
  out.Member("trivial_wrappers", v.trivial_wrappers);
  out.Member("single_use_callables", v.single_use_callables);
  out.EndObject();
}

void WriteComplexity(JsonText& out, const quality::ComplexitySummary& complexity) {
  WriteObject(out, Field{"callables", complexity.callables},
              Field{"high_cc_threshold", quality::ComplexitySummary::kHighComplexity},
              Field{"high_cc_callables", complexity.high_complexity_callables},
              Field{"max_cc", complexity.max_cc},
              Field{"mean_cc", Rounded(complexity.mean_cc)},
              Field{"total_mass", Rounded(complexity.total_mass)},
              Field{"high_cc_mass", Rounded(complexity.high_complexity_mass)},
              Field{"erosion", Rounded(complexity.erosion)},
              Field{"mass_gini", Rounded(complexity.mass_gini)});
}

void WriteLanguages(JsonText& out, const quality::TreeMeasurement& m) {
  out.BeginObject();
  for (const auto& [language, summary] : m.languages) {
    out.Key(language);
    out.BeginObject();
    out.Member("files", summary.files);
    out.Key("lines");
    WriteLines(out, summary.lines);
    out.Key("complexity");
    WriteComplexity(out, summary.complexity);
    out.Member("verbosity", Rounded(summary.verbosity));
    out.Key("verbosity_lines");
    WriteVerbosityCounts(out, summary.verbosity_lines);
    out.EndObject();
  }
  out.EndObject();
}

void WriteSummary(JsonText& out, const quality::TreeMeasurement& m) {
  out.BeginObject();
  out.Member("files", m.files.size());
  out.Member("unknown_type_files", m.unknown_type_files);
  out.Key("lines");
  WriteLines(out, m.lines);
  out.Member("parse_errors", m.parse_errors);
  out.Key("complexity");
  WriteComplexity(out, m.complexity);
  out.Key("verbosity");
  WriteVerbosity(out, m.verbosity);
  out.Key("languages");
  WriteLanguages(out, m);
  out.EndObject();
}

void WriteDiagnostics(JsonText& out, const std::vector<quality::Diagnostic>& diagnostics) {
  out.BeginArray();
  for (const auto& diagnostic : diagnostics) {
    WriteObject(out, Field{"path", diagnostic.path},
                Field{"severity", SeverityName(diagnostic.severity)},
                Field{"message", diagnostic.message});
  }
  out.EndArray();
}

/// The whole document; `write_files` writes the elements of its "files" array.
void WriteDocument(JsonText& out, const quality::TreeMeasurement& m, FunctionRef<void()> write_files) {
  out.BeginObject();
  out.Member("schema", kMeasureSchema);
  out.Member("schema_version", kMeasureSchemaVersion);
  out.Key("tool");
  WriteObject(out, Field{"name", "scbench"},
              Field{"version", kVersion});
  out.Member("root", m.root);
  out.Key("summary");
  WriteSummary(out, m);
  out.Key("files");
  out.BeginArray();
  write_files();
  out.EndArray();
  out.Key("clone_groups");
  WriteCloneGroups(out, m);
  out.Key("waste");
  out.BeginObject();
  out.Key("trivial_wrappers");
  WriteWaste(out, m, &quality::CallableMeasurement::trivial_wrapper);
  out.Key("single_use_callables");
  WriteWaste(out, m, &quality::CallableMeasurement::single_use);
  out.EndObject();
  out.Key("diagnostics");
  WriteDiagnostics(out, m.diagnostics);
  out.EndObject();
}

/// The document's text before and after the elements of "files". One placeholder element
/// stands in for them, so that the writer closes the array as a non-empty one.
void WriteDocumentAroundFiles(const quality::TreeMeasurement& m, std::string& head, std::string& tail) {
  JsonText out;
  std::size_t files_start = 0;
  std::size_t files_end = 0;
  WriteDocument(out, m, [&] {
    files_start = out.size();
    if (!m.files.empty()) out.Null();
    files_end = out.size();
  });
  head = out.Slice(0, files_start);
  tail = out.Slice(files_end) + "\n";
}

/// A file's entry as it reads inside the document: two levels deep, after a comma unless
/// it is the first. The writer is brought to that place by the document's opening (and
/// a placeholder first element); the text kept is what follows.
std::string FileEntryText(const quality::FileMeasurement& file, bool first) {
  // About what the entry takes, from the sizes of its parts in the layout.
  JsonText out(640 + 448 * file.callables.size() + 192 * file.rule_hits.size());
  out.BeginObject();
  out.Key("files");
  out.BeginArray();
  if (!first) out.Null();
  const std::size_t start = out.size();
  WriteFile(out, file);
  return out.Slice(start);
}

}  // namespace

nlohmann::ordered_json MeasureToJson(const quality::TreeMeasurement& measurement) {
  return nlohmann::ordered_json::parse(MeasureToJsonText(measurement));
}

std::string MeasureToJsonText(const quality::TreeMeasurement& measurement) {
  JsonText out;
  WriteDocument(out, measurement, [&] {
    for (const auto& file : measurement.files) WriteFile(out, file);
  });
  return out.Slice(0) + "\n";
}

std::vector<std::string> MeasureToJsonPieces(const quality::TreeMeasurement& measurement) {
  // The document around the files (summary, clone groups, waste lists) is the largest single
  // piece: it is written as the first task, beside the files' entries.
  std::vector<std::string> pieces(measurement.files.size() + 2);  // head, the entries, tail
  RunParallel(measurement.files.size() + 1, WorkerCount(0), [&](std::size_t task, unsigned) {
    if (task == 0) {
      WriteDocumentAroundFiles(measurement, pieces.front(), pieces.back());
    } else {
      pieces[task] = FileEntryText(measurement.files[task - 1], task == 1);
    }
  });
  return pieces;
}

}  // namespace scbench::report
