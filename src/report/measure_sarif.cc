#include "report/measure_sarif.h"

#include <fmt/format.h>
#include <map>

#include "report/version.h"

namespace scbench::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kCloneRuleId = "scbench.clone";

// SARIF levels: severity 4 is an error, 3 a warning, 1-2 a note.
const char* Level(int severity) { return severity >= 4 ? "error" : severity == 3 ? "warning" : "note"; }

Json Location(const std::string& path, int start_line, int end_line) {
  return {{"physicalLocation",
           {{"artifactLocation", {{"uri", path}, {"uriBaseId", "ROOT"}}},
            {"region", {{"startLine", start_line}, {"endLine", end_line}}}}}};
}

Json RuleDescriptors(const std::vector<quality::Rule>& rules) {
  Json descriptors = Json::array();
  for (const quality::Rule& rule : rules) {
    descriptors.push_back({{"id", rule.id},
                           {"shortDescription", {{"text", rule.message}}},
                           {"defaultConfiguration", {{"level", Level(rule.severity)}}},
                           {"properties", {{"category", rule.category}, {"language", rule.language},
                                           {"severity", rule.severity}}}});
  }
  descriptors.push_back({{"id", kCloneRuleId},
                         {"shortDescription", {{"text", "Duplicated code: the same normalised syntax tree occurs elsewhere."}}},
                         {"defaultConfiguration", {{"level", "note"}}}});
  return descriptors;
}

void AppendRuleResults(const quality::TreeMeasurement& m, const std::vector<quality::Rule>& rules, Json& results) {
  std::map<std::string, const quality::Rule*> by_id;
  for (const quality::Rule& rule : rules) by_id[rule.id] = &rule;
  for (const auto& file : m.files) {
    for (const auto& hit : file.rule_hits) {
      const auto found = by_id.find(hit.rule_id);
      Json result = {{"ruleId", hit.rule_id},
                     {"level", Level(hit.severity)},
                     {"message", {{"text", found != by_id.end() ? found->second->message : hit.rule_id}}},
                     {"locations", Json::array({Location(file.path, hit.start_line, hit.end_line)})}};
      if (hit.suppressed) result["suppressions"] = Json::array({{{"kind", "inSource"}}});
      results.push_back(std::move(result));
    }
  }
}

void AppendCloneResults(const quality::TreeMeasurement& m, Json& results) {
  for (const auto& group : m.clone_groups) {
    for (std::size_t i = 0; i < group.instances.size(); ++i) {
      const auto& instance = group.instances[i];
      Json related = Json::array();
      for (std::size_t k = 0; k < group.instances.size(); ++k) {
        if (k == i) continue;
        const auto& other = group.instances[k];
        related.push_back(Location(m.files[other.file].path, other.start_line, other.end_line));
      }
      results.push_back(
          {{"ruleId", kCloneRuleId},
           {"level", "note"},
           {"message", {{"text", fmt::format("{} lines duplicated in {} other place(s)", group.sloc, related.size())}}},
           {"locations", Json::array({Location(m.files[instance.file].path, instance.start_line, instance.end_line)})},
           {"relatedLocations", std::move(related)},
           {"partialFingerprints", {{"cloneGroup", fmt::format("{:016x}", group.hash)}}}});
    }
  }
}

}  // namespace

nlohmann::ordered_json MeasureToSarif(const quality::TreeMeasurement& measurement,
                                      const std::vector<quality::Rule>& rules) {
  Json results = Json::array();
  AppendRuleResults(measurement, rules, results);
  AppendCloneResults(measurement, results);
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           Json::array({{{"tool",
                          {{"driver",
                            {{"name", "scbench"},
                             {"version", kVersion},
                             {"rules", RuleDescriptors(rules)}}}}},
                         {"originalUriBaseIds", {{"ROOT", {{"uri", measurement.root + "/"}}}}},
                         {"results", std::move(results)}}})}};
}

}  // namespace scbench::report
