#include "quality/verbosity.h"

#include "quality/clone_index.h"

namespace scbench::quality {
namespace {

constexpr std::uint8_t kRuleLine = 1;
constexpr std::uint8_t kCloneLine = 2;

VerbosityCounts CountFlaggedLines(FileMeasurement& file, const std::vector<std::uint8_t>& clone_mask) {
  std::vector<std::uint8_t> flags(file.line_kinds.size(), 0);
  for (const RuleHit& hit : file.rule_hits) {
    if (hit.suppressed) continue;
    for (int line = hit.start_line; line <= hit.end_line && line <= static_cast<int>(flags.size()); ++line) {
      flags[line - 1] |= kRuleLine;
    }
  }
  for (std::size_t i = 0; i < clone_mask.size() && i < flags.size(); ++i) {
    if (clone_mask[i] != 0) flags[i] |= kCloneLine;
  }
  VerbosityCounts counts;
  file.clone_lines = 0;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (file.line_kinds[i] != LineKind::kCode) continue;
    file.clone_lines += (flags[i] & kCloneLine) != 0;
    counts.rule_only_lines += flags[i] == kRuleLine;
    counts.clone_only_lines += flags[i] == kCloneLine;
    counts.both_lines += flags[i] == (kRuleLine | kCloneLine);
  }
  return counts;
}

}  // namespace

void SummarizeVerbosity(TreeMeasurement& tree) {
  const auto masks = CloneLineMasks(tree.clone_groups, tree.files);
  VerbositySummary& summary = tree.verbosity;
  summary = {};
  for (std::size_t f = 0; f < tree.files.size(); ++f) {
    FileMeasurement& file = tree.files[f];
    file.verbosity = CountFlaggedLines(file, masks[f]);
    summary.lines += file.verbosity;
    summary.clone_lines += file.clone_lines;
    for (const RuleHit& hit : file.rule_hits) (hit.suppressed ? summary.suppressed_hits : summary.rule_hits) += 1;
    for (const CallableMeasurement& callable : file.callables) {
      summary.trivial_wrappers += callable.trivial_wrapper;
      summary.single_use_callables += callable.single_use;
    }
  }
  summary.clone_groups = static_cast<int>(tree.clone_groups.size());
  for (const CloneGroup& group : tree.clone_groups) summary.clone_instances += static_cast<int>(group.instances.size());
  if (tree.lines.sloc > 0) summary.verbosity = static_cast<double>(summary.lines.flagged_lines()) / tree.lines.sloc;
}

}  // namespace scbench::quality
