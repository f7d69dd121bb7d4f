#include "quality/complexity_summary.h"

#include <cmath>
#include <gtest/gtest.h>

namespace scbench::quality {
namespace {

CallableMeasurement Callable(int cc, int sloc) {
  CallableMeasurement callable;
  callable.cyclomatic_complexity = cc;
  callable.sloc = sloc;
  return callable;
}

TEST(ComplexitySummary, ErosionIsTheMassShareAboveTen) {
  FileMeasurement file;
  file.callables = {Callable(11, 16), Callable(10, 4), Callable(1, 1)};
  const auto summary = SummarizeComplexity(std::span(&file, 1));
  // mass: 11*4 = 44, 10*2 = 20, 1*1 = 1; only CC 11 is above the threshold (CC > 10).
  EXPECT_DOUBLE_EQ(summary.total_mass, 65);
  EXPECT_DOUBLE_EQ(summary.high_complexity_mass, 44);
  EXPECT_DOUBLE_EQ(summary.erosion, 44.0 / 65.0);
  EXPECT_EQ(summary.high_complexity_callables, 1);
  EXPECT_EQ(summary.max_cc, 11);
  EXPECT_DOUBLE_EQ(summary.mean_cc, 22.0 / 3.0);
}

TEST(ComplexitySummary, NoCallablesMeansZeroNotNaN) {
  const auto summary = SummarizeComplexity({});
  EXPECT_EQ(summary.erosion, 0);
  EXPECT_EQ(summary.mean_cc, 0);
  EXPECT_EQ(summary.mass_gini, 0);
}

TEST(ComplexitySummary, ZeroSlocCallablesHaveNoMass) {
  FileMeasurement file;
  file.callables = {Callable(12, 0)};
  const auto summary = SummarizeComplexity(std::span(&file, 1));
  EXPECT_EQ(summary.total_mass, 0);
  EXPECT_EQ(summary.erosion, 0);
  EXPECT_EQ(summary.high_complexity_callables, 1);
}

TEST(GiniCoefficient, EvenIsZeroConcentratedApproachesOne) {
  EXPECT_DOUBLE_EQ(GiniCoefficient({5, 5, 5, 5}), 0);
  EXPECT_NEAR(GiniCoefficient({0, 0, 0, 10}), 0.75, 1e-12);
  EXPECT_NEAR(GiniCoefficient({1, 2, 3, 4}), 0.25, 1e-12);
  EXPECT_EQ(GiniCoefficient({}), 0);
}

}  // namespace
}  // namespace scbench::quality
