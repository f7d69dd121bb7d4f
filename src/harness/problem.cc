#include "harness/problem.h"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <yaml-cpp/yaml.h>

#include "harness/contained_file.h"
#include "harness/yaml_json.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

/// A load error carrying "file:line: field 'x': what".
struct LoadError {
  std::string message;
};

[[noreturn]] void Fail(const std::string& file, const YAML::Node& node, const std::string& field, const std::string& what) {
  const YAML::Mark mark = node.Mark();
  const std::string where = mark.line >= 0 ? fmt::format("{}:{}", file, mark.line + 1) : file;
  throw LoadError{fmt::format("{}: {}{}", where, field.empty() ? "" : "field '" + field + "': ", what)};
}

/// Problem files are small; a larger one is a mistake or an attack on the loader.
constexpr std::uintmax_t kMaxYamlFileBytes = 16u << 20;

YAML::Node LoadYaml(const fs::path& path) {
  std::error_code ec;
  if (const auto size = fs::file_size(path, ec); !ec && size > kMaxYamlFileBytes) {
    throw LoadError{fmt::format("{}: {} bytes, more than the {} a problem file may have", path.string(), size, kMaxYamlFileBytes)};
  }
  try {
    return YAML::LoadFile(path.string());
  } catch (const YAML::BadFile&) {
    throw LoadError{path.string() + ": cannot read"};
  } catch (const YAML::Exception& e) {
    throw LoadError{fmt::format("{}:{}: not valid YAML: {}", path.string(), e.mark.line + 1, e.msg)};
  }
}

std::string Text(const std::string& file, const YAML::Node& node, const std::string& field) {
  if (!node || !node.IsScalar()) Fail(file, node, field, "must be a string");
  return node.as<std::string>();
}

std::map<std::string, std::string> StringMap(const std::string& file, const YAML::Node& node, const std::string& field) {
  std::map<std::string, std::string> out;
  if (!node) return out;
  if (!node.IsMap()) Fail(file, node, field, "must be a mapping");
  for (const auto& item : node) out[item.first.as<std::string>()] = Text(file, item.second, field);
  return out;
}

std::vector<std::string> StringList(const std::string& file, const YAML::Node& node, const std::string& field) {
  std::vector<std::string> out;
  if (!node) return out;
  if (!node.IsSequence()) Fail(file, node, field, "must be a list");
  for (const auto& item : node) out.push_back(Text(file, item, field));
  return out;
}

/// A file name a case reads or writes in its scratch directory: relative, no `..`.
std::string ConfinedName(const std::string& file, const YAML::Node& node, const std::string& field,
                         std::string name = "") {
  if (name.empty()) name = Text(file, node, field);
  if (const std::string problem = ConfinedNameProblem(name); !problem.empty()) {
    Fail(file, node, field, "'" + name + "': " + problem);
  }
  return name;
}

/// A JSON expectation's value: YAML data, or a string holding a JSON object or array
/// (authors often paste the expected output verbatim).
/// YamlToJson with the file, line and field named when the value is too large.
nlohmann::json JsonValue(const std::string& file, const YAML::Node& value, const std::string& field) {
  try {
    return YamlToJson(value);
  } catch (const YamlTooLarge& e) {
    Fail(file, value, field, e.what());
  }
}

nlohmann::json JsonExpectationValue(const std::string& file, const YAML::Node& value, const std::string& field) {
  nlohmann::json data = JsonValue(file, value, field);
  if (!data.is_string()) return data;
  const std::string& text = data.get_ref<const std::string&>();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (text[first] != '[' && text[first] != '{')) return data;
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) Fail(file, value, field + ".value", "looks like JSON text but does not parse");
  return parsed;
}

/// `"text"` (exact) or `{mode, value, tolerance, ignore_paths}`; `json_default` makes a bare
/// value a JSON expectation (HTTP `json:`).
Expectation ReadExpectation(const std::string& file, const YAML::Node& node, const std::string& field, bool json_default) {
  Expectation e;
  const bool explicit_mode = node.IsMap() && node["mode"] && node["value"];
  if (!explicit_mode) {
    if (json_default) {
      e.mode = CompareMode::kJson;
      e.value = JsonValue(file, node, field);
    } else {
      e.text = Text(file, node, field);
    }
    return e;
  }
  const std::string mode = Text(file, node["mode"], field + ".mode");
  const auto parsed = ParseCompareMode(mode);
  if (!parsed) Fail(file, node["mode"], field + ".mode", "unknown comparison mode '" + mode + "'");
  e.mode = *parsed;
  const YAML::Node value = node["value"];
  const bool json_like = e.mode == CompareMode::kJson || e.mode == CompareMode::kJsonLines ||
                         e.mode == CompareMode::kUnordered || e.mode == CompareMode::kNumeric;
  if (json_like) {
    e.value = JsonExpectationValue(file, value, field);
    if (e.mode == CompareMode::kJsonLines && !e.value.is_array()) Fail(file, value, field + ".value", "jsonl needs a list");
  } else {
    e.text = Text(file, value, field + ".value");
  }
  if (node["tolerance"]) e.tolerance = node["tolerance"].as<double>();
  e.ignore_paths = StringList(file, node["ignore_paths"], field + ".ignore_paths");
  return e;
}

