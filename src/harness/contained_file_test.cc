#include "harness/contained_file.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scbench::harness {
namespace {
namespace fs = std::filesystem;

class ContainedFile : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("scbench_contained_" + std::to_string(getpid()));
    fs::create_directories(root_ / "scratch" / "sub");
    std::ofstream(root_ / "secret.txt") << "outside";
    std::ofstream(root_ / "scratch" / "sub" / "out.txt") << "inside";
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string Read(const std::string& name, std::uint64_t cap = 1 << 20) {
    std::string error;
    const auto content = ReadContainedFile(root_ / "scratch", name, cap, error);
    return content ? "content: " + *content : "error: " + error;
  }

  fs::path root_;
};

TEST_F(ContainedFile, ReadsRegularFilesInside) { EXPECT_EQ(Read("sub/out.txt"), "content: inside"); }

TEST_F(ContainedFile, NamesThatLeaveAreRefusedWithoutTouchingTheDisk) {
  EXPECT_EQ(Read("../secret.txt"), "error: a '..' component, which leaves the directory");
  EXPECT_EQ(Read("sub/../../secret.txt"), "error: a '..' component, which leaves the directory");
  EXPECT_EQ(Read((root_ / "secret.txt").string()), "error: an absolute path");
  EXPECT_EQ(ConfinedNameProblem("a/./b.txt"), "");
  EXPECT_EQ(ConfinedNameProblem(""), "an empty file name");
}

TEST_F(ContainedFile, SymbolicLinksAreNeverFollowed) {
  fs::create_symlink(root_ / "secret.txt", root_ / "scratch" / "link.txt");
  fs::create_directory_symlink(root_, root_ / "scratch" / "up");
  EXPECT_EQ(Read("link.txt"), "error: a symbolic link (not followed)");
  EXPECT_EQ(Read("up/secret.txt"), "error: a path through something that is not a directory");
}

TEST_F(ContainedFile, FifosDevicesAndHugeFilesAreRefusedAtOnce) {
  ASSERT_EQ(mkfifo((root_ / "scratch" / "pipe").c_str(), 0600), 0);
  EXPECT_EQ(Read("pipe"), "error: not a regular file");  // and it did not wait for a writer
  EXPECT_EQ(Read("sub/out.txt", 3), "error: larger than 3 bytes");
  EXPECT_EQ(Read("missing.txt"), "error: not written");
}

TEST_F(ContainedFile, WritesMakeDirectoriesButRefuseLinksAndEscapes) {
  std::string error;
  EXPECT_TRUE(WriteContainedFile(root_ / "scratch", "new/dir/in.txt", "data", error)) << error;
  EXPECT_EQ(Read("new/dir/in.txt"), "content: data");
  fs::create_symlink(root_ / "secret.txt", root_ / "scratch" / "trap.txt");
  EXPECT_FALSE(WriteContainedFile(root_ / "scratch", "trap.txt", "overwritten", error));
  EXPECT_FALSE(WriteContainedFile(root_ / "scratch", "../secret.txt", "overwritten", error));
  std::ifstream secret(root_ / "secret.txt");
  std::string text;
  std::getline(secret, text);
  EXPECT_EQ(text, "outside");
}

}  // namespace
}  // namespace scbench::harness
