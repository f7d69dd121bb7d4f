#pragma once
/// Files inside a directory that untrusted code controls (a case's scratch directory):
/// names are confined to the directory (no absolute names, no `..`), and no symbolic
/// link is followed on the way, so a submission cannot make scbench read or write
/// anything else. Reads take regular files only and stop at a size cap, so a FIFO, a
/// device or a huge file cannot hang or exhaust scbench.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace scbench::harness {

/// Empty when `name` is a relative path that stays inside its directory; else why not.
std::string ConfinedNameProblem(std::string_view name);

/// The content of `root`/`name`, or nullopt with `error` ("not written", "a symbolic
/// link", "not a regular file", "larger than N bytes", ...).
std::optional<std::string> ReadContainedFile(const std::filesystem::path& root, std::string_view name,
                                             std::uint64_t max_bytes, std::string& error);

/// Writes `content` to `root`/`name`, making parent directories, refusing links.
bool WriteContainedFile(const std::filesystem::path& root, std::string_view name, std::string_view content,
                        std::string& error);

}  // namespace scbench::harness
