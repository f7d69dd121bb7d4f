// The parsers over what the real agent CLIs printed against tests/mock_model/server.py
// (tests/fixtures/agent_output/real/, made as tests/mock_model/FINDINGS.md says). The
// script `hello.json` served three responses whose usage adds up to: input 600 uncached,
// 300 cached, output 60, reasoning 15.

#include "run/agent_output.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

namespace scbench::run {
namespace {
namespace fs = std::filesystem;

const fs::path kReal = fs::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/agent_output/real";

std::string Fixture(const std::string& name) {
  std::ifstream stream(kReal / name);
  std::stringstream text;
  text << stream.rdbuf();
  return text.str();
}

/// A home directory holding one of an agent's own log files.
class Home {
 public:
  Home(const std::string& relative, const std::string& fixture) : root_(fs::temp_directory_path() / ("scbench_home_" + std::to_string(getpid()) + "_" + std::to_string(count_++))) {
    fs::create_directories((root_ / relative).parent_path());
    fs::copy_file(kReal / fixture, root_ / relative);
  }
  ~Home() { fs::remove_all(root_); }
  const fs::path& path() const { return root_; }

 private:
  static inline int count_ = 0;
  fs::path root_;
};

void ExpectHelloTotals(const Usage& u) {
  EXPECT_EQ(u.input_tokens, 600);
  EXPECT_EQ(u.cache_read_tokens, 300);
  EXPECT_EQ(u.cache_write_tokens, 0);
  EXPECT_EQ(u.output_tokens, 60);
  EXPECT_EQ(u.reasoning_tokens, 15);
  EXPECT_EQ(u.steps, 3);
}

TEST(AgentOutput, ClaudeCountsResponsesByMessageIdAndTakesTheResultsTotals) {
  const AgentReport r = ParseAgentOutput("claude-stream-json", Fixture("claude.jsonl"));
  ExpectHelloTotals(r.usage);
  ASSERT_TRUE(r.usage.cost_usd);
  EXPECT_NEAR(*r.usage.cost_usd, 0.003015, 1e-12);
  EXPECT_TRUE(r.api_error.empty());
  // Two responses of four content blocks: steps are responses, not lines or turns.
  EXPECT_EQ(ParseAgentOutput("claude-stream-json", Fixture("claude.multi.jsonl")).usage.steps, 2);
}

TEST(AgentOutput, ClaudeCutOffBeforeItsResultKeepsWhatItsResponsesReported) {
  std::string text = Fixture("claude.jsonl");
  const auto result = text.find("\"type\":\"result\"");
  ASSERT_NE(result, std::string::npos);
  text = text.substr(0, text.rfind('\n', result) + 1);  // the lines before the result line
  const AgentReport r = ParseAgentOutput("claude-stream-json", text);
  EXPECT_EQ(r.usage.steps, 3);
  EXPECT_EQ(r.usage.input_tokens, 600);
  EXPECT_EQ(r.usage.cache_read_tokens, 300);
  EXPECT_FALSE(r.usage.cost_usd);
}

TEST(AgentOutput, CodexTakesItsTurnTotalsAndItsResponsesFromTheSessionLog) {
  const Home home(".codex/sessions/2026/12/02/rollout-2026-12-02T16-26-14-x.jsonl", "codex.rollout.jsonl");
  const AgentReport r = ParseAgentOutput("codex-json", Fixture("codex.jsonl"), home.path());
  ExpectHelloTotals(r.usage);
  EXPECT_FALSE(r.usage.cost_usd);
  // Killed before turn.completed: the session log alone gives the usage so far.
  const AgentReport cut = ParseAgentOutput("codex-json", "{\"type\":\"turn.started\"}\n", home.path());
  ExpectHelloTotals(cut.usage);
  // Without the session log the number of responses is unknown, not 0.
  EXPECT_FALSE(ParseAgentOutput("codex-json", "{\"type\":\"turn.started\"}\n").usage.steps);
}

TEST(AgentOutput, GeminiSeparatesCachedAndThoughtTokensAndCountsResponsesInItsChatLog) {
  const Home home(".gemini/tmp/ws/chats/session-2026-12-02T16-26-40c4845c.jsonl", "gemini.chat.jsonl");
  const AgentReport r = ParseAgentOutput("gemini-stream-json", Fixture("gemini.jsonl"), home.path());
  ExpectHelloTotals(r.usage);
  EXPECT_FALSE(r.usage.cost_usd);
}

TEST(AgentOutput, OpencodeSumsItsStepsTokensAndCost) {
  const AgentReport r = ParseAgentOutput("opencode-json", Fixture("opencode.jsonl"));
  ExpectHelloTotals(r.usage);
  ASSERT_TRUE(r.usage.cost_usd);
  EXPECT_NEAR(*r.usage.cost_usd, 0.003015, 1e-12);
}

TEST(AgentOutput, RetriedRateLimitsAreNotErrors) {
  for (const char* parser : {"claude-stream-json", "codex-json", "gemini-stream-json", "opencode-json"}) {
    const std::string agent = std::string(parser).substr(0, std::string(parser).find('-'));
    const AgentReport r = ParseAgentOutput(parser, Fixture(agent + ".rate_limit_twice.jsonl"));
    EXPECT_TRUE(r.api_error.empty()) << parser << ": " << r.api_error;
    EXPECT_EQ(r.usage.output_tokens + r.usage.reasoning_tokens, 75) << parser;
  }
}

TEST(AgentOutput, AnApiThatKeepsFailingIsAnApiErrorWithTheAgentsMessage) {
  const struct {
    const char* parser;
    const char* fixture;
    const char* message;
  } cases[] = {
      {"claude-stream-json", "claude.rate_limit_always.jsonl", "Rate limit exceeded"},
      {"claude-stream-json", "claude.drop_always.jsonl", "ECONNRESET"},
      {"codex-json", "codex.rate_limit_always.jsonl", "429 Too Many Requests"},
      {"codex-json", "codex.drop_always.jsonl", "stream disconnected"},
      {"gemini-stream-json", "gemini.rate_limit_always.jsonl", "Rate limit exceeded"},
      {"gemini-stream-json", "gemini.drop_always.jsonl", "terminated"},
      {"opencode-json", "opencode.server_error_always.jsonl", "(HTTP 500)"},
      {"opencode-json", "opencode.drop_always.jsonl", "Connection reset"},
  };
  for (const auto& c : cases) {
    const AgentReport r = ParseAgentOutput(c.parser, Fixture(c.fixture));
    EXPECT_NE(r.api_error.find(c.message), std::string::npos) << c.fixture << ": " << r.api_error;
  }
}

TEST(AgentOutput, ClaudesOwnTurnLimitIsReported) {
  const AgentReport r = ParseAgentOutput(
      "claude-stream-json",
      R"({"type":"result","subtype":"error_max_turns","is_error":true,"terminal_reason":"max_turns","usage":{"input_tokens":5}})");
  EXPECT_TRUE(r.turn_limit);
  EXPECT_TRUE(r.api_error.empty());
}

TEST(AgentOutput, UsageLinesAddUpAndLeaveWhatIsNeverGivenUnknown) {
  const AgentReport r = ParseAgentOutput(
      "scbench-usage-lines",
      "noise\n{\"scbench_usage\": {\"input_tokens\": 10, \"output_tokens\": 2}}\n{\"scbench_usage\": {\"input_tokens\": 5}}\n");
  EXPECT_EQ(r.usage.input_tokens, 15);
  EXPECT_EQ(r.usage.output_tokens, 2);
  EXPECT_FALSE(r.usage.steps);
  EXPECT_FALSE(r.usage.cost_usd);
}

TEST(AgentOutput, ImpossibleFiguresAreRefused) {
  const AgentReport r = ParseAgentOutput(
      "scbench-usage-lines",
      "{\"scbench_usage\": {\"input_tokens\": 9223372036854775807, \"cost_usd\": -1e308, \"steps\": -4}}\n"
      "{\"scbench_usage\": {\"input_tokens\": 9223372036854775807, \"output_tokens\": -7}}\n");
  EXPECT_GE(r.usage.input_tokens, 0);
  EXPECT_EQ(r.usage.output_tokens, 0);
  EXPECT_FALSE(r.usage.cost_usd);
  EXPECT_FALSE(r.usage.steps);
}

TEST(AgentOutput, GarbageAndUnknownParsers) {
  EXPECT_EQ(ParseAgentOutput("claude-stream-json", "not json\n{broken\n{\"type\":\"other\"}\n").usage.total_tokens(), 0);
  EXPECT_FALSE(IsKnownOutputParser("telepathy"));
  std::string deep(200000, '[');
  EXPECT_EQ(ParseAgentOutput("opencode-json", "{\"type\":\"step_finish\",\"part\":" + deep + "}\n").usage.steps, 0);
}

}  // namespace
}  // namespace scbench::run
