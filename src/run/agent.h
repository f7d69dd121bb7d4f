#pragma once
/// Agents as data: a YAML description (agents/<name>.yaml) of how to start a coding agent,
/// which credentials it needs, and how to read its output.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scbench::run {

struct AgentSpec {
  std::string name;
  std::string description;
  std::string builtin;  // "replay" for the built-in replay agent, else empty
  std::string binary;   // checked on PATH before anything starts
  std::string install_hint;
  std::vector<std::string> command;  // template: {prompt} {prompt_file} {workspace} {model} {setting}
  std::vector<std::string> credentials_any_of;
  std::map<std::string, std::string> env;
  /// Variables passed through from scbench's environment: names, or prefixes ending in '*'.
  std::vector<std::string> pass_env;
  std::map<std::string, std::string> settings;  // defaults, overridable with key=value
  std::string output_parser;
  std::string reasoning_env;      // reasoning effort goes into this variable...
  std::string reasoning_setting;  // ...or into this setting
  std::map<std::string, std::string> reasoning_values;  // low/medium/high -> agent's value
  std::string origin;
};

/// Loads agents/<name>.yaml; a clear error for an unknown agent (listing the known ones)
/// or an invalid file.
std::optional<AgentSpec> LoadAgent(const std::filesystem::path& agents_dir, const std::string& name,
                                   std::string& error);

std::vector<std::string> AgentNames(const std::filesystem::path& agents_dir);

/// Applies `key=value` overrides to settings; unknown keys are errors.
bool ApplySettingOverrides(AgentSpec& agent, const std::vector<std::string>& overrides, std::string& error);

/// Maps low/medium/high onto the agent's own setting or environment variable.
bool ApplyReasoningEffort(AgentSpec& agent, const std::string& effort, std::string& error);

/// Before anything starts: the binary is installed and a credential is set.
bool CheckAgentReady(const AgentSpec& agent, std::string& error);

/// The command line with placeholders replaced (`values` plus the agent's settings).
std::vector<std::string> RenderAgentCommand(const AgentSpec& agent, const std::map<std::string, std::string>& values);

}  // namespace scbench::run