void ReadCliExpect(const std::string& file, const YAML::Node& expect, TestCase& c) {
  if (!expect) return;
  if (!expect.IsMap()) Fail(file, expect, "expect", "must be a mapping");
  if (const YAML::Node code = expect["exit_code"]) {
    if (code.as<std::string>() == "nonzero") {
      c.expect_nonzero_exit = true;
    } else {
      try {
        c.expect_exit_code = code.as<int>();
      } catch (const YAML::Exception&) {
        Fail(file, code, "expect.exit_code", "must be an integer or 'nonzero'");
      }
    }
  }
  if (expect["stdout"]) c.expect_stdout = ReadExpectation(file, expect["stdout"], "expect.stdout", false);
  if (expect["stderr"]) c.expect_stderr = ReadExpectation(file, expect["stderr"], "expect.stderr", false);
  if (const YAML::Node files = expect["files"]) {
    if (!files.IsMap()) Fail(file, files, "expect.files", "must be a mapping");
    for (const auto& item : files) {
      const std::string name = ConfinedName(file, item.first, "expect.files");
      c.expect_files[name] = ReadExpectation(file, item.second, "expect.files", false);
    }
  }
}

HttpStep ReadStep(const std::string& file, const YAML::Node& node) {
  HttpStep step;
  if (!node.IsMap()) Fail(file, node, "steps", "each step is a mapping");
  if (node["restart"]) {
    step.restart = node["restart"].as<bool>();
    return step;
  }
  const YAML::Node request = node["request"];
  if (!request || !request.IsMap()) Fail(file, node, "request", "missing (or use `restart: true`)");
  step.method = request["method"] ? Text(file, request["method"], "request.method") : "GET";
  step.path = Text(file, request["path"], "request.path");
  step.headers = StringMap(file, request["headers"], "request.headers");
  if (request["json"]) {
    step.body = JsonValue(file, request["json"], "request.json").dump();
    if (!step.headers.contains("Content-Type")) step.headers["Content-Type"] = "application/json";
  } else if (request["body"]) {
    step.body = Text(file, request["body"], "request.body");
  }
  const YAML::Node expect = node["expect"];
  if (!expect) return step;
  if (expect["status"]) step.expect_status = expect["status"].as<int>();
  if (const YAML::Node headers = expect["headers"]) {
    for (const auto& item : headers) {
      step.expect_headers[item.first.as<std::string>()] = ReadExpectation(file, item.second, "expect.headers", false);
    }
  }
  if (expect["json"]) step.expect_body = ReadExpectation(file, expect["json"], "expect.json", true);
  if (expect["body"]) step.expect_body = ReadExpectation(file, expect["body"], "expect.body", false);
  return step;
}

TestCase ReadCase(const std::string& file, const YAML::Node& node, const std::string& group, EntryKind kind) {
  if (!node.IsMap()) Fail(file, node, "", "each case is a mapping");
  TestCase c;
  c.group = group;
  c.id = Text(file, node["id"], "id");
  c.origin = fmt::format("{}:{}", file, node.Mark().line + 1);
  if (node["description"]) c.description = Text(file, node["description"], "description");
  if (kind == EntryKind::kHttp) {
    if (!node["steps"] || !node["steps"].IsSequence()) Fail(file, node, "steps", "an HTTP case needs a list of steps");
    for (const auto& step : node["steps"]) c.steps.push_back(ReadStep(file, step));
    return c;
  }
  c.args = StringList(file, node["args"], "args");
  if (node["stdin"]) c.stdin_text = Text(file, node["stdin"], "stdin");
  c.files = StringMap(file, node["files"], "files");
  for (const auto& [name, content] : c.files) ConfinedName(file, node["files"], "files", name);
  c.env = StringMap(file, node["env"], "env");
  ReadCliExpect(file, node["expect"], c);
  return c;
}

