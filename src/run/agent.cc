#include "run/agent.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <set>
#include <sstream>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include "run/agent_output.h"

namespace scbench::run {
namespace fs = std::filesystem;
namespace {

/// A load error naming "file:line: field 'x': what".
struct AgentFileError {
  std::string message;
};

class AgentFile {
 public:
  explicit AgentFile(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void Fail(const YAML::Node& node, const std::string& field, const std::string& what) const {
    const YAML::Mark mark = node.Mark();
    const std::string where = mark.line >= 0 ? fmt::format("{}:{}", path_, mark.line + 1) : path_;
    throw AgentFileError{fmt::format("{}: {}{}", where, field.empty() ? "" : "field '" + field + "': ", what)};
  }

  /// Every key of `node` must be one of `known`.
  void OnlyKeys(const YAML::Node& node, const std::string& field, std::initializer_list<const char*> known) const {
    if (!node.IsMap()) Fail(node, field, "must be a mapping");
    for (const auto& item : node) {
      const std::string key = item.first.as<std::string>();
      if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
        std::string list;
        for (const char* k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        Fail(item.first, field.empty() ? key : field + "." + key, "unknown key (known: " + list + ")");
      }
    }
  }

  std::string Text(const YAML::Node& node, const std::string& field, const std::string& fallback = "") const {
    if (!node) return fallback;
    if (!node.IsScalar()) Fail(node, field, "must be a string");
    return node.as<std::string>();
  }

  std::vector<std::string> List(const YAML::Node& node, const std::string& field) const {
    std::vector<std::string> out;
    if (!node) return out;
    if (!node.IsSequence()) Fail(node, field, "must be a list");
    for (const auto& item : node) out.push_back(Text(item, field));
    return out;
  }

  std::map<std::string, std::string> Map(const YAML::Node& node, const std::string& field) const {
    std::map<std::string, std::string> out;
    if (!node) return out;
    if (!node.IsMap()) Fail(node, field, "must be a mapping");
    for (const auto& item : node) out[item.first.as<std::string>()] = Text(item.second, field + "." + item.first.as<std::string>());
    return out;
  }

  bool Flag(const YAML::Node& node, const std::string& field) const {
    if (!node) return false;
    const std::string text = Text(node, field);
    if (text != "true" && text != "false") Fail(node, field, "must be true or false");
    return text == "true";
  }

 private:
  std::string path_;
};

std::vector<ArgumentGroup> ReadCommand(const AgentFile& file, const YAML::Node& node) {
  std::vector<ArgumentGroup> groups;
  if (!node) return groups;
  if (!node.IsSequence()) file.Fail(node, "command", "must be a list");
  for (const auto& item : node) {
    if (item.IsScalar()) {
      groups.push_back({"", {item.as<std::string>()}, {}});
      continue;
    }
    file.OnlyKeys(item, "command[]", {"if", "then", "else"});
    if (!item["if"]) file.Fail(item, "command[].if", "a conditional group names the setting it depends on");
    groups.push_back({file.Text(item["if"], "command[].if"), file.List(item["then"], "command[].then"),
                      file.List(item["else"], "command[].else")});
  }
  return groups;
}

std::vector<HomeFile> ReadHomeFiles(const AgentFile& file, const YAML::Node& node) {
  std::vector<HomeFile> files;
  if (!node) return files;
  if (!node.IsMap()) file.Fail(node, "home_files", "must be a mapping of paths to contents");
  for (const auto& item : node) {
    const std::string path = item.first.as<std::string>();
    if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos) {
      file.Fail(item.first, "home_files", "'" + path + "' must be a relative path inside the home");
    }
    if (item.second.IsScalar()) {
      files.push_back({path, item.second.as<std::string>(), ""});
      continue;
    }
    file.OnlyKeys(item.second, "home_files." + path, {"if", "content"});
    files.push_back({path, file.Text(item.second["content"], "home_files." + path + ".content"),
                     file.Text(item.second["if"], "home_files." + path + ".if")});
  }
  return files;
}

void ReadReasoning(const AgentFile& file, const YAML::Node& node, AgentSpec& agent) {
  if (!node) return;
  file.OnlyKeys(node, "reasoning_effort", {"env", "setting", "values"});
  agent.reasoning_env = file.Text(node["env"], "reasoning_effort.env");
  agent.reasoning_setting = file.Text(node["setting"], "reasoning_effort.setting");
  agent.reasoning_values = file.Map(node["values"], "reasoning_effort.values");
}

AgentSpec ReadAgent(const YAML::Node& node, const std::string& origin) {
  const AgentFile file(origin);
  file.OnlyKeys(node, "", {"name", "description", "builtin", "binary", "install_hint", "version_command",
                           "model_required", "command", "credentials", "env", "pass_env", "home_files", "settings",
                           "output_parser", "reasoning_effort"});
  AgentSpec agent;
  agent.origin = origin;
  agent.name = file.Text(node["name"], "name");
  agent.description = file.Text(node["description"], "description");
  agent.builtin = file.Text(node["builtin"], "builtin");
  agent.binary = file.Text(node["binary"], "binary");
  agent.install_hint = file.Text(node["install_hint"], "install_hint");
  agent.version_command = file.List(node["version_command"], "version_command");
  agent.model_required = file.Flag(node["model_required"], "model_required");
  agent.command = ReadCommand(file, node["command"]);
  if (const YAML::Node credentials = node["credentials"]) {
    file.OnlyKeys(credentials, "credentials", {"any_of"});
    agent.credentials_any_of = file.List(credentials["any_of"], "credentials.any_of");
  }
  agent.env = file.Map(node["env"], "env");
  agent.pass_env = file.List(node["pass_env"], "pass_env");
  agent.home_files = ReadHomeFiles(file, node["home_files"]);
  agent.settings = file.Map(node["settings"], "settings");
  agent.output_parser = file.Text(node["output_parser"], "output_parser");
  ReadReasoning(file, node["reasoning_effort"], agent);
  if (agent.name.empty()) file.Fail(node, "name", "missing");
  if (agent.builtin.empty() && agent.command.empty()) file.Fail(node, "command", "missing");
  if (!agent.builtin.empty() && agent.builtin != "replay") file.Fail(node["builtin"], "builtin", "only 'replay' is built in");
  if (agent.builtin.empty() && !IsKnownOutputParser(agent.output_parser)) {
    std::string known;
    for (const std::string& parser : OutputParserNames()) known += (known.empty() ? "" : ", ") + parser;
    file.Fail(node["output_parser"] ? node["output_parser"] : node, "output_parser",
              "unknown output parser '" + agent.output_parser + "' (known: " + known + ")");
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

/// The settings, then the call's values (which win).
std::map<std::string, std::string> AllValues(const AgentSpec& agent, const std::map<std::string, std::string>& values) {
  std::map<std::string, std::string> all = agent.settings;
  for (const auto& [key, value] : values) all[key] = value;
  return all;
}

bool Holds(const std::string& condition, const std::map<std::string, std::string>& all) {
  if (condition.empty()) return true;
  const auto found = all.find(condition);
  return found != all.end() && !found->second.empty();
}

std::string Substitute(std::string text, const std::map<std::string, std::string>& all) {
  for (const auto& [key, value] : all) {
    const std::string placeholder = "{" + key + "}";
    for (std::size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
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
    return ReadAgent(YAML::LoadFile(path.string()), path.string());
  } catch (const AgentFileError& e) {
    error = e.message;
  } catch (const YAML::Exception& e) {
    error = fmt::format("{}:{}: {}", path.string(), e.mark.line + 1, e.msg);
  }
  return std::nullopt;
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

bool CheckAgentReady(const AgentSpec& agent, const std::string& model, std::string& error) {
  if (agent.model_required && model.empty()) {
    error = fmt::format("agent {}: give the model with --model (it is passed to the agent and priced from the catalog)",
                        agent.name);
    return false;
  }
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

std::string RenderTemplate(const AgentSpec& agent, std::string text, const std::map<std::string, std::string>& values) {
  return Substitute(std::move(text), AllValues(agent, values));
}

std::vector<std::string> RenderAgentCommand(const AgentSpec& agent, const std::map<std::string, std::string>& values) {
  const auto all = AllValues(agent, values);
  std::vector<std::string> argv;
  for (const ArgumentGroup& group : agent.command) {
    for (const std::string& word : Holds(group.condition, all) ? group.then : group.otherwise) {
      argv.push_back(Substitute(word, all));
    }
  }
  return argv;
}

std::map<std::string, std::string> RenderAgentEnvironment(const AgentSpec& agent,
                                                          const std::map<std::string, std::string>& values) {
  const auto all = AllValues(agent, values);
  std::map<std::string, std::string> env;
  for (const auto& [name, value] : agent.env) {
    std::string rendered = Substitute(value, all);
    if (!rendered.empty()) env[name] = std::move(rendered);
  }
  return env;
}

std::vector<std::pair<std::string, std::string>> RenderHomeFiles(const AgentSpec& agent,
                                                                 const std::map<std::string, std::string>& values) {
  const auto all = AllValues(agent, values);
  std::vector<std::pair<std::string, std::string>> files;
  for (const HomeFile& file : agent.home_files) {
    if (Holds(file.condition, all)) files.emplace_back(file.path, Substitute(file.content, all));
  }
  return files;
}

}  // namespace scbench::run
