#include "common/tree_copy.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scbench {
namespace {
namespace fs = std::filesystem;

class TreeCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("scbench_tree_copy_" + std::to_string(getpid()));
    fs::create_directories(root_ / "from" / "sub");
    std::ofstream(root_ / "secret") << "outside";
    std::ofstream(root_ / "from" / "a.py") << "print(1)\n";
    std::ofstream(root_ / "from" / "sub" / "b.txt") << "b";
  }
  void TearDown() override { fs::remove_all(root_); }

  CopyResult Copy(const CopyLimits& limits = {}) {
    CopyResult result;
    std::string error;
    EXPECT_TRUE(CopyRegularTree(root_ / "from", root_ / "to", nullptr, limits, result, error)) << error;
    return result;
  }

  fs::path root_;
};

TEST_F(TreeCopy, CopiesFilesAndFoldersAndNothingElse) {
  fs::create_symlink(root_ / "secret", root_ / "from" / "link");
  fs::create_directory_symlink(root_, root_ / "from" / "up");
  ASSERT_EQ(mkfifo((root_ / "from" / "pipe").c_str(), 0600), 0);
  const CopyResult result = Copy();
  EXPECT_TRUE(fs::exists(root_ / "to" / "a.py"));
  EXPECT_TRUE(fs::exists(root_ / "to" / "sub" / "b.txt"));
  EXPECT_FALSE(fs::exists(fs::symlink_status(root_ / "to" / "link")));
  EXPECT_FALSE(fs::exists(fs::symlink_status(root_ / "to" / "up")));
  EXPECT_FALSE(fs::exists(fs::symlink_status(root_ / "to" / "pipe")));
  EXPECT_EQ(result.files, 2u);
  EXPECT_EQ(result.truncated, "");
}

TEST_F(TreeCopy, ModesArePlainNeverSetuid) {
  ASSERT_EQ(chmod((root_ / "from" / "a.py").c_str(), 06755), 0);
  ASSERT_EQ(chmod((root_ / "from" / "sub" / "b.txt").c_str(), 01600), 0);
  Copy();
  struct stat info {};
  ASSERT_EQ(stat((root_ / "to" / "a.py").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0755u);
  ASSERT_EQ(stat((root_ / "to" / "sub" / "b.txt").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0644u);
}

TEST_F(TreeCopy, LimitsOnBytesFilesAndDepthStopTheCopyAndSaySo) {
  std::ofstream(root_ / "from" / "big") << std::string(5000, 'x');
  EXPECT_EQ(Copy({.max_bytes = 1000, .max_files = 100, .max_depth = 8}).truncated, "more than 1000 bytes");
  fs::remove_all(root_ / "to");
  EXPECT_EQ(Copy({.max_bytes = 1 << 20, .max_files = 1, .max_depth = 8}).truncated, "more than 1 files");
  fs::remove_all(root_ / "to");
  fs::path deep = root_ / "from";
  for (int i = 0; i < 12; ++i) deep /= "d";
  fs::create_directories(deep);
  EXPECT_EQ(Copy({.max_bytes = 1 << 20, .max_files = 100, .max_depth = 8}).truncated,
            "folders nested deeper than 8 levels");
}

TEST_F(TreeCopy, HardLinksCountEachTime) {
  std::ofstream(root_ / "from" / "ten") << std::string(100, 'x');
  for (int i = 0; i < 20; ++i) fs::create_hard_link(root_ / "from" / "ten", root_ / "from" / ("link" + std::to_string(i)));
  EXPECT_EQ(Copy({.max_bytes = 1000, .max_files = 1000, .max_depth = 8}).truncated, "more than 1000 bytes");
}

}  // namespace
}  // namespace scbench
