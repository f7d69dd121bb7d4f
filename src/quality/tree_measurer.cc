#include "quality/tree_measurer.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <optional>

#include "quality/clone_index.h"
#include "quality/complexity_summary.h"
#include "quality/file_metrics.h"
#include "quality/source_file.h"
#include "quality/syntax_tree.h"
#include "quality/rules/rule_set.h"
#include "quality/rules/suppression.h"
#include "quality/verbosity.h"
#include "quality/waste_signals.h"
#include "common/work_queue.h"

namespace scbench::quality {
namespace {

/// Every per-file analysis, sharing one walk of the tree.
FileMeasurement AnalyzeSyntax(const Language& language, const TSTree* tree, std::string_view source,
                              const std::string& path, const RuleSet* rules, NodeTable& nodes) {
  std::vector<std::string> called_names;
  CloneTokenCollector clones(language, source);
  CallSiteCollector calls(language, source, called_names);
  std::vector<SyntaxVisitor*> visitors{&clones, &calls};
  // The rule matcher reads the tree from a table of its nodes, filled during the walk
  // when the language has rules.
  if (rules != nullptr && rules->RootsOf(language) == nullptr) rules = nullptr;
  NodeTableBuilder node_recorder(nodes);
  if (rules != nullptr) {
    const std::size_t expected_nodes = std::min<std::size_t>(source.size() / 3, std::size_t{1} << 20);  // 1 per 3 bytes
    nodes.Reset(expected_nodes);
    visitors.push_back(&node_recorder);
  }
  FileMeasurement measurement = MeasureSyntax(language, tree, source, path, visitors);
  measurement.clone_candidates = clones.Finish(measurement.line_kinds);
  measurement.called_names = std::move(called_names);
  if (rules != nullptr) {
    measurement.rule_hits = rules->Match(language, nodes, source);
    ApplySuppressions(source, measurement.rule_hits);
  }
  return measurement;
}

struct FileOutcome {
  std::optional<FileMeasurement> measurement;
  std::vector<Diagnostic> diagnostics;
};

/// What a worker thread keeps from one file to the next.
struct WorkerState {
  Parser parser;
  NodeTable nodes;
};

FileOutcome MeasureOneFile(const SourceFile& file, const MeasureOptions& options, WorkerState& worker) {
  FileOutcome outcome;
  const auto note = [&](Severity severity, std::string message) {
    outcome.diagnostics.push_back({file.relative, severity, std::move(message)});
  };
  std::string source;
  std::string error;
  if (!ReadSourceFile(file.absolute, options.max_file_bytes, source, error)) {
    note(Severity::kError, error);
    return outcome;
  }
  if (LooksBinary(source)) {
    note(Severity::kWarning, "binary content (NUL byte), skipped");
    return outcome;
  }
  if (source.empty()) note(Severity::kNote, "empty file");
  if (const auto line = FirstInvalidUtf8Line(source)) {
    note(Severity::kWarning, "not valid UTF-8 from line " + std::to_string(*line) +
                                 "; invalid bytes were read as replacement characters");
  }
  const SyntaxTree tree = worker.parser.Parse(*file.language, source);
  if (!tree) {
    note(Severity::kError, "the parser gave up on this file");
    return outcome;
  }
  outcome.measurement = AnalyzeSyntax(*file.language, tree.get(), source, file.relative, options.rules, worker.nodes);
  if (outcome.measurement->parse_errors > 0) {
    note(Severity::kWarning, std::to_string(outcome.measurement->parse_errors) +
                                 " syntax error(s); measured what parsed");
  }
  return outcome;
}

void SummarizeLanguages(TreeMeasurement& out) {
  std::map<std::string, std::vector<const CallableMeasurement*>> callables;
  for (const FileMeasurement& file : out.files) {
    LanguageSummary& summary = out.languages[file.language];
    ++summary.files;
    summary.lines += file.lines;
    summary.verbosity_lines += file.verbosity;
    for (const CallableMeasurement& callable : file.callables) callables[file.language].push_back(&callable);
  }
  for (auto& [language, summary] : out.languages) {
    summary.complexity = SummarizeCallables(callables[language]);
    if (summary.lines.sloc > 0) summary.verbosity = double(summary.verbosity_lines.flagged_lines()) / summary.lines.sloc;
  }
}

void Summarize(TreeMeasurement& out, unsigned workers) {
  for (const FileMeasurement& file : out.files) {
    out.lines += file.lines;
    out.parse_errors += file.parse_errors;
  }
  // Independent passes over all files (they write different members), side by side; the
  // longest first.
  RunParallel(3, workers, [&](std::size_t task, unsigned) {
    if (task == 0) {
      MarkSingleUseCallables(out.files);
    } else if (task == 1) {
      out.clone_groups = FindCloneGroups(out.files);
    } else {
      out.complexity = SummarizeComplexity(out.files);
    }
  });
  SummarizeVerbosity(out);
  SummarizeLanguages(out);
}

}  // namespace

bool MeasureTree(const std::filesystem::path& root, const MeasureOptions& options, TreeMeasurement& out,
                 std::string& error) {
  Discovery discovery;
  if (!DiscoverSources(root, options.discovery, discovery, error)) return false;
  MeasureSources(root, std::move(discovery), options, out);
  return true;
}

void MeasureSources(const std::filesystem::path& root, Discovery discovery, const MeasureOptions& options,
                    TreeMeasurement& out) {
  out.root = root.string();
  out.diagnostics = std::move(discovery.diagnostics);
  out.unknown_type_files = discovery.unknown_type_files;

  const unsigned workers = WorkerCount(options.jobs);
  // Each worker makes its own state, on its own thread, so that its parser lands in that
  // thread's heap pages. Made one after the other by one thread, two workers' parsers
  // could share cache lines that both write while parsing: depending on where the
  // allocator put them, tree-sitter's stack operations took twice as long and a whole run
  // half again as much CPU time.
  std::vector<std::unique_ptr<WorkerState>> states(workers);
  // Largest files first, so that no worker is left with a big file at the end.
  std::vector<std::size_t> order(discovery.files.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return discovery.files[a].size > discovery.files[b].size; });
  std::vector<FileOutcome> outcomes(discovery.files.size());
  RunParallel(order.size(), workers, [&](std::size_t position, unsigned worker) {
    const std::size_t index = order[position];
    if (!states[worker]) states[worker] = std::make_unique<WorkerState>();
    outcomes[index] = MeasureOneFile(discovery.files[index], options, *states[worker]);
  });

  for (FileOutcome& outcome : outcomes) {
    std::move(outcome.diagnostics.begin(), outcome.diagnostics.end(), std::back_inserter(out.diagnostics));
    if (outcome.measurement) out.files.push_back(std::move(*outcome.measurement));
  }
  Summarize(out, workers);
}

}  // namespace scbench::quality
