#include "common/json_dump.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace scbench {
namespace {

TEST(DumpJson, WritesBytesThatAreNotUtf8AsReplacementCharacters) {
  const nlohmann::json value = {{"path", "caf\xe9.py"}};
  EXPECT_THROW(static_cast<void>(value.dump()), nlohmann::json::type_error);  // why DumpJson exists
  EXPECT_EQ(DumpJson(value), "{\"path\":\"caf\xef\xbf\xbd.py\"}");
}

TEST(DumpJson, IndentsLikeDump) {
  const nlohmann::ordered_json value = {{"b", 1}, {"a", {true, "x"}}};
  EXPECT_EQ(DumpJson(value, 2), value.dump(2));
  EXPECT_EQ(DumpJson(value), value.dump());
}

}  // namespace
}  // namespace scbench
