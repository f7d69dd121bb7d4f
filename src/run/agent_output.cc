#include "run/agent_output.h"

#include <algorithm>
#include <array>

#include "run/output_parsers/parsers.h"

namespace scbench::run {
namespace {

/// The one table of output formats: a new agent format is a file in output_parsers/ and a
/// line here.
constexpr std::array<std::pair<std::string_view, OutputParser>, 5> kParsers = {{
    {"claude-stream-json", parsers::ClaudeStreamJson},
    {"codex-json", parsers::CodexJson},
    {"gemini-stream-json", parsers::GeminiStreamJson},
    {"opencode-json", parsers::OpencodeJson},
    {"scbench-usage-lines", parsers::ScbenchUsageLines},
}};

}  // namespace

bool IsKnownOutputParser(std::string_view name) {
  return std::any_of(kParsers.begin(), kParsers.end(), [&](const auto& p) { return p.first == name; });
}

std::vector<std::string> OutputParserNames() {
  std::vector<std::string> names;
  for (const auto& [name, parse] : kParsers) names.emplace_back(name);
  return names;
}

AgentReport ParseAgentOutput(std::string_view parser, std::string_view stdout_text, const std::filesystem::path& home) {
  for (const auto& [name, parse] : kParsers) {
    if (name == parser) return parse(stdout_text, home);
  }
  return {};
}

}  // namespace scbench::run
