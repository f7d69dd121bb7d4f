#include "quality/ignore_rules.h"

#include <gtest/gtest.h>

namespace scbench::quality {
namespace {

TEST(IgnoreRules, NameAnchoredDirectoryOnlyAndNegation) {
  IgnoreRules rules;
  rules.AddPatterns("", "# comment\n*.log\n/top.py\nout/\n!keep.log\ndocs/*.py\n");
  EXPECT_TRUE(rules.IsIgnored("x.log", false));
  EXPECT_TRUE(rules.IsIgnored("deep/dir/x.log", false));
  EXPECT_FALSE(rules.IsIgnored("keep.log", false));
  EXPECT_TRUE(rules.IsIgnored("top.py", false));
  EXPECT_FALSE(rules.IsIgnored("sub/top.py", false));
  EXPECT_TRUE(rules.IsIgnored("out", true));
  EXPECT_FALSE(rules.IsIgnored("out", false));
  EXPECT_TRUE(rules.IsIgnored("docs/a.py", false));
  EXPECT_FALSE(rules.IsIgnored("docs/sub/a.py", false));
}

TEST(IgnoreRules, NestedFilesApplyBelowTheirDirectoryAndWinLater) {
  IgnoreRules rules;
  rules.AddPatterns("", "*.gen.py\n");
  rules.AddPatterns("pkg", "!special.gen.py\n/local.py\n");
  EXPECT_TRUE(rules.IsIgnored("a.gen.py", false));
  EXPECT_FALSE(rules.IsIgnored("pkg/special.gen.py", false));
  EXPECT_TRUE(rules.IsIgnored("pkg/local.py", false));
  EXPECT_FALSE(rules.IsIgnored("local.py", false));
  EXPECT_FALSE(rules.IsIgnored("pkgx/local.py", false));
}

TEST(IgnoreRules, TrailingSpacesAndCarriageReturnsAreTrimmed) {
  IgnoreRules rules;
  rules.AddPatterns("", "a.py  \r\nb.py\r\n");
  EXPECT_TRUE(rules.IsIgnored("a.py", false));
  EXPECT_TRUE(rules.IsIgnored("b.py", false));
}

}  // namespace
}  // namespace scbench::quality
