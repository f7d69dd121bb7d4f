// Codex, `codex exec --json`: usage comes once, in `turn.completed` at the end (input
// including cached tokens, output including reasoning); `turn.failed` ends a turn the
// model's API would not serve. Model responses are not marked in that stream; Codex's
// session log in its home (~/.codex/sessions/.../rollout-*.jsonl) has one
// `token_usage_record` per response, which gives the steps and the usage while it runs.
#include <map>

#include "run/output_parsers/json_lines.h"
#include "run/output_parsers/parsers.h"

namespace scbench::run::parsers {
namespace {

constexpr const char* kSessionLogs = ".codex/sessions/**/rollout-*.jsonl";

/// Codex's usage object, its kinds made disjoint.
Usage FromCodex(const Json& u) {
  Usage usage;
  usage.cache_read_tokens = Count(u, "cached_input_tokens");
  usage.cache_write_tokens = Count(u, "cache_write_input_tokens");
  usage.input_tokens = std::max(0LL, Count(u, "input_tokens") - usage.cache_read_tokens - usage.cache_write_tokens);
  usage.reasoning_tokens = Count(u, "reasoning_output_tokens");
  usage.output_tokens = std::max(0LL, Count(u, "output_tokens") - usage.reasoning_tokens);
  return usage;
}

std::map<std::string, Usage> ResponsesInSessionLogs(const std::filesystem::path& home) {
  std::map<std::string, Usage> responses;
  for (const std::string& log : ReadFilesMatching(home, kSessionLogs)) {
    ForEachJsonLine(log, [&](const Json& e) {
      if (Text(e, "type") != "token_usage_record") return;
      const Json& payload = Member(e, "payload");
      const std::string id = Text(payload, "response_id");
      if (!id.empty()) responses[id] = FromCodex(Member(payload, "usage"));
    });
  }
  return responses;
}

}  // namespace

AgentReport CodexJson(std::string_view stdout_text, const std::filesystem::path& home) {
  AgentReport report;
  std::optional<Usage> completed;
  ForEachJsonLine(stdout_text, [&](const Json& e) {
    const std::string type = Text(e, "type");
    if (type == "turn.completed") {
      completed = completed.value_or(Usage{});
      *completed += FromCodex(Member(e, "usage"));
    } else if (type == "turn.failed") {
      const std::string message = Text(Member(e, "error"), "message");
      report.api_error = message.empty() ? "turn failed" : message;
    }
  });
  const auto responses = ResponsesInSessionLogs(home);
  for (const auto& [id, usage] : responses) report.usage += usage;
  if (completed) report.usage = *completed;
  report.usage.steps = responses.empty() && !completed ? std::optional<int>() : std::optional<int>(static_cast<int>(responses.size()));
  return report;
}

}  // namespace scbench::run::parsers
