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
  std::unordered_map<std::string_view, int> definitions;
  std::unordered_map<std::string_view, int> calls;
  for (const FileMeasurement& file : files) {
    for (const CallableMeasurement& callable : file.callables) ++definitions[callable.name];
    for (const std::string& name : file.called_names) ++calls[name];
  }
  for (FileMeasurement& file : files) {
    for (CallableMeasurement& callable : file.callables) {
      callable.single_use = CanBeSingleUse(callable) && definitions[callable.name] == 1 && calls[callable.name] == 1;
    }
  }
}

}  // namespace scbench::quality
