#include "report/measure_sarif.h"

#include <gtest/gtest.h>

namespace scbench::report {
namespace {

TEST(MeasureSarif, RuleHitsAndClonesBecomeResults) {
  quality::TreeMeasurement m;
  m.root = "proj";
  quality::FileMeasurement a;
  a.path = "a.py";
  a.rule_hits = {{"py-x", 3, 4, 4, false}, {"py-x", 9, 9, 4, true}};
  quality::FileMeasurement b;
  b.path = "b.py";
  m.files = {a, b};
  m.clone_groups.push_back({0xabc, 5, {{0, 10, 15}, {1, 1, 6}}});
  quality::Rule rule;
  rule.id = "py-x";
  rule.message = "Do y instead.";
  rule.severity = 4;
  const auto sarif = MeasureToSarif(m, {rule});
  EXPECT_EQ(sarif["version"], "2.1.0");
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["id"], "py-x");
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(results[0]["level"], "error");
  EXPECT_EQ(results[0]["message"]["text"], "Do y instead.");
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
  EXPECT_FALSE(results[0].contains("suppressions"));
  EXPECT_EQ(results[1]["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(results[2]["ruleId"], "scbench.clone");
  EXPECT_EQ(results[2]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"], "b.py");
}

}  // namespace
}  // namespace scbench::report
