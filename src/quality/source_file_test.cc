#include "quality/source_file.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace scbench::quality {
namespace {

TEST(SourceFile, DetectsBinaryByNulByte) {
  EXPECT_FALSE(LooksBinary("print('hi')\n"));
  EXPECT_TRUE(LooksBinary(std::string("ab\0cd", 5)));
}

TEST(SourceFile, FindsTheLineOfTheFirstInvalidUtf8Sequence) {
  EXPECT_FALSE(FirstInvalidUtf8Line("plain ascii\nand more\n"));
  EXPECT_FALSE(FirstInvalidUtf8Line("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n"));
  EXPECT_EQ(FirstInvalidUtf8Line("ok\nlatin-1 caf\xe9\n"), 2);
  EXPECT_EQ(FirstInvalidUtf8Line("\xc0\xaf"), 1);          // overlong encoding
  EXPECT_EQ(FirstInvalidUtf8Line("a\n\n\xed\xa0\x80"), 3);  // UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8Line("\xe2\x82"), 1);          // truncated
  EXPECT_EQ(FirstInvalidUtf8Line("0123456789abcdef\nxyz\n\xff tail"), 3);  // after whole ASCII words
  EXPECT_EQ(FirstInvalidUtf8Line("0123456\xc3\xa9\n89abcdefgh\xe9"), 2);
}

TEST(SourceFile, ReadsFilesAndRefusesOversizedOnes) {
  const auto path = std::filesystem::temp_directory_path() / "scbench_source_file_test.py";
  std::ofstream(path) << "x = 1\n";
  std::string content, error;
  ASSERT_TRUE(ReadSourceFile(path, 100, content, error)) << error;
  EXPECT_EQ(content, "x = 1\n");
  EXPECT_FALSE(ReadSourceFile(path, 3, content, error));
  EXPECT_NE(error.find("exceeds the limit"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_FALSE(ReadSourceFile(path, 100, content, error));
  EXPECT_NE(error.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace scbench::quality
