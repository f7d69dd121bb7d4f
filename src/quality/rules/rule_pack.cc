#include "quality/rules/rule_pack.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <yaml-cpp/yaml.h>


namespace scbench::quality {
namespace {

std::string Where(const std::string& origin, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.line >= 0 ? origin + ":" + std::to_string(mark.line + 1) : origin;
}

std::vector<std::string> StringList(const YAML::Node& node) {
  std::vector<std::string> values;
  if (!node) return values;
  if (node.IsScalar()) return {node.as<std::string>()};
  for (const auto& item : node) values.push_back(item.as<std::string>());
  return values;
}

/// Reads a rule's fields, falling back to the pack's defaults; throws on a bad field.
Rule ReadRule(const YAML::Node& node, const std::string& language, const std::string& category,
              const std::string& origin, std::string& field) {
  Rule rule;
  rule.origin = origin;
  field = "id";
  rule.id = node["id"].as<std::string>();
  field = "language";
  rule.language = node["language"] ? node["language"].as<std::string>() : language;
  field = "category";
  rule.category = node["category"] ? node["category"].as<std::string>() : category;
  field = "severity";
  rule.severity = node["severity"] ? node["severity"].as<int>() : 2;
  field = "message";
  rule.message = node["message"].as<std::string>();
  field = "query";
  rule.query = node["query"].as<std::string>();
  field = "capture";
  if (node["capture"]) rule.capture = node["capture"].as<std::string>();
  field = "examples";
  if (const YAML::Node examples = node["examples"]) {
    rule.flag_examples = StringList(examples["flag"]);
    rule.pass_examples = StringList(examples["pass"]);
  }
  return rule;
}

bool CheckRule(const Rule& rule, const std::string& where, std::string& error) {
  const auto fail = [&](const std::string& what) {
    error = RuleError(where, rule.id, what);
    return false;
  };
  if (rule.id.empty()) return fail("field 'id' is empty");
  if (rule.language.empty()) return fail("field 'language' is missing (per rule or for the pack)");
  if (rule.severity < 1 || rule.severity > 4) return fail("field 'severity' must be 1..4");
  if (rule.message.empty()) return fail("field 'message' is empty");
  if (rule.query.empty()) return fail("field 'query' is empty");
  return true;
}

}  // namespace

bool ParseRulePack(std::string_view yaml_text, const std::string& origin, std::vector<Rule>& rules,
                   std::string& error) {
  YAML::Node pack;
  try {
    pack = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    error = origin + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg;
    return false;
  }
  if (!pack.IsMap() || !pack["rules"] || !pack["rules"].IsSequence()) {
    error = origin + ": a rule pack is a mapping with a 'rules' list";
    return false;
  }
  const std::string language = pack["language"] ? pack["language"].as<std::string>("") : "";
  const std::string category = pack["category"] ? pack["category"].as<std::string>("") : "";
  for (const YAML::Node& node : pack["rules"]) {
    const std::string where = Where(origin, node);
    const std::string id = node.IsMap() && node["id"] ? node["id"].as<std::string>("?") : "?";
    std::string field;
    try {
      if (!node.IsMap()) throw YAML::Exception(node.Mark(), "a rule is a mapping");
      Rule rule = ReadRule(node, language, category, origin, field);
      if (!CheckRule(rule, where, error)) return false;
      rules.push_back(std::move(rule));
    } catch (const YAML::Exception& e) {
      error = RuleError(where, id, "field '" + field + "': " + (e.msg.empty() ? "missing or invalid" : e.msg));
      return false;
    }
  }
  return true;
}

bool LoadRulePackDirectory(const std::filesystem::path& directory, std::vector<Rule>& rules, std::string& error) {
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    error = directory.string() + ": not a directory of rule packs";
    return false;
  }
  std::vector<std::filesystem::path> packs;
  for (auto it = std::filesystem::recursive_directory_iterator(directory, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    const auto extension = it->path().extension();
    if (it->is_regular_file() && (extension == ".yaml" || extension == ".yml")) packs.push_back(it->path());
  }
  if (ec) {
    error = directory.string() + ": " + ec.message();
    return false;
  }
  std::sort(packs.begin(), packs.end());
  for (const auto& path : packs) {
    std::ifstream stream(path);
    std::stringstream text;
    text << stream.rdbuf();
    if (!stream) {
      error = path.string() + ": cannot read";
      return false;
    }
    if (!ParseRulePack(text.str(), path.string(), rules, error)) return false;
  }
  return true;
}

}  // namespace scbench::quality
