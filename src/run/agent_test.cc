#include "run/agent.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

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
  EXPECT_FALSE(CheckAgentReady(*claude, "claude-sonnet-4-5", error));
  EXPECT_NE(error.find("npm install -g @anthropic-ai/claude-code"), std::string::npos) << error;
  claude->binary = "sh";
  claude->credentials_any_of = {"SCBENCH_TEST_NO_SUCH_KEY"};
  EXPECT_FALSE(CheckAgentReady(*claude, "claude-sonnet-4-5", error));
  EXPECT_NE(error.find("export SCBENCH_TEST_NO_SUCH_KEY"), std::string::npos) << error;
  setenv("SCBENCH_TEST_NO_SUCH_KEY", "x", 1);
  EXPECT_TRUE(CheckAgentReady(*claude, "claude-sonnet-4-5", error)) << error;
  EXPECT_FALSE(CheckAgentReady(*claude, "", error));
  EXPECT_NE(error.find("--model"), std::string::npos) << error;
  unsetenv("SCBENCH_TEST_NO_SUCH_KEY");
}

TEST(Agent, ABaseUrlReachesEachAgentTheWayItReadsOne) {
  std::string error;
  const std::map<std::string, std::string> values = {{"model", "m1"}, {"prompt", "p"}, {"problem", "ledger"}, {"checkpoint", "2"}};
  for (const char* name : {"claude-code", "codex", "gemini", "opencode"}) {
    auto agent = LoadAgent(kAgents, name, error);
    ASSERT_TRUE(agent) << error;
    const auto without = RenderAgentEnvironment(*agent, values);
    const auto argv_without = RenderAgentCommand(*agent, values);
    ASSERT_TRUE(ApplySettingOverrides(*agent, {"base_url=http://127.0.0.1:9/v1"}, error)) << error;
    const auto env = RenderAgentEnvironment(*agent, values);
    const auto argv = RenderAgentCommand(*agent, values);
    std::string everything;
    for (const auto& [key, value] : env) everything += key + "=" + value + "\n";
    for (const auto& word : argv) everything += word + "\n";
    for (const auto& [path, content] : RenderHomeFiles(*agent, values)) everything += path + ":" + content + "\n";
    EXPECT_NE(everything.find("http://127.0.0.1:9/v1"), std::string::npos) << name << ":\n" << everything;
    for (const auto& [key, value] : without) EXPECT_EQ(value.find("{"), std::string::npos) << name << " " << key;
    for (const auto& word : argv_without) EXPECT_EQ(word.find("{base_url}"), std::string::npos) << name;
  }
  auto opencode = LoadAgent(kAgents, "opencode", error);
  ASSERT_TRUE(opencode);
  EXPECT_TRUE(RenderHomeFiles(*opencode, values).empty());  // its own providers without base_url
  const auto argv = RenderAgentCommand(*opencode, values);
  EXPECT_NE(std::find(argv.begin(), argv.end(), "scbench ledger 2"), argv.end());
  EXPECT_NE(std::find(argv.begin(), argv.end(), "m1"), argv.end());
}

TEST(Agent, AMistakeInAnAgentFileNamesFileLineAndField) {
  const auto dir = std::filesystem::temp_directory_path() / ("scbench_agents_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& text) { std::ofstream(dir / "mine.yaml") << text; };
  std::string error;
  write("name: mine\ncommand: [x]\noutput_parser: opencode-json\nenviron: {A: b}\n");
  EXPECT_FALSE(LoadAgent(dir, "mine", error));
  EXPECT_NE(error.find("mine.yaml:4: field 'environ': unknown key"), std::string::npos) << error;
  write("name: mine\ncommand: [x, {iff: base_url, then: [y]}]\noutput_parser: opencode-json\n");
  EXPECT_FALSE(LoadAgent(dir, "mine", error));
  EXPECT_NE(error.find("command[].iff"), std::string::npos) << error;
  write("name: mine\ncommand: [x]\noutput_parser: telepathy\n");
  EXPECT_FALSE(LoadAgent(dir, "mine", error));
  EXPECT_NE(error.find("unknown output parser 'telepathy' (known: claude-stream-json"), std::string::npos) << error;
  write("name: mine\ncommand: [x]\noutput_parser: opencode-json\nhome_files: {../escape: x}\n");
  EXPECT_FALSE(LoadAgent(dir, "mine", error));
  EXPECT_NE(error.find("relative path inside the home"), std::string::npos) << error;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace scbench::run
