#include "run/workspace.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace scbench::run {
namespace {
namespace fs = std::filesystem;

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("scbench_workspace_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "ws");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  fs::path root_;
};

TEST_F(WorkspaceTest, SnapshotLeavesOutVenvsCachesVcsAndAssets) {
  Write(root_ / "ws/main.py", "print(1)\n");
  Write(root_ / "ws/pkg/util.py", "x = 1\n");
  Write(root_ / "ws/.venv/pyvenv.cfg", "home = /usr\n");
  Write(root_ / "ws/env/pyvenv.cfg", "home = /usr\n");
  Write(root_ / "ws/__pycache__/main.cpython-311.pyc", "bytes");
  Write(root_ / "ws/.git/HEAD", "ref\n");
  Write(root_ / "ws/data/input.csv", "asset\n");
  std::string error;
  std::string truncated;
  ASSERT_TRUE(SnapshotWorkspace(root_ / "ws", root_ / "snap", {"data"}, truncated, error)) << error;
  EXPECT_EQ(truncated, "");
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root_ / "snap")) {
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), root_ / "snap").generic_string());
  }
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"main.py", "pkg/util.py"}));
  EXPECT_FALSE(fs::exists(root_ / "snap.partial"));
}

TEST_F(WorkspaceTest, DiffCountsFilesAndLinesLikeGit) {
  Write(root_ / "a/keep.py", "a\nb\nc\n");
  Write(root_ / "a/change.py", "one\ntwo\nthree\nfour\n");
  Write(root_ / "a/gone.py", "x\ny\n");
  Write(root_ / "b/keep.py", "a\nb\nc\n");
  Write(root_ / "b/change.py", "one\n2\nthree\nfour\nfive\n");
  Write(root_ / "b/new.py", "n\n");
  const WorkspaceDiff diff = DiffSnapshots(root_ / "a", root_ / "b");
  EXPECT_EQ(diff.files_added, 1);
  EXPECT_EQ(diff.files_removed, 1);
  EXPECT_EQ(diff.files_modified, 1);
  EXPECT_EQ(diff.lines_added, 2 + 1);    // "2", "five", and new.py's line
  EXPECT_EQ(diff.lines_removed, 1 + 2);  // "two", and gone.py's lines
  EXPECT_EQ(diff.lines_before, 9);
  EXPECT_DOUBLE_EQ(diff.churn, 6.0 / 9.0);
  const WorkspaceDiff first = DiffSnapshots({}, root_ / "b");
  EXPECT_EQ(first.files_added, 3);
  EXPECT_DOUBLE_EQ(first.churn, 1.0);
}

TEST_F(WorkspaceTest, RestoreReplacesTheWorkspace) {
  Write(root_ / "snap/main.py", "v2\n");
  Write(root_ / "ws/stale.py", "old\n");
  std::string error;
  ASSERT_TRUE(RestoreWorkspace(root_ / "snap", root_ / "ws", error)) << error;
  EXPECT_TRUE(fs::exists(root_ / "ws/main.py"));
  EXPECT_FALSE(fs::exists(root_ / "ws/stale.py"));
}

}  // namespace
}  // namespace scbench::run
