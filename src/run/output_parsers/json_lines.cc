#include "run/output_parsers/json_lines.h"

#include "harness/contained_file.h"
#include "quality/glob.h"

namespace scbench::run::parsers {
namespace fs = std::filesystem;
namespace {

/// An agent's own log larger than this is not read.
constexpr std::uint64_t kMaxLogBytes = 256ull << 20;

}  // namespace

std::vector<std::string> ReadFilesMatching(const fs::path& root, std::string_view pattern) {
  std::vector<std::pair<std::string, fs::path>> found;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return {};
  const quality::Glob glob{std::string(pattern)};
  // The home is the agent's: no link is followed, nothing but a regular file is read.
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!fs::is_regular_file(it->symlink_status(ec))) continue;
    const std::string relative = fs::relative(it->path(), root, ec).generic_string();
    if (glob.Matches(relative)) found.emplace_back(relative, it->path());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> contents;
  for (const auto& [relative, path] : found) {
    std::string why;
    contents.push_back(harness::ReadContainedFile(root, relative, kMaxLogBytes, why).value_or(""));
  }
  return contents;
}

}  // namespace scbench::run::parsers
