#pragma once
/// One parser per agent output format (see agent_output.h); registered in agent_output.cc.

#include <filesystem>
#include <string_view>

#include "run/agent_output.h"

namespace scbench::run::parsers {

AgentReport ClaudeStreamJson(std::string_view stdout_text, const std::filesystem::path& home);
AgentReport CodexJson(std::string_view stdout_text, const std::filesystem::path& home);
AgentReport GeminiStreamJson(std::string_view stdout_text, const std::filesystem::path& home);
AgentReport OpencodeJson(std::string_view stdout_text, const std::filesystem::path& home);
AgentReport ScbenchUsageLines(std::string_view stdout_text, const std::filesystem::path& home);

}  // namespace scbench::run::parsers
