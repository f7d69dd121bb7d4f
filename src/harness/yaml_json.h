#pragma once
/// YAML values as JSON: quoted scalars stay strings, plain scalars resolve as YAML 1.2's
/// core schema does (null, booleans, integers, floats), everything else is a string.

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace scbench::harness {

nlohmann::json YamlToJson(const YAML::Node& node);

}  // namespace scbench::harness
