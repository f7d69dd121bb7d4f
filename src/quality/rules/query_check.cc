#include "quality/rules/query_check.h"

#include <algorithm>
#include <tree_sitter/api.h>

#include "common/work_queue.h"
#include "quality/rules/rule_set.h"

namespace scbench::quality {
namespace {

const char* QueryErrorName(TSQueryError error) {
  switch (error) {
    case TSQueryErrorSyntax: return "syntax error";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern structure";
    case TSQueryErrorLanguage: return "language mismatch";
    default: return "error";
  }
}

bool CompilesFor(const Language& language, const std::string& text, std::string& error) {
  std::uint32_t offset = 0;
  TSQueryError kind = TSQueryErrorNone;
  TSQuery* query = ts_query_new(language.grammar(), text.data(), static_cast<std::uint32_t>(text.size()), &offset, &kind);
  if (query != nullptr) {
    ts_query_delete(query);
    return true;
  }
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t from = line_start == std::string::npos ? 0 : line_start + 1;
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(from), '\n'));
  error = std::string(QueryErrorName(kind)) + " in query line " + std::to_string(line) + " near '" +
          text.substr(offset, 24) + "'";
  return false;
}

}  // namespace

bool CheckQueryStructure(const Rule& rule, std::string& error) {
  for (const Language* language : LanguagesRunning(rule.language)) {
    std::string reason;
    if (!CompilesFor(*language, rule.query, reason)) {
      error = RuleError(rule, reason);
      return false;
    }
  }
  return true;
}

bool CheckQueryStructures(std::span<const Rule> rules, std::string& error) {
  std::vector<std::string> errors(rules.size());
  RunParallel(rules.size(), WorkerCount(0), [&](std::size_t i, unsigned) { CheckQueryStructure(rules[i], errors[i]); });
  const auto broken = std::find_if(errors.begin(), errors.end(), [](const std::string& e) { return !e.empty(); });
  if (broken == errors.end()) return true;
  error = *broken;
  return false;
}

}  // namespace scbench::quality
