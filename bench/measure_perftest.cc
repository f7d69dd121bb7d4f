// Micro-benchmarks of the analyzer's inner loops on generated Python.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "quality/file_metrics.h"
#include "quality/ignore_rules.h"
#include "quality/language.h"
#include "quality/rules/rule_pack.h"
#include "quality/rules/rule_set.h"
#include "quality/syntax_tree.h"
#include "quality/tree_measurer.h"
#include "report/measure_json.h"

namespace {

using namespace scbench::quality;

std::string GeneratedModule(int functions) {
  std::string source = "\"\"\"Generated module.\"\"\"\n";
  for (int i = 0; i < functions; ++i) {
    const std::string n = std::to_string(i);
    source += "def handler_" + n + "(request, retries=3):\n    \"\"\"Doc.\"\"\"\n";
    source += "    # comment\n    if request and request.ok or retries > " + n + ":\n";
    source += "        return [x for x in request.items if x]\n";
    source += "    for attempt in range(retries):\n        try:\n            send(request)\n";
    source += "        except IOError:\n            continue\n    return None\n\n";
  }
  return source;
}

void BM_ParseOnly(benchmark::State& state) {
  const std::string source = GeneratedModule(static_cast<int>(state.range(0)));
  const Language& python = *LanguageByName("python");
  Parser parser;
  for (auto _ : state) benchmark::DoNotOptimize(parser.Parse(python, source));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.size()));
}
BENCHMARK(BM_ParseOnly)->Arg(100)->Arg(1000);

void BM_ParseAndMeasure(benchmark::State& state) {
  const std::string source = GeneratedModule(static_cast<int>(state.range(0)));
  const Language& python = *LanguageByName("python");
  Parser parser;
  for (auto _ : state) {
    const SyntaxTree tree = parser.Parse(python, source);
    benchmark::DoNotOptimize(MeasureSyntax(python, tree.get(), source, "bench.py"));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.size()));
}
BENCHMARK(BM_ParseAndMeasure)->Arg(100)->Arg(1000);

std::vector<Rule> BuiltinPythonRules() {
  std::vector<Rule> rules = BuiltinRules();
  std::erase_if(rules, [](const Rule& rule) { return rule.language != "python"; });
  return rules;
}

// Start-up cost of the shipped Python pack: reading every query into patterns.
void BM_LoadPythonRules(benchmark::State& state) {
  const std::vector<Rule> rules = BuiltinPythonRules();
  for (auto _ : state) {
    std::string error;
    auto set = RuleSet::Load(rules, error);
    if (!set) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(set);
  }
}
BENCHMARK(BM_LoadPythonRules)->Unit(benchmark::kMicrosecond);

// Matching the Python pack over a parsed module (roots collected by a walk of its own).
void BM_MatchPythonRules(benchmark::State& state) {
  const std::string source = GeneratedModule(static_cast<int>(state.range(0)));
  const Language& python = *LanguageByName("python");
  std::string error;
  const auto set = RuleSet::Load(BuiltinPythonRules(), error);
  Parser parser;
  const SyntaxTree tree = parser.Parse(python, source);
  for (auto _ : state) benchmark::DoNotOptimize(set->Match(python, tree.get(), source));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source.size()));
}
BENCHMARK(BM_MatchPythonRules)->Arg(100)->Arg(1000);

// Rendering the JSON document of a measured tree: 40 modules, 4,000 callables.
void BM_RenderJson(benchmark::State& state) {
  const Language& python = *LanguageByName("python");
  const std::string source = GeneratedModule(100);
  Parser parser;
  const SyntaxTree tree = parser.Parse(python, source);
  TreeMeasurement measurement;
  for (int i = 0; i < 40; ++i) {
    measurement.files.push_back(MeasureSyntax(python, tree.get(), source, "pkg/module_" + std::to_string(i) + ".py"));
  }
  for (auto _ : state) benchmark::DoNotOptimize(scbench::report::MeasureToJsonText(measurement));
}
BENCHMARK(BM_RenderJson)->Unit(benchmark::kMillisecond);

void BM_IgnoreRules(benchmark::State& state) {
  IgnoreRules rules;
  rules.AddPatterns("", "*.log\nbuild/\n**/generated/**\n/docs/*.py\n!keep.log\n");
  for (auto _ : state) {
    benchmark::DoNotOptimize(rules.IsIgnored("src/pkg/generated/deep/module.py", false));
    benchmark::DoNotOptimize(rules.IsIgnored("src/pkg/module.py", false));
  }
}
BENCHMARK(BM_IgnoreRules);

}  // namespace

BENCHMARK_MAIN();
