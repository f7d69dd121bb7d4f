#include "run/agent.h"

#include <cstdlib>
#include <gtest/gtest.h>

namespace scbench::run {
namespace {

const std::filesystem::path kAgents = std::filesystem::path(SCBENCH_SOURCE_DIR) / "agents";

TEST(Agent, ShippedAgentsLoad) {
  std::string error;
  for (const char* name : {"claude-code", "codex", "gemini", "opencode", "command", "replay"}) {
    EXPECT_TRUE(LoadAgent(kAgents, name, error)) << name << ": " << error;
  }
  EXPECT_FALSE(LoadAgent(kAgents, "hal9000", error));
  EXPECT_NE(error.find("unknown agent 'hal9000' (known: claude-code"), std::string::npos) << error;
}

TEST(Agent, CommandTemplateOverridesAndReasoningEffort) {
  std::string error;
  auto codex = LoadAgent(kAgents, "codex", error);
  ASSERT_TRUE(codex) << error;
  ASSERT_TRUE(ApplyReasoningEffort(*codex, "high", error)) << error;
  const auto argv = RenderAgentCommand(*codex, {{"prompt", "do it"}, {"model", "gpt-5"}});
  EXPECT_EQ(argv.front(), "codex");
  EXPECT_NE(std::find(argv.begin(), argv.end(), "model_reasoning_effort=high"), argv.end());
  EXPECT_EQ(argv.back(), "do it");
  EXPECT_FALSE(ApplySettingOverrides(*codex, {"colour=blue"}, error));
  EXPECT_NE(error.find("no setting 'colour'"), std::string::npos);
  EXPECT_FALSE(ApplyReasoningEffort(*codex, "extreme", error));
}

TEST(Agent, MissingBinaryNamesTheInstallAndMissingCredentialNamesTheVariables) {
  std::string error;
  auto claude = LoadAgent(kAgents, "claude-code", error);
  ASSERT_TRUE(claude);
  claude->binary = "definitely-not-installed-agent";
  EXPECT_FALSE(CheckAgentReady(*claude, error));
  EXPECT_NE(error.find("npm install -g @anthropic-ai/claude-code"), std::string::npos) << error;
  claude->binary = "sh";
  claude->credentials_any_of = {"SCBENCH_TEST_NO_SUCH_KEY"};
  EXPECT_FALSE(CheckAgentReady(*claude, error));
  EXPECT_NE(error.find("export SCBENCH_TEST_NO_SUCH_KEY"), std::string::npos) << error;
  setenv("SCBENCH_TEST_NO_SUCH_KEY", "x", 1);
  EXPECT_TRUE(CheckAgentReady(*claude, error)) << error;
  unsetenv("SCBENCH_TEST_NO_SUCH_KEY");
}

}  // namespace
}  // namespace scbench::run
