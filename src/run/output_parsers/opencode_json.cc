// opencode, `opencode run --format json`: each model response is a `step_start` ...
// `step_finish` pair; `step_finish.part` has that response's tokens (input without cached
// ones, output without reasoning) and its cost from opencode's price table, which is 0
// for a model the table does not know. An `error` line ends a run the API would not serve.
#include "run/output_parsers/json_lines.h"
#include "run/output_parsers/parsers.h"

namespace scbench::run::parsers {

AgentReport OpencodeJson(std::string_view stdout_text, const std::filesystem::path&) {
  AgentReport report;
  double cost = 0;
  int steps = 0;
  ForEachJsonLine(stdout_text, [&](const Json& e) {
    const std::string type = Text(e, "type");
    if (type == "error") {
      const Json& error = Member(e, "error");
      const Json& data = Member(error, "data");
      report.api_error = Text(data, "message").empty() ? Text(error, "name") : Text(data, "message");
      if (data.contains("statusCode")) report.api_error += " (HTTP " + data["statusCode"].dump() + ")";
      return;
    }
    if (type != "step_finish") return;
    const Json& part = Member(e, "part");
    const Json& tokens = Member(part, "tokens");
    ++steps;
    Usage response;
    response.input_tokens = Count(tokens, "input");
    response.output_tokens = Count(tokens, "output");
    response.reasoning_tokens = Count(tokens, "reasoning");
    response.cache_read_tokens = Count(Member(tokens, "cache"), "read");
    response.cache_write_tokens = Count(Member(tokens, "cache"), "write");
    report.usage += response;
    cost += Cost(part, "cost").value_or(0);
  });
  report.usage.steps = steps;
  // No price for the model means a cost of 0 whatever was spent: left to the catalog.
  if (cost > 0 || report.usage.total_tokens() == 0) report.usage.cost_usd = cost;
  return report;
}

}  // namespace scbench::run::parsers
