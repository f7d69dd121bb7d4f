#pragma once
/// What an agent spent: tokens, steps and cost (parsed from its output by agent_output.h),
/// with cost from a price catalog when the agent reports none.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace scbench::run {

/// Token kinds are disjoint: input excludes cache reads and writes, output excludes
/// reasoning. Reasoning is billed at the output price.
struct Usage {
  long long input_tokens = 0;
  long long output_tokens = 0;
  long long cache_read_tokens = 0;
  long long cache_write_tokens = 0;
  long long reasoning_tokens = 0;
  /// Model responses; nullopt when the agent's output does not tell.
  std::optional<int> steps;
  std::optional<double> cost_usd;  // as reported by the agent

  Usage& operator+=(const Usage& other);
  long long total_tokens() const;
};

struct ModelPrice {
  double input = 0, output = 0, cache_read = 0, cache_write = 0;  // USD per million tokens
};

class ModelCatalog {
 public:
  /// Adds (or overrides) prices from a catalog file.
  bool Load(const std::filesystem::path& path, std::string& error);
  /// Cost from prices; nullopt for a model the catalog does not know.
  std::optional<double> Cost(const std::string& model, const Usage& usage) const;
  bool Knows(const std::string& model) const { return prices_.contains(model); }

 private:
  std::map<std::string, ModelPrice> prices_;
};

nlohmann::ordered_json UsageToJson(const Usage& usage, std::optional<double> cost);

}  // namespace scbench::run
