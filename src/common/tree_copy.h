#pragma once
/// Copying a directory tree that untrusted code wrote (an agent's workspace, a snapshot):
/// directories and regular files only. Symbolic links are never followed or copied, and
/// FIFOs, sockets and devices are skipped, so the copy cannot reach outside the tree or
/// block on a pipe.

#include <filesystem>
#include <functional>
#include <string>

namespace scbench {

/// Decides whether an entry (and, for a directory, everything below it) is left out;
/// `depth` is 0 for entries directly in the copied directory.
using CopySkip = std::function<bool(const std::filesystem::directory_entry& entry, int depth)>;

/// Copies `from` into `to` (created if missing). False with `error` naming the file.
bool CopyRegularTree(const std::filesystem::path& from, const std::filesystem::path& to, const CopySkip& skip,
                     std::string& error);

}  // namespace scbench
