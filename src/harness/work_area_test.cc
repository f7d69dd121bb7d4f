#include "harness/work_area.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

#include "harness/process_token.h"

namespace scbench::harness {
namespace {
namespace fs = std::filesystem;

/// Points TMPDIR somewhere else for the test's duration.
class TemporaryDirectoryVariable {
 public:
  explicit TemporaryDirectoryVariable(const std::string& value) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    setenv("TMPDIR", value.c_str(), 1);
  }
  ~TemporaryDirectoryVariable() {
    if (old_.empty()) {
      unsetenv("TMPDIR");
    } else {
      setenv("TMPDIR", old_.c_str(), 1);
    }
  }

 private:
  std::string old_;
};

TEST(WorkArea, AnUnusableTemporaryDirectoryIsAClearError) {
  const TemporaryDirectoryVariable variable("/nonexistent/scbench");
  std::string error;
  EXPECT_FALSE(WorkArea::Create(error));
  EXPECT_NE(error.find("TMPDIR=/nonexistent/scbench"), std::string::npos) << error;
}

TEST(WorkArea, TreesOfDeadOwnersAreSweptAndLiveOnesKept) {
  const fs::path temp = fs::temp_directory_path() / ("scbench_sweep_" + std::to_string(getpid()));
  fs::create_directories(temp);
  const TemporaryDirectoryVariable variable(temp.string());
  const fs::path dead = temp / "scbench-eval-999999999.12345-abcdef";  // no such process
  const fs::path unnamed = temp / "scbench-eval-abcdef";              // an older scbench's: owner unknown
  fs::create_directories(dead / "case-0");
  fs::create_directories(unnamed);
  std::string error;
  auto live = WorkArea::Create(error);
  ASSERT_TRUE(live) << error;
  EXPECT_NE(live->path().filename().string().find(OwnerToken()), std::string::npos);
  SweepAbandonedWorkAreas();
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(unnamed));
  EXPECT_TRUE(fs::exists(live->path()));
  const fs::path kept = live->path();
  live.reset();
  EXPECT_FALSE(fs::exists(kept));
  fs::remove_all(temp);
}

TEST(ProcessToken, OnlyARunningProcessWithTheSameStartTimeIsAlive) {
  EXPECT_TRUE(OwnerAlive(OwnerToken()));
  const std::string pid = OwnerToken().substr(0, OwnerToken().find('.'));
  EXPECT_FALSE(OwnerAlive(pid + ".1"));  // the pid, reused by another process
  EXPECT_FALSE(OwnerAlive("999999999.5"));
  EXPECT_TRUE(OwnerAlive("garbage"));  // unreadable: kept, never removed by mistake
}

}  // namespace
}  // namespace scbench::harness
