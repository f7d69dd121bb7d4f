#include "harness/mount_view.h"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>

#include "harness/sandbox.h"
#include "harness/work_area.h"

namespace scbench::harness {
namespace fs = std::filesystem;
namespace {

constexpr const char* kBubblewrap = "/usr/bin/bwrap";

/// Top-level directories of the system, bound when they are real directories and
/// recreated as the same links when they point into /usr (merged-/usr systems).
constexpr const char* kSystemRoots[] = {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"};

const std::vector<std::string> kEtcEntries = {
    "alternatives", "ca-certificates", "ca-certificates.conf", "debian_version", "gai.conf", "gitconfig",
    "host.conf", "hosts", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "locale.alias", "localtime", "magic",
    "magic.mime", "mime.types", "nsswitch.conf", "os-release", "protocols", "python3", "python3.11", "python3.12",
    "python3.13", "resolv.conf", "services", "ssl/certs", "ssl/openssl.cnf", "terminfo", "timezone"};

void Add(std::vector<std::string>& argv, std::initializer_list<std::string> words) {
  argv.insert(argv.end(), words.begin(), words.end());
}

/// Copies `entry` of /etc into `copy`: a top-level link is followed (resolv.conf may point
/// into /run, which the sandbox lacks); links inside folders are kept (they point into /usr).
void CopyEtcEntry(const std::string& entry, const fs::path& copy) {
  std::error_code ec;
  const fs::path source = fs::canonical(fs::path("/etc") / entry, ec);
  if (ec) return;
  const fs::path target = copy / entry;
  fs::create_directories(target.parent_path(), ec);
  fs::copy(source, target, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
}

/// The /etc entries toolchains need, copied once per process into a directory of
/// scbench's own, so that a sandbox binds one directory instead of thirty entries (each
/// bind costs its share of every case's start). Empty when it cannot be made: the
/// entries are then bound one by one. passwd and group are placeholders that each
/// sandbox covers with its own.
const fs::path& SharedEtcCopy() {
  static const fs::path copy = [] {
    std::string error;
    const auto root = MakeOwnedDirectory(kEtcCopyPrefix, error);
    if (!root) return fs::path();
    for (const std::string& entry : kEtcEntries) CopyEtcEntry(entry, *root);
    for (const char* placeholder : {"passwd", "group"}) std::ofstream(*root / placeholder).flush();
    std::error_code ec;
    fs::permissions(*root, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec, ec);
    return *root;
  }();
  return copy;
}

void AddSystem(std::vector<std::string>& argv) {
  Add(argv, {"--ro-bind", "/usr", "/usr"});
  for (const char* root : kSystemRoots) {
    std::error_code ec;
    if (fs::is_symlink(root, ec)) {
      Add(argv, {"--symlink", fs::read_symlink(root, ec).string(), root});
    } else if (fs::is_directory(root, ec)) {
      Add(argv, {"--ro-bind", root, root});
    }
  }
  if (const fs::path& copy = SharedEtcCopy(); !copy.empty()) {
    Add(argv, {"--ro-bind", copy.string(), "/etc"});
  } else {
    Add(argv, {"--dir", "/etc"});
    for (const std::string& entry : kEtcEntries) {
      const fs::path path = fs::path("/etc") / entry;
      std::error_code ec;
      if (fs::exists(path, ec)) Add(argv, {"--ro-bind", path.string(), path.string()});
    }
  }
  Add(argv, {"--proc", "/proc", "--dev", "/dev"});
}

/// Host configuration under /usr that no program needs and that may hold secrets (npm's
/// global npmrc with registry tokens, for one).
constexpr const char* kAlwaysHidden[] = {"/usr/local/etc"};

bool Inside(const fs::path& path, const fs::path& directory) {
  const auto [end, _] = std::mismatch(directory.begin(), directory.end(), path.begin(), path.end());
  return end == directory.end();
}

/// The path as the kernel resolves it (links and `..` resolved), so that a hidden path is
/// recognised however it was spelled.
fs::path Resolved(const fs::path& path) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? path.lexically_normal() : resolved;
}

/// Hidden paths (resolved) that something bound would otherwise show.
std::vector<fs::path> Masks(const Sandbox& sandbox) {
  std::vector<fs::path> bound = {"/usr", Resolved(sandbox.scratch)};
  for (const fs::path& path : sandbox.read_only) bound.push_back(Resolved(path));
  for (const fs::path& path : sandbox.writable) bound.push_back(Resolved(path));
  std::vector<fs::path> hidden(std::begin(kAlwaysHidden), std::end(kAlwaysHidden));
  for (const fs::path& path : sandbox.hidden) hidden.push_back(Resolved(path));
  std::vector<fs::path> masks;
  for (const fs::path& path : hidden) {
    std::error_code ec;
    const bool shown = std::any_of(bound.begin(), bound.end(), [&](const fs::path& b) { return Inside(path, b); });
    if (shown && fs::is_directory(path, ec)) masks.push_back(path);
  }
  return masks;
}

bool InsideAny(const fs::path& path, const std::vector<fs::path>& directories) {
  return std::any_of(directories.begin(), directories.end(), [&](const fs::path& d) { return Inside(path, d); });
}

/// Binds and masks in the order that makes both hold: binds outside every mask first, then
/// the masks (empty directories over hidden paths), then the binds inside a mask (which
/// stay visible on top of it), then the masks made read-only.
void AddBindsAndMasks(std::vector<std::string>& argv, const Sandbox& sandbox) {
  const std::vector<fs::path> masks = Masks(sandbox);
  std::vector<std::pair<fs::path, const char*>> binds;
  for (const fs::path& path : sandbox.read_only) binds.emplace_back(Resolved(path), "--ro-bind");
  for (const fs::path& path : sandbox.writable) binds.emplace_back(Resolved(path), "--bind");
  binds.emplace_back(Resolved(sandbox.scratch), "--bind");
  for (const auto& [path, kind] : binds) {
    if (!InsideAny(path, masks)) Add(argv, {kind, path.string(), path.string()});
  }
  for (const fs::path& path : masks) Add(argv, {"--tmpfs", path.string()});
  for (const auto& [path, kind] : binds) {
    if (InsideAny(path, masks)) Add(argv, {kind, path.string(), path.string()});
  }
  // A writable tmpfs would be storage without a quota.
  for (const fs::path& path : masks) Add(argv, {"--remount-ro", path.string()});
}

}  // namespace

const std::vector<std::string>& SharedEtcEntries() { return kEtcEntries; }

std::pair<std::string, std::string> SandboxAccountFiles(unsigned uid, unsigned gid, const std::string& home) {
  return {fmt::format("root:x:0:0:root:/nonexistent:/usr/sbin/nologin\n"
                      "sandbox:x:{}:{}:scbench sandbox:{}:/bin/sh\n"
                      "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
                      uid, gid, home),
          fmt::format("root:x:0:\nsandbox:x:{}:\nnogroup:x:65534:\n", gid)};
}

std::vector<std::string> BubblewrapArguments(const Sandbox& sandbox, const BubblewrapDescriptors& descriptors) {
  std::vector<std::string> argv = {kBubblewrap,      "--unshare-user", "--unshare-pid",      "--unshare-ipc",
                                   "--unshare-uts",  "--hostname",     "sandbox",            "--unshare-cgroup-try",
                                   "--disable-userns", "--die-with-parent", "--new-session", "--cap-drop",
                                   "ALL"};
  if (!sandbox.share_network) argv.push_back("--unshare-net");
  AddSystem(argv);
  for (const auto& [fd, path] : descriptors.data_files) Add(argv, {"--ro-bind-data", std::to_string(fd), path});
  Add(argv, {"--perms", "1777", "--size", std::to_string(sandbox.tmp_bytes), "--tmpfs", "/tmp"});
  AddBindsAndMasks(argv, sandbox);
  Add(argv, {"--remount-ro", "/", "--chdir", Resolved(sandbox.scratch).string()});
  if (descriptors.seccomp >= 0) Add(argv, {"--seccomp", std::to_string(descriptors.seccomp)});
  if (descriptors.info >= 0) Add(argv, {"--info-fd", std::to_string(descriptors.info)});
  argv.push_back("--");
  return argv;
}

}  // namespace scbench::harness
