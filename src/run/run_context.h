#pragma once
/// Everything a run needs, resolved before it starts and shared read-only between the
/// problems running in parallel.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "harness/evaluation.h"
#include "quality/rules/rule_set.h"
#include "run/agent.h"
#include "run/agent_box.h"
#include "run/run_config.h"
#include "run/usage.h"

namespace scbench::run {

struct RunContext {
  std::filesystem::path run_dir;
  RunConfig config;
  AgentSpec agent;
  std::string prompt_template;
  ModelCatalog catalog;
  const quality::RuleSet* rules = nullptr;
  harness::EvaluationOptions evaluation;
  bool sandbox_agents = true;
  AgentAllowance agent_allowance;
  /// Variables given with --agent-env (their values are never written into the run).
  std::map<std::string, std::string> agent_env;
  /// Never visible to agents, even if something bound would show them.
  std::vector<std::filesystem::path> hidden;
};

/// The agent's own cost figure when it reports one, else its tokens priced from the
/// catalog; nullopt when neither knows (never a made-up 0).
std::optional<double> CostOf(const RunContext& context, const Usage& usage);

}  // namespace scbench::run
