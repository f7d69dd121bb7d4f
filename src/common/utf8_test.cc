#include "common/utf8.h"

#include <gtest/gtest.h>

namespace scbench {
namespace {

TEST(Utf8, FindsTheFirstMalformedByte) {
  EXPECT_EQ(FirstInvalidUtf8("plain ascii, longer than one word\n"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), std::string_view::npos);
  EXPECT_EQ(FirstInvalidUtf8("caf\xe9"), 3u);                      // Latin-1
  EXPECT_EQ(FirstInvalidUtf8("\xc0\xaf"), 0u);                     // overlong
  EXPECT_EQ(FirstInvalidUtf8("ab\xed\xa0\x80"), 2u);               // UTF-16 surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xe2\x82"), 0u);                     // truncated
  EXPECT_EQ(FirstInvalidUtf8("0123456789abcdef\xff"), 16u);        // after whole ASCII words
  EXPECT_EQ(FirstInvalidUtf8(std::string_view("a\0b\xf5", 4)), 3u);  // NUL is valid, F5 never is
}

TEST(Utf8, ReplacesEachMalformedByteAndKeepsTheRest) {
  EXPECT_EQ(ReplaceInvalidUtf8(""), "");
  EXPECT_EQ(ReplaceInvalidUtf8("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(ReplaceInvalidUtf8("caf\xe9!"), "caf\xef\xbf\xbd!");
  EXPECT_EQ(ReplaceInvalidUtf8("\xff\xfe"), "\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(ReplaceInvalidUtf8("x\xe2\x82"), "x\xef\xbf\xbd\xef\xbf\xbd");  // truncated: two stray bytes
  const std::string repaired = ReplaceInvalidUtf8("def f\xff(x): \xf0\x9f\x98\x80");
  EXPECT_EQ(FirstInvalidUtf8(repaired), std::string_view::npos);
}

}  // namespace
}  // namespace scbench
