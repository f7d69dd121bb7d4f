// Claude Code, `claude -p --output-format stream-json --verbose`: one `assistant` line
// per content block, the blocks of one model response sharing `message.id`; each line's
// `message.usage` is the response's start usage (input and cache figures final, output
// not). The last line, `result`, has the exact totals, thinking inside output_tokens and
// also in output_tokens_details.thinking_tokens, and the cost from Claude Code's own prices.
#include <map>
#include <set>

#include "run/output_parsers/json_lines.h"
#include "run/output_parsers/parsers.h"

namespace scbench::run::parsers {
namespace {

/// Claude Code's own error messages come as assistant lines of this model.
constexpr const char* kSyntheticModel = "<synthetic>";

Usage FinalUsage(const Json& result) {
  const Json& u = Member(result, "usage");
  Usage usage;
  usage.input_tokens = Count(u, "input_tokens");
  usage.cache_read_tokens = Count(u, "cache_read_input_tokens");
  usage.cache_write_tokens = Count(u, "cache_creation_input_tokens");
  usage.reasoning_tokens = Count(Member(u, "output_tokens_details"), "thinking_tokens");
  usage.output_tokens = std::max(0LL, Count(u, "output_tokens") - usage.reasoning_tokens);
  usage.cost_usd = Cost(result, "total_cost_usd");
  return usage;
}

}  // namespace

AgentReport ClaudeStreamJson(std::string_view stdout_text, const std::filesystem::path&) {
  AgentReport report;
  std::map<std::string, Usage> responses;  // by message id
  std::optional<Usage> final_usage;
  ForEachJsonLine(stdout_text, [&](const Json& e) {
    const std::string type = Text(e, "type");
    if (type == "assistant") {
      const Json& message = Member(e, "message");
      if (Text(message, "model") == kSyntheticModel || Text(message, "id").empty()) return;
      const Json& u = Member(message, "usage");
      Usage& seen = responses[Text(message, "id")];
      seen.input_tokens = Count(u, "input_tokens");
      seen.cache_read_tokens = Count(u, "cache_read_input_tokens");
      seen.cache_write_tokens = Count(u, "cache_creation_input_tokens");
      seen.output_tokens = std::max(seen.output_tokens, Count(u, "output_tokens"));
    } else if (type == "result") {
      final_usage = FinalUsage(e);
      report.turn_limit = Text(e, "subtype") == "error_max_turns";
      if (Text(e, "terminal_reason") == "api_error") {
        report.api_error = Text(e, "result").empty() ? "API error" : Text(e, "result");
      }
    }
  });
  for (const auto& [id, usage] : responses) report.usage += usage;
  if (final_usage) report.usage = *final_usage;
  report.usage.steps = static_cast<int>(responses.size());
  return report;
}

}  // namespace scbench::run::parsers
