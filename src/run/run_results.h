#pragma once
/// The run's results: checkpoint_results.jsonl (one flat row per completed checkpoint),
/// summary.json and summary.txt, rebuilt from the checkpoint records whenever one completes.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/problem.h"

namespace scbench::run {

/// Records of every completed checkpoint, by problem then checkpoint order.
std::vector<nlohmann::ordered_json> CollectRecords(const std::filesystem::path& run_dir,
                                                   const std::vector<harness::Problem>& problems);

nlohmann::ordered_json SummarizeRun(const std::vector<nlohmann::ordered_json>& records,
                                    const std::vector<harness::Problem>& problems);

std::string SummaryText(const nlohmann::ordered_json& summary);

/// Writes the three result files atomically.
bool WriteRunResults(const std::filesystem::path& run_dir, const std::vector<harness::Problem>& problems,
                     std::string& error);

}  // namespace scbench::run
