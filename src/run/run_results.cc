#include "run/run_results.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <map>

#include "common/atomic_file.h"
#include "common/json_dump.h"
#include "run/trajectory.h"

namespace scbench::run {
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

double Rounded(double value) { return std::round(value * 1e6) / 1e6; }

double Number(const Json& row, const char* key) { return row.contains(key) && row[key].is_number() ? row[key].get<double>() : 0.0; }

double Share(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

/// Mean change from first to last checkpoint, and the share of trajectories where it rose.
Json Trend(const std::map<std::string, std::vector<const Json*>>& by_problem, const char* key) {
  double change = 0;
  int trajectories = 0, rose = 0;
  for (const auto& [problem, rows] : by_problem) {
    if (rows.size() < 2) continue;
    const double delta = Number(*rows.back(), key) - Number(*rows.front(), key);
    change += delta;
    ++trajectories;
    rose += delta > 0;
  }
  return {{"mean_first_to_last_change", Rounded(trajectories == 0 ? 0 : change / trajectories)},
          {"trajectories", trajectories},
          {"rose_share", Rounded(Share(rose, trajectories))}};
}

Json GroupPassRates(const std::vector<Json>& records) {
  Json rates = Json::object();
  for (const char* group : {"core", "functionality", "error", "regression"}) {
    double passed = 0, total = 0;
    for (const Json& r : records) {
      passed += Number(r, (std::string(group) + "_passed").c_str());
      total += Number(r, (std::string(group) + "_total").c_str());
    }
    rates[group] = total == 0 ? Json(nullptr) : Json(Rounded(passed / total));
  }
  return rates;
}

double Mean(const std::vector<Json>& records, const char* key) {
  double sum = 0;
  for (const Json& r : records) sum += Number(r, key);
  return records.empty() ? 0 : sum / static_cast<double>(records.size());
}

/// Rows whose `key` is a number (null means unknown: an unpriced model, an agent that
/// does not report steps).
int Known(const std::vector<Json>& records, const char* key) {
  return static_cast<int>(std::count_if(records.begin(), records.end(), [&](const Json& r) { return r.contains(key) && r[key].is_number(); }));
}

/// The mean over the rows that know `key`, or null when none does: never a made-up 0.
Json KnownMean(const std::vector<Json>& records, const char* key) {
  const int known = Known(records, key);
  if (known == 0) return nullptr;
  double sum = 0;
  for (const Json& r : records) sum += Number(r, key);
  return Rounded(sum / known);
}

}  // namespace

std::vector<Json> CollectRecords(const fs::path& run_dir, const std::vector<harness::Problem>& problems) {
  std::vector<Json> records;
  for (const auto& problem : problems) {
    for (const auto& checkpoint : problem.checkpoints) {
      std::ifstream stream(CheckpointDirectory(run_dir, problem.name, checkpoint.name) / "record.json");
      if (!stream) break;
      Json record = Json::parse(stream, nullptr, false);
      if (record.is_discarded()) break;
      records.push_back(std::move(record));
    }
  }
  return records;
}

Json SummarizeRun(const std::vector<Json>& records, const std::vector<harness::Problem>& problems) {
  std::map<std::string, std::vector<const Json*>> by_problem;
  int strict = 0, isolated = 0, core = 0, planned = 0;
  for (const Json& r : records) {
    by_problem[r["problem"].get<std::string>()].push_back(&r);
    strict += r["strict"].get<bool>();
    isolated += r["isolated"].get<bool>();
    core += r["core"].get<bool>();
  }
  int solved = 0, partial = 0;
  for (const auto& problem : problems) {
    planned += static_cast<int>(problem.checkpoints.size());
    const auto& rows = by_problem[problem.name];
    const int strict_rows = static_cast<int>(std::count_if(rows.begin(), rows.end(), [](const Json* r) { return (*r)["strict"].get<bool>(); }));
    if (strict_rows == static_cast<int>(problem.checkpoints.size())) ++solved;
    else if (strict_rows > 0) ++partial;
  }
  const int n = static_cast<int>(records.size());
  return {{"checkpoints_planned", planned},
          {"checkpoints_completed", n},
          {"strict_solve_rate", Rounded(Share(strict, n))},
          {"isolated_solve_rate", Rounded(Share(isolated, n))},
          {"core_solve_rate", Rounded(Share(core, n))},
          {"problems", problems.size()},
          {"problems_solved", solved},
          {"problems_partially_solved", partial},
          {"pass_rate_by_group", GroupPassRates(records)},
          {"mean_pass_rate", Rounded(Mean(records, "pass_rate"))},
          {"mean_cost_usd_per_checkpoint", KnownMean(records, "cost_usd")},
          {"cost_known_checkpoints", Known(records, "cost_usd")},
          {"mean_tokens_per_checkpoint", Rounded(Mean(records, "total_tokens"))},
          {"mean_steps_per_checkpoint", KnownMean(records, "steps")},
          {"mean_erosion", Rounded(Mean(records, "erosion"))},
          {"mean_verbosity", Rounded(Mean(records, "verbosity"))},
          {"erosion_trend", Trend(by_problem, "erosion")},
          {"verbosity_trend", Trend(by_problem, "verbosity")}};
}

std::string SummaryText(const Json& s) {
  std::string out;
  const auto pct = [](const Json& v) { return v.is_number() ? fmt::format("{:.1f}%", 100 * v.get<double>()) : std::string("-"); };
  out += fmt::format("checkpoints: {} of {} completed\n", s["checkpoints_completed"].get<int>(), s["checkpoints_planned"].get<int>());
  out += fmt::format("solve rate: strict {}  isolated {}  core {}\n", pct(s["strict_solve_rate"]), pct(s["isolated_solve_rate"]),
                     pct(s["core_solve_rate"]));
  out += fmt::format("problems: {} solved, {} partially solved, of {}\n", s["problems_solved"].get<int>(),
                     s["problems_partially_solved"].get<int>(), s["problems"].get<int>());
  const Json& g = s["pass_rate_by_group"];
  out += fmt::format("pass rate by group: core {}  functionality {}  error {}  regression {}\n", pct(g["core"]),
                     pct(g["functionality"]), pct(g["error"]), pct(g["regression"]));
  const Json& cost = s["mean_cost_usd_per_checkpoint"];
  const Json& steps = s["mean_steps_per_checkpoint"];
  const int priced = s["cost_known_checkpoints"].get<int>();
  const int completed = s["checkpoints_completed"].get<int>();
  out += fmt::format("per checkpoint: cost {}  tokens {:.0f}  steps {}\n",
                     cost.is_number() ? fmt::format("${:.4f}{}", cost.get<double>(),
                                                    priced < completed ? fmt::format(" (priced {} of {})", priced, completed) : "")
                                      : "unknown (no price for the model)",
                     s["mean_tokens_per_checkpoint"].get<double>(),
                     steps.is_number() ? fmt::format("{:.1f}", steps.get<double>()) : "unknown");
  for (const char* metric : {"erosion", "verbosity"}) {
    const Json& trend = s[std::string(metric) + "_trend"];
    out += fmt::format("{}: mean {:.3f}, first->last change {:+.3f}, rose in {} of {} trajectories\n", metric,
                       s[std::string("mean_") + metric].get<double>(), trend["mean_first_to_last_change"].get<double>(),
                       pct(trend["rose_share"]), trend["trajectories"].get<int>());
  }
  return out;
}

bool WriteRunResults(const fs::path& run_dir, const std::vector<harness::Problem>& problems, std::string& error) {
  const auto records = CollectRecords(run_dir, problems);
  std::string lines;
  for (const Json& r : records) lines += DumpJson(r) + "\n";
  const Json summary = SummarizeRun(records, problems);
  return WriteFileAtomically(run_dir / "checkpoint_results.jsonl", lines, error) &&
         WriteFileAtomically(run_dir / "summary.json", DumpJson(summary, 2) + "\n", error) &&
         WriteFileAtomically(run_dir / "summary.txt", SummaryText(summary), error);
}

}  // namespace scbench::run
