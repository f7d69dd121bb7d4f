#include "run/prompt.h"

#include <gtest/gtest.h>

namespace scbench::run {
namespace {

const std::filesystem::path kShout = std::filesystem::path(SCBENCH_SOURCE_DIR) / "tests/fixtures/problems/shout";

TEST(Prompt, FirstAndContinuationSectionsAndPlaceholders) {
  std::string error;
  const auto problem = harness::LoadProblem(kShout, error);
  ASSERT_TRUE(problem) << error;
  const std::string tmpl = "{{#first}}Start {{entry_file}}.{{/first}}{{#continuation}}Extend your code.{{/continuation}}\n"
                           "Checkpoint {{checkpoint_number}} of {{checkpoint_count}}:\n{{spec}}";
  const std::string first = RenderPrompt(tmpl, *problem, 0);
  EXPECT_NE(first.find("Start shout.py."), std::string::npos) << first;
  EXPECT_EQ(first.find("Extend"), std::string::npos);
  EXPECT_NE(first.find("Checkpoint 1 of 2"), std::string::npos);
  EXPECT_NE(first.find("`python3 shout.py` reads"), std::string::npos);
  const std::string later = RenderPrompt(tmpl, *problem, 1);
  EXPECT_NE(later.find("Extend your code."), std::string::npos);
  EXPECT_EQ(later.find("Start"), std::string::npos);
  EXPECT_NE(later.find("--json"), std::string::npos);
}

TEST(Prompt, ShippedTemplatesLoadAndUnknownOnesFail) {
  std::string error;
  const auto prompts = std::filesystem::path(SCBENCH_SOURCE_DIR) / "prompts";
  for (const char* name : {"just-solve", "anti-slop", "plan-first"}) EXPECT_TRUE(LoadPromptTemplate(prompts, name, error)) << name;
  EXPECT_FALSE(LoadPromptTemplate(prompts, "be-brilliant", error));
  EXPECT_NE(error.find("unknown prompt 'be-brilliant'"), std::string::npos);
}

}  // namespace
}  // namespace scbench::run
