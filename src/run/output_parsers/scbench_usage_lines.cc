// Any program (the `command` agent): lines {"scbench_usage": {"input_tokens",
// "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens",
// "steps", "cost_usd"}} add up; a field never given stays unknown (steps, cost).
#include "run/output_parsers/json_lines.h"
#include "run/output_parsers/parsers.h"

namespace scbench::run::parsers {

AgentReport ScbenchUsageLines(std::string_view stdout_text, const std::filesystem::path&) {
  AgentReport report;
  ForEachJsonLine(stdout_text, [&](const Json& e) {
    if (!e.contains("scbench_usage")) return;
    const Json& u = e["scbench_usage"];
    Usage line;
    line.input_tokens = Count(u, "input_tokens");
    line.output_tokens = Count(u, "output_tokens");
    line.cache_read_tokens = Count(u, "cache_read_tokens");
    line.cache_write_tokens = Count(u, "cache_write_tokens");
    line.reasoning_tokens = Count(u, "reasoning_tokens");
    if (Count(u, "steps") > 0) line.steps = static_cast<int>(std::min(Count(u, "steps"), 1'000'000LL));
    line.cost_usd = Cost(u, "cost_usd");
    report.usage += line;
  });
  return report;
}

}  // namespace scbench::run::parsers
