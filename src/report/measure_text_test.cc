#include "report/measure_text.h"

#include <gtest/gtest.h>

namespace scbench::report {
namespace {

quality::TreeMeasurement TwoCallables() {
  quality::TreeMeasurement m;
  m.root = "proj";
  quality::FileMeasurement file;
  file.path = "a.py";
  quality::CallableMeasurement simple;
  simple.qualified_name = "simple";
  simple.cyclomatic_complexity = 2;
  simple.sloc = 4;
  quality::CallableMeasurement tangled = simple;
  tangled.qualified_name = "Parser.tangled";
  tangled.cyclomatic_complexity = 14;
  tangled.start_line = 10;
  tangled.end_line = 60;
  file.callables = {simple, tangled};
  m.files.push_back(file);
  m.diagnostics.push_back({"b.py", quality::Severity::kWarning, "2 syntax error(s); measured what parsed"});
  return m;
}

TEST(MeasureText, ListsTheWorstCallableFirstWithItsLocation) {
  const std::string text = MeasureToText(TwoCallables());
  const auto tangled = text.find("Parser.tangled (a.py:10-60)");
  const auto simple = text.find("simple (a.py:");
  ASSERT_NE(tangled, std::string::npos) << text;
  ASSERT_NE(simple, std::string::npos) << text;
  EXPECT_LT(tangled, simple);
  EXPECT_NE(text.find("warning: b.py: 2 syntax error(s)"), std::string::npos) << text;
}

TEST(MeasureText, TopLimitsTheListing) {
  const std::string text = MeasureToText(TwoCallables(), {.top_callables = 1});
  EXPECT_NE(text.find("Parser.tangled"), std::string::npos);
  EXPECT_EQ(text.find("simple (a.py"), std::string::npos);
}

}  // namespace
}  // namespace scbench::report
