#pragma once
/// What an agent's output says about its work: usage (tokens, cost, and steps, where a
/// step is one model response for every agent), and how it ended. Each agent has a parser
/// for its own format (output_parsers/); a parser reads the captured stdout so far and,
/// for agents that keep per-response usage in files of their own, those files under the
/// agent's home. Parsers work on partial output: the supervisor calls them while the agent
/// runs, so limits fire mid-run and a killed agent keeps the usage seen so far.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "run/usage.h"

namespace scbench::run {

struct AgentReport {
  Usage usage;
  /// The model's API kept failing after the agent's own retries (rate limit, server
  /// error, broken stream): the agent's message. Empty otherwise.
  std::string api_error;
  /// The agent stopped at its own limit of turns.
  bool turn_limit = false;
};

using OutputParser = AgentReport (*)(std::string_view stdout_text, const std::filesystem::path& home);

/// The registered parsers: claude-stream-json, codex-json, gemini-stream-json,
/// opencode-json, scbench-usage-lines.
bool IsKnownOutputParser(std::string_view name);
std::vector<std::string> OutputParserNames();

/// Parses with the named parser; an unknown name gives an empty report.
AgentReport ParseAgentOutput(std::string_view parser, std::string_view stdout_text,
                             const std::filesystem::path& home = {});

}  // namespace scbench::run
