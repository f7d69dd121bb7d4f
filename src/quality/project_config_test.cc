#include "quality/project_config.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

#include "quality/tree_measurer.h"

namespace scbench::quality {
namespace {
namespace fs = std::filesystem;

class ProjectConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("scbench_config_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "gen");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& relative, const std::string& text) { std::ofstream(root_ / relative) << text; }
  fs::path root_;
};

TEST_F(ProjectConfigTest, ExcludesLanguageOverridesAndThresholds) {
  Write(".scbench.yaml", "exclude: [\"gen/\"]\nlanguages: {\"*.pyx\": python}\nfail_on: [\"erosion>0.5\"]\n");
  Write("a.py", "def f(x):\n    return x or 1\n");
  Write("b.pyx", "def g(y):\n    return y and 2\n");
  Write("gen/c.py", "def h():\n    pass\n");
  std::string error;
  const auto config = LoadProjectConfig(root_, error);
  ASSERT_TRUE(config) << error;
  EXPECT_EQ(config->fail_on, std::vector<std::string>{"erosion>0.5"});
  MeasureOptions options;
  options.discovery.excludes = config->excludes;
  options.discovery.language_overrides = config->language_overrides;
  TreeMeasurement m;
  ASSERT_TRUE(MeasureTree(root_, options, m, error)) << error;
  ASSERT_EQ(m.files.size(), 2u);
  EXPECT_EQ(m.files[1].path, "b.pyx");
  EXPECT_EQ(m.languages.at("python").files, 2);
  EXPECT_EQ(m.unknown_type_files, 1);  // .scbench.yaml itself
}

TEST_F(ProjectConfigTest, MissingFileIsEmptyAndBadOnesNameTheProblem) {
  std::string error;
  ASSERT_TRUE(LoadProjectConfig(root_, error));
  Write(".scbench.yaml", "languages: {\"*.x\": klingon}\n");
  EXPECT_FALSE(LoadProjectConfig(root_, error));
  EXPECT_NE(error.find(".scbench.yaml:1"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown language 'klingon'"), std::string::npos) << error;
}

}  // namespace
}  // namespace scbench::quality
