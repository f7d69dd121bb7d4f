#pragma once
/// Copying a directory tree that untrusted code wrote (an agent's workspace, a snapshot):
/// directories and regular files only, walked through file descriptors so that nothing
/// can be swapped for a link between looking and opening. Symbolic links are never
/// followed or copied; FIFOs, sockets and devices are skipped; copies get plain modes
/// (0644, or 0755 when any execute bit was set: never setuid, setgid or sticky); and the
/// copy stops at limits on bytes, files and depth, so hard links, sparse files and deep
/// nesting cannot make it unbounded.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace scbench {

/// Decides whether an entry (and, for a directory, everything below it) is left out;
/// `depth` is 0 for entries directly in the copied directory.
using CopySkip = std::function<bool(const std::filesystem::path& path, bool directory, int depth)>;

struct CopyLimits {
  std::uint64_t max_bytes = 512ull << 20;  // apparent sizes added up (each hard link counts)
  std::uint64_t max_files = 50'000;
  int max_depth = 64;
};

struct CopyResult {
  std::uint64_t bytes = 0;
  std::uint64_t files = 0;
  /// What was left out for a limit ("more than 50000 files", ...); empty when complete.
  std::string truncated;
};

/// Copies `from` into `to` (created if missing). False with `error` naming the file when
/// reading or writing fails; reaching a limit is not an error (see CopyResult::truncated).
bool CopyRegularTree(const std::filesystem::path& from, const std::filesystem::path& to, const CopySkip& skip,
                     const CopyLimits& limits, CopyResult& result, std::string& error);

}  // namespace scbench
