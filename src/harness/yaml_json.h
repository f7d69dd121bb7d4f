#pragma once
/// YAML values as JSON: quoted scalars stay strings, plain scalars resolve as YAML 1.2's
/// core schema does (null, booleans, integers, floats), everything else is a string.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <yaml-cpp/yaml.h>

namespace scbench::harness {

/// Thrown when a value expands to more nodes than allowed: YAML aliases let a few lines
/// stand for billions of nodes ("billion laughs").
struct YamlTooLarge : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxYamlValueNodes = 200'000;

nlohmann::json YamlToJson(const YAML::Node& node, std::size_t max_nodes = kMaxYamlValueNodes);

}  // namespace scbench::harness
