#include "run/usage.h"

#include <array>
#include <yaml-cpp/yaml.h>

namespace scbench::run {
namespace {

using Json = nlohmann::json;

long long Count(const Json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_number()) return 0;
  return object[key].get<long long>();
}

/// Calls `each` for every line of `output` that parses as a JSON object.
template <typename Each>
void ForEachJsonLine(std::string_view output, Each each) {
  std::size_t begin = 0;
  while (begin < output.size()) {
    std::size_t end = output.find('\n', begin);
    if (end == std::string_view::npos) end = output.size();
    const std::string_view line = output.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty() || line.front() != '{') continue;
    const Json event = Json::parse(line, nullptr, false);
    if (event.is_object()) each(event);
  }
}

// Claude Code stream-json: the final `result` event holds cumulative usage and cost.
Usage ParseClaude(std::string_view output) {
  Usage usage;
  ForEachJsonLine(output, [&](const Json& e) {
    if (e.value("type", "") != "result") return;
    const Json& u = e.contains("usage") ? e["usage"] : Json::object();
    usage.input_tokens = Count(u, "input_tokens");
    usage.output_tokens = Count(u, "output_tokens");
    usage.cache_read_tokens = Count(u, "cache_read_input_tokens");
    usage.cache_write_tokens = Count(u, "cache_creation_input_tokens");
    usage.steps = static_cast<int>(Count(e, "num_turns"));
    if (e.contains("total_cost_usd") && e["total_cost_usd"].is_number()) usage.cost_usd = e["total_cost_usd"].get<double>();
  });
  return usage;
}

// Codex exec --json: usage per `turn.completed`; every completed item is a step. Cached
// input tokens are part of input_tokens there, and reasoning tokens part of output_tokens,
// so both are moved out (Usage keeps the four kinds disjoint).
Usage ParseCodex(std::string_view output) {
  Usage usage;
  ForEachJsonLine(output, [&](const Json& e) {
    const std::string type = e.value("type", "");
    if (type == "item.completed") ++usage.steps;
    if (type != "turn.completed" || !e.contains("usage")) return;
    const Json& u = e["usage"];
    const long long cached = Count(u, "cached_input_tokens");
    usage.input_tokens += Count(u, "input_tokens") - cached;
    usage.cache_read_tokens += cached;
    const long long reasoning = Count(u, "reasoning_output_tokens");
    usage.output_tokens += Count(u, "output_tokens") - reasoning;
    usage.reasoning_tokens += reasoning;
  });
  return usage;
}

// Gemini CLI stream-json: tool_use events are steps; the `result` event's stats carry
// tokens, either flat or per model.
Usage ParseGemini(std::string_view output) {
  Usage usage;
  ForEachJsonLine(output, [&](const Json& e) {
    const std::string type = e.value("type", "");
    if (type == "tool_use") ++usage.steps;
    if (type != "result" || !e.contains("stats")) return;
    const Json& stats = e["stats"];
    usage.input_tokens = Count(stats, "input_tokens");
    usage.output_tokens = Count(stats, "output_tokens");
    usage.cache_read_tokens = Count(stats, "cached");
    if (stats.contains("models") && stats["models"].is_object()) {
      for (const auto& [model, entry] : stats["models"].items()) {
        const Json& tokens = entry.contains("tokens") ? entry["tokens"] : Json::object();
        usage.input_tokens += Count(tokens, "prompt") - Count(tokens, "cached");
        usage.cache_read_tokens += Count(tokens, "cached");
        usage.output_tokens += Count(tokens, "candidates");
        usage.reasoning_tokens += Count(tokens, "thoughts");
      }
    }
  });
  return usage;
}

// opencode run --format json: each `step_finish` is a step with its tokens and cost.
Usage ParseOpencode(std::string_view output) {
  Usage usage;
  double cost = 0;
  bool any_cost = false;
  ForEachJsonLine(output, [&](const Json& e) {
    if (e.value("type", "") != "step_finish" || !e.contains("part")) return;
    const Json& part = e["part"];
    ++usage.steps;
    const Json& tokens = part.contains("tokens") ? part["tokens"] : Json::object();
    usage.input_tokens += Count(tokens, "input");
    usage.output_tokens += Count(tokens, "output");
    usage.reasoning_tokens += Count(tokens, "reasoning");
    if (tokens.contains("cache")) {
      usage.cache_read_tokens += Count(tokens["cache"], "read");
      usage.cache_write_tokens += Count(tokens["cache"], "write");
    }
    if (part.contains("cost") && part["cost"].is_number()) {
      cost += part["cost"].get<double>();
      any_cost = true;
    }
  });
  if (any_cost) usage.cost_usd = cost;
  return usage;
}

// Any program: lines {"scbench_usage": {...}} add up.
Usage ParseScbenchLines(std::string_view output) {
  Usage usage;
  ForEachJsonLine(output, [&](const Json& e) {
    if (!e.contains("scbench_usage")) return;
    const Json& u = e["scbench_usage"];
    usage.input_tokens += Count(u, "input_tokens");
    usage.output_tokens += Count(u, "output_tokens");
    usage.steps += static_cast<int>(Count(u, "steps"));
    if (u.contains("cost_usd") && u["cost_usd"].is_number()) usage.cost_usd = usage.cost_usd.value_or(0) + u["cost_usd"].get<double>();
  });
  return usage;
}

using Parser = Usage (*)(std::string_view);
constexpr std::array<std::pair<std::string_view, Parser>, 5> kParsers = {{
    {"claude-stream-json", ParseClaude},
    {"codex-json", ParseCodex},
    {"gemini-stream-json", ParseGemini},
    {"opencode-json", ParseOpencode},
    {"scbench-usage-lines", ParseScbenchLines},
}};

}  // namespace

Usage& Usage::operator+=(const Usage& other) {
  input_tokens += other.input_tokens;
  output_tokens += other.output_tokens;
  cache_read_tokens += other.cache_read_tokens;
  cache_write_tokens += other.cache_write_tokens;
  reasoning_tokens += other.reasoning_tokens;
  steps += other.steps;
  if (other.cost_usd) cost_usd = cost_usd.value_or(0) + *other.cost_usd;
  return *this;
}

bool IsKnownOutputParser(std::string_view name) {
  return std::any_of(kParsers.begin(), kParsers.end(), [&](const auto& p) { return p.first == name; });
}

Usage ParseAgentOutput(std::string_view parser, std::string_view output) {
  for (const auto& [name, parse] : kParsers) {
    if (name == parser) return parse(output);
  }
  return {};
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
          {"steps", usage.steps},
          {"cost_usd", cost ? nlohmann::ordered_json(*cost) : nlohmann::ordered_json(nullptr)}};
}

}  // namespace scbench::run
