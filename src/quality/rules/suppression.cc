#include "quality/rules/suppression.h"

#include <algorithm>
#include <map>
#include <string>

namespace scbench::quality {
namespace {

constexpr std::string_view kSuppressMarker = "scbench: ignore[";

/// line (1-based) -> rule ids suppressed by a marker on that line.
std::map<int, std::vector<std::string>> SuppressionMarkers(std::string_view source) {
  std::map<int, std::vector<std::string>> markers;
  std::size_t at = source.find(kSuppressMarker);
  int line = 1;
  std::size_t counted_to = 0;  // lines are counted once, from one marker to the next
  while (at != std::string_view::npos) {
    line += static_cast<int>(std::count(source.begin() + counted_to, source.begin() + at, '\n'));
    counted_to = at;
    const std::size_t open = at + kSuppressMarker.size();
    const std::size_t close = source.find(']', open);
    const std::size_t newline = source.find('\n', open);
    if (close != std::string_view::npos && close < newline) {
      std::string_view list = source.substr(open, close - open);
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string_view id = list.substr(0, comma);
        while (!id.empty() && id.front() == ' ') id.remove_prefix(1);
        while (!id.empty() && id.back() == ' ') id.remove_suffix(1);
        if (!id.empty()) markers[line].emplace_back(id);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      }
    }
    at = source.find(kSuppressMarker, open);
  }
  return markers;
}

}  // namespace

void ApplySuppressions(std::string_view source, std::vector<RuleHit>& hits) {
  if (hits.empty() || source.find(kSuppressMarker) == std::string_view::npos) return;
  const auto markers = SuppressionMarkers(source);
  const auto suppresses = [&](int line, const std::string& id) {
    const auto found = markers.find(line);
    return found != markers.end() && std::any_of(found->second.begin(), found->second.end(),
                                                 [&](const std::string& m) { return m == id || m == "*"; });
  };
  for (RuleHit& hit : hits) {
    hit.suppressed = suppresses(hit.start_line, hit.rule_id) || suppresses(hit.start_line - 1, hit.rule_id);
  }
}

}  // namespace scbench::quality
