#include "run/agent_box.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "harness/mount_space.h"
#include "harness/work_area.h"
#include "run/agent.h"
#include "harness/resource_group.h"

namespace scbench::run {
namespace fs = std::filesystem;
namespace {

/// Visible in every sandbox: programs here need no binding of their own.
constexpr const char* kSystemDirectories[] = {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"};

bool InSystem(const fs::path& path) {
  return std::any_of(std::begin(kSystemDirectories), std::end(kSystemDirectories), [&](const char* root) {
    const fs::path system(root);
    return std::mismatch(system.begin(), system.end(), path.begin(), path.end()).first == system.end();
  });
}

std::optional<fs::path> FindProgram(const std::string& program, const std::string& path_variable) {
  if (program.find('/') != std::string::npos) {
    if (access(program.c_str(), X_OK) == 0) return fs::absolute(program);
    return std::nullopt;
  }
  std::stringstream directories(path_variable);
  for (std::string directory; std::getline(directories, directory, ':');) {
    if (directory.empty()) continue;
    const fs::path candidate = fs::path(directory) / program;
    if (access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return fs::absolute(candidate);
  }
  return std::nullopt;
}

/// The entries of a PATH that lie in the system directories.
std::string SystemPath(const std::string& path_variable) {
  std::stringstream directories(path_variable);
  std::string system;
  for (std::string directory; std::getline(directories, directory, ':');) {
    if (!directory.empty() && InSystem(directory)) system += (system.empty() ? "" : ":") + directory;
  }
  return system.empty() ? "/usr/bin:/bin" : system;
}

/// The outermost node_modules folder on the way to `path`, if any.
std::optional<fs::path> NodeModulesRoot(const fs::path& path) {
  fs::path prefix;
  for (const fs::path& part : path) {
    prefix /= part;
    if (part == "node_modules") return prefix;
  }
  return std::nullopt;
}

/// The interpreter a script's first line names (`#!/usr/bin/env node` -> "node").
std::string Interpreter(const fs::path& script) {
  std::ifstream stream(script, std::ios::binary);
  std::string line;
  if (!std::getline(stream, line) || !line.starts_with("#!")) return "";
  std::stringstream words(line.substr(2));
  std::string first, word;
  words >> first;
  if (fs::path(first).filename() != "env") return first;
  while (words >> word) {
    if (!word.starts_with('-')) return word;
  }
  return "";
}

/// A user's home directory (~/bin/node's "prefix"), which is never bound whole.
bool IsHomeDirectory(const fs::path& path) { return path == "/root" || path.parent_path() == "/home"; }

/// What must be bound for the program at `real` (canonical) to run inside: an npm
/// package's whole node_modules tree (its dependencies); an interpreter's installation
/// prefix (node from nvm: …/bin/node -> …, whose libraries it needs); else the program's
/// folder, whose companion files a script may read. Problems and runs inside any of these
/// stay covered (Sandbox::hidden).
void AddBinds(const fs::path& real, bool interpreter, std::vector<fs::path>& binds) {
  if (InSystem(real)) return;
  if (const auto root = NodeModulesRoot(real)) {
    binds.push_back(*root);
  } else if (interpreter && real.parent_path().filename() == "bin" && !IsHomeDirectory(real.parent_path().parent_path())) {
    binds.push_back(real.parent_path().parent_path());
  } else {
    binds.push_back(real.parent_path());
  }
}

void ClearDirectory(const fs::path& directory) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec)) fs::remove_all(entry.path(), ec);
}

harness::IsolationSetup Setup(bool sandbox_requested, bool bubblewrap, bool own_identity, bool quota,
                              const AgentAllowance& allowance) {
  harness::IsolationSetup setup;
  setup.bubblewrap = bubblewrap;
  setup.own_identity = own_identity;
  setup.wanted_network = setup.network = harness::NetworkIsolation::kHost;  // it must reach its model
  setup.disk_quota = quota;
  setup.tmp_bytes = allowance.tmp_bytes;
  setup.why_no_bubblewrap = sandbox_requested ? "bubblewrap cannot run here" : "disabled by --no-sandbox";
  return setup;
}

harness::ProcessLimits LimitsFor(const AgentAllowance& allowance) {
  harness::ProcessLimits limits;
  limits.wall_seconds = allowance.seconds;
  limits.memory_bytes = allowance.memory_bytes;
  // Node.js reserves far more address space than it uses (WebAssembly): with a control
  // group the tree's real memory is limited instead.
  limits.limit_address_space = !harness::ControlGroups().available;
  limits.processes = allowance.processes;
  limits.file_bytes = allowance.file_bytes;
  limits.disk_bytes = allowance.workspace_bytes + allowance.home_bytes;
  return limits;
}

}  // namespace

