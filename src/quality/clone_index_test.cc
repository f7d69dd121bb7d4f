#include "quality/clone_index.h"

#include <gtest/gtest.h>

#include "quality/file_metrics.h"

namespace scbench::quality {
namespace {

FileMeasurement Analyze(std::string_view source, std::string path) {
  const Language& python = *LanguageByName("python");
  Parser parser;
  const SyntaxTree tree = parser.Parse(python, source);
  CloneTokenCollector clones(python, source);
  FileMeasurement file = MeasureSyntax(python, tree.get(), source, std::move(path), {&clones});
  file.clone_candidates = clones.Finish(file.line_kinds);
  return file;
}

constexpr std::string_view kOriginal =
    "def total_price(items, tax):\n"
    "    \"\"\"Sum with tax.\"\"\"\n"
    "    total = 0\n"
    "    for item in items:\n"
    "        total += item.price * 2\n"
    "    return total * (1 + tax)\n";

// Same shape: names changed, a literal changed, a docstring and a comment differ.
constexpr std::string_view kRenamed =
    "def sum_costs(rows, rate):\n"
    "    # add them up\n"
    "    acc = 0\n"
    "    for row in rows:\n"
    "        acc += row.price * 3\n"
    "    return acc * (1 + rate)\n";

TEST(CloneIndex, RenamedCopyIsOneGroupWithBothInstances) {
  std::vector<FileMeasurement> files = {Analyze(kOriginal, "a.py"), Analyze(kRenamed, "b.py")};
  const auto groups = FindCloneGroups(files);
  ASSERT_EQ(groups.size(), 1u);  // the nested for loop is too small and would be a sub-block anyway
  EXPECT_EQ(groups[0].instances.size(), 2u);
  EXPECT_EQ(groups[0].instances[0].file, 0u);
  EXPECT_EQ(groups[0].instances[1].file, 1u);
  EXPECT_EQ(groups[0].instances[0].start_line, 1);
  EXPECT_EQ(groups[0].instances[0].end_line, 6);
  EXPECT_EQ(groups[0].sloc, 5);
}

TEST(CloneIndex, ReusingOneNameForTwoDifferentNamesIsADifferentShape) {
  constexpr std::string_view kMerged =
      "def total_price(items, tax):\n"
      "    total = 0\n"
      "    for item in items:\n"
      "        total += item.price * 2\n"
      "    return total * (1 + total)\n";
  std::vector<FileMeasurement> files = {Analyze(kOriginal, "a.py"), Analyze(kMerged, "b.py")};
  EXPECT_TRUE(FindCloneGroups(files).empty());
}

TEST(CloneIndex, SubBlocksOfAReportedCloneAreNotReportedAgain) {
  constexpr std::string_view kBig =
      "def f(xs):\n"
      "    for x in xs:\n"
      "        if x > 1:\n"
      "            print(x)\n"
      "            print(x + 1)\n"
      "        y = x\n"
      "    return xs\n";
  std::vector<FileMeasurement> files = {Analyze(kBig, "a.py"), Analyze(kBig, "b.py")};
  const auto groups = FindCloneGroups(files);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].instances[0].start_line, 1);
}

TEST(CloneIndex, SmallBlocksAreNotCandidates) {
  const auto file = Analyze("def f(x):\n    return x\n\ndef g(y):\n    return y\n", "a.py");
  EXPECT_TRUE(file.clone_candidates.empty());
}

TEST(CloneIndex, LineMasksCoverEveryInstance) {
  std::vector<FileMeasurement> files = {Analyze(kOriginal, "a.py"), Analyze(kRenamed, "b.py")};
  const auto groups = FindCloneGroups(files);
  const auto masks = CloneLineMasks(groups, files);
  ASSERT_EQ(masks.size(), 2u);
  EXPECT_EQ(std::count(masks[0].begin(), masks[0].end(), 1), 6);
}

TEST(CloneIndex, ManyRepeatsInOneLargeFileStayLinear) {
  std::string source;
  for (int i = 0; i < 5000; ++i) source += std::string(kRenamed) + "\n";
  std::vector<FileMeasurement> files = {Analyze(source, "gen.py")};
  const auto groups = FindCloneGroups(files);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].instances.size(), 5000u);
}

}  // namespace
}  // namespace scbench::quality
