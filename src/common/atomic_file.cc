#include "common/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vector>

namespace scbench {
namespace {

bool WriteAll(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

/// Devices and pipes (`-o /dev/null`, `-o /dev/stdout`) cannot be replaced by a rename
/// (as root, /dev/null would become a regular file) and have no old content to protect.
bool IsDeviceOrPipe(const std::filesystem::path& path) {
  struct stat status {};
  return ::stat(path.c_str(), &status) == 0 && (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode) ||
                                                 S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode));
}

bool WriteAll(int fd, std::span<const std::string_view> pieces) {
  for (const std::string_view piece : pieces) {
    if (!WriteAll(fd, piece)) return false;
  }
  return true;
}

bool WriteInPlace(const std::filesystem::path& path, std::span<const std::string_view> pieces, std::string& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  const bool ok = fd >= 0 && WriteAll(fd, pieces);
  const int saved_errno = errno;
  if (fd >= 0) ::close(fd);
  if (!ok) error = path.string() + ": cannot write: " + std::strerror(saved_errno);
  return ok;
}

bool WritePiecesAtomically(const std::filesystem::path& path, std::span<const std::string_view> pieces,
                           std::string& error) {
  if (IsDeviceOrPipe(path)) return WriteInPlace(path, pieces, error);
  const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
  std::string temp = (directory / ("." + path.filename().string() + ".tmpXXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = path.string() + ": cannot create a temporary file: " + std::strerror(errno);
    return false;
  }
  const bool ok = WriteAll(fd, pieces) && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    error = path.string() + ": cannot write: " + std::strerror(ok ? errno : saved_errno);
    ::unlink(temp.c_str());
    return false;
  }
  // mkstemp creates 0600; give the file the permissions an ordinary write would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(path.c_str(), 0666 & ~mask);
  return true;
}

}  // namespace

bool WriteFileAtomically(const std::filesystem::path& path, std::string_view content, std::string& error) {
  return WritePiecesAtomically(path, std::span<const std::string_view>(&content, 1), error);
}

bool WriteFileAtomically(const std::filesystem::path& path, std::span<const std::string> pieces, std::string& error) {
  const std::vector<std::string_view> views(pieces.begin(), pieces.end());
  return WritePiecesAtomically(path, views, error);
}

}  // namespace scbench
