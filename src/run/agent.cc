#include "run/agent.h"

#include <cstdlib>
#include <fmt/format.h>
#include <sstream>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include "run/usage.h"

namespace scbench::run {
namespace fs = std::filesystem;
namespace {

std::map<std::string, std::string> ReadStringMap(const YAML::Node& node) {
  std::map<std::string, std::string> out;
  if (node && node.IsMap()) {
    for (const auto& item : node) out[item.first.as<std::string>()] = item.second.as<std::string>();
  }
  return out;
}

std::vector<std::string> ReadStringList(const YAML::Node& node) {
  std::vector<std::string> out;
  if (node && node.IsSequence()) {
    for (const auto& item : node) out.push_back(item.as<std::string>());
  }
  return out;
}

AgentSpec ReadAgent(const YAML::Node& node, const std::string& origin) {
  AgentSpec agent;
  agent.origin = origin;
  agent.name = node["name"].as<std::string>();
  agent.description = node["description"].as<std::string>("");
  agent.builtin = node["builtin"].as<std::string>("");
  agent.binary = node["binary"].as<std::string>("");
  agent.install_hint = node["install_hint"].as<std::string>("");
  agent.command = ReadStringList(node["command"]);
  if (const YAML::Node credentials = node["credentials"]) agent.credentials_any_of = ReadStringList(credentials["any_of"]);
  agent.env = ReadStringMap(node["env"]);
  agent.pass_env = ReadStringList(node["pass_env"]);
  agent.settings = ReadStringMap(node["settings"]);
  agent.output_parser = node["output_parser"].as<std::string>("");
  if (const YAML::Node reasoning = node["reasoning_effort"]) {
    agent.reasoning_env = reasoning["env"].as<std::string>("");
    agent.reasoning_setting = reasoning["setting"].as<std::string>("");
    agent.reasoning_values = ReadStringMap(reasoning["values"]);
  }
  return agent;
}

bool OnPath(const std::string& binary) {
  if (binary.find('/') != std::string::npos) return access(binary.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::stringstream directories(path == nullptr ? "" : path);
  for (std::string directory; std::getline(directories, directory, ':');) {
    if (!directory.empty() && access((fs::path(directory) / binary).c_str(), X_OK) == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> AgentNames(const fs::path& agents_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(agents_dir, ec)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<AgentSpec> LoadAgent(const fs::path& agents_dir, const std::string& name, std::string& error) {
  const fs::path path = agents_dir / (name + ".yaml");
  if (!fs::exists(path)) {
    std::string known;
    for (const std::string& n : AgentNames(agents_dir)) known += (known.empty() ? "" : ", ") + n;
    error = fmt::format("unknown agent '{}' (known: {})", name, known);
    return std::nullopt;
  }
  try {
    AgentSpec agent = ReadAgent(YAML::LoadFile(path.string()), path.string());
    if (agent.builtin.empty() && agent.command.empty()) throw YAML::Exception(YAML::Mark(), "no 'command'");
    if (agent.builtin.empty() && !IsKnownOutputParser(agent.output_parser)) {
      throw YAML::Exception(YAML::Mark(), "unknown output_parser '" + agent.output_parser + "'");
    }
    return agent;
  } catch (const YAML::Exception& e) {
    error = fmt::format("{}: {}", path.string(), e.what());
    return std::nullopt;
  }
}

bool ApplySettingOverrides(AgentSpec& agent, const std::vector<std::string>& overrides, std::string& error) {
  for (const std::string& item : overrides) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      error = "override '" + item + "' is not key=value";
      return false;
    }
    const std::string key = item.substr(0, equals);
    if (!agent.settings.contains(key)) {
      std::string known;
      for (const auto& [name, value] : agent.settings) known += (known.empty() ? "" : ", ") + name;
      error = fmt::format("agent {} has no setting '{}' (settings: {})", agent.name, key, known.empty() ? "none" : known);
      return false;
    }
    agent.settings[key] = item.substr(equals + 1);
  }
  return true;
}

bool ApplyReasoningEffort(AgentSpec& agent, const std::string& effort, std::string& error) {
  if (effort.empty()) return true;
  const auto found = agent.reasoning_values.find(effort);
  if (found == agent.reasoning_values.end()) {
    error = fmt::format("agent {} has no reasoning effort '{}'", agent.name, effort);
    return false;
  }
  if (!agent.reasoning_env.empty()) agent.env[agent.reasoning_env] = found->second;
  if (!agent.reasoning_setting.empty()) agent.settings[agent.reasoning_setting] = found->second;
  return true;
}

bool CheckAgentReady(const AgentSpec& agent, std::string& error) {
  if (!agent.binary.empty() && !OnPath(agent.binary)) {
    error = fmt::format("agent {}: '{}' is not installed (install it with: {})", agent.name, agent.binary,
                        agent.install_hint.empty() ? "see the agent's documentation" : agent.install_hint);
    return false;
  }
  if (!agent.credentials_any_of.empty()) {
    const bool any = std::any_of(agent.credentials_any_of.begin(), agent.credentials_any_of.end(), [](const std::string& v) {
      const char* value = std::getenv(v.c_str());
      return value != nullptr && *value != '\0';
    });
    if (!any) {
      std::string names;
      for (const auto& v : agent.credentials_any_of) names += (names.empty() ? "" : " or ") + v;
      error = fmt::format("agent {}: no credential set; export {}", agent.name, names);
      return false;
    }
  }
  if (agent.settings.contains("command") && agent.settings.at("command").empty()) {
    error = fmt::format("agent {}: set the executable with command=PATH", agent.name);
    return false;
  }
  return true;
}

std::vector<std::string> RenderAgentCommand(const AgentSpec& agent, const std::map<std::string, std::string>& values) {
  std::map<std::string, std::string> all = agent.settings;
  for (const auto& [key, value] : values) all[key] = value;
  std::vector<std::string> argv;
  for (std::string arg : agent.command) {
    for (const auto& [key, value] : all) {
      const std::string placeholder = "{" + key + "}";
      for (std::size_t at = arg.find(placeholder); at != std::string::npos; at = arg.find(placeholder, at + value.size())) {
        arg.replace(at, placeholder.size(), value);
      }
    }
    argv.push_back(arg);
  }
  return argv;
}

}  // namespace scbench::run
