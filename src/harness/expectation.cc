#include "harness/expectation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <re2/re2.h>
#include <sstream>

#include "common/json_depth.h"
#include "common/json_dump.h"

namespace scbench::harness {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::pair<CompareMode, const char*>, 9> kModes = {{
    {CompareMode::kExact, "exact"},
    {CompareMode::kTrimmed, "trimmed"},
    {CompareMode::kJson, "json"},
    {CompareMode::kJsonLines, "jsonl"},
    {CompareMode::kUnordered, "unordered"},
    {CompareMode::kUnorderedLines, "unordered_lines"},
    {CompareMode::kNumeric, "numeric"},
    {CompareMode::kRegex, "regex"},
    {CompareMode::kContains, "contains"},
}};

/// Shortens long text for a diff line, showing escapes so whitespace differences are visible.
std::string Quote(std::string_view text, std::size_t limit = 80) {
  std::string shown = DumpJson(Json(std::string(text.substr(0, limit))));
  if (text.size() > limit) shown += fmt::format("... ({} bytes)", text.size());
  return shown;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

std::string TrimmedText(std::string_view text) {
  std::string out;
  for (std::string_view line : SplitLines(text)) {
    out += TrimRight(line);
    out += '\n';
  }
  const auto first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = out.find_last_not_of(" \t\r\n");
  return out.substr(first, last - first + 1);
}

Comparison TextDiff(std::string_view expected, std::string_view actual) {
  const auto want = SplitLines(expected);
  const auto got = SplitLines(actual);
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string_view w = i < want.size() ? want[i] : std::string_view("<end of output>");
    const std::string_view g = i < got.size() ? got[i] : std::string_view("<end of output>");
    if (w != g || i >= want.size() || i >= got.size()) {
      return {false, fmt::format("line {}: expected {} got {}", i + 1, Quote(w), Quote(g))};
    }
  }
  return {false, fmt::format("expected {} got {}", Quote(expected), Quote(actual))};  // differs only in final newline
}

bool ParseJson(std::string_view text, Json& out, std::string& error) {
  // A program's output nested a million levels deep must not overflow our stack.
  if (!JsonNestingWithin(text)) {
    error = fmt::format("JSON nested deeper than {} levels: {}", kMaxJsonDepth, Quote(text));
    return false;
  }
  try {
    out = Json::parse(text);
    return true;
  } catch (const Json::parse_error& e) {
    error = fmt::format("not valid JSON ({}): {}", e.what(), Quote(text));
    return false;
  }
}

/// Removes the values at `path` (a JSON Pointer whose segments may be "*") from `value`;
/// true when something was there to remove.
bool RemovePath(Json& value, const std::vector<std::string>& segments, std::size_t at) {
  if (at >= segments.size()) return false;
  const std::string& segment = segments[at];
  const bool last = at + 1 == segments.size();
  bool found = false;
  const auto visit = [&](Json& child) { found = RemovePath(child, segments, at + 1) || found; };
  if (value.is_object()) {
    if (segment == "*") {
      found = last && !value.empty();
      if (last) value = Json::object();
      else for (auto& [key, child] : value.items()) visit(child);
    } else if (value.contains(segment)) {
      found = last;
      if (last) value.erase(segment);
      else visit(value[segment]);
    }
  } else if (value.is_array()) {
    if (segment == "*") {
      found = last && !value.empty();
      if (last) value = Json::array();
      else for (auto& child : value) visit(child);
    } else if (std::all_of(segment.begin(), segment.end(), ::isdigit) && !segment.empty()) {
      const std::size_t index = std::stoul(segment);
      if (index < value.size()) {
        found = last;
        if (last) value[index] = nullptr;  // keep positions stable
        else visit(value[index]);
      }
    }
  }
  return found;
}

std::vector<std::string> PointerSegments(const std::string& pointer) {
  std::vector<std::string> segments;
  std::size_t begin = pointer.empty() || pointer[0] != '/' ? 0 : 1;
  while (begin <= pointer.size() && !pointer.empty()) {
    std::size_t end = pointer.find('/', begin);
    if (end == std::string::npos) end = pointer.size();
    std::string segment = pointer.substr(begin, end - begin);
    for (std::size_t p; (p = segment.find("~1")) != std::string::npos;) segment.replace(p, 2, "/");
    for (std::size_t p; (p = segment.find("~0")) != std::string::npos;) segment.replace(p, 2, "~");
    segments.push_back(segment);
    begin = end + 1;
  }
  return segments;
}

/// Removes the ignored values; an ignored value is not compared but must be there, so
/// returns the first ignored path without a wildcard that `value` lacks (nullopt if none).
std::optional<std::string> RemoveIgnored(Json& value, const std::vector<std::string>& ignore_paths) {
  std::optional<std::string> missing;
  for (const std::string& path : ignore_paths) {
    const bool found = RemovePath(value, PointerSegments(path), 0);
    if (!found && !missing && path.find('*') == std::string::npos) missing = path;
  }
  return missing;
}

std::string MissingIgnored(const std::string& path) {
  return fmt::format("at {}: missing (its value is not compared, but it must be there)", path);
}

std::optional<std::string> FirstDifference(const Json& want, const Json& got, const std::string& path,
                                           std::optional<double> tolerance);

std::string Where(const std::string& path) { return path.empty() ? "/" : path; }

std::optional<std::string> ObjectDifference(const Json& want, const Json& got, const std::string& path,
                                            std::optional<double> tolerance) {
  for (const auto& [key, child] : want.items()) {
    if (!got.contains(key)) return fmt::format("at {}/{}: missing (expected {})", path, key, Quote(child.dump()));
    if (auto d = FirstDifference(child, got.at(key), path + "/" + key, tolerance)) return d;
  }
  for (const auto& [key, child] : got.items()) {
    if (!want.contains(key)) return fmt::format("at {}/{}: unexpected key (got {})", path, key, Quote(child.dump()));
  }
  return std::nullopt;
}

std::optional<std::string> ArrayDifference(const Json& want, const Json& got, const std::string& path,
                                           std::optional<double> tolerance) {
  if (want.size() != got.size()) return fmt::format("at {}: expected {} elements got {}", Where(path), want.size(), got.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (auto d = FirstDifference(want[i], got[i], path + "/" + std::to_string(i), tolerance)) return d;
  }
  return std::nullopt;
}

/// Structural equality; numbers compare by value (within tolerance when given). Returns
/// the first difference as "at PATH: expected X got Y".
std::optional<std::string> FirstDifference(const Json& want, const Json& got, const std::string& path,
                                           std::optional<double> tolerance) {
  if (want.type() == got.type() && want.is_object()) return ObjectDifference(want, got, path, tolerance);
  if (want.type() == got.type() && want.is_array()) return ArrayDifference(want, got, path, tolerance);
  bool equal = want == got;  // integers against integers: exactly, whatever their size
  const bool integers = want.is_number_integer() && got.is_number_integer();
  if (want.is_number() && got.is_number() && (tolerance || !integers)) {
    const double a = want.get<double>(), b = got.get<double>();
    equal = tolerance ? std::fabs(a - b) <= *tolerance : a == b;
  }
  if (equal) return std::nullopt;
  return fmt::format("at {}: expected {} got {}", Where(path), Quote(want.dump()), Quote(got.dump()));
}

Comparison CompareUnordered(const Expectation& expected, Json want, Json got) {
  if (!want.is_array() || !got.is_array()) return {false, "unordered comparison needs two JSON arrays"};
  if (want.size() != got.size()) return {false, fmt::format("expected {} elements got {}", want.size(), got.size())};
  std::vector<bool> used(got.size(), false);
  for (const Json& element : want) {
    bool found = false;
    for (std::size_t i = 0; i < got.size() && !found; ++i) {
      if (!used[i] && !FirstDifference(element, got[i], "", expected.tolerance)) found = used[i] = true;
    }
    if (!found) return {false, fmt::format("no element matches expected {}", Quote(element.dump()))};
  }
  return {true, ""};
}

Comparison CompareLinesUnordered(std::string_view expected, std::string_view actual) {
  const auto collect = [](std::string_view text) {
    std::vector<std::string> lines;
    for (std::string_view line : SplitLines(text)) {
      if (!TrimRight(line).empty()) lines.emplace_back(TrimRight(line));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  const auto want = collect(expected), got = collect(actual);
  if (want == got) return {true, ""};
  std::vector<std::string> missing, extra;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
  return {false, fmt::format("{} line(s) missing{}{}; {} unexpected{}{}", missing.size(), missing.empty() ? "" : ", first ",
                             missing.empty() ? "" : Quote(missing[0]), extra.size(), extra.empty() ? "" : ", first ",
                             extra.empty() ? "" : Quote(extra[0]))};
}

Comparison CompareJsonLines(const Expectation& expected, std::string_view actual) {
  std::vector<Json> got;
  for (std::string_view line : SplitLines(actual)) {
    if (TrimRight(line).empty()) continue;
    Json value;
    std::string error;
    if (!ParseJson(line, value, error)) return {false, fmt::format("line {}: {}", got.size() + 1, error)};
    got.push_back(std::move(value));
  }
  const Json& want = expected.value;
  if (!want.is_array()) return {false, "jsonl expectation must be a list of values"};
  if (want.size() != got.size()) return {false, fmt::format("expected {} JSON lines got {}", want.size(), got.size())};
  for (std::size_t i = 0; i < got.size(); ++i) {
    Json w = want[i], g = got[i];
    RemoveIgnored(w, expected.ignore_paths);
    if (const auto missing = RemoveIgnored(g, expected.ignore_paths)) {
      return {false, fmt::format("line {}: {}", i + 1, MissingIgnored(*missing))};
    }
    if (auto d = FirstDifference(w, g, "", expected.tolerance)) return {false, fmt::format("line {}: {}", i + 1, *d)};
  }
  return {true, ""};
}

}  // namespace

std::optional<CompareMode> ParseCompareMode(std::string_view name) {
  for (const auto& [mode, mode_name] : kModes) {
    if (name == mode_name) return mode;
  }
  return std::nullopt;
}

const char* CompareModeName(CompareMode mode) {
  for (const auto& [candidate, name] : kModes) {
    if (candidate == mode) return name;
  }
  return "?";
}

Comparison CompareJson(const Expectation& expected, const Json& actual) {
  Json want = expected.value, got = actual;
  RemoveIgnored(want, expected.ignore_paths);
  if (const auto missing = RemoveIgnored(got, expected.ignore_paths)) return {false, MissingIgnored(*missing)};
  if (expected.mode == CompareMode::kUnordered) return CompareUnordered(expected, want, got);
  const std::optional<double> tolerance =
      expected.mode == CompareMode::kNumeric ? std::optional(expected.tolerance.value_or(1e-6)) : expected.tolerance;
  if (auto difference = FirstDifference(want, got, "", tolerance)) return {false, *difference};
  return {true, ""};
}

Comparison Compare(const Expectation& expected, std::string_view actual) {
  switch (expected.mode) {
    case CompareMode::kExact:
      return actual == expected.text ? Comparison{true, ""} : TextDiff(expected.text, actual);
    case CompareMode::kTrimmed: {
      const std::string want = TrimmedText(expected.text), got = TrimmedText(actual);
      return want == got ? Comparison{true, ""} : TextDiff(want, got);
    }
    case CompareMode::kUnorderedLines:
      return CompareLinesUnordered(expected.text, actual);
    case CompareMode::kRegex: {
      const RE2 pattern(expected.text, RE2::Quiet);
      if (!pattern.ok()) return {false, "bad regular expression: " + pattern.error()};
      if (RE2::PartialMatch(re2::StringPiece(actual.data(), actual.size()), pattern)) return {true, ""};
      return {false, fmt::format("no match for /{}/ in {}", expected.text, Quote(actual))};
    }
    case CompareMode::kContains:
      if (actual.find(expected.text) != std::string_view::npos) return {true, ""};
      return {false, fmt::format("{} not found in {}", Quote(expected.text), Quote(actual))};
    case CompareMode::kJsonLines:
      return CompareJsonLines(expected, actual);
    case CompareMode::kJson:
    case CompareMode::kUnordered:
    case CompareMode::kNumeric: {
      Json parsed;
      std::string error;
      if (!ParseJson(actual, parsed, error)) return {false, error};
      return CompareJson(expected, parsed);
    }
  }
  return {false, "unknown comparison mode"};
}

}  // namespace scbench::harness
