#include "quality/file_discovery.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "common/file_text.h"
#include "quality/glob.h"
#include "quality/ignore_rules.h"

namespace scbench::quality {
namespace fs = std::filesystem;

namespace {

constexpr std::array kSkippedNames = {".git", ".hg", ".svn", ".bzr", "node_modules", "__pycache__", ".tox",
                                      ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs",
                                      "site-packages", "build", "dist", ".venv"};
// A virtualenv, a CMake build tree, a cache directory (cargo's target/, for one).
constexpr std::array kMarkerFiles = {"pyvenv.cfg", "CMakeCache.txt", "CACHEDIR.TAG"};

std::string JoinRelative(const std::string& parent, const std::string& name) {
  return parent.empty() ? name : parent + "/" + name;
}

class Walker {
 public:
  Walker(const fs::path& root, const DiscoveryOptions& options, Discovery& out)
      : root_(root), options_(options), out_(out) {
    for (const std::string& pattern : options.excludes) excludes_.AddPatterns("", pattern);
  }

  void Run() {
    std::vector<std::string> pending{""};
    while (!pending.empty()) {
      const std::string relative = std::move(pending.back());
      pending.pop_back();
      VisitDirectory(relative, pending);
    }
    std::sort(out_.files.begin(), out_.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
  }

 private:
  void Note(const std::string& relative, Severity severity, std::string message) {
    out_.diagnostics.push_back({relative, severity, std::move(message)});
  }

  bool Excluded(const std::string& relative, bool is_directory) {
    if (excludes_.IsIgnored(relative, is_directory)) return true;
    return !options_.include_ignored && gitignore_.IsIgnored(relative, is_directory);
  }

  void VisitDirectory(const std::string& relative, std::vector<std::string>& pending) {
    const fs::path directory = relative.empty() ? root_ : root_ / relative;
    if (!options_.include_ignored) {
      std::error_code ec;
      if (fs::is_regular_file(directory / ".gitignore", ec)) {
        gitignore_.AddPatterns(relative, ReadWholeFile(directory / ".gitignore").value_or(""));
      }
    }
    std::error_code ec;
    fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      Note(relative.empty() ? "." : relative, Severity::kError, "cannot list directory: " + ec.message());
      return;
    }
    std::vector<std::string> subdirectories;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      VisitEntry(*it, relative, subdirectories);
    }
    if (ec) Note(relative.empty() ? "." : relative, Severity::kError, "directory listing failed: " + ec.message());
    // Reverse order so that the stack pops them alphabetically.
    std::sort(subdirectories.rbegin(), subdirectories.rend());
    for (std::string& sub : subdirectories) pending.push_back(std::move(sub));
  }

  void VisitEntry(const fs::directory_entry& entry, const std::string& parent,
                  std::vector<std::string>& subdirectories) {
    const std::string relative = JoinRelative(parent, entry.path().filename().string());
    std::error_code ec;
    if (entry.is_symlink(ec)) {
      NoteSymlink(entry.path(), relative);
      return;
    }
    if (entry.is_directory(ec)) {
      if (!IsSkippedDirectory(entry.path()) && !Excluded(relative, true)) subdirectories.push_back(relative);
      return;
    }
    if (!entry.is_regular_file(ec)) return;  // sockets, fifos, devices
    const Language* language = LanguageOf(relative);
    if (language == nullptr) {
      ++out_.unknown_type_files;
      return;
    }
    if (Excluded(relative, false)) {
      ++out_.ignored_files;
      return;
    }
    const std::uintmax_t size = entry.file_size(ec);
    out_.files.push_back({entry.path(), relative, language, ec ? 0 : size});
  }

  const Language* LanguageOf(const std::string& relative) const {
    for (const auto& [glob, name] : options_.language_overrides) {
      const std::size_t slash = relative.rfind('/');
      const std::string_view base = std::string_view(relative).substr(slash == std::string::npos ? 0 : slash + 1);
      if (GlobMatch(glob, relative) || (glob.find('/') == std::string::npos && GlobMatch(glob, base))) {
        return LanguageByName(name);
      }
    }
    return LanguageForPath(relative);
  }

  void NoteSymlink(const fs::path& path, const std::string& relative) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      Note(relative, Severity::kWarning, "dangling symbolic link, skipped");
    } else if (LanguageForPath(relative) != nullptr) {
      Note(relative, Severity::kNote, "symbolic link not followed");
    }
  }

  const fs::path& root_;
  const DiscoveryOptions& options_;
  Discovery& out_;
  IgnoreRules gitignore_;
  IgnoreRules excludes_;
};

}  // namespace

bool IsSkippedDirectory(const fs::path& directory) {
  const std::string name = directory.filename().string();
  if (std::find(kSkippedNames.begin(), kSkippedNames.end(), name) != kSkippedNames.end()) return true;
  if (name.size() > 9 && name.ends_with(".egg-info")) return true;
  std::error_code ec;
  return std::any_of(kMarkerFiles.begin(), kMarkerFiles.end(),
                     [&](const char* marker) { return fs::exists(directory / marker, ec); });
}

bool DiscoverSources(const fs::path& root, const DiscoveryOptions& options, Discovery& out, std::string& error) {
  std::error_code ec;
  const fs::file_status status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    error = root.string() + ": no such file or directory";
    return false;
  }
  if (fs::is_regular_file(status)) {
    const Language* language = LanguageForPath(root.string());
    if (language == nullptr) {
      error = root.string() + ": not a source file of a supported language";
      return false;
    }
    out.files.push_back({root, root.filename().string(), language, fs::file_size(root, ec)});
    return true;
  }
  if (!fs::is_directory(status)) {
    error = root.string() + ": neither a regular file nor a directory";
    return false;
  }
  Walker(root, options, out).Run();
  return true;
}

}  // namespace scbench::quality
