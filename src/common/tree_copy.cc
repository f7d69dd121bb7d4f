#include "common/tree_copy.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace scbench {
namespace fs = std::filesystem;
namespace {

/// A file descriptor closed on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  Descriptor(Descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

/// The names in an open directory (read from a duplicate, so the walk's own descriptor
/// stays usable for openat).
std::vector<std::string> Names(int directory) {
  std::vector<std::string> names;
  const int copy = dup(directory);
  DIR* stream = copy < 0 ? nullptr : fdopendir(copy);
  if (stream == nullptr) {
    if (copy >= 0) close(copy);
    return names;
  }
  while (const dirent* entry = readdir(stream)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(stream);
  return names;
}

bool CopyData(int in, int out) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = read(in, buffer, sizeof buffer);
    if (got == 0) return true;
    if (got < 0) return false;
    for (ssize_t done = 0; done < got;) {
      const ssize_t wrote = write(out, buffer + done, static_cast<std::size_t>(got - done));
      if (wrote <= 0) return false;
      done += wrote;
    }
  }
}

class TreeCopier {
 public:
  TreeCopier(const CopySkip& skip, const CopyLimits& limits, CopyResult& result, std::string& error)
      : skip_(skip), limits_(limits), result_(result), error_(error) {}

  bool CopyDirectory(int from, int to, const fs::path& path, int depth) {
    for (const std::string& name : Names(from)) {
      if (!result_.truncated.empty()) return true;
      if (!CopyEntry(from, to, path / name, name, depth)) return false;
    }
    return true;
  }

 private:
  bool CopyEntry(int from, int to, const fs::path& path, const std::string& name, int depth) {
    struct stat info {};
    if (fstatat(from, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return true;  // gone meanwhile
    const bool directory = S_ISDIR(info.st_mode);
    if ((!directory && !S_ISREG(info.st_mode)) || (skip_ && skip_(path, directory, depth))) return true;
    return directory ? CopySubdirectory(from, to, path, name, depth) : CopyFile(from, to, path, name);
  }

  bool CopySubdirectory(int from, int to, const fs::path& path, const std::string& name, int depth) {
    if (depth + 1 > limits_.max_depth) {
      result_.truncated = "folders nested deeper than " + std::to_string(limits_.max_depth) + " levels";
      return true;
    }
    const Descriptor source(openat(from, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (source.get() < 0) return true;  // swapped for something else: not copied
    if (mkdirat(to, name.c_str(), 0755) != 0 && errno != EEXIST) return Fail(path, "cannot create the copy");
    const Descriptor target(openat(to, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (target.get() < 0) return Fail(path, "cannot open the copy");
    return CopyDirectory(source.get(), target.get(), path, depth + 1);
  }

  bool CopyFile(int from, int to, const fs::path& path, const std::string& name) {
    // O_NOFOLLOW and the fstat on what was opened: a link or FIFO swapped in after the
    // look above is refused here, never followed or waited on.
    const Descriptor source(openat(from, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    struct stat info {};
    if (source.get() < 0 || fstat(source.get(), &info) != 0 || !S_ISREG(info.st_mode)) return true;
    if (++result_.files > limits_.max_files) {
      result_.truncated = "more than " + std::to_string(limits_.max_files) + " files";
      return true;
    }
    result_.bytes += static_cast<std::uint64_t>(info.st_size);
    if (result_.bytes > limits_.max_bytes) {
      result_.truncated = "more than " + std::to_string(limits_.max_bytes) + " bytes";
      return true;
    }
    const mode_t mode = (info.st_mode & 0111) != 0 ? 0755 : 0644;
    unlinkat(to, name.c_str(), 0);
    const Descriptor target(openat(to, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (target.get() < 0 || !CopyData(source.get(), target.get())) return Fail(path, "cannot copy");
    fchmod(target.get(), mode);  // whatever the umask took away
    return true;
  }

  bool Fail(const fs::path& path, const char* what) {
    error_ = path.string() + ": " + what + ": " + std::strerror(errno);
    return false;
  }

  const CopySkip& skip_;
  const CopyLimits& limits_;
  CopyResult& result_;
  std::string& error_;
};

}  // namespace

bool CopyRegularTree(const fs::path& from, const fs::path& to, const CopySkip& skip, const CopyLimits& limits,
                     CopyResult& result, std::string& error) {
  result = {};
  std::error_code ec;
  fs::create_directories(to, ec);
  const Descriptor source(open(from.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  const Descriptor target(open(to.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (source.get() < 0 || target.get() < 0) {
    error = (source.get() < 0 ? from : to).string() + ": " + std::strerror(errno);
    return false;
  }
  TreeCopier copier(skip, limits, result, error);
  return copier.CopyDirectory(source.get(), target.get(), from, 0);
}

}  // namespace scbench
