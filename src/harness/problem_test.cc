#include "harness/problem.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

#include "harness/evaluation.h"

namespace scbench::harness {
namespace {
namespace fs = std::filesystem;

const fs::path kShout = fs::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/problems/shout";

TEST(Problem, LoadsManifestCheckpointsAndCases) {
  std::string error;
  const auto problem = LoadProblem(kShout, error);
  ASSERT_TRUE(problem) << error;
  EXPECT_EQ(problem->name, "shout");
  EXPECT_EQ(problem->entry_file, "shout.py");
  ASSERT_EQ(problem->checkpoints.size(), 2u);
  const auto& first = problem->checkpoints[0];
  ASSERT_EQ(first.cases.size(), 3u);
  EXPECT_EQ(first.cases[0].id, "upper");
  EXPECT_EQ(first.cases[0].expect_stdout->text, "HELLO\n");
  EXPECT_TRUE(first.cases[2].expect_nonzero_exit);
  EXPECT_EQ(first.cases[2].group, "error");
  EXPECT_EQ(problem->checkpoints[1].cases[0].expect_stdout->value, nlohmann::json({{"text", "HI"}, {"length", 2}}));
  EXPECT_NE(RenderSpec(*problem, first, "python3 shout.py").find("`python3 shout.py` reads"), std::string::npos);
}

TEST(Evaluation, ReferenceSolutionsStrictSolveAndOlderOnesFailTheNewCases) {
  std::string error;
  const auto problem = LoadProblem(kShout, error);
  ASSERT_TRUE(problem) << error;
  const auto solved = EvaluateCheckpoint(*problem, 1, problem->checkpoints[1].solution, {});
  EXPECT_TRUE(solved.strict) << EvaluationToJson(solved).dump(2);
  EXPECT_EQ(solved.groups.at("regression").total, 3);
  const auto older = EvaluateCheckpoint(*problem, 1, problem->checkpoints[0].solution, {});
  EXPECT_FALSE(older.strict);
  EXPECT_FALSE(older.isolated);
  EXPECT_FALSE(older.core);
  EXPECT_EQ(older.groups.at("regression").passed, 3);
  EXPECT_DOUBLE_EQ(older.pass_rate, 3.0 / 5.0);
  EXPECT_NE(older.cases[0].failure.find("exit code: expected 0 got 2"), std::string::npos) << older.cases[0].failure;
  EXPECT_TRUE(older.infrastructure_failure.empty());
}

TEST(Evaluation, MissingEntryFileIsAnInfrastructureFailure) {
  std::string error;
  const auto problem = LoadProblem(kShout, error);
  ASSERT_TRUE(problem) << error;
  const auto result = EvaluateCheckpoint(*problem, 0, fs::temp_directory_path(), {});
  EXPECT_NE(result.infrastructure_failure.find("shout.py not found"), std::string::npos);
  EXPECT_EQ(result.pass_rate, 0);
  EXPECT_EQ(EvaluationToJson(result)["schema"], "scbench.evaluation");
}

TEST(Evaluation, HttpServerIsStartedRestartedAndJudged) {
  std::string error;
  const auto problem = LoadProblem(fs::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/problems/ping", error);
  ASSERT_TRUE(problem) << error;
  const auto result = EvaluateCheckpoint(*problem, 0, problem->checkpoints[0].solution, {});
  EXPECT_TRUE(result.strict) << EvaluationToJson(result).dump(2);
}

TEST(Evaluation, ServerThatNeverListensIsAnInfrastructureFailureWithinTheDeadline) {
  std::string error;
  const auto problem = LoadProblem(fs::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/problems/ping", error);
  ASSERT_TRUE(problem) << error;
  const auto start = std::chrono::steady_clock::now();
  const auto result =
      EvaluateCheckpoint(*problem, 0, fs::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/hostile/silent_server", {});
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
  EXPECT_NE(result.infrastructure_failure.find("did not listen"), std::string::npos) << result.infrastructure_failure;
  EXPECT_FALSE(result.strict);
  EXPECT_EQ(result.groups.at("core").passed, 0);
}

/// A copy of the fixture in a temp dir, to break on purpose.
class BrokenProblem : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("scbench_problem_" + std::to_string(::getpid())) / "shout";
    fs::remove_all(dir_.parent_path());
    fs::create_directories(dir_.parent_path());
    fs::copy(kShout, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_.parent_path()); }
  void Write(const std::string& relative, const std::string& text) { std::ofstream(dir_ / relative) << text; }
  std::string Error() {
    std::string error;
    EXPECT_FALSE(LoadProblem(dir_, error));
    return error;
  }
  fs::path dir_;
};

TEST_F(BrokenProblem, MalformedYamlNamesFileAndLine) {
  Write("problem.yaml", "name: shout\nentry: [unclosed\n");
  const std::string error = Error();
  EXPECT_NE(error.find("problem.yaml:"), std::string::npos) << error;
  EXPECT_NE(error.find("not valid YAML"), std::string::npos) << error;
}

TEST_F(BrokenProblem, MissingFieldNamesTheField) {
  Write("problem.yaml", "name: shout\ndescription: x\ncheckpoints: [checkpoint_1]\n");
  EXPECT_NE(Error().find("field 'entry'"), std::string::npos);
}

TEST_F(BrokenProblem, UnknownComparisonMode) {
  Write("checkpoint_1/cases/core.yaml", "- id: a\n  expect:\n    stdout: {mode: fuzzy, value: x}\n");
  const std::string error = Error();
  EXPECT_NE(error.find("core.yaml:3"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown comparison mode 'fuzzy'"), std::string::npos) << error;
}

TEST_F(BrokenProblem, JsonValuesMayBeGivenAsJsonText) {
  Write("checkpoint_2/cases/core.yaml",
        "- id: as-text\n  args: [--json]\n  stdin: hi\n  expect:\n    stdout: {mode: json, value: '{\"text\": \"HI\", \"length\": 2}'}\n"
        "- id: plain-string\n  expect:\n    stdout: {mode: json, value: just text}\n");
  std::string error;
  const auto problem = LoadProblem(dir_, error);
  ASSERT_TRUE(problem) << error;
  const auto& cases = problem->checkpoints[1].cases;
  EXPECT_EQ(cases[0].expect_stdout->value, nlohmann::json({{"text", "HI"}, {"length", 2}}));
  EXPECT_EQ(cases[1].expect_stdout->value, nlohmann::json("just text"));
  Write("checkpoint_2/cases/core.yaml", "- id: bad\n  expect:\n    stdout: {mode: json, value: '{not json'}\n");
  EXPECT_NE(Error().find("looks like JSON text but does not parse"), std::string::npos);
}

TEST_F(BrokenProblem, DuplicateCaseIdsAcrossGroups) {
  Write("checkpoint_1/cases/error.yaml", "- id: upper\n  args: [--x]\n");
  EXPECT_NE(Error().find("duplicate case id 'upper'"), std::string::npos);
}

TEST_F(BrokenProblem, CheckpointWithoutCasesSpecOrSolution) {
  fs::remove_all(dir_ / "checkpoint_2/cases");
  EXPECT_NE(Error().find("checkpoint has no cases"), std::string::npos);
  fs::remove(dir_ / "checkpoint_1/spec.md");
  EXPECT_NE(Error().find("missing spec"), std::string::npos);
}

TEST_F(BrokenProblem, MissingReferenceSolution) {
  fs::remove_all(dir_ / "checkpoint_2/solution");
  EXPECT_NE(Error().find("missing reference solution"), std::string::npos);
}

TEST_F(BrokenProblem, FileNamesThatLeaveTheScratchDirectoryAreLoadErrors) {
  Write("checkpoint_1/cases/core.yaml",
        "- id: a\n  expect:\n    files:\n      ../../../../etc/shadow: x\n");
  std::string error = Error();
  EXPECT_NE(error.find("core.yaml:4"), std::string::npos) << error;
  EXPECT_NE(error.find("'../../../../etc/shadow'"), std::string::npos) << error;
  Write("checkpoint_1/cases/core.yaml", "- id: a\n  files:\n    /etc/cron.d/x: planted\n");
  error = Error();
  EXPECT_NE(error.find("an absolute path"), std::string::npos) << error;
  Write("checkpoint_1/cases/core.yaml", "- id: a\n  files:\n    sub/../../x: planted\n");
  EXPECT_NE(Error().find("'..'"), std::string::npos);
}

TEST_F(BrokenProblem, AnAliasBombIsOneQuickErrorAndTheOtherProblemsStillLoad) {
  // Nine levels of nine aliases: 9^9 (387 million) leaves from a dozen lines.
  std::string yaml = "- id: bomb\n  expect:\n    stdout:\n      mode: json\n      value:\n";
  yaml += "        - &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 9; ++level) {
    const std::string previous = "*a" + std::to_string(level - 1);
    yaml += "        - &a" + std::to_string(level) + " [" + previous;
    for (int i = 1; i < 9; ++i) yaml += ", " + previous;
    yaml += "]\n";
  }
  Write("checkpoint_1/cases/core.yaml", yaml);
  const auto start = std::chrono::steady_clock::now();
  const std::string error = Error();
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
  EXPECT_NE(error.find("too many nodes"), std::string::npos) << error;
  EXPECT_NE(error.find("core.yaml"), std::string::npos) << error;
  std::string sibling_error;
  EXPECT_TRUE(LoadProblem(kShout, sibling_error)) << sibling_error;
}

TEST_F(BrokenProblem, AnOversizedCaseFileIsRefusedBeforeParsing) {
  Write("checkpoint_1/cases/core.yaml", "# " + std::string(17u << 20, 'x') + "\n- id: a\n");
  EXPECT_NE(Error().find("more than the"), std::string::npos);
}

}  // namespace
}  // namespace scbench::harness