std::optional<AgentProgram> ResolveAgentProgram(const std::string& program, const std::string& path_variable) {
  const auto found = FindProgram(program, path_variable);
  if (!found) return std::nullopt;
  std::error_code ec;
  AgentProgram resolved{fs::canonical(*found, ec), {}};
  if (ec) return std::nullopt;
  AddBinds(resolved.path, false, resolved.binds);
  // An interpreter the system directories already hold is found there inside the sandbox;
  // only one that exists elsewhere alone (node from nvm) is bound.
  const std::string interpreter = Interpreter(resolved.path);
  const bool absolute = interpreter.find('/') != std::string::npos;
  if (interpreter.empty() || (!absolute && FindProgram(interpreter, SystemPath(path_variable)))) return resolved;
  if (const auto runtime = FindProgram(interpreter, path_variable)) AddBinds(fs::canonical(*runtime, ec), true, resolved.binds);
  return resolved;
}

std::optional<std::string> ProbeAgentVersion(const AgentSpec& agent, bool sandbox_requested, std::string& error) {
  if (agent.version_command.empty()) return std::nullopt;
  AgentAllowance allowance;
  allowance.seconds = 120;  // some CLIs take seconds just to start
  std::optional<std::string> version;
  {
    auto box = AgentBox::Open(sandbox_requested, allowance, {}, error);
    const char* path = std::getenv("PATH");
    const auto program = box ? ResolveAgentProgram(agent.version_command.front(), path ? path : "") : std::nullopt;
    if (box && program && box->PrepareCheckpoint("", error)) {
      harness::ProcessSpec spec;
      spec.argv = agent.version_command;
      spec.argv.front() = program->path.string();
      spec.env = RenderAgentEnvironment(agent, {});
      spec.env["PATH"] = path ? path : "/usr/bin:/bin";
      spec.env["HOME"] = box->home().string();
      spec.io_directory = box->prompt_file().parent_path();
      harness::Sandbox sandbox = box->SandboxFor(*program);
      sandbox.share_network = false;
      const harness::ProcessOutcome outcome = harness::RunProcess(spec, box->Limits(), sandbox);
      std::istringstream lines(outcome.stdout_text);
      std::string line;
      while (std::getline(lines, line) && line.find_first_not_of(" \t\r") == std::string::npos) {
      }
      if (outcome.exit_code == 0 && !line.empty()) version = line.substr(0, line.find_last_not_of(" \t\r") + 1);
      if (!version) error = fmt::format("{} failed: {}", agent.version_command.front(), outcome.Describe(allowance.seconds));
    } else if (box && !program) {
      error = "cannot find '" + agent.version_command.front() + "' on PATH";
    }
  }
  return version;
}

harness::IsolationRecord DescribeAgentIsolation(bool sandbox_requested, const AgentAllowance& allowance) {
  const bool bubblewrap = sandbox_requested && harness::BubblewrapAvailable();
  const bool own_identity = harness::IdentityLease().identity().has_value();
  return harness::DescribeIsolation(
      Setup(sandbox_requested, bubblewrap, own_identity, harness::PrivateMountSpaceActive(), allowance),
      LimitsFor(allowance));
}

AgentBox::AgentBox(fs::path root, bool sandbox_requested, AgentAllowance allowance, std::vector<fs::path> hidden)
    : root_(std::move(root)),
      workspace_(root_ / "workspace"),
      home_(root_ / "home"),
      sandbox_requested_(sandbox_requested),
      bubblewrap_(sandbox_requested && harness::BubblewrapAvailable()),
      allowance_(allowance),
      hidden_(std::move(hidden)),
      lease_(std::make_unique<harness::IdentityLease>()) {}

