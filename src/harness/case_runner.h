#pragma once
/// Running test cases against a submission: CLI cases one process each, HTTP cases as a
/// group against one server.

#include <filesystem>
#include <string>
#include <vector>

#include "harness/problem.h"
#include "harness/sandbox.h"

namespace scbench::harness {

struct CaseResult {
  std::string id;
  std::string group;       // core, functionality, error, or regression
  std::string checkpoint;  // where the case is defined
  bool passed = false;
  double seconds = 0;
  std::string failure;     // short reason or diff; empty when passed
};

/// How to run the submission: its files, the command that starts it, and the sandbox.
struct Submission {
  std::filesystem::path snapshot;              // absolute
  std::vector<std::string> entry_command;      // e.g. {"/usr/bin/python3", "<snapshot>/main.py"}
  std::vector<std::filesystem::path> assets;   // copied into each scratch directory
  bool bubblewrap = false;
  ProcessLimits limits;
};

/// A fresh working area for one case or group: `scratch` (the child's) and `io` (ours).
struct CaseArea {
  std::filesystem::path scratch;
  std::filesystem::path io;
};

CaseResult RunCliCase(const TestCase& test, const Submission& submission, const CaseArea& area,
                      std::optional<uid_t> run_as);

/// Runs every case of one HTTP group, in order, against one server. When the server never
/// starts listening every case fails with that reason and `infrastructure` is set.
std::vector<CaseResult> RunHttpGroup(const std::vector<const TestCase*>& cases, const Submission& submission,
                                     const CaseArea& area, std::optional<uid_t> run_as, double timeout_seconds,
                                     bool& infrastructure);

}  // namespace scbench::harness
