// Golden test: the JSON of the sample project must not drift. To accept an intended change,
// run the test with SCBENCH_UPDATE_GOLDEN=1 and review the diff of the golden file.

#include "report/measure_json.h"

#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "quality/tree_measurer.h"

namespace scbench::report {
namespace {

const std::string kFixtures = std::string(SCBENCH_SOURCE_DIR) + "/tests/fixtures/python/";

nlohmann::ordered_json MeasureFixture(const std::string& name) {
  quality::TreeMeasurement measurement;
  std::string error;
  EXPECT_TRUE(quality::MeasureTree(kFixtures + name, {}, measurement, error)) << error;
  auto json = MeasureToJson(measurement);
  json["root"] = name;
  json["tool"]["version"] = "(any)";
  return json;
}

TEST(MeasureJson, SampleProjectMatchesGolden) {
  const auto actual = MeasureFixture("sample_project");
  const std::string golden_path = kFixtures + "sample_project.measure.json";
  if (std::getenv("SCBENCH_UPDATE_GOLDEN") != nullptr) std::ofstream(golden_path) << actual.dump(2) << "\n";
  std::ifstream golden_file(golden_path);
  ASSERT_TRUE(golden_file) << "missing " << golden_path;
  const auto golden = nlohmann::ordered_json::parse(golden_file);
  EXPECT_EQ(actual, golden) << "diff (golden -> actual):\n" << nlohmann::json::diff(golden, actual).dump(2);
}

TEST(MeasureJson, SchemaIsVersionedAndCallablesCarryEveryMetric) {
  const auto json = MeasureFixture("sample_project");
  EXPECT_EQ(json["schema"], "scbench.measure");
  EXPECT_EQ(json["schema_version"], 1);
  const auto& callable = json["files"][1]["callables"][0];
  for (const char* key : {"name", "qualified_name", "kind", "start_line", "end_line", "sloc", "statements", "cc",
                          "max_nesting", "parameters", "mass"}) {
    EXPECT_TRUE(callable.contains(key)) << key;
  }
}

std::string Joined(const std::vector<std::string>& pieces) {
  std::string text;
  for (const std::string& piece : pieces) text += piece;
  return text;
}

TEST(MeasureJson, PiecesWrittenInParallelJoinToTheDocumentsText) {
  quality::TreeMeasurement measurement;
  std::string error;
  ASSERT_TRUE(quality::MeasureTree(kFixtures + "sample_project", {}, measurement, error)) << error;
  ASSERT_GE(measurement.files.size(), 2u);
  const std::string text = MeasureToJsonText(measurement);
  EXPECT_EQ(Joined(MeasureToJsonPieces(measurement)), text);
  // The layout is nlohmann's two-space dump (no metric of the fixture is tiny enough for
  // the exponent spellings to differ).
  EXPECT_EQ(text, nlohmann::ordered_json::parse(text).dump(2) + "\n");
  measurement.files.resize(1);
  EXPECT_EQ(Joined(MeasureToJsonPieces(measurement)), MeasureToJsonText(measurement));
  measurement.files.clear();
  measurement.clone_groups.clear();
  EXPECT_EQ(Joined(MeasureToJsonPieces(measurement)), MeasureToJsonText(measurement));
  EXPECT_NE(MeasureToJsonText(measurement).find("\"files\": []"), std::string::npos);
}

TEST(MeasureJson, NamesThatAreNotUtf8AreWrittenWithReplacementCharacters) {
  quality::TreeMeasurement measurement;
  quality::FileMeasurement file;
  file.path = "bad\xfe.py";
  file.language = "python";
  file.callables.push_back({.name = "f\xff", .qualified_name = "f\xff", .kind = "function"});
  measurement.files.push_back(file);
  const auto json = nlohmann::json::parse(Joined(MeasureToJsonPieces(measurement)));
  EXPECT_EQ(json["files"][0]["path"], "bad\xef\xbf\xbd.py");
  EXPECT_EQ(json["files"][0]["callables"][0]["name"], "f\xef\xbf\xbd");
}

}  // namespace
}  // namespace scbench::report
