#include "quality/quality_gate.h"

#include <gtest/gtest.h>

namespace scbench::quality {
namespace {

TEST(QualityGate, ParsesEveryOperator) {
  std::string error;
  for (const char* text : {"erosion>0.5", "erosion >= 0.5", "max_cc<3", "max_cc<=3"}) {
    EXPECT_TRUE(ParseGateCondition(text, error).has_value()) << text << ": " << error;
  }
  const auto condition = ParseGateCondition("max_cc >= 30", error);
  ASSERT_TRUE(condition);
  EXPECT_EQ(condition->metric, "max_cc");
  EXPECT_EQ(condition->op, ">=");
  EXPECT_EQ(condition->threshold, 30);
}

TEST(QualityGate, RejectsUnknownMetricsAndBadNumbers) {
  std::string error;
  EXPECT_FALSE(ParseGateCondition("slop>1", error));
  EXPECT_NE(error.find("unknown metric 'slop'"), std::string::npos);
  EXPECT_FALSE(ParseGateCondition("erosion>half", error));
  EXPECT_NE(error.find("not a number"), std::string::npos);
  EXPECT_FALSE(ParseGateCondition("erosion=1", error));
}

TEST(QualityGate, ReportsOnlyCrossedConditions) {
  TreeMeasurement measurement;
  measurement.complexity.erosion = 0.6;
  measurement.complexity.max_cc = 12;
  std::string error;
  const std::vector<GateCondition> gate = {*ParseGateCondition("erosion>0.5", error),
                                           *ParseGateCondition("max_cc>12", error),
                                           *ParseGateCondition("max_cc>=12", error)};
  const auto failures = EvaluateGate(measurement, gate);
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].condition.text, "erosion>0.5");
  EXPECT_DOUBLE_EQ(failures[0].actual, 0.6);
  EXPECT_EQ(failures[1].condition.text, "max_cc>=12");
}

}  // namespace
}  // namespace scbench::quality
