#include "harness/expectation.h"

#include <gtest/gtest.h>

namespace scbench::harness {
namespace {

Expectation Text(CompareMode mode, std::string text) {
  Expectation e;
  e.mode = mode;
  e.text = std::move(text);
  return e;
}

Expectation Json(CompareMode mode, const char* value, std::vector<std::string> ignore = {}) {
  Expectation e;
  e.mode = mode;
  e.value = nlohmann::json::parse(value);
  e.ignore_paths = std::move(ignore);
  return e;
}

TEST(Expectation, ExactAndTrimmedShowTheFirstDifferingLine) {
  EXPECT_TRUE(Compare(Text(CompareMode::kExact, "a\nb\n"), "a\nb\n").passed);
  const auto diff = Compare(Text(CompareMode::kExact, "a\nb\n"), "a\nc\n");
  EXPECT_FALSE(diff.passed);
  EXPECT_EQ(diff.diff, "line 2: expected \"b\" got \"c\"");
  EXPECT_FALSE(Compare(Text(CompareMode::kExact, "a\n"), "a").passed);
  EXPECT_TRUE(Compare(Text(CompareMode::kTrimmed, "a\nb"), "\n  a  \nb\t\n\n").passed);
}

TEST(Expectation, JsonIgnoresKeyOrderComparesNumbersByValueAndSkipsIgnoredPaths) {
  EXPECT_TRUE(Compare(Json(CompareMode::kJson, R"({"a": 1, "b": [1, 2]})"), R"({"b":[1,2.0],"a":1.0})").passed);
  const auto diff = Compare(Json(CompareMode::kJson, R"({"a": {"b": 1}})"), R"({"a": {"b": 2}})");
  EXPECT_EQ(diff.diff, "at /a/b: expected \"1\" got \"2\"");
  EXPECT_TRUE(Compare(Json(CompareMode::kJson, R"({"id": 1, "x": 2})", {"/id"}), R"({"id": 99, "x": 2})").passed);
  EXPECT_TRUE(Compare(Json(CompareMode::kJson, R"([{"id": 1, "x": 2}])", {"/*/id"}), R"([{"id": 7, "x": 2}])").passed);
  EXPECT_FALSE(Compare(Json(CompareMode::kJson, "{}"), "not json").passed);
  EXPECT_NE(Compare(Json(CompareMode::kJson, R"({"a":1})"), R"({"a":1,"b":2})").diff.find("unexpected key"),
            std::string::npos);
}

TEST(Expectation, UnorderedJsonLinesAndLines) {
  EXPECT_TRUE(Compare(Json(CompareMode::kUnordered, R"([1, {"a": 2}, 3])"), R"([3, 1, {"a": 2}])").passed);
  EXPECT_FALSE(Compare(Json(CompareMode::kUnordered, "[1, 1, 2]"), "[1, 2, 2]").passed);
  EXPECT_TRUE(Compare(Json(CompareMode::kJsonLines, R"([{"a": 1}, {"b": 2}])"), "{\"a\":1}\n\n{\"b\":2}\n").passed);
  EXPECT_NE(Compare(Json(CompareMode::kJsonLines, R"([{"a": 1}])"), "{\"a\":2}\n").diff.find("line 1"), std::string::npos);
  EXPECT_TRUE(Compare(Text(CompareMode::kUnorderedLines, "b\na\n"), "a  \nb\n\n").passed);
  EXPECT_FALSE(Compare(Text(CompareMode::kUnorderedLines, "a\na\n"), "a\n").passed);
}

TEST(Expectation, NumericRegexAndContains) {
  Expectation numeric = Json(CompareMode::kNumeric, "[1.0, 2.5]");
  numeric.tolerance = 0.01;
  EXPECT_TRUE(Compare(numeric, "[1.004, 2.499]").passed);
  EXPECT_FALSE(Compare(numeric, "[1.1, 2.5]").passed);
  EXPECT_TRUE(Compare(Text(CompareMode::kRegex, "(?i)line \\d+"), "Error on LINE 12").passed);
  EXPECT_FALSE(Compare(Text(CompareMode::kRegex, "^x$"), "xx").passed);
  EXPECT_TRUE(Compare(Text(CompareMode::kContains, "missing"), "column missing here").passed);
}

TEST(Expectation, LargeIntegersCompareExactly) {
  EXPECT_FALSE(Compare(Json(CompareMode::kJson, "[9007199254740993]"), "[9007199254740992]").passed);
  EXPECT_TRUE(Compare(Json(CompareMode::kJson, "[9007199254740993]"), "[9007199254740993]").passed);
  EXPECT_FALSE(Compare(Json(CompareMode::kJson, "[18446744073709551615]"), "[18446744073709551614]").passed);
  EXPECT_TRUE(Compare(Json(CompareMode::kJson, "[2]"), "[2.0]").passed);  // an integer and a float: by value
}

TEST(Expectation, AnIgnoredValueMustStillBeThere) {
  Expectation ignoring = Json(CompareMode::kJson, R"({"name": "widget"})");
  ignoring.ignore_paths = {"/id"};
  EXPECT_TRUE(Compare(ignoring, R"({"name": "widget", "id": 7})").passed);
  const auto missing = Compare(ignoring, R"({"name": "widget"})");
  EXPECT_FALSE(missing.passed);
  EXPECT_NE(missing.diff.find("at /id: missing"), std::string::npos) << missing.diff;
  Expectation wildcard = Json(CompareMode::kUnordered, "[]");
  wildcard.ignore_paths = {"/*/id"};
  EXPECT_TRUE(Compare(wildcard, "[]").passed);  // nothing to ignore in an empty list
}

TEST(Expectation, OutputNestedTooDeeplyIsAFailureNotACrash) {
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  const auto result = Compare(Json(CompareMode::kJson, "[1]"), deep);
  EXPECT_FALSE(result.passed);
  EXPECT_NE(result.diff.find("nested deeper than"), std::string::npos) << result.diff.substr(0, 200);
  EXPECT_FALSE(Compare(Json(CompareMode::kJsonLines, "[[1]]"), deep + "\n").passed);
}

TEST(Expectation, ModeNamesRoundTrip) {
  for (const char* name : {"exact", "trimmed", "json", "jsonl", "unordered", "unordered_lines", "numeric", "regex", "contains"}) {
    const auto mode = ParseCompareMode(name);
    ASSERT_TRUE(mode) << name;
    EXPECT_STREQ(CompareModeName(*mode), name);
  }
  EXPECT_FALSE(ParseCompareMode("fuzzy"));
}

}  // namespace
}  // namespace scbench::harness
