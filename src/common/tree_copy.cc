#include "common/tree_copy.h"

namespace scbench {
namespace fs = std::filesystem;
namespace {

bool CopyLevel(const fs::path& from, const fs::path& to, const CopySkip& skip, int depth, std::string& error) {
  std::error_code ec;
  fs::create_directories(to, ec);
  for (const auto& entry : fs::directory_iterator(from, ec)) {
    // symlink_status: the entry itself, never what a link points to.
    const fs::file_status status = entry.symlink_status(ec);
    if (ec || (skip && skip(entry, depth))) continue;
    const fs::path target = to / entry.path().filename();
    if (fs::is_directory(status)) {
      if (!CopyLevel(entry.path(), target, skip, depth + 1, error)) return false;
    } else if (fs::is_regular_file(status)) {
      fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing, ec);
      if (ec) {
        error = entry.path().string() + ": " + ec.message();
        return false;
      }
    }
  }
  if (ec) error = from.string() + ": " + ec.message();
  return !ec;
}

}  // namespace

bool CopyRegularTree(const fs::path& from, const fs::path& to, const CopySkip& skip, std::string& error) {
  return CopyLevel(from, to, skip, 0, error);
}

}  // namespace scbench
