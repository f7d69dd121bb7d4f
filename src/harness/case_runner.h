#pragma once
/// Running test cases against a submission: CLI cases one process each, HTTP cases as a
/// group against one server.

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "harness/problem.h"
#include "harness/sandbox.h"
#include "harness/work_area.h"

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
  /// HTTP servers get a network namespace of their own that scbench visits (root only);
  /// otherwise they share the host's.
  bool private_server_network = false;
  std::vector<std::filesystem::path> hidden;   // never visible inside (problems, runs)
  ProcessLimits limits;
};

/// Requests that got no answer in a row, across every server of one evaluation: a server
/// that never answers ends the evaluation after a few timeouts instead of costing the full
/// timeout on every remaining case.
struct UnansweredRequests {
  static constexpr int kGiveUpAfter = 3;
  std::atomic<int> in_a_row{0};
  bool GaveUp() const { return in_a_row.load() >= kGiveUpAfter; }
};

CaseResult RunCliCase(const TestCase& test, const Submission& submission, const CaseArea& area,
                      const std::optional<SandboxIdentity>& identity);

/// Runs every case of one HTTP group, in order, against one server. When the server never
/// starts listening, or stops answering, the remaining cases fail with that reason and
/// `infrastructure` is set.
std::vector<CaseResult> RunHttpGroup(const std::vector<const TestCase*>& cases, const Submission& submission,
                                     const CaseArea& area, const std::optional<SandboxIdentity>& identity,
                                     double timeout_seconds, UnansweredRequests& unanswered, bool& infrastructure);

}  // namespace scbench::harness
