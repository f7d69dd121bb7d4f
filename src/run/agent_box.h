#pragma once
/// Where an agent works on one problem, and the sandbox around it. The box is a directory
/// of scbench's own, `$TMPDIR/scbench-agent-<owner>-XXXXXX`, holding the workspace, the
/// agent's home and the prompt: reachable by the sandbox user wherever the run directory
/// lies (a run under /root included), named after its owner so that the next scbench
/// removes it after kill -9, and removed when the problem is done (snapshots in the run
/// directory keep the work). The workspace and home are size-limited file systems owned by
/// an identity of the agent's own (when scbench is root); each checkpoint starts with an
/// empty home, so nothing of an earlier session carries over but the workspace. Inside
/// the sandbox the agent sees the system directories, its own program, its box and the
/// network it needs for its model; nothing of the problems (cases, reference solutions),
/// the run directory (earlier evaluations) or the host's other files.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "harness/isolation.h"
#include "harness/sandbox.h"

namespace scbench::run {

/// The limits and storage an agent gets (per checkpoint).
struct AgentAllowance {
  double seconds = 3600;
  std::uint64_t memory_bytes = 8ull << 30;
  std::uint64_t workspace_bytes = 4ull << 30;
  std::uint64_t home_bytes = 2ull << 30;
  std::uint64_t tmp_bytes = 1ull << 30;
  int processes = 4096;
  std::uint64_t file_bytes = 1ull << 30;
};

class AgentBox {
 public:
  /// Makes a box (mounting the quotas when possible). `hidden` are paths that must stay
  /// out of sight even if something bound would show them.
  static std::optional<AgentBox> Open(bool sandbox_requested, const AgentAllowance& allowance,
                                      std::vector<std::filesystem::path> hidden, std::string& error);
  AgentBox(AgentBox&& other) noexcept;
  AgentBox& operator=(AgentBox&&) = delete;
  /// Unmounts the quotas and removes the box.
  ~AgentBox();

  const std::filesystem::path& workspace() const { return workspace_; }
  const std::filesystem::path& home() const { return home_; }
  /// Where the checkpoint's prompt is for the agent (PreparePrompt writes it).
  std::filesystem::path prompt_file() const { return root_ / "prompt.md"; }

  /// Empties the home, gives the workspace's files to the agent's identity and puts the
  /// prompt in the box: called before every checkpoint.
  bool PrepareCheckpoint(const std::string& prompt, std::string& error);

  /// Writes a file of the agent's configuration into its home (after PrepareCheckpoint).
  bool WriteHomeFile(const std::string& relative, const std::string& content, std::string& error) const;

  /// The sandbox for running `program` (bound read-only, see ResolveAgentProgram).
  harness::Sandbox SandboxFor(const struct AgentProgram& program) const;
  harness::ProcessLimits Limits() const;
  harness::IsolationRecord Isolation() const;
  /// TMPDIR for the agent: its private /tmp inside bubblewrap, else a folder of its home.
  std::string TempDirectory() const;

 private:
  AgentBox(std::filesystem::path root, bool sandbox_requested, AgentAllowance allowance,
           std::vector<std::filesystem::path> hidden);

  std::filesystem::path root_;
  std::filesystem::path workspace_;
  std::filesystem::path home_;
  bool sandbox_requested_ = true;
  bool bubblewrap_ = false;
  AgentAllowance allowance_;
  std::vector<std::filesystem::path> hidden_;
  std::unique_ptr<harness::IdentityLease> lease_;
  bool quota_ = false;
};

/// The first line `agent.version_command` prints, run like the agent itself (in its
/// sandbox, without network); nullopt with `error` when it cannot run.
std::optional<std::string> ProbeAgentVersion(const struct AgentSpec& agent, bool sandbox_requested, std::string& error);

/// The isolation agents get on this machine (for run.json, before any box is open).
harness::IsolationRecord DescribeAgentIsolation(bool sandbox_requested, const AgentAllowance& allowance);

/// An agent's program as the sandbox must show it: `program` found on `path_variable`
/// (or as given when it has a slash), as an absolute path, and what to bind read-only for
/// it to run: the whole node_modules tree it lives in (npm packages need their
/// dependencies), else its folder, plus the interpreter its `#!/usr/bin/env X` line names
/// when that exists only outside the system directories. nullopt when not found.
struct AgentProgram {
  std::filesystem::path path;
  std::vector<std::filesystem::path> binds;
};
std::optional<AgentProgram> ResolveAgentProgram(const std::string& program, const std::string& path_variable);

}  // namespace scbench::run
