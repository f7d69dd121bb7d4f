#include "harness/mount_view.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

#include "harness/sandbox.h"

namespace scbench::harness {
namespace {

std::string Joined(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& word : argv) out += word + " ";
  return out;
}

TEST(MountView, SystemDirectoriesAndACuratedEtcOnly) {
  Sandbox sandbox;
  sandbox.scratch = "/tmp/case/scratch";
  const std::string args = Joined(BubblewrapArguments(sandbox, {}));
  EXPECT_NE(args.find("--ro-bind /usr /usr"), std::string::npos);
  for (const char* secret : {"/etc", "/root", "/home", "/work", "/var", "/opt"}) {
    EXPECT_EQ(args.find(std::string("--ro-bind ") + secret), std::string::npos) << secret;
  }
  // /etc is a copy of the shared entries, made once: what toolchains need and no secret.
  const auto bind = args.find(" /etc --");
  ASSERT_NE(bind, std::string::npos) << args;
  const std::string before = args.substr(0, bind);
  const std::filesystem::path copy = before.substr(before.rfind(' ') + 1);
  EXPECT_NE(copy.filename().string().find("scbench-etc-"), std::string::npos) << copy;
  EXPECT_TRUE(std::filesystem::exists(copy / "ld.so.cache"));
  for (const char* secret : {"shadow", "gshadow", "sudoers", "ssh", "npmrc"}) {
    EXPECT_FALSE(std::filesystem::exists(copy / secret)) << secret;
  }
  EXPECT_EQ(std::filesystem::file_size(copy / "passwd"), 0u);  // each sandbox covers it
  EXPECT_NE(args.find("--unshare-net"), std::string::npos);
  EXPECT_NE(args.find("--disable-userns"), std::string::npos);
  EXPECT_NE(args.find("--remount-ro / "), std::string::npos);
  EXPECT_NE(args.find("--size 268435456 --tmpfs /tmp"), std::string::npos);
  EXPECT_NE(args.find("--bind /tmp/case/scratch /tmp/case/scratch --"), std::string::npos);
}

TEST(MountView, HiddenPathsAreCoveredOnlyWhereSomethingBoundWouldShowThem) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("scbench_masks_" + std::to_string(::getpid()));
  fs::create_directories(root / "tools" / "problems");
  fs::create_directories(root / "problems");
  Sandbox sandbox;
  sandbox.scratch = "/tmp/case/scratch";
  sandbox.read_only = {root / "tools"};
  sandbox.hidden = {root / "tools" / "problems", root / "problems"};
  const std::string args = Joined(BubblewrapArguments(sandbox, {}));
  const std::string covered = (root / "tools" / "problems").string();
  EXPECT_NE(args.find("--tmpfs " + covered), std::string::npos) << args;
  EXPECT_NE(args.find("--remount-ro " + covered), std::string::npos) << args;
  EXPECT_EQ(args.find((root / "problems").string()), std::string::npos) << args;  // nothing shows it
  fs::remove_all(root);
}

TEST(MountView, HiddenPathsAreRecognisedThroughLinksAndDotsAndBindsInsideThemStayVisible) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("scbench_view_" + std::to_string(::getpid()));
  fs::create_directories(root / "project" / "problems");
  fs::create_directories(root / "project" / "runs" / "r1" / "workspace");
  fs::create_directory_symlink(root / "project", root / "link");
  Sandbox sandbox;
  sandbox.scratch = root / "link" / "runs" / "r1" / "workspace";
  sandbox.read_only = {root / "link"};  // an agent's folder that holds problems and runs
  sandbox.hidden = {root / "link" / "runs" / ".." / "problems", root / "link" / "runs"};
  const std::string args = Joined(BubblewrapArguments(sandbox, {}));
  const std::string project = (root / "project").string();
  const auto at = [&](const std::string& words) { return args.find(words); };
  EXPECT_NE(at("--tmpfs " + project + "/problems"), std::string::npos) << args;
  EXPECT_NE(at("--tmpfs " + project + "/runs"), std::string::npos) << args;
  // The workspace inside the hidden run directory is bound after the mask covers it.
  const auto mask = at("--tmpfs " + project + "/runs ");
  const auto workspace = at("--bind " + project + "/runs/r1/workspace");
  ASSERT_NE(workspace, std::string::npos) << args;
  EXPECT_GT(workspace, mask);
  EXPECT_GT(at("--remount-ro " + project + "/runs"), workspace);
  fs::remove_all(root);
}

TEST(MountView, DescriptorsAndTheHostNetworkWhenAsked) {
  Sandbox sandbox;
  sandbox.scratch = "/w";
  sandbox.share_network = true;
  BubblewrapDescriptors descriptors;
  descriptors.seccomp = 7;
  descriptors.info = 8;
  descriptors.data_files = {{9, "/etc/passwd"}};
  const std::string args = Joined(BubblewrapArguments(sandbox, descriptors));
  EXPECT_EQ(args.find("--unshare-net"), std::string::npos);
  EXPECT_NE(args.find("--seccomp 7"), std::string::npos);
  EXPECT_NE(args.find("--info-fd 8"), std::string::npos);
  EXPECT_NE(args.find("--ro-bind-data 9 /etc/passwd"), std::string::npos);
}

TEST(MountView, AccountFilesNameOnlyTheSandboxUser) {
  const auto [passwd, group] = SandboxAccountFiles(1500000001, 1500000002, "/home/agent");
  EXPECT_NE(passwd.find("sandbox:x:1500000001:1500000002:scbench sandbox:/home/agent:"), std::string::npos);
  EXPECT_EQ(passwd.find(":0:0:root:/root"), std::string::npos);
  EXPECT_NE(group.find("sandbox:x:1500000002:"), std::string::npos);
}

}  // namespace
}  // namespace scbench::harness