void ReadCases(const fs::path& directory, EntryKind kind, Checkpoint& checkpoint) {
  std::set<std::string> ids;
  for (const char* group : kCaseGroups) {
    const fs::path path = directory / "cases" / (std::string(group) + ".yaml");
    if (!fs::exists(path)) continue;
    const std::string file = path.string();
    const YAML::Node cases = LoadYaml(path);
    if (!cases.IsSequence()) Fail(file, cases, "", "a case file is a list of cases");
    for (const auto& node : cases) {
      TestCase c = ReadCase(file, node, group, kind);
      if (!ids.insert(c.id).second) Fail(file, node, "id", "duplicate case id '" + c.id + "' in " + checkpoint.name);
      checkpoint.cases.push_back(std::move(c));
    }
  }
  if (checkpoint.cases.empty()) throw LoadError{directory.string() + ": checkpoint has no cases (cases/core.yaml, ...)"};
}

Checkpoint ReadCheckpoint(const Problem& problem, const std::string& name) {
  Checkpoint checkpoint;
  checkpoint.name = name;
  checkpoint.directory = problem.directory / name;
  checkpoint.spec = checkpoint.directory / "spec.md";
  checkpoint.solution = checkpoint.directory / "solution";
  if (!fs::is_directory(checkpoint.directory)) throw LoadError{checkpoint.directory.string() + ": missing checkpoint directory"};
  if (!fs::is_regular_file(checkpoint.spec)) throw LoadError{checkpoint.spec.string() + ": missing spec"};
  if (!fs::is_regular_file(checkpoint.solution / problem.entry_file)) {
    throw LoadError{(checkpoint.solution / problem.entry_file).string() + ": missing reference solution entry file"};
  }
  const fs::path settings = checkpoint.directory / "checkpoint.yaml";
  if (fs::exists(settings)) {
    const YAML::Node node = LoadYaml(settings);
    if (node["regression"]) checkpoint.regression = node["regression"].as<bool>();
  }
  ReadCases(checkpoint.directory, problem.entry_kind, checkpoint);
  return checkpoint;
}

Problem ReadManifest(const fs::path& directory) {
  const fs::path path = directory / "problem.yaml";
  const std::string file = path.string();
  const YAML::Node node = LoadYaml(path);
  if (!node.IsMap()) Fail(file, node, "", "the manifest is a mapping");
  Problem problem;
  problem.directory = directory;
  problem.name = Text(file, node["name"], "name");
  if (problem.name != directory.filename().string()) {
    Fail(file, node["name"], "name", "'" + problem.name + "' differs from the directory name");
  }
  problem.description = Text(file, node["description"], "description");
  problem.difficulty = node["difficulty"] ? Text(file, node["difficulty"], "difficulty") : "medium";
  problem.tags = StringList(file, node["tags"], "tags");
  const YAML::Node entry = node["entry"];
  if (!entry || !entry.IsMap()) Fail(file, node, "entry", "missing (kind and file)");
  const std::string kind = Text(file, entry["kind"], "entry.kind");
  if (kind != "cli" && kind != "http") Fail(file, entry["kind"], "entry.kind", "must be cli or http");
  problem.entry_kind = kind == "http" ? EntryKind::kHttp : EntryKind::kCli;
  problem.entry_file = Text(file, entry["file"], "entry.file");
  if (node["timeout_seconds"]) problem.timeout_seconds = node["timeout_seconds"].as<double>();
  for (const std::string& asset : StringList(file, node["static_assets"], "static_assets")) {
    problem.static_assets.push_back(directory / asset);
  }
  for (const std::string& name : StringList(file, node["checkpoints"], "checkpoints")) {
    problem.checkpoints.push_back(ReadCheckpoint(problem, name));
  }
  if (problem.checkpoints.empty()) Fail(file, node, "checkpoints", "a problem needs at least one checkpoint");
  return problem;
}

}  // namespace

std::optional<Problem> LoadProblem(const fs::path& directory, std::string& error) {
  try {
    return ReadManifest(directory);
  } catch (const LoadError& e) {
    error = e.message;
  } catch (const YAML::Exception& e) {
    error = fmt::format("{}: line {}: {}", directory.string(), e.mark.line + 1, e.msg);
  } catch (const std::exception& e) {
    // Anything else a malformed file provokes stays this problem's error.
    error = fmt::format("{}: {}", directory.string(), e.what());
  }
  return std::nullopt;
}

std::vector<fs::path> FindProblems(const fs::path& root) {
  std::vector<fs::path> problems;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "problem.yaml")) problems.push_back(entry.path());
  }
  std::sort(problems.begin(), problems.end());
  return problems;
}

std::string RenderSpec(const Problem& problem, const Checkpoint& checkpoint, const std::string& entry_command) {
  std::ifstream stream(checkpoint.spec);
  std::stringstream text;
  text << stream.rdbuf();
  std::string spec = text.str();
  const auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = spec.find(from); at != std::string::npos; at = spec.find(from, at + to.size())) {
      spec.replace(at, from.size(), to);
    }
  };
  replace_all("{{entry_command}}", entry_command);
  replace_all("{{entry_file}}", problem.entry_file);
  return spec;
}

}  // namespace scbench::harness
