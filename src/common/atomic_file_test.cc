#include "common/atomic_file.h"

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

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

TEST(AtomicFile, WritesPiecesOneAfterTheOther) {
  const auto dir = std::filesystem::temp_directory_path() / ("scbench_pieces_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "out.json";
  const std::vector<std::string> pieces{"{\n", "", "  \"a\": 1\n", "}\n"};
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, pieces, error)) << error;
  EXPECT_EQ(Slurp(path), "{\n  \"a\": 1\n}\n");
  std::filesystem::remove_all(dir);
}

TEST(AtomicFile, MissingDirectoryIsAnErrorNamingThePath) {
  std::string error;
  EXPECT_FALSE(WriteFileAtomically("/nonexistent-scbench-dir/out.json", "x", error));
  EXPECT_NE(error.find("/nonexistent-scbench-dir/out.json"), std::string::npos);
}

// A rename over a pipe or a device would replace it with a regular file (as root even
// /dev/null): they are written in place.
TEST(AtomicFile, WritesIntoAPipeInsteadOfReplacingIt) {
  const auto dir = std::filesystem::temp_directory_path() / ("scbench_fifo_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The read end, opened first without waiting, lets the write proceed on this thread.
  const int read_end = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(read_end, 0);
  std::string error;
  EXPECT_TRUE(WriteFileAtomically(fifo, "through the pipe", error)) << error;
  char buffer[64] = {};
  const ssize_t got = ::read(read_end, buffer, sizeof buffer);
  ::close(read_end);
  EXPECT_EQ(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0), "through the pipe");
  EXPECT_EQ(std::filesystem::status(fifo).type(), std::filesystem::file_type::fifo);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace scbench
