#include "quality/waste_signals.h"

#include <unordered_map>

namespace scbench::quality {

bool CallSiteCollector::Enter(const TSNode& node, std::uint32_t, const NodeContext& context) {
  if ((language_.roles(context.symbol) & kRoleCall) == 0) return true;
  TSNode callee = ts_node_child_by_field_id(node, language_.call_function_field());
  // `a.b.method(...)` calls `method`: descend to the last named leaf of the callee.
  while (!ts_node_is_null(callee) && ts_node_named_child_count(callee) > 0) {
    callee = ts_node_named_child(callee, ts_node_named_child_count(callee) - 1);
  }
  if (!ts_node_is_null(callee)) names_.emplace_back(NodeText(callee, source_));
  return true;
}

namespace {

bool CanBeSingleUse(const CallableMeasurement& callable) {
  const std::string& name = callable.name;
  const bool dunder = name.size() > 4 && name.starts_with("__") && name.ends_with("__");
  return callable.kind != "lambda" && !dunder && name != "main";
}

}  // namespace

void MarkSingleUseCallables(std::span<FileMeasurement> files) {
  struct Uses {
    int definitions = 0;
    int calls = 0;
  };
  std::unordered_map<std::string_view, Uses> uses;
  std::size_t callables = 0;
  for (const FileMeasurement& file : files) callables += file.callables.size();
  uses.reserve(callables);
  for (const FileMeasurement& file : files) {
    for (const CallableMeasurement& callable : file.callables) ++uses[callable.name].definitions;
  }
  // Only calls to defined names can matter: looking them up in the small table of
  // definitions is cheaper than keeping a count for every name called anywhere.
  for (const FileMeasurement& file : files) {
    for (const std::string& name : file.called_names) {
      const auto found = uses.find(name);
      if (found != uses.end()) ++found->second.calls;
    }
  }
  for (FileMeasurement& file : files) {
    for (CallableMeasurement& callable : file.callables) {
      const Uses& counted = uses.find(callable.name)->second;
      callable.single_use = CanBeSingleUse(callable) && counted.definitions == 1 && counted.calls == 1;
    }
  }
}

}  // namespace scbench::quality
