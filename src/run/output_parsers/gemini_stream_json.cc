// Gemini CLI, `gemini -p --output-format stream-json`: usage comes once, in the last
// line's `result.stats` (input_tokens including cached ones, output_tokens without
// thoughts, which show only in total_tokens); `result.status: error` carries the API's
// error after Gemini's own retries. Responses are not marked in the stream; Gemini's chat
// log in its home (~/.gemini/tmp/<project>/chats/session-*.jsonl) has one `gemini` record
// per response (written again as it completes: the last copy of an id counts).
#include <map>

#include "run/output_parsers/json_lines.h"
#include "run/output_parsers/parsers.h"

namespace scbench::run::parsers {
namespace {

constexpr const char* kChatLogs = ".gemini/tmp/*/chats/session-*.jsonl";

Usage FromStats(const Json& stats) {
  Usage usage;
  usage.cache_read_tokens = Count(stats, "cached");
  usage.input_tokens = std::max(0LL, Count(stats, "input_tokens") - usage.cache_read_tokens);
  usage.output_tokens = Count(stats, "output_tokens");
  usage.reasoning_tokens = std::max(0LL, Count(stats, "total_tokens") - Count(stats, "input_tokens") - usage.output_tokens);
  return usage;
}

Usage FromChatRecord(const Json& tokens) {
  Usage usage;
  usage.cache_read_tokens = Count(tokens, "cached");
  usage.input_tokens = std::max(0LL, Count(tokens, "input") - usage.cache_read_tokens);
  usage.output_tokens = Count(tokens, "output");
  usage.reasoning_tokens = Count(tokens, "thoughts");
  return usage;
}

std::map<std::string, Usage> ResponsesInChatLogs(const std::filesystem::path& home) {
  std::map<std::string, Usage> responses;
  for (const std::string& log : ReadFilesMatching(home, kChatLogs)) {
    ForEachJsonLine(log, [&](const Json& e) {
      if (Text(e, "type") == "gemini" && !Text(e, "id").empty()) responses[Text(e, "id")] = FromChatRecord(Member(e, "tokens"));
    });
  }
  return responses;
}

}  // namespace

AgentReport GeminiStreamJson(std::string_view stdout_text, const std::filesystem::path& home) {
  AgentReport report;
  std::optional<Usage> final_usage;
  ForEachJsonLine(stdout_text, [&](const Json& e) {
    if (Text(e, "type") != "result") return;
    final_usage = FromStats(Member(e, "stats"));
    if (Text(e, "status") == "error") {
      const std::string message = Text(Member(e, "error"), "message");
      report.api_error = message.empty() ? "API error" : message;
    }
  });
  const auto responses = ResponsesInChatLogs(home);
  for (const auto& [id, usage] : responses) report.usage += usage;
  // A failed result reports zeros even after responses that were served.
  if (final_usage && (report.api_error.empty() || responses.empty())) report.usage = *final_usage;
  report.usage.steps = responses.empty() && !final_usage ? std::optional<int>() : std::optional<int>(static_cast<int>(responses.size()));
  return report;
}

}  // namespace scbench::run::parsers
