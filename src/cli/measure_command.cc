#include "cli/measure_command.h"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <memory>

#include "cli/rule_loading.h"
#include "common/atomic_file.h"
#include "common/json_dump.h"
#include "common/work_queue.h"
#include "quality/project_config.h"
#include "quality/quality_gate.h"
#include "quality/tree_measurer.h"
#include "report/measure_json.h"
#include "report/measure_sarif.h"
#include "report/measure_text.h"

namespace scbench::cli {
namespace {

struct MeasureFlags {
  std::string path;
  std::string format = "text";
  std::string output;
  std::vector<std::string> fail_on;
  std::vector<std::string> excludes;
  bool include_ignored = false;
  std::vector<std::string> rule_directories;
  bool no_builtin_rules = false;
  unsigned jobs = 0;
  int top = 10;
};

bool ParseGate(const std::vector<std::string>& texts, std::vector<quality::GateCondition>& gate) {
  for (const std::string& text : texts) {
    std::string error;
    auto condition = quality::ParseGateCondition(text, error);
    if (!condition) {
      std::cerr << "scbench measure: --fail-on " << error << "\n";
      return false;
    }
    gate.push_back(std::move(*condition));
  }
  return true;
}

/// The output, in pieces to be written one after the other.
std::vector<std::string> Render(const quality::TreeMeasurement& measurement, const quality::RuleSet& rules,
                                const MeasureFlags& flags) {
  if (flags.format == "json") return report::MeasureToJsonPieces(measurement);
  if (flags.format == "sarif") return {DumpJson(report::MeasureToSarif(measurement, rules.rules()), 2) + "\n"};
  return {report::MeasureToText(measurement, {.top_callables = flags.top})};
}

bool Emit(const std::vector<std::string>& rendered, const std::string& output) {
  if (output.empty() || output == "-") {
    for (const std::string& piece : rendered) std::cout << piece;
    return static_cast<bool>(std::cout.flush());
  }
  std::string error;
  if (!WriteFileAtomically(output, rendered, error)) {
    std::cerr << "scbench measure: " << error << "\n";
    return false;
  }
  return true;
}

/// Reads the rule packs while the files are listed: a few milliseconds each that nothing
/// else would overlap. A broken rule still stops the command before any file is read.
bool LoadRulesWhileListingFiles(const MeasureFlags& flags, const quality::DiscoveryOptions& options,
                                std::optional<quality::RuleSet>& rules, quality::Discovery& discovery) {
  std::string error;
  bool discovered = false;
  RunParallel(2, std::min(2u, WorkerCount(flags.jobs)), [&](std::size_t task, unsigned) {
    if (task == 0) {
      rules = LoadRuleSet({flags.rule_directories, !flags.no_builtin_rules}, "measure");
    } else {
      discovered = quality::DiscoverSources(flags.path, options, discovery, error);
    }
  });
  if (!rules) return false;
  if (!discovered) std::cerr << "scbench measure: " << error << "\n";
  return discovered;
}

int RunMeasure(MeasureFlags flags) {
  std::string config_error;
  const auto config = quality::LoadProjectConfig(std::filesystem::is_directory(flags.path) ? flags.path : ".", config_error);
  if (!config) {
    std::cerr << "scbench measure: " << config_error << "\n";
    return kExitUsageOrIo;
  }
  flags.excludes.insert(flags.excludes.end(), config->excludes.begin(), config->excludes.end());
  flags.fail_on.insert(flags.fail_on.begin(), config->fail_on.begin(), config->fail_on.end());
  std::vector<quality::GateCondition> gate;
  if (!ParseGate(flags.fail_on, gate)) return kExitUsageOrIo;
  quality::MeasureOptions options;
  options.discovery.include_ignored = flags.include_ignored;
  options.discovery.excludes = flags.excludes;
  options.discovery.language_overrides = config->language_overrides;
  options.jobs = flags.jobs;
  std::optional<quality::RuleSet> rules;
  quality::Discovery discovery;
  if (!LoadRulesWhileListingFiles(flags, options.discovery, rules, discovery)) return kExitUsageOrIo;
  options.rules = &*rules;
  quality::TreeMeasurement measurement;
  quality::MeasureSources(flags.path, std::move(discovery), options, measurement);
  if (!Emit(Render(measurement, *rules, flags), flags.output)) return kExitUsageOrIo;
  const auto failures = quality::EvaluateGate(measurement, gate);
  for (const auto& failure : failures) {
    std::cerr << fmt::format("scbench measure: gate failed: {} (actual {:.6g})\n", failure.condition.text,
                             failure.actual);
  }
  return failures.empty() ? kExitOk : kExitGateFailed;
}

}  // namespace

void AddMeasureCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<MeasureFlags>();
  CLI::App* command = app.add_subcommand("measure", "Measure the code quality of a file or directory");
  command->add_option("path", flags->path, "File or directory to measure")->required();
  command->add_option("--format", flags->format, "Output format")->check(CLI::IsMember({"text", "json", "sarif"}));
  command->add_option("-o,--output", flags->output, "Write the result to FILE (atomically) instead of stdout");
  command->add_option("--fail-on", flags->fail_on,
                      "Exit 1 when a threshold is crossed, e.g. 'erosion>0.5' or 'max_cc>=30' (repeatable)");
  command->add_option("--exclude", flags->excludes, "Glob (gitignore syntax) to leave out (repeatable)");
  command->add_option("--rules", flags->rule_directories, "Also load the rule packs in DIR (repeatable)");
  command->add_flag("--no-builtin-rules", flags->no_builtin_rules, "Leave out the rule packs shipped with scbench");
  command->add_flag("--include-ignored", flags->include_ignored, "Also measure files that .gitignore excludes");
  command->add_option("-j,--jobs", flags->jobs, "Worker threads (default: every core)");
  command->add_option("--top", flags->top, "Callables listed in the text summary")->check(CLI::NonNegativeNumber);
  command->callback([flags, &exit_code] { exit_code = RunMeasure(*flags); });
}

}  // namespace scbench::cli
