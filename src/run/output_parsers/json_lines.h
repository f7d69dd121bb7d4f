#pragma once
/// Reading JSON Lines output: every line that parses as a JSON object, in order; other
/// lines (progress text, a line cut off by a kill) are skipped.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/json_depth.h"

namespace scbench::run::parsers {

using Json = nlohmann::json;

/// Counts beyond this are not believed (a quadrillion tokens).
inline constexpr long long kMaxCount = 1'000'000'000'000'000;

template <typename Each>
void ForEachJsonLine(std::string_view text, Each each) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty() || line.front() != '{' || !JsonNestingWithin(line)) continue;
    const Json event = Json::parse(line, nullptr, false);
    if (event.is_object()) each(event);
  }
}

/// A count at `key`: 0 when absent, not a whole number, negative or beyond belief.
inline long long Count(const Json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) return 0;
  const Json& value = object[key];
  if (value.is_number_unsigned()) return value.get<unsigned long long>() <= kMaxCount ? value.get<long long>() : 0;
  if (value.is_number_integer()) return value.get<long long>() >= 0 ? value.get<long long>() : 0;
  return 0;
}

/// A cost in USD at `key`: nullopt unless a finite number from 0 to a million.
inline std::optional<double> Cost(const Json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_number()) return std::nullopt;
  const double value = object[key].get<double>();
  if (!(value >= 0 && value <= 1e6)) return std::nullopt;
  return value;
}

/// The member at `key` or an empty object.
inline const Json& Member(const Json& object, const char* key) {
  static const Json empty = Json::object();
  return object.is_object() && object.contains(key) && object[key].is_object() ? object[key] : empty;
}

/// Text at `key`, or "".
inline std::string Text(const Json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

/// The contents of files under `root` whose path relative to it matches `pattern` (a glob
/// where `*` matches within a folder and `**/` any number of folders), in name order.
std::vector<std::string> ReadFilesMatching(const std::filesystem::path& root, std::string_view pattern);

}  // namespace scbench::run::parsers
