#pragma once
/// One checkpoint's agent session: the agent's environment and home files, its program
/// started in its box, limits watched while it runs (usage parsed as it streams, so a
/// killed agent keeps what it spent), and how it ended. The replay agent's session copies
/// a recorded workspace instead.

#include <filesystem>
#include <optional>
#include <string>

#include "harness/problem.h"
#include "run/agent_box.h"
#include "run/agent_output.h"
#include "run/run_context.h"

namespace scbench::run {

enum class AgentStatus {
  kOk,
  kFailed,      // the agent exited with an error of its own
  kTimeout,     // stopped at the wall-clock limit
  kLimitSteps,  // stopped at --max-steps, or at the agent's own turn limit
  kLimitCost,   // stopped at --max-cost
  kApiError,    // the model's API kept failing after the agent's retries (429, 5xx, broken stream)
  kError,       // could not be started (or the replay found nothing to replay)
};

/// "ok", "failed", "timeout", "limit_steps", "limit_cost", "api_error", "error".
const char* StatusName(AgentStatus status);

struct AgentOutcome {
  AgentStatus status = AgentStatus::kOk;
  std::string message;
  std::optional<int> exit_code;  // nullopt when killed by a signal or never started
  double seconds = 0;
  AgentReport report;
};

/// Runs the agent on the checkpoint's prompt (checkpoint_dir/prompt.md), its output in
/// checkpoint_dir/agent/.
AgentOutcome RunAgentSession(const RunContext& context, const harness::Problem& problem, std::size_t checkpoint,
                             const AgentBox& box, const std::filesystem::path& checkpoint_dir);

/// The replay agent: the recorded workspace of this checkpoint replaces the workspace.
AgentOutcome ReplayCheckpoint(const RunContext& context, const harness::Problem& problem, std::size_t checkpoint,
                              const std::filesystem::path& workspace);

}  // namespace scbench::run
