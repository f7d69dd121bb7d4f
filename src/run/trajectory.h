#pragma once
/// One problem's trajectory: for each checkpoint in order, prompt the agent, run it in the
/// workspace, snapshot, diff, evaluate, measure, and write the checkpoint's record. A
/// checkpoint is complete once its record.json exists; resuming redoes the first
/// incomplete checkpoint from the last complete snapshot.

#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/problem.h"
#include "run/run_context.h"

namespace scbench::run {

/// The directory of one checkpoint's outputs.
std::filesystem::path CheckpointDirectory(const std::filesystem::path& run_dir, const std::string& problem,
                                          const std::string& checkpoint);

/// Runs or resumes the trajectory; `on_record` is called after each completed checkpoint.
/// Returns false with `error` only for failures of scbench itself (disk full, ...).
bool RunTrajectory(const RunContext& context, const harness::Problem& problem,
                   const std::function<void()>& on_record, std::string& error);

}  // namespace scbench::run
