// Parsers over recorded output of each real agent format (fixtures written from their docs).

#include "run/usage.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace scbench::run {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream stream(std::string(SCBENCH_SOURCE_DIR) + "/tests/fixtures/agent_output/" + name);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

TEST(Usage, ClaudeStreamJsonTakesTheResultEvent) {
  const Usage u = ParseAgentOutput("claude-stream-json", Fixture("claude-stream.jsonl"));
  EXPECT_EQ(u.input_tokens, 1500);
  EXPECT_EQ(u.output_tokens, 900);
  EXPECT_EQ(u.cache_read_tokens, 30000);
  EXPECT_EQ(u.cache_write_tokens, 2000);
  EXPECT_EQ(u.steps, 7);
  ASSERT_TRUE(u.cost_usd);
  EXPECT_DOUBLE_EQ(*u.cost_usd, 0.0421);
}

TEST(Usage, CodexSeparatesCachedInputAndReasoning) {
  const Usage u = ParseAgentOutput("codex-json", Fixture("codex.jsonl"));
  EXPECT_EQ(u.input_tokens, 4000);
  EXPECT_EQ(u.cache_read_tokens, 20000);
  EXPECT_EQ(u.output_tokens, 1200);
  EXPECT_EQ(u.reasoning_tokens, 600);
  EXPECT_EQ(u.steps, 3);
  EXPECT_FALSE(u.cost_usd);
}

TEST(Usage, GeminiCountsToolUsesAndPerModelTokens) {
  const Usage u = ParseAgentOutput("gemini-stream-json", Fixture("gemini-stream.jsonl"));
  EXPECT_EQ(u.steps, 2);
  EXPECT_EQ(u.input_tokens, 2000);
  EXPECT_EQ(u.cache_read_tokens, 3000);
  EXPECT_EQ(u.output_tokens, 700);
  EXPECT_EQ(u.reasoning_tokens, 200);
}

TEST(Usage, OpencodeSumsStepFinishes) {
  const Usage u = ParseAgentOutput("opencode-json", Fixture("opencode.jsonl"));
  EXPECT_EQ(u.steps, 2);
  EXPECT_EQ(u.input_tokens, 1200);
  EXPECT_EQ(u.output_tokens, 120);
  EXPECT_EQ(u.reasoning_tokens, 50);
  EXPECT_EQ(u.cache_read_tokens, 1500);
  ASSERT_TRUE(u.cost_usd);
  EXPECT_NEAR(*u.cost_usd, 0.015, 1e-12);
}

TEST(Usage, GarbageAndUnknownLinesAreIgnored) {
  const Usage u = ParseAgentOutput("claude-stream-json", "not json\n{broken\n{\"type\":\"other\"}\n");
  EXPECT_EQ(u.total_tokens(), 0);
  EXPECT_FALSE(IsKnownOutputParser("telepathy"));
}

TEST(ModelCatalog, PricesTokensPerMillion) {
  const auto path = std::filesystem::temp_directory_path() / "scbench_catalog_test.yaml";
  std::ofstream(path) << "models:\n  m: {input: 2.0, output: 10.0, cache_read: 0.5}\n";
  ModelCatalog catalog;
  std::string error;
  ASSERT_TRUE(catalog.Load(path, error)) << error;
  Usage u;
  u.input_tokens = 1'000'000;
  u.output_tokens = 100'000;
  u.reasoning_tokens = 100'000;
  u.cache_read_tokens = 2'000'000;
  EXPECT_NEAR(*catalog.Cost("m", u), 2.0 + 2.0 + 1.0, 1e-9);
  EXPECT_FALSE(catalog.Cost("unknown", u));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace scbench::run
