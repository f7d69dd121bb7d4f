#include "quality/project_config.h"

#include <yaml-cpp/yaml.h>

#include "quality/language.h"

namespace scbench::quality {

std::optional<ProjectConfig> LoadProjectConfig(const std::filesystem::path& root, std::string& error) {
  ProjectConfig config;
  const auto path = root / ".scbench.yaml";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return config;
  const std::string file = path.string();
  try {
    const YAML::Node node = YAML::LoadFile(file);
    if (node.IsNull()) return config;
    if (!node.IsMap()) throw YAML::Exception(node.Mark(), "expected a mapping with exclude, languages, fail_on");
    if (node["exclude"]) config.excludes = node["exclude"].as<std::vector<std::string>>();
    if (node["fail_on"]) config.fail_on = node["fail_on"].as<std::vector<std::string>>();
    if (const YAML::Node languages = node["languages"]) {
      for (const auto& item : languages) {
        const std::string language = item.second.as<std::string>();
        if (LanguageByName(language) == nullptr) {
          throw YAML::Exception(item.second.Mark(), "unknown language '" + language + "'");
        }
        config.language_overrides.emplace_back(item.first.as<std::string>(), language);
      }
    }
  } catch (const YAML::Exception& e) {
    error = file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg;
    return std::nullopt;
  }
  return config;
}

}  // namespace scbench::quality
