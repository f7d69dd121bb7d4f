#include "run/usage.h"

#include <limits>
#include <yaml-cpp/yaml.h>

namespace scbench::run {
namespace {

/// Counts from an agent's output are not trusted to stay small.
void AddSaturating(long long& total, long long more) {
  if (__builtin_add_overflow(total, more, &total)) total = std::numeric_limits<long long>::max();
}

}  // namespace

Usage& Usage::operator+=(const Usage& other) {
  AddSaturating(input_tokens, other.input_tokens);
  AddSaturating(output_tokens, other.output_tokens);
  AddSaturating(cache_read_tokens, other.cache_read_tokens);
  AddSaturating(cache_write_tokens, other.cache_write_tokens);
  AddSaturating(reasoning_tokens, other.reasoning_tokens);
  if (other.steps) steps = steps.value_or(0) + *other.steps;
  if (other.cost_usd) cost_usd = cost_usd.value_or(0) + *other.cost_usd;
  return *this;
}

long long Usage::total_tokens() const {
  long long total = 0;
  for (const long long count : {input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens}) {
    AddSaturating(total, count);
  }
  return total;
}

bool ModelCatalog::Load(const std::filesystem::path& path, std::string& error) {
  try {
    const YAML::Node root = YAML::LoadFile(path.string());
    for (const auto& item : root["models"]) {
      ModelPrice price;
      price.input = item.second["input"].as<double>(0);
      price.output = item.second["output"].as<double>(0);
      price.cache_read = item.second["cache_read"].as<double>(price.input);
      price.cache_write = item.second["cache_write"].as<double>(price.input);
      prices_[item.first.as<std::string>()] = price;
    }
    return true;
  } catch (const YAML::Exception& e) {
    error = path.string() + ": " + e.what();
    return false;
  }
}

std::optional<double> ModelCatalog::Cost(const std::string& model, const Usage& usage) const {
  const auto found = prices_.find(model);
  if (found == prices_.end()) return std::nullopt;
  const ModelPrice& p = found->second;
  return (static_cast<double>(usage.input_tokens) * p.input + static_cast<double>(usage.output_tokens + usage.reasoning_tokens) * p.output +
          static_cast<double>(usage.cache_read_tokens) * p.cache_read + static_cast<double>(usage.cache_write_tokens) * p.cache_write) /
         1e6;
}

nlohmann::ordered_json UsageToJson(const Usage& usage, std::optional<double> cost) {
  return {{"input_tokens", usage.input_tokens},
          {"output_tokens", usage.output_tokens},
          {"cache_read_tokens", usage.cache_read_tokens},
          {"cache_write_tokens", usage.cache_write_tokens},
          {"reasoning_tokens", usage.reasoning_tokens},
          {"steps", usage.steps ? nlohmann::ordered_json(*usage.steps) : nlohmann::ordered_json(nullptr)},
          {"cost_usd", cost ? nlohmann::ordered_json(*cost) : nlohmann::ordered_json(nullptr)}};
}

}  // namespace scbench::run
