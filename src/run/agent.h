#pragma once
/// Agents as data: a YAML description (agents/<name>.yaml, format in docs/agents.md) of how
/// to start a coding agent, what it needs in its environment and home, which credentials it
/// needs, and how to read its output. Adding an agent is one YAML file (and, for a new
/// output format, one parser in output_parsers/).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scbench::run {

/// Words of a command line: always, or only when a setting is non-empty (`if`), with an
/// alternative for when it is empty (`else`).
struct ArgumentGroup {
  std::string condition;  // empty: unconditional
  std::vector<std::string> then;
  std::vector<std::string> otherwise;
};

/// A file written into the agent's fresh home before every checkpoint (its configuration).
struct HomeFile {
  std::string path;       // relative to the home
  std::string content;    // a template
  std::string condition;  // written only when this setting is non-empty (empty: always)
};

struct AgentSpec {
  std::string name;
  std::string description;
  std::string builtin;  // "replay" for the built-in replay agent, else empty
  std::string binary;   // checked on PATH before anything starts
  std::string install_hint;
  std::vector<ArgumentGroup> command;  // template: {prompt} {prompt_file} {workspace} {home} {model} {setting}
  std::vector<std::string> version_command;
  bool model_required = false;
  std::vector<std::string> credentials_any_of;
  /// Variables set for the agent; a template whose value renders empty is left out.
  std::map<std::string, std::string> env;
  /// Variables passed through from scbench's environment: names, or prefixes ending in '*'.
  std::vector<std::string> pass_env;
  std::vector<HomeFile> home_files;
  std::map<std::string, std::string> settings;  // defaults, overridable with key=value
  std::string output_parser;
  std::string reasoning_env;      // reasoning effort goes into this variable...
  std::string reasoning_setting;  // ...or into this setting
  std::map<std::string, std::string> reasoning_values;  // low/medium/high -> agent's value
  std::string origin;
};

/// Loads agents/<name>.yaml; a clear error for an unknown agent (listing the known ones)
/// or an invalid file (naming file, line and field; an unknown key is an error).
std::optional<AgentSpec> LoadAgent(const std::filesystem::path& agents_dir, const std::string& name,
                                   std::string& error);

std::vector<std::string> AgentNames(const std::filesystem::path& agents_dir);

/// Applies `key=value` overrides to settings; unknown keys are errors.
bool ApplySettingOverrides(AgentSpec& agent, const std::vector<std::string>& overrides, std::string& error);

/// Maps low/medium/high onto the agent's own setting or environment variable.
bool ApplyReasoningEffort(AgentSpec& agent, const std::string& effort, std::string& error);

/// Before anything starts: the binary is installed, a credential is set, a model is given
/// where the agent needs one.
bool CheckAgentReady(const AgentSpec& agent, const std::string& model, std::string& error);

/// `text` with every {key} of `values` (and of the agent's settings) replaced.
std::string RenderTemplate(const AgentSpec& agent, std::string text, const std::map<std::string, std::string>& values);

/// The command line with placeholders replaced and conditional groups resolved.
std::vector<std::string> RenderAgentCommand(const AgentSpec& agent, const std::map<std::string, std::string>& values);

/// The agent's own variables, rendered (empty ones left out).
std::map<std::string, std::string> RenderAgentEnvironment(const AgentSpec& agent,
                                                          const std::map<std::string, std::string>& values);

/// The home files whose condition holds, rendered: (relative path, content).
std::vector<std::pair<std::string, std::string>> RenderHomeFiles(const AgentSpec& agent,
                                                                 const std::map<std::string, std::string>& values);

}  // namespace scbench::run
