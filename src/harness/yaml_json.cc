#include "harness/yaml_json.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <cstdlib>

namespace scbench::harness {
namespace {

bool IsOneOf(const std::string& text, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* word) { return text == word; });
}

/// The number a plain scalar spells, consumed whole: "1.2.3", "0x10" or "inf" are no number.
std::optional<nlohmann::json> Number(const std::string& text) {
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  long long integer = 0;
  if (const auto [at, ec] = std::from_chars(begin, end, integer); ec == std::errc() && at == end) return integer;
  const bool numeric_chars = text.find_first_not_of("+-.0123456789eE") == std::string::npos &&
                             text.find_first_of("0123456789") != std::string::npos;
  double real = 0;
  if (const auto [at, ec] = std::from_chars(begin, end, real); numeric_chars && ec == std::errc() && at == end) return real;
  return std::nullopt;
}

nlohmann::json PlainScalar(const std::string& text) {
  if (text.empty() || IsOneOf(text, {"~", "null", "Null", "NULL"})) return nullptr;
  if (IsOneOf(text, {"true", "True", "TRUE"})) return true;
  if (IsOneOf(text, {"false", "False", "FALSE"})) return false;
  if (auto number = Number(text)) return *number;
  return text;
}

nlohmann::json Convert(const YAML::Node& node, std::size_t& budget) {
  if (budget == 0) throw YamlTooLarge("the value expands to too many nodes (aliases?)");
  --budget;
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return node.Tag() == "!" ? nlohmann::json(node.Scalar()) : PlainScalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(Convert(item, budget));
      return array;
    }
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& item : node) object[item.first.as<std::string>()] = Convert(item.second, budget);
      return object;
    }
  }
  return nullptr;
}

}  // namespace

nlohmann::json YamlToJson(const YAML::Node& node, std::size_t max_nodes) { return Convert(node, max_nodes); }

}  // namespace scbench::harness
