// The training run of the profile-guided build (cmake/ProfileGuided.cmake). An instrumented
// copy of the measuring code runs this over the directories it is given, the way `scbench
// measure` runs: every built-in rule, every output format. The branch counts it leaves
// behind tell the compiler which paths of the parser, the walk and the rules are hot.
//
// It measures on one thread so that the recorded counts are the same from build to build
// (rendering JSON still uses every core; the build counts atomically).

#include <cstdio>
#include <string>

#include "quality/rules/rule_pack.h"
#include "quality/rules/rule_set.h"
#include "quality/tree_measurer.h"
#include "report/measure_json.h"
#include "report/measure_sarif.h"
#include "report/measure_text.h"

using namespace scbench;

namespace {

bool Train(const char* directory, const quality::RuleSet& rules) {
  quality::MeasureOptions options;
  options.rules = &rules;
  options.jobs = 1;
  options.discovery.excludes = {"parser.c"};  // generated tables: long, and unlike written code
  quality::TreeMeasurement measurement;
  std::string error;
  if (!quality::MeasureTree(directory, options, measurement, error)) {
    std::fprintf(stderr, "profile_training: %s\n", error.c_str());
    return false;
  }
  const std::size_t report_bytes = report::MeasureToJsonText(measurement).size() +
                                   report::MeasureToText(measurement).size() +
                                   report::MeasureToSarif(measurement, rules.rules()).dump().size();
  std::printf("profile_training: %s: %zu files, %d lines, %zu report bytes\n", directory,
              measurement.files.size(), measurement.lines.total, report_bytes);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: profile_training DIR...\n");
    return 2;
  }
  std::string error;
  const auto rules = quality::RuleSet::Load(quality::BuiltinRules(), error);
  if (!rules) {
    std::fprintf(stderr, "profile_training: %s\n", error.c_str());
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    if (!Train(argv[i], *rules)) return 2;
  }
  return 0;
}
