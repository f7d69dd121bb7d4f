#include "quality/file_discovery.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

#include "quality/tree_measurer.h"

namespace scbench::quality {
namespace {
namespace fs = std::filesystem;

class TempTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("scbench_discovery_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& relative, std::string_view content = "x = 1\n") {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
  }

  std::vector<std::string> Discovered(const DiscoveryOptions& options = {}) {
    Discovery discovery;
    std::string error;
    EXPECT_TRUE(DiscoverSources(root_, options, discovery, error)) << error;
    std::vector<std::string> paths;
    for (const auto& file : discovery.files) paths.push_back(file.relative);
    return paths;
  }

  fs::path root_;
};

using Paths = std::vector<std::string>;

TEST_F(TempTree, SkipsVcsDependenciesCachesVirtualenvsAndBuildTrees) {
  Write("app.py");
  Write("pkg/mod.py");
  Write(".git/hooks/x.py");
  Write("node_modules/lib/x.py");
  Write("pkg/__pycache__/mod.py");
  Write("env/pyvenv.cfg", "home = /usr\n");
  Write("env/lib/x.py");
  Write("cmake-out/CMakeCache.txt", "");
  Write("cmake-out/gen.py");
  Write("venv/__init__.py");  // a package named venv is source; only pyvenv.cfg marks a virtualenv
  EXPECT_EQ(Discovered(), (Paths{"app.py", "pkg/mod.py", "venv/__init__.py"}));
}

TEST_F(TempTree, HonoursGitignoreUnlessIncludeIgnored) {
  Write(".gitignore", "generated/\n*_pb2.py\n");
  Write("main.py");
  Write("api_pb2.py");
  Write("generated/a.py");
  Write("sub/.gitignore", "!keep_pb2.py\n");
  Write("sub/keep_pb2.py");
  EXPECT_EQ(Discovered(), (Paths{"main.py", "sub/keep_pb2.py"}));
  EXPECT_EQ(Discovered({.include_ignored = true}),
            (Paths{"api_pb2.py", "generated/a.py", "main.py", "sub/keep_pb2.py"}));
  EXPECT_EQ(Discovered({.include_ignored = true, .excludes = {"generated/"}}),
            (Paths{"api_pb2.py", "main.py", "sub/keep_pb2.py"}));
}

TEST_F(TempTree, NeverFollowsSymlinksAndReportsDanglingOnes) {
  Write("real.py");
  const fs::path outside = fs::temp_directory_path() / ("scbench_outside_" + std::to_string(::getpid()));
  fs::create_directories(outside);
  std::ofstream(outside / "secret.py") << "x = 1\n";
  fs::create_directory_symlink(outside, root_ / "escape");
  fs::create_symlink(outside / "secret.py", root_ / "link.py");
  fs::create_symlink(root_ / "missing.py", root_ / "dangling.py");
  Discovery discovery;
  std::string error;
  ASSERT_TRUE(DiscoverSources(root_, {}, discovery, error));
  ASSERT_EQ(discovery.files.size(), 1u);
  EXPECT_EQ(discovery.files[0].relative, "real.py");
  const auto dangling = std::find_if(discovery.diagnostics.begin(), discovery.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.path == "dangling.py"; });
  ASSERT_NE(dangling, discovery.diagnostics.end());
  EXPECT_EQ(dangling->severity, Severity::kWarning);
  fs::remove_all(outside);
}

TEST_F(TempTree, CountsUnknownFileTypesQuietly) {
  Write("a.py");
  Write("README.md", "# hi\n");
  Write("data.csv", "1,2\n");
  Discovery discovery;
  std::string error;
  ASSERT_TRUE(DiscoverSources(root_, {}, discovery, error));
  EXPECT_EQ(discovery.files.size(), 1u);
  EXPECT_EQ(discovery.unknown_type_files, 2);
  EXPECT_TRUE(discovery.diagnostics.empty());
}

TEST_F(TempTree, MissingRootOrUnsupportedFileIsAnError) {
  Discovery discovery;
  std::string error;
  EXPECT_FALSE(DiscoverSources(root_ / "nope", {}, discovery, error));
  EXPECT_NE(error.find("no such file or directory"), std::string::npos);
  Write("notes.txt", "hello\n");
  EXPECT_FALSE(DiscoverSources(root_ / "notes.txt", {}, discovery, error));
  EXPECT_NE(error.find("notes.txt"), std::string::npos);
}

TEST_F(TempTree, BadFilesBecomeDiagnosticsAndTheRunGoesOn) {
  Write("good.py", "def f(a):\n    return a or 1\n");
  Write("empty.py", "");
  Write("binary.py", std::string("\x7f" "ELF\0\0\0", 7));
  Write("latin1.py", "# caf\xe9\nx = 1\n");
  Write("broken.py", "def f(:\n");
  TreeMeasurement measurement;
  std::string error;
  ASSERT_TRUE(MeasureTree(root_, {}, measurement, error)) << error;
  std::vector<std::string> measured;
  for (const auto& file : measurement.files) measured.push_back(file.path);
  EXPECT_EQ(measured, (Paths{"broken.py", "empty.py", "good.py", "latin1.py"}));
  const auto message_for = [&](const std::string& path) {
    for (const auto& d : measurement.diagnostics) {
      if (d.path == path) return d.message;
    }
    return std::string("<none>");
  };
  EXPECT_NE(message_for("binary.py").find("binary"), std::string::npos);
  EXPECT_NE(message_for("empty.py").find("empty"), std::string::npos);
  EXPECT_NE(message_for("latin1.py").find("UTF-8 from line 1"), std::string::npos);
  EXPECT_NE(message_for("broken.py").find("syntax error"), std::string::npos);
  EXPECT_EQ(measurement.complexity.callables, 2);
}

TEST_F(TempTree, ParallelAndSerialRunsAgree) {
  for (int i = 0; i < 40; ++i) {
    Write("m" + std::to_string(i) + ".py", "def f" + std::to_string(i) + "(a):\n    return a and " +
                                               std::to_string(i) + "\n");
  }
  TreeMeasurement serial, parallel;
  std::string error;
  ASSERT_TRUE(MeasureTree(root_, {.jobs = 1}, serial, error));
  ASSERT_TRUE(MeasureTree(root_, {.jobs = 4}, parallel, error));
  ASSERT_EQ(serial.files.size(), parallel.files.size());
  for (std::size_t i = 0; i < serial.files.size(); ++i) EXPECT_EQ(serial.files[i].path, parallel.files[i].path);
  EXPECT_EQ(serial.complexity.total_mass, parallel.complexity.total_mass);
}

}  // namespace
}  // namespace scbench::quality
