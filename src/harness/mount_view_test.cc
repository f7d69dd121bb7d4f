#include "harness/mount_view.h"

#include <algorithm>
#include <gtest/gtest.h>

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
  EXPECT_NE(args.find("--ro-bind /etc/ld.so.cache /etc/ld.so.cache"), std::string::npos);
  for (const char* secret : {"/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/ssh", "/etc/npmrc", "/etc/passwd ",
                             "/root", "/home", "/work", "/var", "/opt"}) {
    EXPECT_EQ(args.find(std::string("--ro-bind ") + secret), std::string::npos) << secret;
  }
  EXPECT_NE(args.find("--unshare-net"), std::string::npos);
  EXPECT_NE(args.find("--disable-userns"), std::string::npos);
  EXPECT_NE(args.find("--remount-ro / "), std::string::npos);
  EXPECT_NE(args.find("--size 268435456 --tmpfs /tmp"), std::string::npos);
  EXPECT_NE(args.find("--bind /tmp/case/scratch /tmp/case/scratch --"), std::string::npos);
}

TEST(MountView, HiddenPathsAreCoveredOnlyWhereSomethingBoundWouldShowThem) {
  Sandbox sandbox;
  sandbox.scratch = "/tmp/case/scratch";
  sandbox.read_only = {"/srv/tools"};
  sandbox.hidden = {"/srv/tools/problems", "/srv/problems", "/usr/share/scbench/problems"};
  const std::string args = Joined(BubblewrapArguments(sandbox, {}));
  EXPECT_NE(args.find("--tmpfs /srv/tools/problems --remount-ro /srv/tools/problems"), std::string::npos) << args;
  EXPECT_NE(args.find("--tmpfs /usr/share/scbench/problems"), std::string::npos) << args;
  EXPECT_EQ(args.find("/srv/problems"), std::string::npos) << args;
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
