#include "common/atomic_file.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

namespace scbench {
namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream stream(path);
  std::stringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

TEST(AtomicFile, ReplacesContentAndLeavesNoTemporaryBehind) {
  const auto dir = std::filesystem::temp_directory_path() / ("scbench_atomic_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "out.json";
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, "first", error)) << error;
  ASSERT_TRUE(WriteFileAtomically(path, "second", error)) << error;
  EXPECT_EQ(Slurp(path), "second");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
  std::filesystem::remove_all(dir);
}

TEST(AtomicFile, MissingDirectoryIsAnErrorNamingThePath) {
  std::string error;
  EXPECT_FALSE(WriteFileAtomically("/nonexistent-scbench-dir/out.json", "x", error));
  EXPECT_NE(error.find("/nonexistent-scbench-dir/out.json"), std::string::npos);
}

}  // namespace
}  // namespace scbench
