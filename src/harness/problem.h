#pragma once
/// The problem model (docs/problems.md): a manifest, ordered checkpoints, and per
/// checkpoint a spec, test cases in groups, and a reference solution.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/expectation.h"

namespace scbench::harness {

enum class EntryKind { kCli, kHttp };

struct HttpStep {
  bool restart = false;  // a `restart: true` step: stop the server and start it again
  std::string method = "GET";
  std::string path = "/";
  std::map<std::string, std::string> headers;
  std::optional<std::string> body;  // raw body, or the serialised `json:`
  std::optional<int> expect_status;
  std::map<std::string, Expectation> expect_headers;  // header names compared case-insensitively
  std::optional<Expectation> expect_body;              // `json:` (default mode json) or `body:`
};

struct TestCase {
  std::string id;
  std::string group;  // core, functionality, error (regression is assigned at evaluation)
  std::string description;
  std::string origin;  // "problems/x/checkpoint_1/cases/core.yaml:12"
  // CLI cases
  std::vector<std::string> args;
  std::optional<std::string> stdin_text;
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> env;
  std::optional<int> expect_exit_code;
  bool expect_nonzero_exit = false;
  std::optional<Expectation> expect_stdout;
  std::optional<Expectation> expect_stderr;
  std::map<std::string, Expectation> expect_files;
  // HTTP cases
  std::vector<HttpStep> steps;
};

struct Checkpoint {
  std::string name;  // checkpoint_1
  std::filesystem::path directory;
  std::filesystem::path spec;
  std::filesystem::path solution;
  bool regression = true;
  std::vector<TestCase> cases;  // core, functionality, error, each in file order
};

struct Problem {
  std::string name;
  std::string description;
  std::string difficulty;
  std::vector<std::string> tags;
  EntryKind entry_kind = EntryKind::kCli;
  std::string entry_file;
  double timeout_seconds = 10;
  std::vector<std::filesystem::path> static_assets;  // absolute
  std::filesystem::path directory;
  std::vector<Checkpoint> checkpoints;
};

inline constexpr const char* kCaseGroups[] = {"core", "functionality", "error"};

/// Loads and validates a problem directory. Errors name the file, the line where the YAML
/// parser knows it, and the field; a missing spec or solution, a checkpoint without cases,
/// a duplicate case id and an unknown comparison mode are errors.
std::optional<Problem> LoadProblem(const std::filesystem::path& directory, std::string& error);

/// Every problem directory (one holding problem.yaml) under `root`, sorted by name.
std::vector<std::filesystem::path> FindProblems(const std::filesystem::path& root);

/// The spec as the agent sees it: placeholders replaced.
std::string RenderSpec(const Problem& problem, const Checkpoint& checkpoint, const std::string& entry_command);

}  // namespace scbench::harness
