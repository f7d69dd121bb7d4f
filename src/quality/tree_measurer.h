#pragma once
/// `scbench measure` as a library call: discover, parse and measure every file in parallel,
/// then summarise.

#include <cstdint>
#include <filesystem>
#include <string>

#include "quality/file_discovery.h"
#include "quality/measurement.h"

namespace scbench::quality {

class RuleSet;

struct MeasureOptions {
  DiscoveryOptions discovery;
  /// Slop rules to match; nullptr measures without rules.
  const RuleSet* rules = nullptr;
  unsigned jobs = 0;  // 0 = every core
  std::uintmax_t max_file_bytes = 64u << 20;
};

/// Measures the tree at `root`. Returns false (with `error`) only when the root itself
/// is unusable; problems with single files become diagnostics and the run goes on.
bool MeasureTree(const std::filesystem::path& root, const MeasureOptions& options, TreeMeasurement& out,
                 std::string& error);

/// Measures the files `discovery` listed under `root` (MeasureTree after its discovery),
/// for callers that do other work while the files are listed.
void MeasureSources(const std::filesystem::path& root, Discovery discovery, const MeasureOptions& options,
                    TreeMeasurement& out);

}  // namespace scbench::quality
