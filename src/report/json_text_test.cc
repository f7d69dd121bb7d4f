#include "report/json_text.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <nlohmann/json.hpp>

namespace scbench::report {
namespace {

TEST(JsonText, WritesTheTwoSpaceLayoutOfNlohmannsDump) {
  JsonText out;
  out.BeginObject();
  out.Member("name", "f");
  out.Member("cc", 3);
  out.Member("files", std::size_t{2});
  out.Member("mass", 4.5);
  out.Member("whole", 2.0);
  out.Member("tiny", 1e-06);
  out.Member("single_use", true);
  out.Key("empty");
  out.BeginArray();
  out.EndArray();
  out.Key("list");
  out.BeginArray();
  out.Value(-1);
  out.BeginObject();
  out.EndObject();
  out.EndArray();
  out.EndObject();
  const nlohmann::ordered_json expected = {{"name", "f"},   {"cc", 3},           {"files", 2},
                                           {"mass", 4.5},   {"whole", 2.0},      {"tiny", 1e-06},
                                           {"single_use", true}, {"empty", nlohmann::ordered_json::array()},
                                           {"list", {-1, nlohmann::ordered_json::object()}}};
  EXPECT_EQ(nlohmann::ordered_json::parse(out.Slice(0)), expected);
  // Same bytes as nlohmann's two-space dump, except that a small double keeps its decimals
  // (every metric is rounded to six) where nlohmann switches to an exponent.
  std::string dumped = expected.dump(2);
  dumped.replace(dumped.find("1e-06"), 5, "0.000001");
  EXPECT_EQ(out.Slice(0), dumped);
}

TEST(JsonText, RepairsBytesThatAreNotUtf8AndEscapesControls) {
  JsonText out;
  out.BeginArray();
  out.Value(std::string("caf\xe9 \"q\"\n\x01"));
  out.Value(std::string("ok \xc3\xa9"));
  out.EndArray();
  const auto parsed = nlohmann::json::parse(out.Slice(0));
  EXPECT_EQ(parsed[0], "caf\xef\xbf\xbd \"q\"\n\x01");
  EXPECT_EQ(parsed[1], "ok \xc3\xa9");
}

TEST(JsonText, WritesNullForDoublesThatAreNotFinite) {
  JsonText out;
  out.BeginArray();
  out.Value(std::numeric_limits<double>::quiet_NaN());
  out.Value(std::numeric_limits<double>::infinity());
  out.Value(0.25);
  out.EndArray();
  EXPECT_EQ(nlohmann::json::parse(out.Slice(0)), nlohmann::json::parse("[null, null, 0.25]"));
}

TEST(JsonText, SlicesWhatWasWrittenBetweenTwoPoints) {
  JsonText out;
  out.BeginArray();
  const std::size_t start = out.size();
  out.Value(7);
  const std::size_t end = out.size();
  out.EndArray();
  EXPECT_EQ(out.Slice(start, end), "\n  7");
  EXPECT_EQ(out.Slice(end), "\n]");
}

}  // namespace
}  // namespace scbench::report
