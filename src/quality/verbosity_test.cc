#include "quality/verbosity.h"

#include <gtest/gtest.h>

namespace scbench::quality {
namespace {

FileMeasurement TenCodeLines() {
  FileMeasurement file;
  file.line_kinds.assign(12, LineKind::kCode);
  file.line_kinds[4] = LineKind::kBlank;    // line 5
  file.line_kinds[9] = LineKind::kComment;  // line 10
  file.lines.sloc = 10;
  return file;
}

TEST(Verbosity, UnionOfRuleAndCloneLinesOverSloc) {
  TreeMeasurement tree;
  tree.files.push_back(TenCodeLines());
  tree.lines.sloc = 10;
  // Rules flag lines 1-3 twice over (counted once) and line 10 (a comment: not counted).
  tree.files[0].rule_hits = {{"a", 1, 3, 2, false}, {"b", 2, 3, 1, false}, {"c", 10, 10, 1, false},
                             {"d", 12, 12, 1, true}};
  // A clone covers lines 3-6 (line 5 is blank).
  tree.clone_groups.push_back({1, 3, {{0, 3, 6}, {0, 7, 8}}});
  SummarizeVerbosity(tree);
  const auto& lines = tree.verbosity.lines;
  EXPECT_EQ(lines.rule_only_lines, 2);   // 1, 2
  EXPECT_EQ(lines.both_lines, 1);        // 3
  EXPECT_EQ(lines.clone_only_lines, 4);  // 4, 6, 7, 8: line 5 is blank
  EXPECT_EQ(lines.flagged_lines(), 7);
  EXPECT_DOUBLE_EQ(tree.verbosity.verbosity, 0.7);
  EXPECT_EQ(tree.verbosity.rule_hits, 3);
  EXPECT_EQ(tree.verbosity.suppressed_hits, 1);
  EXPECT_EQ(tree.files[0].clone_lines, 5);
}

TEST(Verbosity, NoSlocMeansZero) {
  TreeMeasurement tree;
  SummarizeVerbosity(tree);
  EXPECT_EQ(tree.verbosity.verbosity, 0);
}

}  // namespace
}  // namespace scbench::quality
