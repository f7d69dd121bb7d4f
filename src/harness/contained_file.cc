#include "harness/contained_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace scbench::harness {
namespace {

/// A file descriptor closed on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  void reset(int fd) {
    if (fd_ >= 0) close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

std::vector<std::string> Components(std::string_view name) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t slash = name.find('/', start);
    const std::string_view part = name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!part.empty() && part != ".") parts.emplace_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

std::string Why(int error_number) {
  switch (error_number) {
    case ENOENT: return "not written";
    case ELOOP: return "a symbolic link (not followed)";
    case ENOTDIR: return "a path through something that is not a directory";
    case ENXIO: return "not a regular file";
    default: return std::strerror(error_number);
  }
}

/// Opens the directory that holds the last component, walking without following links;
/// `create` makes missing directories.
int OpenParent(const std::filesystem::path& root, const std::vector<std::string>& parts, bool create) {
  Descriptor directory(open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  for (std::size_t i = 0; i + 1 < parts.size() && directory.get() >= 0; ++i) {
    if (create) mkdirat(directory.get(), parts[i].c_str(), 0755);
    directory.reset(openat(directory.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  }
  return directory.release();
}

}  // namespace

std::string ConfinedNameProblem(std::string_view name) {
  if (name.empty()) return "an empty file name";
  if (name.front() == '/') return "an absolute path";
  if (name.find('\0') != std::string_view::npos) return "a NUL byte in the name";
  for (const std::string& part : Components(name)) {
    if (part == "..") return "a '..' component, which leaves the directory";
  }
  if (Components(name).empty()) return "no file name";
  return "";
}

std::optional<std::string> ReadContainedFile(const std::filesystem::path& root, std::string_view name,
                                             std::uint64_t max_bytes, std::string& error) {
  if (const std::string problem = ConfinedNameProblem(name); !problem.empty()) {
    error = problem;
    return std::nullopt;
  }
  const auto parts = Components(name);
  Descriptor parent(OpenParent(root, parts, false));
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  Descriptor file(parent.get() < 0 ? -1 : openat(parent.get(), parts.back().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  struct stat info {};
  if (file.get() < 0 || fstat(file.get(), &info) != 0) {
    error = Why(errno);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    error = Why(ENXIO);
    return std::nullopt;
  }
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    error = fmt::format("larger than {} bytes", max_bytes);
    return std::nullopt;
  }
  std::string content(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  while (got < content.size()) {
    const ssize_t n = read(file.get(), content.data() + got, content.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  content.resize(got);
  return content;
}

bool WriteContainedFile(const std::filesystem::path& root, std::string_view name, std::string_view content,
                        std::string& error) {
  if (const std::string problem = ConfinedNameProblem(name); !problem.empty()) {
    error = fmt::format("file name '{}': {}", name, problem);
    return false;
  }
  const auto parts = Components(name);
  Descriptor parent(OpenParent(root, parts, true));
  Descriptor file(parent.get() < 0 ? -1
                                   : openat(parent.get(), parts.back().c_str(),
                                            O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644));
  bool written = file.get() >= 0;
  for (std::size_t at = 0; written && at < content.size();) {
    const ssize_t n = write(file.get(), content.data() + at, content.size() - at);
    written = n > 0;
    at += written ? static_cast<std::size_t>(n) : 0;
  }
  if (!written) error = fmt::format("cannot write '{}': {}", name, std::strerror(errno));
  return written;
}

}  // namespace scbench::harness
