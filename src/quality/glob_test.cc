#include "quality/glob.h"

#include <gtest/gtest.h>

#include <string>

namespace scbench::quality {
namespace {

TEST(GlobMatch, StarsQuestionMarksAndBrackets) {
  EXPECT_TRUE(GlobMatch("*.py", "a.py"));
  EXPECT_FALSE(GlobMatch("*.py", "dir/a.py"));
  EXPECT_TRUE(GlobMatch("**/a.py", "a.py"));
  EXPECT_TRUE(GlobMatch("**/a.py", "x/y/a.py"));
  EXPECT_TRUE(GlobMatch("x/**", "x/y/z"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/b"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(GlobMatch("file?.txt", "file1.txt"));
  EXPECT_FALSE(GlobMatch("file?.txt", "file/.txt"));
  EXPECT_TRUE(GlobMatch("[a-c]x", "bx"));
  EXPECT_FALSE(GlobMatch("[!a-c]x", "bx"));
  EXPECT_TRUE(GlobMatch("\\*lit", "*lit"));
  EXPECT_FALSE(GlobMatch("[abc", "a"));
}

TEST(GlobMatch, DoubleStarCrossesDirectoriesAndMayMatchNone) {
  EXPECT_TRUE(GlobMatch("a/**", "a/"));
  EXPECT_TRUE(GlobMatch("a**b", "a/x/b"));
  EXPECT_FALSE(GlobMatch("a*b", "a/x/b"));
  EXPECT_TRUE(GlobMatch("**/", "x/"));
  EXPECT_FALSE(GlobMatch("a/**/b", "ab"));
  EXPECT_TRUE(GlobMatch("***", "x/y"));
  EXPECT_TRUE(GlobMatch("", ""));
  EXPECT_FALSE(GlobMatch("", "x"));
  EXPECT_TRUE(GlobMatch("trailing\\", "trailing\\"));
}

TEST(GlobMatch, ManyStarsStayFastOnLongText) {
  // A backtracking matcher takes exponential time here; a hostile .gitignore must not
  // stall a measurement.
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "*a";
  pattern += "*b";
  const std::string text(5000, 'a');
  EXPECT_FALSE(GlobMatch(pattern, text));
  EXPECT_TRUE(GlobMatch(pattern, text + "b"));
  EXPECT_FALSE(GlobMatch(std::string(20000, '*') + "/b", text));
  EXPECT_TRUE(GlobMatch(std::string(20000, '*') + "/b", text + "/b"));
}

}  // namespace
}  // namespace scbench::quality