AgentBox::AgentBox(AgentBox&& other) noexcept
    : root_(std::exchange(other.root_, fs::path())),
      workspace_(std::move(other.workspace_)),
      home_(std::move(other.home_)),
      sandbox_requested_(other.sandbox_requested_),
      bubblewrap_(other.bubblewrap_),
      allowance_(other.allowance_),
      hidden_(std::move(other.hidden_)),
      lease_(std::move(other.lease_)),
      quota_(std::exchange(other.quota_, false)) {}

std::optional<AgentBox> AgentBox::Open(bool sandbox_requested, const AgentAllowance& allowance,
                                       std::vector<fs::path> hidden, std::string& error) {
  auto root = harness::MakeOwnedDirectory(harness::kAgentBoxPrefix, error);
  if (!root) return std::nullopt;
  AgentBox box(*root, sandbox_requested, allowance, std::move(hidden));
  std::error_code ec;
  fs::create_directories(box.workspace_, ec);
  if (!ec) fs::create_directories(box.home_, ec);
  if (ec) {
    error = fmt::format("cannot create the agent's directories in {}: {}", box.root_.string(), ec.message());
    return std::nullopt;
  }
  if (!harness::PrivateMountSpaceActive()) return box;
  const auto& identity = box.lease_->identity();
  const uid_t uid = identity ? identity->uid : getuid();
  const gid_t gid = identity ? identity->gid : getgid();
  if (!harness::MountQuotaTmpfs(box.workspace_, allowance.workspace_bytes, uid, gid, error)) return std::nullopt;
  if (!harness::MountQuotaTmpfs(box.home_, allowance.home_bytes, uid, gid, error)) {
    harness::UnmountQuota(box.workspace_);
    return std::nullopt;
  }
  box.quota_ = true;
  return box;
}

AgentBox::~AgentBox() {
  if (root_.empty()) return;
  if (quota_) {
    harness::UnmountQuota(workspace_);
    harness::UnmountQuota(home_);
  }
  std::error_code ec;
  fs::remove_all(root_, ec);
}

bool AgentBox::PrepareCheckpoint(const std::string& prompt, std::string& error) {
  ClearDirectory(home_);
  std::error_code ec;
  fs::create_directories(home_ / "tmp", ec);
  if (ec) {
    error = fmt::format("cannot prepare the agent's home {}: {}", home_.string(), ec.message());
    return false;
  }
  std::ofstream(prompt_file(), std::ios::binary) << prompt;
  fs::permissions(prompt_file(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read, ec);
  harness::GiveToSandboxUser(workspace_, lease_->identity());
  harness::GiveToSandboxUser(home_, lease_->identity());
  return true;
}

bool AgentBox::WriteHomeFile(const std::string& relative, const std::string& content, std::string& error) const {
  const fs::path path = home_ / relative;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream stream(path, std::ios::binary);
  stream << content;
  if (ec || !stream.flush()) {
    error = fmt::format("cannot write the agent's {}: {}", path.string(), ec ? ec.message() : "write failed");
    return false;
  }
  stream.close();
  harness::GiveToSandboxUser(home_, lease_->identity());
  return true;
}

harness::Sandbox AgentBox::SandboxFor(const AgentProgram& program) const {
  harness::Sandbox sandbox;
  sandbox.bubblewrap = bubblewrap_;
  sandbox.scratch = workspace_;
  sandbox.writable = {home_};
  sandbox.read_only = program.binds;
  sandbox.read_only.push_back(prompt_file());
  sandbox.hidden = hidden_;
  sandbox.share_network = true;
  sandbox.tmp_bytes = allowance_.tmp_bytes;
  sandbox.identity = lease_->identity();
  sandbox.home = home_.string();
  return sandbox;
}

harness::ProcessLimits AgentBox::Limits() const { return LimitsFor(allowance_); }

harness::IsolationRecord AgentBox::Isolation() const {
  return harness::DescribeIsolation(
      Setup(sandbox_requested_, bubblewrap_, lease_->identity().has_value(), quota_, allowance_), Limits());
}

std::string AgentBox::TempDirectory() const { return bubblewrap_ ? "/tmp" : (home_ / "tmp").string(); }

}  // namespace scbench::run
